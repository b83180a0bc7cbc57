"""Workshops: a facilitator opens one under a code; participants submit their scenario
(submitting again replaces their earlier one); the facilitator reads every submission.

The spread of the submissions and their median scenario are pure functions of the
scenarios (`woonlib.model.workshop`); this module only stores and reads them.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy import exc
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection

from woonlib.model.assumptions import Assumptions
from woonlib.store import checks
from woonlib.store.database import Store, utc
from woonlib.store.errors import StoreError
from woonlib.store.schema import submissions as S
from woonlib.store.schema import workshops as W


@dataclass(frozen=True)
class Workshop:
    """A workshop: its code, title, the assumptions in play (None: all) and when opened."""

    code: str
    title: str
    in_play: tuple[str, ...] | None
    opened_at: dt.datetime


@dataclass(frozen=True)
class Submission:
    """A participant's latest scenario in a workshop."""

    participant: str
    assumptions: Assumptions
    submitted_at: dt.datetime


def open_workshop(
    store: Store, title: str, code: str, in_play: Iterable[str] | None = None
) -> Workshop:
    """Open a workshop under `code` (StoreError "input" if the code is taken or bad)."""
    title, code, chosen = checks.title(title), checks.code(code), checks.in_play(in_play)
    now = dt.datetime.now(dt.UTC)
    row = {
        "code": code,
        "title": title,
        "in_play": None if chosen is None else json.dumps(list(chosen)),
        "opened_at": now,
    }
    try:
        with store.writing() as conn:
            conn.execute(W.insert(), row)
    except exc.IntegrityError:
        raise StoreError(
            f"{store.where}: workshop code {code} is already in use: choose another",
            "input",
            "code",
        ) from None
    return Workshop(code, title, chosen, now)


def _workshop(conn: Connection, code: str, store: Store) -> Workshop:
    row = conn.execute(sa.select(W).where(W.c.code == code)).first()
    if row is None:
        raise StoreError(
            f"{store.where}: no workshop with code {code}: check the link or the code",
            "unknown_workshop",
            "code",
        )
    chosen = None if row.in_play is None else tuple(json.loads(row.in_play))
    return Workshop(row.code, row.title, checks.in_play(chosen), utc(row.opened_at))


def workshop(store: Store, code: str) -> Workshop:
    """The workshop of `code`; StoreError "unknown_workshop" if there is none."""
    code = checks.code(code)
    with store.reading() as conn:
        return _workshop(conn, code, store)


def _upsert(store: Store, row: Mapping[str, Any]) -> Any:
    insert = (postgresql.insert if store.backend == "postgresql" else sqlite.insert)(S)
    return insert.values(**row).on_conflict_do_update(
        index_elements=[S.c.workshop, S.c.participant],
        set_={"assumptions": row["assumptions"], "submitted_at": row["submitted_at"]},
    )


def submit(
    store: Store, code: str, participant: str, assumptions: Assumptions | Mapping[str, Any]
) -> Submission:
    """Store `participant`'s scenario in workshop `code`, replacing an earlier one."""
    code, participant = checks.code(code), checks.name(participant, "participant")
    a = checks.scenario(assumptions)
    now = dt.datetime.now(dt.UTC)
    row = {
        "workshop": code,
        "participant": participant,
        "assumptions": checks.stored(a),
        "submitted_at": now,
    }
    with store.writing() as conn:
        _workshop(conn, code, store)
        conn.execute(_upsert(store, row))
    return Submission(participant, a, now)


def submitted(store: Store, code: str) -> list[Submission]:
    """Every participant's latest submission to workshop `code`, by participant."""
    code = checks.code(code)
    with store.reading() as conn:
        _workshop(conn, code, store)
        rows = conn.execute(
            sa.select(S).where(S.c.workshop == code).order_by(S.c.participant)
        ).all()
    return [
        Submission(
            r.participant,
            checks.from_stored(r.assumptions, f"{store.where}: {code}, {r.participant!r}"),
            utc(r.submitted_at),
        )
        for r in rows
    ]
