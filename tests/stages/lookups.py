"""Finding things in a coded document, for the stage tests."""

from __future__ import annotations

from eventwire.model import Actor, Document


def actor_with_mention(doc: Document, mention: str) -> Actor:
    """The first actor one of whose mentions reads ``mention``; fails naming the actors seen."""
    hits = [a for a in doc.actors if any(m.text == mention for m in a.mentions)]
    assert hits, f"no actor with mention {mention!r}: {[a.name for a in doc.actors]}"
    return hits[0]
