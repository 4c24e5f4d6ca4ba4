"""The built-in stages, registered in the one list below (import order is registration order)."""

from . import actors, dates, events, mentions, nlp, parties, places, quotes

__all__ = ["actors", "dates", "events", "mentions", "nlp", "parties", "places", "quotes"]
