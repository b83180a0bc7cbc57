"""Where the store is and whether the page may write to it: read from the environment.

`WOONLIB_DB`: a file path (SQLite) or a database URL (``sqlite:///…``, ``postgresql://…``);
unset, `DEFAULT_PATH` (``$XDG_DATA_HOME/woonlib/scenarios.sqlite``, by default
``~/.local/share/woonlib/scenarios.sqlite``). `WOONLIB_STORE_WRITE=1` lets the served page
save scenarios and run workshops; otherwise the page only reads from the store.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from sqlalchemy.engine import URL, make_url

from woonlib.store.errors import StoreError

DB_VARIABLE = "WOONLIB_DB"
WRITE_VARIABLE = "WOONLIB_STORE_WRITE"
SCHEMES = {"sqlite": "sqlite", "postgresql": "postgresql+psycopg"}  # scheme -> driver used


def default_path(env: Mapping[str, str] = os.environ) -> Path:
    """The SQLite file used when WOONLIB_DB is unset (XDG's data folder, in the home)."""
    base = env.get("XDG_DATA_HOME") or str(Path(env.get("HOME") or Path.home()) / ".local/share")
    return Path(base) / "woonlib" / "scenarios.sqlite"


def database_url(env: Mapping[str, str] = os.environ) -> URL:
    """The database the store uses, from `WOONLIB_DB` (a path or URL) or the default path."""
    given = env.get(DB_VARIABLE, "").strip()
    if not given:
        return sqlite_url(default_path(env))
    if "://" not in given:
        return sqlite_url(Path(given).expanduser())
    try:
        url = make_url(given)
    except Exception:  # sqlalchemy's ArgumentError, or a ValueError from a bad port
        raise StoreError(
            f"{DB_VARIABLE}={given!r} is not a database URL: give a file path, "
            "sqlite:///PATH or postgresql://USER@HOST/DATABASE",
            "config",
        ) from None
    backend = url.get_backend_name()
    if backend not in SCHEMES:
        raise StoreError(
            f"{DB_VARIABLE}: the scheme {url.drivername!r} is not supported: "
            "use sqlite:///PATH or postgresql://USER@HOST/DATABASE",
            "config",
        )
    if backend == "sqlite":
        return sqlite_url(Path(url.database).expanduser() if url.database else None)
    return url.set(drivername=SCHEMES[backend])


def sqlite_url(path: Path | None) -> URL:
    """The URL of the SQLite file at `path` (made absolute: messages name the real file)."""
    if path is None or str(path) == ":memory:":
        raise StoreError(
            f"{DB_VARIABLE}: an SQLite store needs a file (an in-memory database is gone "
            "when the kernel ends)",
            "config",
        )
    return URL.create("sqlite", database=str(path.absolute()))


def shown(url: URL) -> str:
    """The database as a message names it: the file, or the URL without its password."""
    if url.get_backend_name() == "sqlite":
        return f"the SQLite file {url.database}"
    return "PostgreSQL at " + url.set(drivername="postgresql").render_as_string(hide_password=True)


def writes_enabled(env: Mapping[str, str] = os.environ) -> bool:
    """True when the server lets the page write to the store (WOONLIB_STORE_WRITE=1)."""
    return env.get(WRITE_VARIABLE, "").strip().lower() in ("1", "true", "yes", "ja")
