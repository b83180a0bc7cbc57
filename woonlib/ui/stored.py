"""A scenario saved in the store, opened from the page's link (``?scenario=NAME@VERSION``).

Reading works whether or not the server lets the page write. A store that cannot be read
(missing, locked, damaged, unreachable) gives a short message in the page's language, the
details go to the server's log, and the page works on without it.
"""

from __future__ import annotations

import logging

from woonlib.model.assumptions import Assumptions
from woonlib.report.labels import label
from woonlib.store.database import shared_store
from woonlib.store.errors import StoreError
from woonlib.store.scenarios import load, parse_ref

log = logging.getLogger("woonlib.ui")


def store_problem(error: StoreError) -> str:
    """What went wrong with the store, in the active language (its message is English)."""
    return label(f"store_{error.kind}")


def open_shared(ref: str) -> tuple[Assumptions | None, str]:
    """The saved scenario `ref` names, with the line the page shows; None if unreadable."""
    try:
        name, version = parse_ref(ref)
        saved = load(shared_store(), name, version)
    except StoreError as error:
        log.warning("shared scenario %r not opened: %s", ref[:120], error)
        return None, f"{label('store_link_failed')}: {store_problem(error)}"
    shown = label("store_opened").format(name=saved.name, version=saved.version)
    return saved.assumptions, shown
