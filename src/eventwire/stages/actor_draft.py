"""An actor being assembled from its mentions by the actors stage."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import CountryBasis, Span

__all__ = ["Draft"]


@dataclass
class Draft:
    """An actor being assembled from its mentions."""

    key: str
    name: str
    kind: str  # person, org, country, group
    country: str | None = None
    sector: str | None = None
    title: str | None = None
    kb_id: str | None = None
    mentions: list[Span] = field(default_factory=list)
    # The story's country for a titled person ("President Bazoum" in a story about Niger):
    # weaker than the knowledge base, so only taken when it knows nothing.
    context_country: str | None = None
    # Set when ``country`` is the story's rather than the text's (see model.CountryBasis).
    country_from_context: bool = False
    # Capitalised words just before a one-word mention that no list knows ("Otty" in "Otty
    # Patiño"): a first name the knowledge base's person must share.
    given_names: set[str] = field(default_factory=set)

    def basis(self) -> CountryBasis | None:
        """How the country is known (see model.CountryBasis)."""
        if self.country is None:
            return None
        return "context" if self.country_from_context else "text"

    def add(self, start: int, end: int, text: str) -> None:
        if all(m.start != start for m in self.mentions):
            self.mentions.append(Span(start=start, end=end, text=text))
