"""The scenario store on SQLite and on a real PostgreSQL, the same tests on both: saving
and versions, list and search, loading validated, workshops, hostile input refused with
nothing stored."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
import sqlalchemy as sa

from woonlib.model.assumptions import DEFAULTS
from woonlib.store import scenarios, workshops
from woonlib.store.database import Store, open_store
from woonlib.store.errors import StoreError
from woonlib.store.schema import SCHEMA_VERSION, scenario_versions, schema_table, submissions

GROWTH = DEFAULTS.replace(ambition_homes=10_000, build_rate=1200)


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    opened = open_store(store_url)
    yield opened
    opened.close()


def rows(store: Store, table: sa.Table) -> int:
    with store.reading() as conn:
        return int(conn.execute(sa.select(sa.func.count()).select_from(table)).scalar_one())


def test_a_new_store_is_made_on_first_use_with_the_current_schema(store: Store) -> None:
    with store.reading() as conn:
        assert conn.execute(sa.select(schema_table.c.version)).scalars().all() == [SCHEMA_VERSION]
    assert scenarios.scenarios(store) == []
    again = open_store(store.url)  # opening it again changes nothing
    assert rows(again, schema_table) == 1
    again.close()


def test_saving_a_name_again_makes_a_new_version_with_what_changed(store: Store) -> None:
    first = scenarios.save(store, "Groei", "Anna", "eerste versie", GROWTH)
    assert (first.name, first.version, first.ref) == ("Groei", 1, "Groei@1")
    second = scenarios.save(store, "Groei", "Bram", "", GROWTH.replace(build_rate=1300))
    assert second.version == 2
    found = scenarios.versions(store, "Groei")
    assert [(s.version, s.author) for s, _ in found] == [(1, "Anna"), (2, "Bram")]
    assert [(c.name, c.before, c.after) for c in found[0][1]] == [
        ("ambition_homes", 9300, 10000),
        ("build_rate", 1000, 1200),
    ]
    assert [(c.name, c.before, c.after) for c in found[1][1]] == [("build_rate", 1200, 1300)]
    assert scenarios.load(store, "Groei").assumptions == GROWTH.replace(build_rate=1300)
    assert scenarios.load(store, "Groei", 1).assumptions == GROWTH
    assert scenarios.load(store, "Groei", 1).note == "eerste versie"


def test_the_list_holds_each_name_once_and_search_finds_name_author_or_note(store: Store) -> None:
    scenarios.save(store, "Groei", "Anna", "voor de raad", GROWTH)
    scenarios.save(store, "Groei", "Anna", "na de raad", GROWTH.replace(build_rate=900))
    scenarios.save(store, "Krimp 50%", "Bram", "", DEFAULTS.replace(ambition_homes=5000))
    listed = scenarios.scenarios(store)
    assert [(s.name, s.version) for s in listed] == [("Krimp 50%", 1), ("Groei", 2)]
    assert [s.name for s in scenarios.scenarios(store, "RAAD")] == ["Groei"]  # any case
    assert [s.name for s in scenarios.scenarios(store, "bram")] == ["Krimp 50%"]
    assert [s.name for s in scenarios.scenarios(store, "50%")] == ["Krimp 50%"]
    assert scenarios.scenarios(store, "G%i") == []  # a wildcard is a character like any other
    assert scenarios.scenarios(store, "Gr_ei") == []


def test_names_are_stored_as_given_through_bound_parameters(store: Store) -> None:
    hostile = "x'); DROP TABLE scenario_versions; --"
    scenarios.save(store, hostile, "O'Brien", "", GROWTH)
    assert scenarios.load(store, hostile).author == "O'Brien"
    assert [s.name for s in scenarios.scenarios(store, "drop table")] == [hostile]


def test_an_unknown_name_or_version_is_named(store: Store) -> None:
    scenarios.save(store, "Groei", "Anna", "", GROWTH)
    with pytest.raises(StoreError, match="no saved scenario 'Onbekend'") as caught:
        scenarios.load(store, "Onbekend")
    assert caught.value.kind == "not_found"
    with pytest.raises(StoreError, match="'Groei' version 3"):
        scenarios.load(store, "Groei", 3)
    with pytest.raises(StoreError, match="no saved scenario named 'Onbekend'"):
        scenarios.versions(store, "Onbekend")


HOSTILE_SAVES = [
    ({"name": "<script>alert(1)</script>"}, "name", "characters not allowed"),
    ({"name": "a" * 81}, "name", "at most 80 characters"),
    ({"name": "   "}, "name", "must not be empty"),
    ({"name": "Groei@2"}, "name", "'@'"),
    ({"name": "tab\there"}, "name", "not allowed"),
    ({"author": "<b>Anna</b>"}, "author", "characters not allowed"),
    ({"note": "x" * 10_000_000}, "note", "at most 2000 characters \\(10,000,000 given\\)"),
    ({"note": "bell\x07"}, "note", "control characters"),
    ({"assumptions": {"ambition_homes": 10_000, "no_such": 1}}, "assumptions", "no_such"),
    ({"assumptions": {"ambition_homes": 10**9}}, "ambition_homes", "0 to 20000"),
    ({"assumptions": {"ambition_homes": "veel"}}, "ambition_homes", "not allowed"),
    ({"assumptions": {"share_social_rent": 0.5}}, "assumptions", "add up to 100%"),
    ({"assumptions": ["not", "a", "mapping"]}, "assumptions", "object of assumption"),
]


@pytest.mark.parametrize(("bad", "field", "message"), HOSTILE_SAVES)
def test_hostile_input_is_refused_by_name_and_nothing_is_stored(
    store: Store, bad: dict[str, object], field: str, message: str
) -> None:
    given: dict[str, object] = {
        "name": "Groei",
        "author": "Anna",
        "note": "",
        "assumptions": GROWTH.to_dict(),
        **bad,
    }
    with pytest.raises(StoreError, match=message) as caught:
        scenarios.save(store, **given)  # type: ignore[arg-type]
    assert (caught.value.kind, caught.value.field) == ("input", field)
    assert rows(store, scenario_versions) == 0


def test_a_stored_scenario_is_validated_like_a_file_when_read(store: Store) -> None:
    scenarios.save(store, "Groei", "Anna", "", GROWTH)
    with store.writing() as conn:  # as if an older woonlib (or a hand) had stored it
        bad = json.dumps({**GROWTH.to_dict(), "ambition_homes": -5})
        conn.execute(scenario_versions.update().values(assumptions=bad))
    with pytest.raises(StoreError, match="scenario 'Groei' version 1: ambition_homes = -5") as e:
        scenarios.load(store, "Groei")
    assert e.value.kind == "invalid_stored"
    assert store.where in str(e.value)


def test_a_link_names_a_scenario_and_maybe_its_version() -> None:
    assert scenarios.parse_ref("Groei") == ("Groei", None)
    assert scenarios.parse_ref("Groei 2032@12") == ("Groei 2032", 12)
    for bad in ("Groei@", "Groei@0", "Groei@x", "@3", "Groei@١"):
        with pytest.raises(StoreError):
            scenarios.parse_ref(bad)


# --- workshops -------------------------------------------------------------------------------


def test_a_workshop_takes_one_submission_per_participant_the_last(store: Store) -> None:
    opened = workshops.open_workshop(store, "Raad 12 mei", "raad-0512", ["ambition_homes"])
    assert (opened.code, opened.in_play) == ("RAAD-0512", ("ambition_homes",))
    workshops.submit(store, "RAAD-0512", "Anna", GROWTH)
    workshops.submit(store, "raad-0512", "Bram", DEFAULTS)
    workshops.submit(store, "RAAD-0512", "Anna", GROWTH.replace(build_rate=1500))
    got = workshops.submitted(store, "RAAD-0512")
    assert [(s.participant, s.assumptions.build_rate) for s in got] == [
        ("Anna", 1500),
        ("Bram", 1000),
    ]
    assert workshops.workshop(store, "raad-0512").title == "Raad 12 mei"
    assert rows(store, submissions) == 2


def test_an_unknown_workshop_code_is_named_and_nothing_stored(store: Store) -> None:
    with pytest.raises(StoreError, match="no workshop with code NOPE") as caught:
        workshops.submit(store, "nope", "Anna", GROWTH)
    assert caught.value.kind == "unknown_workshop"
    with pytest.raises(StoreError, match="no workshop with code NOPE"):
        workshops.submitted(store, "NOPE")
    assert rows(store, submissions) == 0


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda s: workshops.open_workshop(s, "Raad", "ab"), "3 to 32 letters"),
        (lambda s: workshops.open_workshop(s, "Raad", "a b c"), "3 to 32 letters"),
        (lambda s: workshops.open_workshop(s, "<i>Raad</i>", "RAAD"), "title"),
        (lambda s: workshops.open_workshop(s, "Raad", "RAAD", ["nope"]), "unknown: 'nope'"),
        (lambda s: workshops.submit(s, "RAAD", "<b>x</b>", DEFAULTS), "participant"),
        (lambda s: workshops.submit(s, "RAAD", "Anna", {"build_rate": 99_999}), "build_rate"),
        (lambda s: workshops.open_workshop(s, "Raad", "RAAD"), "already in use"),
    ],
)
def test_bad_workshop_input_is_refused(store: Store, call: object, message: str) -> None:
    workshops.open_workshop(store, "Raad", "RAAD")
    with pytest.raises(StoreError, match=message) as caught:
        call(store)  # type: ignore[operator]
    assert caught.value.kind == "input"
    assert rows(store, submissions) == 0
    assert [w.code for w in [workshops.workshop(store, "RAAD")]] == ["RAAD"]
