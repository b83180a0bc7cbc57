"""Saved scenarios: every save of a name is a new version; list, search, versions, load.

A version is never changed or removed: saving a name again adds version N + 1, and the
versions of a name say which assumptions changed from the one before (the first: from the
Woonvisie). A scenario read back is validated like a scenario file.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy import exc

from woonlib.model.assumptions import DEFAULTS, Assumptions
from woonlib.scenario.history import changed_names
from woonlib.store import checks
from woonlib.store.database import Store, utc
from woonlib.store.errors import StoreError
from woonlib.store.schema import scenario_versions as T

RETRIES = 5  # a version number taken by a concurrent save (PostgreSQL): take the next one
LISTED = 200  # names listed at most


@dataclass(frozen=True)
class Saved:
    """One version of a saved scenario."""

    name: str
    version: int
    author: str
    note: str
    saved_at: dt.datetime
    assumptions: Assumptions

    @property
    def ref(self) -> str:
        """NAME@VERSION, as a link's ``?scenario=`` takes it."""
        return f"{self.name}@{self.version}"


@dataclass(frozen=True)
class Listed:
    """A saved name: its latest version's author, note and time, and how many versions."""

    name: str
    version: int
    author: str
    note: str
    saved_at: dt.datetime


@dataclass(frozen=True)
class Change:
    """An assumption that changed from one version to the next."""

    name: str
    before: Any
    after: Any


def save(
    store: Store,
    name: str,
    author: str,
    note: str,
    assumptions: Assumptions | Mapping[str, Any],
) -> Saved:
    """Save `assumptions` under `name` as its next version (1 for a new name); every value
    is checked first (StoreError, kind "input", nothing stored)."""
    name, author = checks.name(name), checks.name(author, "author")
    note, a = checks.note(note), checks.scenario(assumptions)
    row = {"name": name, "author": author, "note": note, "assumptions": checks.stored(a)}
    for _ in range(RETRIES):
        now = dt.datetime.now(dt.UTC)
        try:
            with store.writing() as conn:
                latest = conn.execute(
                    sa.select(sa.func.max(T.c.version)).where(T.c.name == name)
                ).scalar_one()
                version = (latest or 0) + 1
                conn.execute(T.insert(), {**row, "version": version, "saved_at": now})
        except exc.IntegrityError:
            continue  # another worker saved this name at the same moment
        return Saved(name, version, author, note, now, a)
    raise StoreError(
        f"{store.where}: scenario {name!r} is being saved by others: try again", "locked"
    )


ESCAPE = "!"  # LIKE's escape character (a backslash reads differently on the two backends)


def _pattern(text: str) -> str:
    """A LIKE pattern finding `text` anywhere, its own % and _ taken literally."""
    for special in (ESCAPE, "%", "_"):
        text = text.replace(special, ESCAPE + special)
    return f"%{text}%"


def scenarios(store: Store, search: str = "") -> list[Listed]:
    """The saved names, newest first, each with its latest version; `search` finds text in
    the name, author or note (any case)."""
    search = checks.note(search)[: checks.NAME_MAX]
    latest = (
        sa.select(T.c.name, sa.func.max(T.c.version).label("version")).group_by(T.c.name).subquery()
    )
    query = sa.select(T.c.name, T.c.version, T.c.author, T.c.note, T.c.saved_at).join(
        latest, sa.and_(T.c.name == latest.c.name, T.c.version == latest.c.version)
    )
    if search:
        pattern = _pattern(search)
        query = query.where(
            sa.or_(*(c.ilike(pattern, escape=ESCAPE) for c in (T.c.name, T.c.author, T.c.note)))
        )
    query = query.order_by(T.c.saved_at.desc(), T.c.name).limit(LISTED)
    with store.reading() as conn:
        rows = conn.execute(query).all()
    return [Listed(r.name, r.version, r.author, r.note, utc(r.saved_at)) for r in rows]


def _saved(row: Any, store: Store) -> Saved:
    source = f"{store.where}: scenario {row.name!r} version {row.version}"
    a = checks.from_stored(row.assumptions, source)
    return Saved(row.name, row.version, row.author, row.note, utc(row.saved_at), a)


def versions(store: Store, name: str) -> list[tuple[Saved, tuple[Change, ...]]]:
    """Every version of `name`, oldest first, each with what changed from the one before
    (the first: from the Woonvisie); StoreError "not_found" for a name never saved."""
    name = checks.name(name)
    with store.reading() as conn:
        rows = conn.execute(sa.select(T).where(T.c.name == name).order_by(T.c.version)).all()
    if not rows:
        raise StoreError(f"{store.where}: no saved scenario named {name!r}", "not_found", "name")
    found, before = [], DEFAULTS
    for row in rows:
        saved = _saved(row, store)
        a = saved.assumptions
        changes = tuple(
            Change(n, getattr(before, n), getattr(a, n)) for n in changed_names(before, a)
        )
        found.append((saved, changes))
        before = a
    return found


def load(store: Store, name: str, version: int | None = None) -> Saved:
    """Version `version` of `name` (None: the latest), validated like a scenario file."""
    name = checks.name(name)
    query = sa.select(T).where(T.c.name == name)
    if version is not None:
        if isinstance(version, bool) or not isinstance(version, int) or version < 1:
            raise StoreError(f"version {version!r}: a whole number from 1", "input", "version")
        query = query.where(T.c.version == version)
    with store.reading() as conn:
        row = conn.execute(query.order_by(T.c.version.desc()).limit(1)).first()
    if row is None:
        which = f" version {version}" if version is not None else ""
        raise StoreError(f"{store.where}: no saved scenario {name!r}{which}", "not_found", "name")
    return _saved(row, store)


def parse_ref(text: str) -> tuple[str, int | None]:
    """(name, version) from a link's ``NAME`` or ``NAME@VERSION``; StoreError if malformed."""
    text = checks.limited(text, "scenario", checks.NAME_MAX + 12)
    name, at, version = text.rpartition("@") if "@" in text else (text, "", "")
    if at and not (version.isdecimal() and version.isascii() and int(version) >= 1):
        raise StoreError(f"scenario {text!r}: give NAME or NAME@VERSION", "input", "version")
    return checks.name(name), int(version) if at else None
