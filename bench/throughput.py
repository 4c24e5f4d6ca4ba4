"""Throughput and peak memory of the whole pipeline, against spaCy alone on the same texts.

Run with `make bench`. The ratio pipeline/spaCy is what to watch: it does not depend on how fast
the machine is. Results also go to bench/out/throughput.json.
"""

from __future__ import annotations

import argparse
import json
import resource
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from eventwire.config import load_settings
from eventwire.ingest.files import read_inputs
from eventwire.model import Article, Document, RunReport
from eventwire.pipeline import Pipeline
from eventwire.stages.nlp import load_spacy

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "examples" / "articles.jsonl"


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def corpus(n: int) -> list[Article]:
    """The sample corpus repeated to ``n`` articles, each copy with its own id."""
    errors: list[Exception] = []
    base = list(read_inputs([str(CORPUS)], on_error=errors.append))
    if errors or not base:
        raise SystemExit(f"cannot read {CORPUS}: {errors}")
    return [
        base[i % len(base)].model_copy(update={"id": f"{base[i % len(base)].id}-{i}"})
        for i in range(n)
    ]


class _Timed:
    """Wraps a stage to add up the time spent in it."""

    def __init__(self, stage: Any) -> None:
        self.stage = stage
        self.name, self.requires = stage.name, stage.requires
        self.assigns, self.version = stage.assigns, stage.version
        self.seconds = 0.0

    def __call__(self, doc: Document) -> Document:
        t = time.perf_counter()
        try:
            return self.stage(doc)  # type: ignore[no-any-return]
        finally:
            self.seconds += time.perf_counter() - t

    def pipe(self, docs: Iterable[Document]) -> Iterator[Document]:
        docs = list(docs)
        t = time.perf_counter()
        out = (
            list(self.stage.pipe(docs))
            if hasattr(self.stage, "pipe")
            else [self.stage(d) for d in docs]
        )
        self.seconds += time.perf_counter() - t
        return iter(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", "--articles", type=int, default=500)
    args = parser.parse_args()

    settings = load_settings()
    articles = corpus(args.articles)
    texts = [a.text for a in articles]
    words = sum(len(t.split()) for t in texts)
    rss_start = _rss_mb()

    nlp = load_spacy(settings.model)
    list(nlp.pipe(texts[:8]))  # warm-up
    t = time.perf_counter()
    sentences = sum(len(list(d.sents)) for d in nlp.pipe(texts, batch_size=settings.batch_size))
    spacy_s = time.perf_counter() - t
    rss_spacy = _rss_mb()

    built = Pipeline.from_names(settings.stages, options=settings.stage_options())
    timed = [_Timed(s) for s in built.stages]
    pipeline = Pipeline(timed)  # type: ignore[arg-type]
    list(pipeline.pipe(articles[:8]))  # warm-up: lexicons and gazetteers load here
    for s in timed:
        s.seconds = 0.0
    report = RunReport()
    t = time.perf_counter()
    docs = 0
    events = 0
    for doc in pipeline.pipe(articles, batch_size=settings.batch_size, report=report):
        docs += 1
        events += len(doc.events)
    full_s = time.perf_counter() - t
    rss_full = _rss_mb()

    result = {
        "articles": len(articles),
        "words_per_article": round(words / len(articles)),
        "sentences": sentences,
        "spacy_alone": {
            "seconds": round(spacy_s, 2),
            "articles_per_s": round(len(articles) / spacy_s, 2),
            "sentences_per_s": round(sentences / spacy_s, 1),
        },
        "pipeline": {
            "seconds": round(full_s, 2),
            "articles_per_s": round(docs / full_s, 2),
            "sentences_per_s": round(sentences / full_s, 1),
            "events": events,
            "failed": len(report.failures),
        },
        "ratio_pipeline_to_spacy": round(full_s / spacy_s, 2),
        "stage_seconds": {s.name: round(s.seconds, 2) for s in timed},
        "peak_rss_mb": {
            "start": round(rss_start),
            "after_spacy": round(rss_spacy),
            "after_pipeline": round(rss_full),
        },
    }
    out = ROOT / "bench" / "out"
    out.mkdir(exist_ok=True)
    (out / "throughput.json").write_text(json.dumps(result, indent=2) + "\n")
    print(
        f"{len(articles)} articles (~{result['words_per_article']} words each), "
        f"{sentences} sentences"
    )
    print(
        f"spaCy alone : {result['spacy_alone']['articles_per_s']:>7} articles/s  "
        f"{result['spacy_alone']['sentences_per_s']:>8} sentences/s"
    )
    print(
        f"pipeline    : {result['pipeline']['articles_per_s']:>7} articles/s  "
        f"{result['pipeline']['sentences_per_s']:>8} sentences/s  ({events} events)"
    )
    print(f"ratio       : {result['ratio_pipeline_to_spacy']}x the time of spaCy alone")
    print("stages (s)  : " + ", ".join(f"{k} {v}" for k, v in result["stage_seconds"].items()))
    print(
        f"peak memory : {result['peak_rss_mb']['after_pipeline']} MB "
        f"(spaCy alone: {result['peak_rss_mb']['after_spacy']} MB)"
    )


if __name__ == "__main__":
    main()
