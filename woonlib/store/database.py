"""Opening the store: the engine for SQLite (WAL) or PostgreSQL, its schema made current,
and transactions whose database errors become a `StoreError` naming the database.

SQLite is opened in WAL mode with ``synchronous=FULL`` (a committed write survives a killed
process and a power cut) and writes in ``BEGIN IMMEDIATE`` transactions, so that concurrent
writers wait for each other (up to `timeout`) instead of failing on a stale read.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event, exc
from sqlalchemy.engine import URL, Connection, Engine

from woonlib.store.errors import StoreError
from woonlib.store.schema import SCHEMA_VERSION, current_version, upgrade
from woonlib.store.settings import (
    DB_VARIABLE,
    WRITE_VARIABLE,
    database_url,
    shown,
    writes_enabled,
)

log = logging.getLogger("woonlib.store")
TIMEOUT = 10.0  # seconds a write waits for another writer; a connection for PostgreSQL
WRITE = "woonlib_write"  # execution option: this transaction writes (SQLite: BEGIN IMMEDIATE)
_SHARED: dict[str, Store] = {}  # the process's store by URL (a kernel opens it once)


@dataclass(frozen=True)
class Store:
    """An open store: its engine and URL (`where` names it in messages)."""

    engine: Engine
    url: URL

    @property
    def where(self) -> str:
        return shown(self.url)

    @property
    def backend(self) -> str:
        return self.url.get_backend_name()

    @contextmanager
    def reading(self) -> Iterator[Connection]:
        """A read transaction."""
        with self._translated(), self.engine.connect() as conn, conn.begin():
            yield conn

    @contextmanager
    def writing(self) -> Iterator[Connection]:
        """A write transaction: committed when the block ends, rolled back if it raises."""
        with self._translated(), self.engine.connect() as conn:
            conn.execution_options(**{WRITE: True})
            with conn.begin():
                yield conn

    @contextmanager
    def _translated(self) -> Iterator[None]:
        try:
            yield
        except exc.IntegrityError:
            raise  # a constraint: the caller decides (a version taken by a concurrent save)
        except exc.DBAPIError as error:
            raise translate(error, self) from error

    def close(self) -> None:
        """Close the engine's connections."""
        self.engine.dispose()


def utc(moment: dt.datetime) -> dt.datetime:
    """A time read back in UTC (SQLite returns it without its zone: it was stored in UTC)."""
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def translate(error: exc.DBAPIError, store: Store) -> StoreError:
    """The StoreError for a database error: what happened to which database, what to do."""
    first = str(error.orig).strip().splitlines()[0] if error.orig else str(error)
    text = first.lower()
    where = store.where
    if store.backend == "postgresql":
        if isinstance(error, exc.OperationalError):
            return StoreError(
                f"{where} cannot be reached ({first}): start the server or correct {DB_VARIABLE}",
                "unreachable",
            )
    elif "not a database" in text or "malformed" in text:
        return StoreError(
            f"{where} is not a scenario database ({first}): move it aside, or point "
            f"{DB_VARIABLE} at another file",
            "corrupt",
        )
    elif "locked" in text or "busy" in text:
        return StoreError(
            f"{where} is locked by another program: try again, or close the program that holds it",
            "locked",
        )
    elif "unable to open" in text or "readonly" in text or "read-only" in text:
        return StoreError(
            f"{where} cannot be opened for writing ({first}): check that its folder exists "
            f"and may be written, or point {DB_VARIABLE} elsewhere",
            "config",
        )
    return StoreError(f"{where}: {first}", "config")


def _sqlite_engine(url: URL, timeout: float) -> Engine:
    path = Path(url.database or "")
    if path.is_dir():
        raise StoreError(f"{DB_VARIABLE}: {path} is a folder: name a file in it", "config")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise StoreError(
            f"the SQLite file {path}: cannot create its folder ({error.strerror}): point "
            f"{DB_VARIABLE} at a file in a folder that may be written",
            "config",
        ) from None
    engine = sa.create_engine(url, connect_args={"timeout": timeout})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi: Any, _record: Any) -> None:
        dbapi.isolation_level = None  # SQLAlchemy's "begin" below starts each transaction
        cursor = dbapi.cursor()
        try:
            cursor.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
            cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute("PRAGMA synchronous = FULL")
            cursor.execute("PRAGMA foreign_keys = ON")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        writes = conn.get_execution_options().get(WRITE, False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if writes else "BEGIN")

    return engine


def _postgresql_engine(url: URL, timeout: float) -> Engine:
    return sa.create_engine(
        url, pool_pre_ping=True, connect_args={"connect_timeout": max(1, int(timeout))}
    )


def open_store(url: str | URL | None = None, timeout: float = TIMEOUT) -> Store:
    """The store at `url` (a path or URL; default: WOONLIB_DB or the default file), with
    its schema created or upgraded; StoreError when it cannot be opened."""
    if url is None:
        url = database_url()
    elif isinstance(url, str):
        url = database_url({DB_VARIABLE: url})
    if url.get_backend_name() == "sqlite":
        engine = _sqlite_engine(url, timeout)
    else:
        engine = _postgresql_engine(url, timeout)
    store = Store(engine, url)
    try:
        with store.reading() as conn:
            found = current_version(conn)
        if found != SCHEMA_VERSION:
            with store.writing() as conn:
                was = upgrade(conn)
            if was not in (0, SCHEMA_VERSION):
                log.info(
                    "%s: schema upgraded from version %s to %s", store.where, was, SCHEMA_VERSION
                )
    except BaseException:
        engine.dispose()
        raise
    return store


def shared_store(write: bool = False) -> Store:
    """The store the environment names (WOONLIB_DB), opened once per process; with `write`,
    StoreError "read_only" unless the server enabled writing (WOONLIB_STORE_WRITE=1)."""
    if write and not writes_enabled():
        raise StoreError(
            f"the page may only read from the store: the server enables saving with "
            f"{WRITE_VARIABLE}=1",
            "read_only",
        )
    url = database_url()
    key = url.render_as_string(hide_password=False)
    if key not in _SHARED:  # a failure is not kept: the next call tries again
        _SHARED[key] = open_store(url)
    return _SHARED[key]
