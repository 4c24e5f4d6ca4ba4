"""`python -m eventwire.classify`: train the trigger classifier, report CV measures, write it."""

from __future__ import annotations

import argparse
import time
from pathlib import Path
from typing import Any

from ..ontology import EVENT_TYPES
from .features import ALL_GROUPS, DEFAULT_GROUPS
from .train import (
    DEFAULT_L2,
    DEFAULT_MIN_COUNT,
    SEED,
    build_instances,
    cross_validate,
    example_folds,
    load_corpus,
    summarise,
    train,
)

DEFAULT_OUT = Path(__file__).resolve().parent.parent / "resources" / "event_model.npz"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        prog="python -m eventwire.classify", description=(__doc__ or "").splitlines()[0]
    )
    parser.add_argument("--data", type=Path, default=Path("data/training"))
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--l2", type=float, default=DEFAULT_L2)
    parser.add_argument("--min-count", type=int, default=DEFAULT_MIN_COUNT)
    parser.add_argument("--groups", default=",".join(DEFAULT_GROUPS), help=",".join(ALL_GROUPS))
    parser.add_argument(
        "--stage",
        action="store_true",
        help="also score the whole events stage per sentence, rules alone vs. with the model",
    )
    parser.add_argument("--no-write", action="store_true", help="measure only")
    args = parser.parse_args(argv)
    groups = tuple(g for g in args.groups.split(",") if g)
    unknown = set(groups) - set(ALL_GROUPS)
    if unknown:
        parser.error(f"unknown feature groups {sorted(unknown)}; known: {', '.join(ALL_GROUPS)}")

    started = time.perf_counter()
    examples = load_corpus(args.data)
    instances = build_instances(examples, groups)
    print(
        f"corpus      : {len(examples)} sentences from {args.data}, {len(instances)} instances, "
        f"{sum(i.label != 'NONE' for i in instances)} events"
    )
    cv = cross_validate(
        instances,
        len(examples),
        k=args.folds,
        seed=args.seed,
        groups=groups,
        l2=args.l2,
        min_count=args.min_count,
    )
    summary = summarise(instances, cv)
    _print_summary(summary, args.folds)
    if args.stage:
        for model in cv.models:  # calibrated as the packaged model will be
            model.temperature = summary["temperature"]
        _print_stage(examples, cv.models, args.folds, args.seed)
    if args.no_write:
        return
    info = {
        "sentences": len(examples),
        "instances": len(instances),
        "seed": args.seed,
        "l2": args.l2,
        "min_count": args.min_count,
        "folds": args.folds,
        "cv": {k: summary[k] for k in ("model", "rules", "calibration_scaled", "mode_accuracy")},
    }
    model = train(
        instances,
        groups=groups,
        l2=args.l2,
        min_count=args.min_count,
        temperature=summary["temperature"],
        info=info,
    )
    args.out.parent.mkdir(parents=True, exist_ok=True)
    model.save(args.out)
    size = args.out.stat().st_size / 1e6
    print(
        f"artefact    : {args.out} ({size:.2f} MB, {len(model.features)} features, "
        f"T={model.temperature:.3f}) in {time.perf_counter() - started:.0f} s"
    )


def _print_summary(s: dict[str, Any], k: int) -> None:
    m, r = s["model"], s["rules"]
    mc, rc = s["model_on_candidates"], s["rules_on_candidates"]
    print(f"{k}-fold cross-validation by sentence (instance level; NONE = no event):")
    print(
        f"  model     : accuracy {m['accuracy']:.3f}  P {m['precision']:.3f}  "
        f"R {m['recall']:.3f}  F1 {m['f1']:.3f}"
    )
    print(
        f"  lexicon   : accuracy {r['accuracy']:.3f}  P {r['precision']:.3f}  "
        f"R {r['recall']:.3f}  F1 {r['f1']:.3f}"
    )
    print(
        f"  on the {s['candidates']} lexicon candidates: model accuracy {mc['accuracy']:.3f} "
        f"(F1 {mc['f1']:.3f}), lexicon {rc['accuracy']:.3f} (F1 {rc['f1']:.3f})"
    )
    print(f"  mode accuracy (gold type given): {s['mode_accuracy']:.3f}")
    raw, scaled = s["calibration_raw"], s["calibration_scaled"]
    print(
        f"  calibration: Brier {raw['brier']:.3f} -> {scaled['brier']:.3f}, "
        f"ECE {raw['ece']:.3f} -> {scaled['ece']:.3f}, NLL {raw['nll']:.3f} -> "
        f"{scaled['nll']:.3f} (temperature {s['temperature']:.3f}, fitted on held-out folds)"
    )
    print(f"  {'type':<10} {'P':>6} {'R':>6} {'F1':>6} {'n':>5}")
    for t in EVENT_TYPES:
        row = s["per_type"][t]
        print(
            f"  {t:<10} {row['precision']:6.3f} {row['recall']:6.3f} {row['f1']:6.3f} "
            f"{int(row['support']):5d}"
        )


def _print_stage(examples: Any, models: Any, k: int, seed: int) -> None:
    from .policy import code_without_events, score_stage

    docs = code_without_events(examples)
    fold = [int(f) for f in example_folds(len(examples), k, seed)]
    rules = score_stage(examples, docs, fold, None)
    with_model = score_stage(examples, docs, fold, models)
    print("events stage per sentence (types vs. gold types, out-of-fold models):")
    for name, s in (("rules", rules), ("rules+model", with_model)):
        print(
            f"  {name:<12}: P {s['precision']:.3f}  R {s['recall']:.3f}  F1 {s['f1']:.3f}  "
            f"accuracy@any {s['accuracy_any']:.3f}"
        )
    changed = [
        f"{t} {rules['per_type'][t]['f1']:.2f}->{with_model['per_type'][t]['f1']:.2f}"
        for t in EVENT_TYPES
        if abs(rules["per_type"][t]["f1"] - with_model["per_type"][t]["f1"]) >= 0.005
    ]
    print("  per-type F1: " + ", ".join(changed))


if __name__ == "__main__":
    main()
