"""What the store accepts: names, notes, codes and scenarios, checked before anything is
written, so that a refused value leaves the database as it was.

Limits: a scenario's name, an author and a participant 1–80 characters; a note at most 2,000;
a workshop title 1–120; a workshop code 3–32 letters, digits or hyphens (case-insensitive).
Names and titles hold no markup characters (``< > & " ` { }``), no ``@`` (it parts a name
from its version in a link: ``?scenario=NAME@2``) and no control characters; a note may hold
any printable text (the page shows it escaped) and line breaks.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Mapping
from typing import Any

from woonlib.model.assumptions import SPECS, AssumptionError, Assumptions, from_mapping
from woonlib.scenario.files import ScenarioError, scenario_from_text
from woonlib.store.errors import StoreError

NAME_MAX = 80  # characters: a scenario's name, an author, a participant
NOTE_MAX = 2000
TITLE_MAX = 120
CODE_MAX = 32
CODE = re.compile(r"[A-Za-z0-9][A-Za-z0-9-]{2,31}")
NOT_IN_NAMES = frozenset('<>&"`{}@')
SHOWN = 40  # characters of a refused value repeated in a message


def _short(text: str) -> str:
    return repr(text if len(text) <= SHOWN else text[: SHOWN - 1] + "…")


def limited(value: Any, field: str, limit: int) -> str:
    if not isinstance(value, str):
        raise StoreError(f"{field}: must be text, not {type(value).__name__}", "input", field)
    if len(value) > limit:  # first: a 10 MB value is refused without reading it through
        raise StoreError(
            f"{field}: at most {limit} characters ({len(value):,} given)", "input", field
        )
    return value


def name(value: Any, field: str = "name", limit: int = NAME_MAX) -> str:
    """A name or title, stripped; StoreError naming `field` when empty, too long or unsafe."""
    text = limited(value, field, limit).strip()
    if not text:
        raise StoreError(f"{field}: must not be empty", "input", field)
    bad = sorted({c for c in text if c in NOT_IN_NAMES or unicodedata.category(c)[0] == "C"})
    if bad:
        shown = ", ".join(repr(c) for c in bad)
        raise StoreError(
            f"{field} {_short(text)}: characters not allowed in a name: {shown}", "input", field
        )
    return text


def title(value: Any) -> str:
    """A workshop's title (like a name, up to TITLE_MAX characters)."""
    return name(value, "title", TITLE_MAX)


def note(value: Any) -> str:
    """A note: any printable text with line breaks and tabs, up to NOTE_MAX characters."""
    text = limited(value if value is not None else "", "note", NOTE_MAX)
    text = text.replace("\r\n", "\n").strip()
    bad = {c for c in text if unicodedata.category(c)[0] == "C" and c not in "\n\t"}
    if bad:
        raise StoreError("note: holds control characters", "input", "note")
    return text


def code(value: Any) -> str:
    """A workshop code, in capitals: 3–32 letters, digits or hyphens."""
    text = limited(value, "code", CODE_MAX + 8).strip()
    if not CODE.fullmatch(text):
        raise StoreError(
            f"workshop code {_short(text)}: use 3 to {CODE_MAX} letters, digits or hyphens",
            "input",
            "code",
        )
    return text.upper()


def scenario(values: Assumptions | Mapping[str, Any]) -> Assumptions:
    """The scenario to store, validated like a scenario file (names, types, ranges, shares)."""
    if isinstance(values, Assumptions):
        return values
    try:
        return from_mapping(values)
    except (AssumptionError, TypeError) as exc:
        field = getattr(exc, "name", None) or "assumptions"
        raise StoreError(f"scenario: {exc}", "input", field) from None


def in_play(names: Iterable[str] | None) -> tuple[str, ...] | None:
    """The assumptions a workshop is about (None: all), each a known assumption, once."""
    if names is None:
        return None
    if isinstance(names, str):
        names = [names]
    chosen = tuple(dict.fromkeys(names))
    unknown = [n for n in chosen if n not in SPECS]
    if unknown:
        shown = ", ".join(_short(str(n)) for n in unknown[:5])
        raise StoreError(f"assumptions in play: unknown: {shown}", "input", "in_play")
    if not chosen:
        raise StoreError("assumptions in play: name at least one (or none for all)", "input")
    return chosen


def stored(a: Assumptions) -> str:
    """The text a scenario is stored as: its scenario file's JSON, every assumption."""
    return json.dumps(a.to_dict(), ensure_ascii=False, separators=(",", ":"))


def from_stored(text: str, source: str) -> Assumptions:
    """A stored scenario, validated like a scenario file; StoreError naming `source`."""
    try:
        return scenario_from_text(text, source)
    except ScenarioError as exc:
        raise StoreError(
            f"{exc}: it no longer passes validation; save it again from the page",
            "invalid_stored",
        ) from None
