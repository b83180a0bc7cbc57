"""A scenario in a link: the query string of the assumptions that differ from the Woonvisie.

`scenario_query(a)` writes ``ambition_homes=10000&share_social_rent=0.35...``;
`parse_query(text)` reads one back and never fails: every parameter that cannot be used
(unknown, malformed, out of range, shares not adding to 100%, a year order that cannot be)
is left out and reported as a `QueryNote`, so that a bad link still opens the page.
Parameters that belong to Jupyter, Voilà or Binder (`FOREIGN_PARAMS`: ``token`` and the
like) are dropped silently: they are no assumptions, and a share link must never carry them.
``scenario=NAME`` or ``NAME@VERSION`` names a scenario saved in the store, ``workshop=CODE``
a workshop to take part in (`STORE_PARAMS`, read with `store_params`): the page opens the
scenario and applies the link's assumptions over it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl, urlencode

from woonlib.model.assumptions import (
    DEFAULTS,
    SHARE_FIELDS,
    SPECS,
    AssumptionError,
    Assumptions,
)
from woonlib.model.presets import exact_shares
from woonlib.model.shares import written
from woonlib.vocab import INT_UNITS

MAX_QUERY = 4000  # characters; a scenario needs about 1,000 at most
MAX_FIELDS = 2 * len(SPECS)
SHOWN = 40  # characters of a bad name or value repeated in a note
# Jupyter server's login token and XSRF token, Voilà's template/theme, Binder's redirects.
FOREIGN_PARAMS = frozenset(
    {"token", "_xsrf", "template", "theme", "urlpath", "labpath", "filepath"}
)

STORE_PARAMS = frozenset({"scenario", "workshop"})  # a saved scenario's name, a workshop code


@dataclass(frozen=True)
class QueryNote:
    """A parameter left out of the scenario: `reason` is a label key (see labels.py)."""

    name: str
    value: str
    reason: str  # query_unknown | query_malformed | query_out_of_range | query_shares | ...


def _format(value: Any) -> str:
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float):
        return f"{value:.6g}"
    return str(value)


def scenario_query(a: Assumptions) -> str:
    """The query string (without '?') of the assumptions in `a` that differ from the default,
    in SPECS order; the three shares go together whenever one of them differs, in tenths
    of a percent that add to exactly 100 (`woonlib.model.shares.written`: 0.225)."""
    changed = a.changed()
    if any(f in changed for f in SHARE_FIELDS):
        changed.update(written({f: getattr(a, f) for f in SHARE_FIELDS}))
    return urlencode([(name, _format(changed[name])) for name in SPECS if name in changed])


def _parse_value(name: str, text: str) -> Any:
    """The value of parameter `name`, or ValueError when it is not of the assumption's type."""
    spec = SPECS[name]
    if spec.unit == "bool":
        lowered = text.strip().lower()
        if lowered in ("1", "true", "ja", "yes"):
            return True
        if lowered in ("0", "false", "nee", "no"):
            return False
        raise ValueError(text)
    if spec.choices:
        if text not in spec.choices:
            raise ValueError(text)
        return text
    if len(text) > 32:
        raise ValueError(text)
    if spec.unit in INT_UNITS:
        return int(text, 10)
    number = float(text)
    if not math.isfinite(number):
        raise ValueError(text)
    return number


def _in_range(name: str, value: Any) -> bool:
    spec = SPECS[name]
    if spec.minimum is None or spec.maximum is None or isinstance(value, bool | str):
        return True
    return bool(spec.minimum <= value <= spec.maximum)


def _short(text: str) -> str:
    return text if len(text) <= SHOWN else text[: SHOWN - 1] + "…"


def _read_fields(text: str) -> tuple[dict[str, Any], list[QueryNote]]:
    """Each usable parameter with its value, and a note for every other one."""
    notes: list[QueryNote] = []
    if len(text) > MAX_QUERY:
        return {}, [QueryNote("", f"{len(text)}", "query_too_long")]
    try:
        pairs = parse_qsl(text, keep_blank_values=True, max_num_fields=MAX_FIELDS)
    except ValueError:
        return {}, [QueryNote("", "", "query_too_many")]
    values: dict[str, Any] = {}
    for name, raw in pairs:
        if name in FOREIGN_PARAMS or name in STORE_PARAMS:
            continue  # not ours (a token must not reach the page), or read by store_params
        if name not in SPECS:
            notes.append(QueryNote(_short(name), _short(raw), "query_unknown"))
            continue
        try:
            value = _parse_value(name, raw)
        except ValueError:
            notes.append(QueryNote(name, _short(raw), "query_malformed"))
            continue
        if not _in_range(name, value):
            notes.append(QueryNote(name, _short(raw), "query_out_of_range"))
            continue
        values[name] = value  # a repeated name: the last one counts, as in most web apps
    return values, notes


def store_params(text: str | None) -> dict[str, str]:
    """The link's parameters that name something in the store (`STORE_PARAMS`): the last
    of each, at most 120 characters (a longer one is no name the store holds)."""
    query = (text or "").lstrip("?")
    if len(query) > MAX_QUERY:
        return {}
    try:
        pairs = parse_qsl(query, keep_blank_values=True, max_num_fields=MAX_FIELDS)
    except ValueError:
        return {}
    return {name: value[:120] for name, value in pairs if name in STORE_PARAMS}


def parse_query(
    text: str | None, base: Assumptions = DEFAULTS
) -> tuple[Assumptions, list[QueryNote]]:
    """The scenario a link describes (over `base`), and what was left out of it and why."""
    values, notes = _read_fields((text or "").lstrip("?"))
    shares = {f: values.pop(f) for f in SHARE_FIELDS if f in values}
    if shares:
        merged = {f: shares.get(f, getattr(base, f)) for f in SHARE_FIELDS}
        if math.isclose(sum(merged.values()), 1.0, abs_tol=1e-6):
            values.update(exact_shares(merged))  # a preset's, as written: the preset's own
        else:
            notes += [QueryNote(f, _format(v), "query_shares") for f, v in shares.items()]
    try:
        return base.replace(**values), notes
    except AssumptionError:
        pass
    # A combination that cannot be (e.g. target year before start year): drop the year pair.
    years = {k: values.pop(k) for k in ("start_year", "target_year") if k in values}
    notes += [QueryNote(k, _format(v), "query_conflict") for k, v in years.items()]
    try:
        return base.replace(**values), notes
    except AssumptionError:
        return base, notes + [QueryNote(k, _format(v), "query_conflict") for k, v in values.items()]
