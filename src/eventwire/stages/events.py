"""The events stage: PLOVER events per clause, with actors, modality and evidence."""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Any, ClassVar

from ..classify.model import EventModel, load_event_model
from ..model import Document, Event, Evidence, Modality, Span
from ..ontology import (
    CONTENT_NOUNS,
    CONTEXT_CUES,
    EVENT_TYPES,
    FORCE_MOVES,
    cameo_root,
    intensity,
    quad_class,
)
from ..pipeline import register_stage
from ..resources.lexicons import Trigger, TriggerPos, load_triggers
from .event_arguments import event_arguments
from .event_modality import event_modality
from .event_rules import is_reported_demand, recode_by_actor, statement_of_intent
from .syntax import ActorIndex, clause_verb

__all__ = ["EventsStage"]

# Verbal event types: what they govern is the content of the statement (PLOVER codes "threaten
# to attack" as THREATEN, not as an attack), so triggers under them are not events of their own.
_VERBAL = frozenset({"AGREE", "SUPPORT", "CONCEDE", "REQUEST", "ACCUSE", "REJECT", "THREATEN"})
# Prepositions by which an event noun names the one it is done to: "the arrest of twelve
# activists", "condemnation of the coup", "support for Estonia", "aid for Gaza". A visit, a
# withdrawal or a protest "of" someone is theirs.
_OBJECT_PREPS = {
    "ASSAULT": frozenset({"of"}),
    "COERCE": frozenset({"of"}),
    "SANCTION": frozenset({"of"}),
    "ACCUSE": frozenset({"of"}),
    "THREATEN": frozenset({"of"}),  # "the blockade of Serbia", "an ultimatum of …"
    "SUPPORT": frozenset({"for"}),
    "AID": frozenset({"for"}),
}
# Where a noun trigger stands as the event itself ("held talks", "clashes erupted").
_NOUN_DEPS = frozenset({"dobj", "nsubj", "nsubjpass", "ROOT", "attr", "conj", "appos", "pobj"})
# Prepositions that put an event noun in the background of the sentence's own event.
_BACKGROUND_PREPS = frozenset(
    {
        "after",
        "following",
        "since",
        "amid",
        "amidst",
        "during",
        "despite",
        "before",
        "of",
        "over",
        "throughout",
        "until",
        "without",
    }
)
_BACKGROUND_MARKS = frozenset("after since because until before where though although once".split())
# Confidence when the stage runs without the trained model (use_model=False).
_CONFIDENCE = {"verb+cue": 0.7, "verb": 0.6, "noun": 0.5, "demand": 0.6}


@dataclass(frozen=True)
class _Candidate:
    tok: Any
    trigger: Trigger
    # verb+cue, verb, noun: lexicon matches; demand: a reported demand ("said Y must");
    # model: a word only the model took for a trigger.
    kind: str
    confidence: float | None = None  # the model's calibrated probability of the type


@register_stage
class EventsStage:
    """Code PLOVER events from trigger words in the parse; actor and recipient from syntax."""

    name: ClassVar[str] = "events"
    requires: ClassVar[tuple[str, ...]] = ("actors", "quotes")
    assigns: ClassVar[tuple[str, ...]] = ("events", "quotes.events")
    version: ClassVar[str] = "3"  # 2: the trained trigger classifier; 3: its nouns read as nouns

    def __init__(self, *, use_model: bool = True, model: EventModel | None = None) -> None:
        self.triggers = load_triggers()
        # Words that can start or end a lexicon entry: any other word is no trigger, and its
        # cue context need not be read.
        self.trigger_words = {
            (word, pos)
            for lemma, pos in self.triggers
            for word in (lemma.split()[0], lemma.split()[-1])
        }
        # The trained classifier confirms, corrects or drops the lexicon's candidates.
        self.model = model if model is not None else load_event_model() if use_model else None

    def __call__(self, doc: Document) -> Document:
        events: list[Event] = []
        seen: dict[tuple[object, ...], list[frozenset[str]]] = {}
        dates = _date_words_by_sentence(doc)
        index = ActorIndex(doc.actors)
        sents = list(zip(doc.sentences, doc.parse.sents, strict=True))
        found = self._judged([self._matches(sent) for _, sent in sents])
        for (sentence, sent), judged in zip(sents, found, strict=True):
            when = dates.get(sentence.index, frozenset())
            cands = list(self._filtered(judged))
            inside_verbal = {c.tok.i for c in cands if c.trigger.event_type in _VERBAL}
            cands = [c for c in cands if not _governed_by(c.tok, inside_verbal)]
            foreground = [c for c in cands if not _in_background_clause(c.tok)]
            # A sentence reports its main-clause events and what happens at the same time
            # ("as", "while"); "after battles raged", "where 28 people were killed" only set
            # the scene, unless the sentence has nothing else.
            contexts = _contexts(sent) if cands else []
            for cand in foreground or cands:
                event = self._event(doc, index, cand, sentence.index, sent, len(events) + 1)
                event.contexts = list(contexts)
                key = _dedup_key(event, cand)
                # Told again without a date, or with the same one, it is the same event; the
                # same dyad on another date ("again in 2022") is a new one.
                if any(not w or not when or w == when for w in seen.get(key, ())):
                    continue
                seen.setdefault(key, []).append(when)
                events.append(event)
        doc.events = events
        _link_quotes(doc)
        return doc

    # --- finding triggers ---------------------------------------------------------------

    def _judged(self, matched: list[tuple[list[_Candidate], list[Any]]]) -> list[list[_Candidate]]:
        """The model's verdict on every word the lexicon matched, and on the verbs and event
        nouns it did not, scored in one batch per document; the lexicon alone without a model.
        """
        if self.model is None:
            return [found for found, _ in matched]
        judged_all, proposed_all = self.model.review(
            [(c.tok, c.trigger, c.kind) for found, _ in matched for c in found],
            [t for _, unmatched in matched for t in unmatched],
        )
        verdicts, proposals = iter(judged_all), iter(proposed_all)
        judged: list[list[_Candidate]] = []
        for found, unmatched in matched:
            kept = []
            sentence_verdicts = [next(verdicts) for _ in found]
            types_kept = {v.event_type for v in sentence_verdicts if v.keep}
            for cand, v in zip(found, sentence_verdicts, strict=True):
                # The model says which types a sentence reports, not which word or whether it
                # is asserted: a candidate stays while another of its type stays, and one the
                # rules mark negated, hypothetical or future is marked, not dropped.
                if not v.keep and v.event_type not in types_kept:
                    modality = event_modality(cand.tok)
                    if not (modality.negated or modality.hypothetical or modality.future):
                        continue
                trigger = cand.trigger
                if (v.event_type, v.mode) != (trigger.event_type, trigger.mode):
                    trigger = replace(trigger, event_type=v.event_type, mode=v.mode)
                # The model has no confidence of its own for a reported demand (see judge).
                confidence = None if cand.kind == "demand" else v.confidence
                kept.append(_Candidate(cand.tok, trigger, cand.kind, confidence))
            for tok in unmatched:
                v = next(proposals)
                if v.keep:
                    pos: TriggerPos = "VERB" if tok.pos_ == "VERB" else "NOUN"
                    trigger = Trigger(tok.lemma_.lower(), pos, v.event_type, v.mode, None)
                    kept.append(_Candidate(tok, trigger, "model", v.confidence))
            judged.append(sorted(kept, key=lambda c: c.tok.i))
        return judged

    def _candidates(self, sent: Any) -> Iterator[_Candidate]:
        """The lexicon's candidates in a sentence (the stage without its model)."""
        return self._filtered(self._matches(sent)[0])

    def _matches(self, sent: Any) -> tuple[list[_Candidate], list[Any]]:
        """Words the lexicon matches, and the verbs and event nouns it leaves unmatched."""
        found: list[_Candidate] = []
        unmatched: list[Any] = []
        for tok in sent:
            pos = (
                "VERB" if tok.pos_ == "VERB" else "NOUN" if tok.pos_ in ("NOUN", "PROPN") else None
            )
            if pos is None or (pos == "NOUN" and tok.dep_ not in _NOUN_DEPS):
                continue
            if _not_an_occurrence(tok, pos):
                continue
            chosen = self._match(tok, pos)
            if chosen is None and pos == "VERB" and is_reported_demand(tok):
                trigger = Trigger(tok.lemma_.lower(), "VERB", "REQUEST", None, None)
                found.append(_Candidate(tok, trigger, "demand"))
                continue
            if chosen is None:
                unmatched.append(tok)
                continue
            trigger, has_cue = chosen
            kind = "noun" if pos == "NOUN" else "verb+cue" if has_cue else "verb"
            found.append(_Candidate(tok, trigger, kind))
        return found, unmatched

    def _filtered(self, found: list[_Candidate]) -> Iterator[_Candidate]:
        # A word only the model proposed never displaces what the lexicon found: it goes when a
        # lexicon candidate hangs below it ("reiterated its demand", "declined to meet": the
        # rules code the demand, and the refusal from "meet").
        above = {a.i for c in found if c.kind != "model" for a in c.tok.ancestors}
        found = [c for c in found if c.kind != "model" or c.tok.i not in above]
        verbs_with_trigger = {c.tok.i for c in found if c.tok.pos_ == "VERB"}
        protests = {c.tok.i for c in found if c.trigger.event_type == "PROTEST"}
        # "staged demonstrations to demand reforms": the protest noun's verb holds the demand.
        protest_verbs = {
            c.tok.head.i
            for c in found
            if c.trigger.event_type == "PROTEST" and c.tok.dep_ == "dobj"
        }
        for cand in found:
            # "condemned the attack": the noun is what the verb event is about.
            if cand.tok.pos_ != "VERB" and clause_verb(cand.tok).i in verbs_with_trigger:
                continue
            # "a hunger strike in protest of the ban": one protest, told twice.
            if _in_protest_of(cand.tok) and protests - {cand.tok.i}:
                continue
            # "marched to demand reforms": the demand is what the protest is for.
            if cand.trigger.event_type in ("REQUEST", "ACCUSE") and (
                _governed_by(cand.tok, protests)
                or (_infinitive(cand.tok) and _governed_by(cand.tok, protest_verbs))
            ):
                continue
            yield cand

    def _match(self, tok: Any, pos: str) -> tuple[Trigger, bool] | None:
        lemma = tok.lemma_.lower()
        if (lemma, pos) not in self.trigger_words:
            return None
        # Cues sit on the trigger's dependents and one level below them: "spoke by phone",
        # "sent police officers".
        context = {c.lemma_.lower() for c in tok.children}
        context.update(
            g.lemma_.lower()
            for c in tok.children
            if c.dep_ in ("prep", "dobj", "agent", "dative", "nsubjpass")
            for g in c.children
        )
        context.update(  # "sent 50 tonnes of food aid"
            p.lemma_.lower()
            for c in tok.children
            if c.dep_ == "dobj"
            for o in c.children
            if o.dep_ == "prep" and o.lower_ == "of"
            for p in o.children
        )
        if tok.i + 1 < len(tok.doc):
            context.add(tok.doc[tok.i + 1].lemma_.lower())
        if pos == "NOUN" and tok.head.i != tok.i:
            context.add(tok.head.lemma_.lower())
        entries: list[Trigger] = []
        for word in sorted(context):  # sorted: ties between entries keep one order every run
            entries.extend(self.triggers.get((f"{lemma} {word}", pos), ()))
        if tok.i > 0:
            entries.extend(
                self.triggers.get((f"{tok.doc[tok.i - 1].lemma_.lower()} {lemma}", pos), ())
            )
        entries.extend(self.triggers.get((lemma, pos), ()))
        # The lexicon's rule: a satisfied cue beats no cue, a mode beats none, then file order.
        with_cue = [t for t in entries if t.cue and t.cue in context]
        plain = [t for t in entries if not t.cue]
        for pool, cued in ((with_cue, True), (plain, False)):
            if pool:
                best = min(pool, key=lambda t: (" " not in t.lemma, t.mode is None))
                return best, cued or " " in best.lemma
        return None

    # --- building an event --------------------------------------------------------------

    def _event(
        self,
        doc: Document,
        index: ActorIndex,
        cand: _Candidate,
        sent_index: int,
        sent: Any,
        number: int,
    ) -> Event:
        tok, trig = cand.tok, cand.trigger
        event_type = trig.event_type
        mode = trig.mode if trig.mode in EVENT_TYPES[event_type].modes else None
        modality = event_modality(tok)
        statement = statement_of_intent(
            tok,
            event_type,
            mode,
            future=modality.future or modality.hypothetical,
            negated=modality.negated,
        )
        if statement is not None:
            # The announcement happened; what it announces is in the type (AGREE, THREATEN)
            # and lies ahead: a promise or a threat is future, never hypothetical.
            event_type, mode = statement
            modality = Modality(negated=modality.negated and event_type != "REJECT", future=True)
        actors, recipients = event_arguments(
            index,
            tok,
            # a noun the model proposed ("declared a state of emergency") is read as one too
            noun=cand.kind == "noun" or (cand.kind == "model" and cand.trigger.pos == "NOUN"),
            verbal=event_type in _VERBAL or event_type == "PROTEST",
            object_preps=_object_preps(event_type, tok),
            demand=event_type in ("REQUEST", "ACCUSE"),
        )
        if event_type == "RETREAT" and not actors and _passive(tok) and _pulls_back(tok):
            # "guerrillas have been demobilized", "troops were withdrawn": with no one named
            # doing it, those pulled back are the side that retreats ("prisoners were freed"
            # are still those freed).
            pulled = {
                a.id for c in tok.children if c.dep_ == "nsubjpass" and (a := index.actor_at(c))
            }
            actors = [r for r in recipients if r in pulled]
            recipients = [r for r in recipients if r not in pulled]
        sectors = [a.sector for a in map(doc.actor, actors) if a is not None]
        event_type, mode = recode_by_actor(event_type, mode, sectors)
        return Event(
            id=f"ev{number}",
            event_type=event_type,
            mode=mode,
            actors=actors,
            recipients=[r for r in recipients if r not in actors],
            modality=modality,
            quad_class=quad_class(event_type),
            intensity=intensity(event_type, mode),
            cameo=cameo_root(event_type, mode),
            confidence=_CONFIDENCE[cand.kind] if cand.confidence is None else cand.confidence,
            evidence=Evidence(
                sentence_index=sent_index,
                start=sent.start_char,
                end=sent.end_char,
                text=doc.text[sent.start_char : sent.end_char],
            ),
            trigger=Span(start=tok.idx, end=tok.idx + len(tok.text), text=tok.text),
        )


def _pulls_back(tok: Any) -> bool:
    lemma = tok.lemma_.lower()
    return lemma in FORCE_MOVES["from"] or lemma in ("demobilize", "demobilise")


def _passive(tok: Any) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children)


def _infinitive(tok: Any) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def _object_preps(event_type: str, tok: Any) -> frozenset[str]:
    if _in_protest_of(tok):
        return frozenset({"of"})
    return _OBJECT_PREPS.get(event_type, frozenset())


def _in_protest_of(tok: Any) -> bool:
    """ "a hunger strike in protest of the government's refusal": what is protested."""
    return bool(tok.lower_ == "protest" and tok.head.lower_ == "in")


def _not_an_occurrence(tok: Any, pos: str) -> bool:
    """Words that name an event without reporting one.

    Participles used as adjectives ("the besieged town", "armed with machetes", "the
    wounded") and event nouns given as background ("after two days of fighting", "amid
    unrest", "for its support of") are not events of this sentence.
    """
    if pos == "VERB":
        if tok.dep_ == "amod":
            return True
        if (
            tok.dep_ == "pcomp"
            and tok.head.lower_ == "of"
            and tok.head.head.lemma_.lower() in CONTENT_NOUNS
        ):
            return True  # "the decision of sending troops": what a decision is about
        return (
            tok.tag_ == "VBN"
            and tok.dep_ in ("acl", "dobj", "nsubj", "pobj")
            and not any(c.dep_ in ("agent", "auxpass") for c in tok.children)
        )
    if tok.dep_ != "pobj":
        return False
    prep = tok.head
    if prep.lower_ == "of" and _is_quantity(prep.head):
        return False  # "50 tonnes of food aid", "dozens of air strikes"
    if prep.lower_ in _BACKGROUND_PREPS:
        return True
    # "in response to", "because of", "due to"
    return prep.head.lower_ in ("response", "because", "due", "wake")


def _date_words_by_sentence(doc: Document) -> dict[int, frozenset[str]]:
    """The DATE/TIME names of each sentence, read in one pass (Span.ents rescans the doc)."""
    starts = [s.start for s in doc.sentences]
    found: dict[int, set[str]] = {}
    for ent in doc.parse.ents:
        if ent.label_ in ("DATE", "TIME"):
            index = bisect.bisect_right(starts, ent.start_char) - 1
            found.setdefault(index, set()).add(ent.text.lower())
    return {i: frozenset(words) for i, words in found.items()}


def _link_quotes(doc: Document) -> None:
    """Tie each quote to the events it tells of, and give them their speaker.

    An event inside a quote whose subject is "we" or "I" ("'We will not withdraw,' the
    minister said") is the speaker's; so is the event of the cue verb itself ("X denied …").
    """
    sp = doc.parse
    for quote in doc.quotes:
        speaker = quote.speaker.actor_id if quote.speaker else None
        cue_verb = _cue_verb(sp, quote)
        linked = []
        for event in doc.events:
            if event.trigger is None:
                continue
            inside = quote.start <= event.trigger.start < quote.end
            is_cue = cue_verb is not None and event.trigger.start == cue_verb.idx
            if not (inside or is_cue):
                continue
            linked.append(event.id)
            lend = (is_cue and not event.actors) or (inside and _first_person(sp, event))
            if speaker and lend:
                event.actors = [speaker]
                event.recipients = [r for r in event.recipients if r != speaker]
        quote.events = linked


def _cue_verb(sp: Any, quote: Any) -> Any:
    if quote.speaker is None:
        return None
    span = sp.char_span(quote.speaker.start, quote.speaker.end, alignment_mode="expand")
    if span is None:
        return None
    head = span.root.head
    return head if head.pos_ in ("VERB", "AUX") else None


def _first_person(sp: Any, event: Event) -> bool:
    assert event.trigger is not None
    span = sp.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
    if span is None:
        return False
    verb = clause_verb(span.root)
    return any(
        c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("we", "i") for c in verb.children
    ) or any(c.dep_ == "poss" and c.lower_ in ("our", "my") for c in span.root.children)


def _in_background_clause(tok: Any) -> bool:
    """In a relative clause, or an adverbial clause of earlier time, cause or concession."""
    cur = tok
    while cur.head.i != cur.i:
        if cur.dep_ == "relcl":
            return True
        if cur.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in _BACKGROUND_MARKS for c in cur.children
        ):
            return True
        cur = cur.head
    return False


def _is_quantity(tok: Any) -> bool:
    return (
        tok.like_num
        or any(c.dep_ == "nummod" for c in tok.children)
        or tok.lemma_.lower()
        in (
            "dozen",
            "hundred",
            "thousand",
            "million",
            "billion",
            "series",
            "wave",
            "number",
            "round",
            "lot",
            "couple",
            "string",
            "spate",
        )
    )


def _governed_by(tok: Any, heads: set[int]) -> bool:
    """True when a verbal-event trigger above ``tok`` takes it as its content.

    A denial is the exception: "denied sending troops" still tells of a (negated) troop move;
    "refused to withdraw" is a REJECT whose content is the withdrawal.
    """
    cur = tok
    while cur.head.i != cur.i:
        if cur.dep_ in ("conj", "cc"):
            return False
        cur = cur.head
        if cur.i in heads:
            return bool(cur.lemma_.lower() != "deny")
    return False


def _contexts(sent: Any) -> list[str]:
    lemmas = {t.lemma_.lower() for t in sent}
    return sorted(name for name, cues in CONTEXT_CUES.items() if lemmas & cues)


def _dedup_key(event: Event, cand: _Candidate) -> tuple[object, ...]:
    """The same event told twice (restated, or headline and body) is one event."""
    who: tuple[object, ...] = (tuple(sorted(event.actors)), tuple(sorted(event.recipients)))
    if not event.actors:
        who = (cand.tok.lemma_.lower(), event.evidence.sentence_index)
    return (event.event_type, event.mode, who, event.modality.negated)
