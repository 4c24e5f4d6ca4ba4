"""The actor knowledge base in the actors stage: the role a name held on the article's date."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventwire.model import ActorFact, Article, Document
from eventwire.pipeline import Pipeline
from eventwire.resources.kb import BundledKB
from eventwire.stages.actor_roles import article_day, find_facts, role_on, role_with

from .lookups import actor_with_mention as _actor


def _fact(
    name: str, country: str, sector: str, title: str, start: str, end: str | None = None
) -> ActorFact:
    return ActorFact(name=name, country=country, sector=sector, title=title, start=start, end=end)


# One person's career, ours: a minister, then president while chairing a regional bloc.
CAREER = [
    _fact("Amina Dossou", "BEN", "GOV", "Foreign Minister", "2012-04", "2016-04-06"),
    _fact("Amina Dossou", "BEN", "GOV", "President", "2021-05-23", "2026-05-23"),
    _fact("Amina Dossou", "IGO", "GOV", "Chair of the ECOWAS Authority", "2022-07", "2023-07"),
]


# ---------------------------------------------------------------- choosing the role


@pytest.mark.parametrize(
    ("day", "country", "sector", "title"),
    [
        ("2014-01-10", "BEN", "GOV", "Foreign Minister"),
        ("2022-09-01", "BEN", "GOV", "President"),  # head of state before the bloc's chair
        ("2018-06-01", "BEN", "ELI", None),  # between terms: a former minister
        ("2027-01-01", "BEN", "ELI", None),  # every term over: the last one's country
        ("2010-01-01", "BEN", None, None),  # before the first term: not yet in office
        ("2012-04-15", "BEN", "GOV", "Foreign Minister"),  # a month-precision start
        (None, "BEN", "GOV", "President"),  # no date: the latest role
    ],
)
def test_role_on_the_date(
    day: str | None, country: str, sector: str | None, title: str | None
) -> None:
    role = role_on(CAREER, day)
    assert role is not None
    assert (role.country, role.sector, role.title) == (country, sector, title)
    assert role.kb_id == "kb:Amina Dossou"


def test_two_people_of_one_name_who_disagree_give_nothing() -> None:
    facts = [
        _fact("Ali Hassan", "SOM", "GOV", "Finance Minister", "2015", "2017"),
        _fact("Ali Hassan", "SOM", "GOV", "Finance Minister", "2015", "2017"),
        _fact("Ali Hasan", "MDV", "GOV", "Finance Minister", "2016", "2018"),
    ]
    assert role_on(facts, "2016-06-01") is None
    # Only one of them in office that day: that one.
    only = role_on(facts, "2018-06-01")
    assert only is not None and only.country == "MDV"


@pytest.mark.parametrize(
    ("sector", "country", "expect"),
    [
        ("GOV", None, "BEN"),
        ("ELI", None, "BEN"),
        ("REB", None, None),  # no rebel role: no country from the KB
        (None, "IGO", "GOV"),  # the bloc's chair that day
        (None, "FRA", None),
    ],
)
def test_role_consistent_with_the_text(
    sector: str | None, country: str | None, expect: str | None
) -> None:
    role = role_with(CAREER, "2022-09-01", sector=sector, country=country)
    got = None if role is None else role.country if sector else role.sector
    assert got == expect


class _UserEdits:
    def facts(self, name: str) -> list[ActorFact]:
        if name.casefold() != "tokayev":
            return []
        return [
            ActorFact(name="Tokayev", country="KAZ", sector="LEG", title="Speaker", origin="user")
        ]


def test_first_lookup_that_knows_the_name_wins() -> None:
    assert find_facts([_UserEdits(), BundledKB()], ["Tokayev"])[0].origin == "user"
    assert find_facts([_UserEdits(), BundledKB()], ["Nazarbayev"])[0].origin == "bundled"
    assert find_facts([_UserEdits()], ["Nazarbayev"]) == []


@pytest.mark.parametrize(
    ("published", "day"),
    [("2023-08-03", "2023-08-03"), ("2023-08-03T10:15:00+01:00", "2023-08-03"), (None, None)],
)
def test_article_day(published: str | None, day: str | None) -> None:
    assert article_day(published) == day


# ---------------------------------------------------------------- in the pipeline


@pytest.mark.parametrize(
    ("text", "published", "mention", "country", "sector"),
    [
        # Nothing in the text but the name: the KB's role on the article's date.
        ("Tokayev said on Tuesday that Kazakhstan would stay neutral.", "2023-08-03",
         "Tokayev", "KAZ", "GOV"),
        ("Nazarbayev praised the pipeline agreement on Monday.", "2016-05-02",
         "Nazarbayev", "KAZ", "GOV"),
        ("Nazarbayev praised the pipeline agreement on Monday.", "2023-05-02",
         "Nazarbayev", "KAZ", "ELI"),  # out of office since 2022
        ("Nazarbayev praised the pipeline agreement on Monday.", None,
         "Nazarbayev", "KAZ", "GOV"),  # no date: his latest role
        ("Ashimbayev opened the session of the Senate.", "2024-09-02",
         "Ashimbayev", "KAZ", "LEG"),  # a unique surname
        # spaCy calls some names an organisation or misses them: the KB knows them.
        ("Kassym-Jomart Tokayev met Xi Jinping in Astana.", "2023-08-03",
         "Xi Jinping", "CHN", "GOV"),
        ("Bazoum was detained by his own guard.", "2023-07-20", "Bazoum", "NER", "GOV"),
        ("Bazoum was detained by his own guard.", "2023-08-03", "Bazoum", "NER", "ELI"),
        # Niger and Nigeria: each leader his own country, whatever the story names first.
        ("Tiani said the borders with Benin would stay closed.", "2023-08-03",
         "Tiani", "NER", "GOV"),
        ("Niger's junta rejected the ultimatum after President Tinubu threatened force.",
         "2023-08-03", "Tinubu", "NGA", "GOV"),
        # The text's country, the KB's sector for a role in that country.
        ("Kazakhstan's Nazarbayev met reporters in Astana.", "2023-05-02",
         "Nazarbayev", "KAZ", "ELI"),
        # The text's own evidence wins over the KB.
        ("Former president Tokayev criticised the plan.", "2023-08-03",
         "Tokayev", "KAZ", "ELI"),
        # ... and the KB still gives the person's country when the text names none.
        ("Rebel leader Tokayev denied the report.", "2023-08-03", "Tokayev", "KAZ", "REB"),
        ("Activists rallied against the party's leader Mahmoud Abbas.", "2023-08-03",
         "Mahmoud Abbas", "PSE", "PTY"),
        ("Georgia's prime minister Irakli Garibashvili met Erdogan in Ankara.", "2023-05-02",
         "Irakli Garibashvili", "GEO", "GOV"),
        ("Georgia's prime minister Irakli Garibashvili met Erdogan in Ankara.", "2023-05-02",
         "Erdogan", "TUR", "GOV"),
    ],
)
def test_known_names_in_the_pipeline(
    code: Callable[..., Document], text: str, published: str | None, mention: str,
    country: str | None, sector: str | None,
) -> None:
    actor = _actor(code(text, published=published), mention)
    assert (actor.country, actor.sector) == (country, sector)


def test_kb_role_gives_title_and_kb_id(code: Callable[..., Document]) -> None:
    actor = _actor(code("Tokayev said on Tuesday that Kazakhstan would stay neutral."), "Tokayev")
    assert (actor.title, actor.kb_id) == ("President", "kb:Kassym-Jomart Tokayev")


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("Brown said the talks had failed.", "Brown"),  # Gordon Brown's surname is a word
        ("Mary Tokayev said the meeting went well. Tokayev then left.", "Mary Tokayev"),
        ("Mr. Jordan told reporters the plan was sound.", "Jordan"),
    ],
)
def test_no_match_stays_null(code: Callable[..., Document], text: str, mention: str) -> None:
    actor = _actor(code(text), mention)
    assert (actor.country, actor.sector, actor.kb_id) == (None, None, None)


def test_the_country_jordan_stays_the_country(code: Callable[..., Document]) -> None:
    doc = code("Jordan closed its border with Syria on Monday.")
    assert (_actor(doc, "Jordan").country, _actor(doc, "Jordan").kb_id) == ("JOR", None)


def test_the_stage_takes_lookups_in_precedence(pipeline: Pipeline) -> None:
    from eventwire.stages.actors import ActorsStage

    custom = Pipeline(
        [ActorsStage(lookups=[_UserEdits(), BundledKB()]) if s.name == "actors" else s
         for s in pipeline.stages]
    )
    doc = custom(Article(id="t", text="Tokayev said Kazakhstan would stay neutral.",
                         published_at="2023-08-03"))
    assert (_actor(doc, "Tokayev").country, _actor(doc, "Tokayev").sector) == ("KAZ", "LEG")


def test_one_actor_per_known_person(code: Callable[..., Document]) -> None:
    doc = code("Xi Jinping spoke to Joe Biden by phone. Xi said Taiwan was a red line.",
               published="2024-04-03")
    xi = _actor(doc, "Xi Jinping")
    assert [m.text for m in xi.mentions][:2] == ["Xi Jinping", "Xi"]
    assert (xi.country, xi.sector, xi.kb_id) == ("CHN", "GOV", "kb:Xi Jinping")


@pytest.mark.parametrize(
    ("text", "published"),
    [
        # spaCy splits "Otty Patiño": his surname is Ricardo Patiño's, his first name is not.
        ("The talks were led by Otty Patiño, who heads the government delegation. "
         "Patiño said the release was near.", "2023-11-10"),
        # A capitalised first word is no name, even where it is a KB surname (Anita Among).
        ("Among those detained were students and two journalists.", "2025-03-25"),
    ],
)
def test_no_kb_person_from_a_partial_match(
    code: Callable[..., Document], text: str, published: str
) -> None:
    doc = code(text, published=published)
    assert all(a.kb_id is None or not a.kb_id.startswith("kb:") for a in doc.actors)
