"""The trained PLOVER trigger classifier: features, model, training (`make model`)."""

from .model import EventModel, Verdict, load_event_model

__all__ = ["EventModel", "Verdict", "load_event_model"]
