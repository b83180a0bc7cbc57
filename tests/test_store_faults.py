"""The store's database and its faults: where it is (WOONLIB_DB), WAL mode, the upgrade from
a version-1 database, and a file that is not a database, a locked one or an unreachable
PostgreSQL server, each a StoreError naming the database and what to do."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
import sqlalchemy as sa

from tests.postgres import Cluster, free_port
from woonlib.model.assumptions import DEFAULTS
from woonlib.store import scenarios, workshops
from woonlib.store.database import open_store
from woonlib.store.errors import StoreError
from woonlib.store.schema import SCHEMA_VERSION, schema_table
from woonlib.store.settings import database_url, default_path, shown, writes_enabled

# The schema of version 1 as woonlib wrote it then: saved scenarios only, no workshops.
V1 = [
    "CREATE TABLE woonlib_schema (version INTEGER NOT NULL)",
    "INSERT INTO woonlib_schema (version) VALUES (1)",
    """CREATE TABLE scenario_versions (
        id {serial} PRIMARY KEY, name VARCHAR(80) NOT NULL, version INTEGER NOT NULL,
        author VARCHAR(80) NOT NULL, note TEXT NOT NULL, assumptions TEXT NOT NULL,
        saved_at TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT scenario_versions_name_version UNIQUE (name, version))""",
    """INSERT INTO scenario_versions (name, version, author, note, assumptions, saved_at)
        VALUES ('Oud', 1, 'Anna', 'van voor de werksessies', '{{"ambition_homes": 8000}}',
        '2025-05-01 10:00:00+00:00')""",
]


def version_1_database(url: str) -> None:
    target = database_url({"WOONLIB_DB": url})
    if target.get_backend_name() == "sqlite":
        Path(target.database or "").parent.mkdir(parents=True, exist_ok=True)
    engine = sa.create_engine(target)
    serial = "SERIAL" if engine.dialect.name == "postgresql" else "INTEGER"
    with engine.begin() as conn:
        for statement in V1:
            conn.exec_driver_sql(statement.format(serial=serial))
    engine.dispose()


def test_a_version_1_database_is_upgraded_and_keeps_its_scenarios(store_url: str) -> None:
    version_1_database(store_url)
    store = open_store(store_url)
    with store.reading() as conn:
        assert conn.execute(sa.select(schema_table.c.version)).scalar_one() == SCHEMA_VERSION
    old = scenarios.load(store, "Oud")
    assert (old.version, old.author, old.assumptions.ambition_homes) == (1, "Anna", 8000)
    assert old.assumptions == DEFAULTS.replace(ambition_homes=8000)  # the rest: defaults
    assert scenarios.save(store, "Oud", "Bram", "", DEFAULTS).version == 2
    workshops.open_workshop(store, "Na de upgrade", "UPGR")  # the tables version 2 added
    workshops.submit(store, "UPGR", "Anna", DEFAULTS)
    assert len(workshops.submitted(store, "UPGR")) == 1
    store.close()


def test_a_database_of_a_newer_woonlib_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite"
    open_store(str(path)).close()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE woonlib_schema SET version = 99")
    with pytest.raises(StoreError, match="schema version 99, made by a newer woonlib") as e:
        open_store(str(path))
    assert e.value.kind == "schema"


def test_sqlite_is_in_wal_mode_with_full_sync_in_a_folder_made_on_first_use(
    tmp_path: Path,
) -> None:
    path = tmp_path / "nieuw" / "map" / "scenarios.sqlite"
    store = open_store(str(path))
    assert path.is_file()
    with store.reading() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
    store.close()


def test_a_file_that_is_not_a_database_is_named(tmp_path: Path) -> None:
    path = tmp_path / "scenarios.sqlite"
    path.write_bytes(b"dit is geen database\n" * 400)
    with pytest.raises(StoreError) as caught:
        open_store(str(path))
    assert caught.value.kind == "corrupt"
    message = str(caught.value)
    assert f"the SQLite file {path} is not a scenario database" in message
    assert "move it aside, or point WOONLIB_DB at another file" in message
    assert path.read_bytes().startswith(b"dit is geen database")  # left as it was


def test_a_locked_database_is_named_and_the_write_is_not_half_done(tmp_path: Path) -> None:
    path = tmp_path / "scenarios.sqlite"
    store = open_store(str(path), timeout=0.3)
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another program holds the write lock
    try:
        with pytest.raises(StoreError, match="is locked by another program") as caught:
            scenarios.save(store, "Groei", "Anna", "", DEFAULTS)
        assert caught.value.kind == "locked"
        assert str(path) in str(caught.value)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert scenarios.scenarios(store) == []
    assert scenarios.save(store, "Groei", "Anna", "", DEFAULTS).version == 1  # works on
    store.close()


def test_a_folder_or_an_unwritable_place_is_named(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="is a folder: name a file in it"):
        open_store(str(tmp_path))
    blocker = tmp_path / "file"
    blocker.write_text("")
    with pytest.raises(StoreError, match="cannot create its folder"):
        open_store(str(blocker / "sub" / "scenarios.sqlite"))


def test_an_unreachable_postgresql_is_named_without_its_password() -> None:
    url = f"postgresql://anna:geheim@127.0.0.1:{free_port()}/woonlib"
    with pytest.raises(StoreError) as caught:
        open_store(url, timeout=2)
    message = str(caught.value)
    assert caught.value.kind == "unreachable"
    assert message.startswith("PostgreSQL at postgresql://anna:***@127.0.0.1:")
    assert "cannot be reached" in message and "start the server or correct WOONLIB_DB" in message
    assert "geheim" not in message


def test_a_database_of_another_program_is_left_alone(postgres: Cluster, tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE invoices (id INTEGER)")
    with pytest.raises(StoreError, match="tables of another program \\(invoices\\)"):
        open_store(str(path))
    url = postgres.new_database()
    engine = sa.create_engine(database_url({"WOONLIB_DB": url}))
    with engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE invoices (id INTEGER)")
    engine.dispose()
    with pytest.raises(StoreError, match="tables of another program"):
        open_store(url)


def test_where_the_store_is(tmp_path: Path) -> None:
    home = {"HOME": "/home/anna"}
    assert default_path(home) == Path("/home/anna/.local/share/woonlib/scenarios.sqlite")
    assert default_path({**home, "XDG_DATA_HOME": "/data"}) == Path(
        "/data/woonlib/scenarios.sqlite"
    )
    assert database_url(home).database == "/home/anna/.local/share/woonlib/scenarios.sqlite"
    given = {"WOONLIB_DB": str(tmp_path / "s.sqlite")}
    assert database_url(given).database == str(tmp_path / "s.sqlite")
    assert database_url({"WOONLIB_DB": f"sqlite:///{tmp_path}/u.sqlite"}).database == str(
        tmp_path / "u.sqlite"
    )
    pg = database_url({"WOONLIB_DB": "postgresql://anna:geheim@db.example/woonlib"})
    assert pg.drivername == "postgresql+psycopg"
    assert shown(pg) == "PostgreSQL at postgresql://anna:***@db.example/woonlib"
    for bad, message in [
        ("mysql://x@y/z", "scheme 'mysql' is not supported"),
        ("sqlite://", "needs a file"),
        ("postgresql://x@y:notaport/z", "is not a database URL"),
    ]:
        with pytest.raises(StoreError, match=message):
            database_url({"WOONLIB_DB": bad})


@pytest.mark.parametrize(
    ("value", "enabled"), [(None, False), ("", False), ("0", False), ("1", True), ("yes", True)]
)
def test_writing_is_off_unless_the_server_enables_it(value: str | None, enabled: bool) -> None:
    env = {} if value is None else {"WOONLIB_STORE_WRITE": value}
    assert writes_enabled(env) is enabled
