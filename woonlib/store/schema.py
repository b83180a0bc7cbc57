"""The store's tables, one schema for SQLite and PostgreSQL, and its upgrade path.

`SCHEMA_VERSION` is the schema this woonlib writes; table `woonlib_schema` holds the
version of a database. `upgrade(conn)` creates a new database or brings an older one to the
current version, step by step (`UPGRADES`), in the caller's transaction: a failed upgrade
changes nothing.

Versions: 1, saved scenarios (`scenario_versions`); 2, workshops and their submissions.
"""

from __future__ import annotations

from collections.abc import Callable

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from woonlib.store.checks import CODE_MAX, NAME_MAX, TITLE_MAX
from woonlib.store.errors import StoreError

SCHEMA_VERSION = 2
LOCK_KEY = 2024_0022  # PostgreSQL advisory lock held while a schema is made or upgraded

metadata = sa.MetaData()
schema_table = sa.Table(
    "woonlib_schema", metadata, sa.Column("version", sa.Integer, nullable=False)
)
scenario_versions = sa.Table(
    "scenario_versions",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("name", sa.String(NAME_MAX), nullable=False),
    sa.Column("version", sa.Integer, nullable=False),
    sa.Column("author", sa.String(NAME_MAX), nullable=False),
    sa.Column("note", sa.Text, nullable=False),
    sa.Column("assumptions", sa.Text, nullable=False),  # the scenario file's JSON
    sa.Column("saved_at", sa.DateTime(timezone=True), nullable=False),
    sa.UniqueConstraint("name", "version", name="scenario_versions_name_version"),
)
workshops = sa.Table(
    "workshops",
    metadata,
    sa.Column("code", sa.String(CODE_MAX), primary_key=True),
    sa.Column("title", sa.String(TITLE_MAX), nullable=False),
    sa.Column("in_play", sa.Text, nullable=True),  # JSON list of assumption names; NULL: all
    sa.Column("opened_at", sa.DateTime(timezone=True), nullable=False),
)
submissions = sa.Table(
    "submissions",
    metadata,
    sa.Column("workshop", sa.String(CODE_MAX), sa.ForeignKey("workshops.code"), primary_key=True),
    sa.Column("participant", sa.String(NAME_MAX), primary_key=True),
    sa.Column("assumptions", sa.Text, nullable=False),
    sa.Column("submitted_at", sa.DateTime(timezone=True), nullable=False),
)
TABLES = {1: (schema_table, scenario_versions), 2: (workshops, submissions)}  # added in


def _add_workshops(conn: Connection) -> None:
    metadata.create_all(conn, tables=list(TABLES[2]))


UPGRADES: dict[int, Callable[[Connection], None]] = {1: _add_workshops}  # from version N


def current_version(conn: Connection) -> int | None:
    """The schema version of the database (None: a new, empty database)."""
    names = set(sa.inspect(conn).get_table_names())
    if schema_table.name not in names:
        if names:
            raise StoreError(
                f"the database holds tables of another program ({', '.join(sorted(names)[:5])})"
                ": point WOONLIB_DB at a file or database of its own",
                "config",
            )
        return None
    return int(conn.execute(sa.select(sa.func.max(schema_table.c.version))).scalar_one())


def upgrade(conn: Connection) -> int:
    """Create the schema, or upgrade it to SCHEMA_VERSION; returns the version it was
    (0: none, a new database)."""
    if conn.dialect.name == "postgresql":  # several workers may start at once
        conn.execute(sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": LOCK_KEY})
    found = current_version(conn)
    if found is None:
        metadata.create_all(conn)
        conn.execute(schema_table.insert(), {"version": SCHEMA_VERSION})
        return 0
    if found == SCHEMA_VERSION:  # another worker made it current while this one waited
        return found
    if found > SCHEMA_VERSION:
        raise StoreError(
            f"the database has schema version {found}, made by a newer woonlib (this one "
            f"knows {SCHEMA_VERSION}): upgrade woonlib",
            "schema",
        )
    for version in range(found, SCHEMA_VERSION):
        UPGRADES[version](conn)
    conn.execute(schema_table.update().values(version=SCHEMA_VERSION))
    return found
