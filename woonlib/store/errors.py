"""The one error of the store: what went wrong, where, and what to do about it."""

from __future__ import annotations

# What a StoreError is about, for a message in the page's language (labels: store_<kind>)
KINDS = (
    "input",  # a name, note, code or scenario that is not allowed: nothing was stored
    "not_found",  # no saved scenario (or version) of that name
    "unknown_workshop",  # no workshop with that code
    "corrupt",  # the database file is not a database
    "locked",  # another program holds the database longer than the wait
    "unreachable",  # the PostgreSQL server does not answer
    "config",  # WOONLIB_DB names nothing usable (a folder, an unknown scheme)
    "schema",  # the database was made by a newer woonlib
    "invalid_stored",  # a stored scenario no longer passes validation
    "read_only",  # the server has not enabled writing (WOONLIB_STORE_WRITE)
)


class StoreError(RuntimeError):
    """A store operation that failed; the message (English) names the database or the
    value concerned and what to do. `kind` is one of `KINDS`; `field` the input at fault."""

    def __init__(self, message: str, kind: str, field: str | None = None) -> None:
        assert kind in KINDS, kind
        super().__init__(message)
        self.kind = kind
        self.field = field
