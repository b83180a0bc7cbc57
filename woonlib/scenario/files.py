"""Scenario files: JSON objects of assumption name → value (read, write)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from woonlib.model.assumptions import SHARE_FIELDS, AssumptionError, Assumptions, from_mapping
from woonlib.model.presets import exact_shares
from woonlib.model.shares import written


class ScenarioError(ValueError):
    """A scenario file that cannot be read or holds a bad assumption; names the file.

    `cause` is the problem itself (JSON or assumption error), for a message in the page's
    language; the message of the error is English, for the command line.
    """

    def __init__(self, message: str, cause: Exception | None = None) -> None:
        super().__init__(message)
        self.cause = cause


def read_scenario(path: str | Path) -> Assumptions:
    """Assumptions from a scenario file; missing names keep their Woonvisie default."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ScenarioError(f"scenario file {path}: cannot read ({exc.strerror})") from None
    return scenario_from_text(text, f"scenario file {path}")


def scenario_from_text(text: str, source: str) -> Assumptions:
    """Assumptions from a scenario file's text; errors name `source` (file or upload)."""
    try:
        values = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ScenarioError(
            f"{source}: not valid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}", exc
        ) from None
    try:
        return from_mapping(_exact(values))
    except (AssumptionError, TypeError) as exc:
        raise ScenarioError(f"{source}: {exc}", exc) from None


def _exact(values: Any) -> Any:
    """The file's values with written shares that are a preset's as its exact fractions."""
    if not isinstance(values, dict):
        return values
    shares = {f: values.get(f) for f in SHARE_FIELDS}
    if not all(isinstance(v, int | float) and not isinstance(v, bool) for v in shares.values()):
        return values
    return {**values, **exact_shares({f: float(v) for f, v in shares.items() if v is not None})}


def scenario_json(a: Assumptions) -> str:
    """The scenario file text of `a`: every assumption, so the file stands on its own; the
    shares in tenths of a percent adding to exactly 100 (`woonlib.model.shares.written`)."""
    values = a.to_dict()
    values.update(written({f: values[f] for f in SHARE_FIELDS}))
    return json.dumps(values, indent=2, ensure_ascii=False) + "\n"
