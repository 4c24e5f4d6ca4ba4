"""Actor facts in the store: learned from articles, edited by the user, imported; precedence."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from eventwire.cli import main
from eventwire.model import Actor, ActorFact, Document
from eventwire.store import registry
from eventwire.store.store import Store

DUMP = Path(__file__).resolve().parents[1] / "data" / "wikidata_sample.json"


def _doc(article_id: str, published: str, *actors: Actor) -> Document:
    doc = Document.model_validate({"article": {"id": article_id, "published_at": published}})
    doc.actors = list(actors)
    return doc


MINISTER = Actor(id="a1", name="Halima Sadou Garba", country="NER", sector="GOV",
                 title="Foreign Minister")  # fmt: skip


def test_an_article_teaches_the_registry_a_titled_name(store: Store):
    untitled = Actor(id="a2", name="Garba", country="NER", sector="GOV")
    from_kb = Actor(id="a3", name="Kassym-Jomart Tokayev", country="KAZ", sector="GOV",
                    title="President", kb_id="kb:Kassym-Jomart Tokayev")  # fmt: skip
    assert registry.learn(store, _doc("art-1", "2024-03-02", MINISTER, untitled, from_kb)) == 1
    [fact] = registry.facts(store, "halima sadou  GARBA")
    assert (fact.country, fact.sector, fact.title, fact.origin) == ("NER", "GOV",
            "Foreign Minister", "registry")  # fmt: skip
    assert registry.facts(store, "Garba") == []
    assert registry.facts(store, "Kassym-Jomart Tokayev") == []


def test_the_most_recent_article_decides_the_role(store: Store):
    registry.learn(store, _doc("new", "2024-05-01", MINISTER))
    former = MINISTER.model_copy(update={"sector": "ELI", "title": "former Foreign Minister"})
    registry.learn(store, _doc("old", "2022-01-10", former))
    [row] = registry.registry_rows(store)
    assert (row["sector"], row["source"], row["seen"]) == ("GOV", "new", 2)
    assert (row["first_seen"], row["last_seen"]) == ("2022-01-10", "2024-05-01")
    newer = MINISTER.model_copy(update={"sector": "ELI", "title": "former Foreign Minister"})
    registry.learn(store, _doc("newest", "2025-02-01", newer))
    [row] = registry.registry_rows(store)
    assert (row["sector"], row["source"]) == ("ELI", "newest")


def test_lookups_keep_the_precedence_user_registry_imported(store: Store):
    registry.learn(store, _doc("a", "2024-05-01", MINISTER))
    registry.put_facts(
        store,
        [ActorFact(name="Halima Sadou Garba", country="NER", sector="ELI", origin="imported")],
    )
    lookups = registry.lookups(store)
    assert [lk.origin for lk in lookups] == ["user", "registry", "imported"]
    first = next(f for lk in lookups if (f := lk.facts("Halima Sadou Garba")))
    assert first[0].origin == "registry"
    registry.put_facts(
        store,
        [ActorFact(name="Halima Sadou Garba", country="NER", sector="MIL", origin="user")],
        replace=True,
    )
    lookups = registry.lookups(store)
    first = next(f for lk in lookups if (f := lk.facts("Halima Sadou Garba")))
    assert (first[0].origin, first[0].sector) == ("user", "MIL")
    assert registry.remove_facts(store, "Halima Sadou Garba", origin="user") == 1


def _ok(*args: str) -> str:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


def test_kb_import_wikidata_fills_the_store_and_replaces_an_earlier_import(tmp_path: Path):
    db = str(tmp_path / "kb.db")
    out = _ok("kb", "import-wikidata", str(DUMP), "--db", db)
    assert "2 people, 3 organisations" in out
    again = _ok("kb", "import-wikidata", str(DUMP), "--db", db)
    assert again.split(" facts")[0] == out.split(" facts")[0]
    store = Store.open(db)
    facts = registry.facts(store, "Amara Okonkwo-Diallo", origins=("imported",))
    assert {(f.title, f.end) for f in facts} == {
        ("Minister of Foreign Affairs of Niger", "2023-06-30"),
        ("Prime Minister of Niger", None),
    }
    store.close()


def test_registry_commands_set_list_import_remove(tmp_path: Path):
    db = str(tmp_path / "r.db")
    _ok("registry", "set", "Idris Mahamat Kella", "--country", "TCD", "--sector", "mil",
        "--title", "army chief", "--db", db)  # fmt: skip
    rows = [
        json.loads(r) for r in _ok("registry", "list", "--db", db, "--format", "jsonl").splitlines()
    ]
    assert [(r["name"], r["country"], r["sector"], r["origin"]) for r in rows] == [
        ("Idris Mahamat Kella", "TCD", "MIL", "user")
    ]
    edits = tmp_path / "edits.jsonl"
    edits.write_text(
        '{"name": "Nadia Ferhat", "country": "DZA", "sector": "GOV"}\n'
        "not json\n"
        '{"name": "Bad Sector", "sector": "XYZ"}\n'
        '{"name": "Bad Date", "start": "March 2020"}\n'
    )
    result = CliRunner().invoke(main, ["registry", "import", str(edits), "--db", db])
    assert result.exit_code == 1
    assert f"{edits}:2: not valid JSON" in result.stderr
    assert f"{edits}:3: field 'sector': 'XYZ' is not a PLOVER sector" in result.stderr
    assert f"{edits}:4: field 'start': 'March 2020' is not YYYY" in result.stderr
    assert "1 edits loaded" in result.stdout
    names = _ok("registry", "list", "--db", db)
    assert "Nadia Ferhat" in names and "Bad Sector" not in names
    assert "1 facts removed" in _ok("registry", "remove", "Nadia Ferhat", "--db", db)
