"""The targets register in a scenario: a light only where an outcome meets a source's norm.

Each register row with an `indicator` (`woonlib.model.targets.ROLES`) is one of:
- an outcome of the scenario against the source's norm (plan capacity, 70% affordable): its
  status is that of Overzicht's policy check (`woonlib.model.indicators.checks`), the same
  Check object, so the two tabs cannot disagree;
- an assumption the scenario sets from the row (ambition, build rate, 30/40/30, care share):
  status `assumption` ("aanname = doel"), with the outcomes that test it (`Outcome`): the
  build path against the source's 9.300 by 2032 (line 562: a light), the chance of reaching
  it (information), the programme's split (Overzicht's `check_norm_split`);
- a need or forecast from the data the source sets no norm for: `info`.
Rows without an indicator are `monitor` unless a monitor file measures them.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import pandas as pd

from woonlib import cache
from woonlib.data import WoonvisieData
from woonlib.data.monitor import Monitor
from woonlib.model.assumptions import SPECS, Assumptions
from woonlib.model.core import programme_years
from woonlib.model.indicators import Check, checks, verdict
from woonlib.model.progress import measured_by_id, realised_so_far
from woonlib.model.targets import (
    ASSUMPTION_OUTCOMES,
    MEASURES,
    OUTCOME_CHECKS,
    TARGET_STATUSES,
    THEMES,
    Computed,
    computed_rows,
    meets,
)
from woonlib.model.uncertainty import ranges_of, reach_probability
from woonlib.refs import Ref

AMBITION_SOURCE = SPECS["target_year"].source  # 'Tot 2032 voegen we 9300 woningen toe'


@dataclass(frozen=True)
class Outcome:
    """An outcome of the scenario that tests an assumption set from a register row."""

    key: str  # build_path, reach_probability, or the name of a policy check
    status: str  # ok / fail / info
    value: float  # in `unit`
    target: float  # the source's value; reach_probability: the homes it is the chance of
    # [homes]; a check: the check's target
    unit: str
    horizon: int | None
    norm: str  # woonvisie / own / none
    source: Ref  # where the Woonvisie sets the norm (its lines); empty for none
    years: tuple[int, int] | None = None  # first and last building year counted
    realised_years: int = 0  # realised years from a monitor the value starts from
    check: Check | None = None


def built_by(a: Assumptions, horizon: int, realised: tuple[float, ...] = ()) -> float:
    """Homes added from 1 January of the start year to `horizon` at the build rate, the
    realised years first  [homes]. 'Tot en met' or 'tot' as `a.target_year_inclusive`."""
    years = max(0, programme_years(a.start_year, horizon, a.target_year_inclusive))
    done = realised[:years]
    return float(sum(done)) + a.build_rate * (years - len(done))


def _ambition_row(data: WoonvisieData) -> Computed:
    return next(c for c in computed_rows(data) if c.indicator == "ambition_homes")


def outcomes(
    data: WoonvisieData, a: Assumptions, monitor: Monitor | None = None
) -> dict[str, Outcome]:
    """The outcomes that test the register's assumptions, by key (see `Outcome`).

    The build path and the chance are judged against the register's ambition (9.300 by
    2032), not the scenario's: an ambition slider set elsewhere does not move the norm.
    """
    row = _ambition_row(data)
    horizon = row.horizon if row.horizon is not None else a.target_year
    source = a.replace(ambition_homes=round(row.value), target_year=horizon)
    realised = () if monitor is None or monitor.empty else realised_so_far(monitor, source)
    path = built_by(a, horizon, realised)
    chance = reach_probability(source, ranges_of(source), realised)
    n = len(realised)
    years = max(0, programme_years(a.start_year, horizon, a.target_year_inclusive))
    span = (a.start_year, a.start_year + years - 1)
    split = next(c for c in checks(data, a) if c.check == "check_norm_split")
    return {
        "build_path": Outcome(
            "build_path",
            verdict(meets(path, row.value, row.comparator, row.high)),
            path,
            row.value,
            "homes",
            horizon,
            "woonvisie",
            AMBITION_SOURCE,
            span,
            n,
        ),
        "reach_probability": Outcome(
            "reach_probability",
            "info",
            chance,
            row.value,
            "fraction",
            horizon,
            "none",
            Ref(),
            span,
            n,
        ),
        "check_norm_split": Outcome(
            split.check,
            split.status,
            split.value,
            split.target,
            split.unit,
            None,
            split.norm,
            split.source,
            check=split,
        ),
    }


def _computed_status(
    c: Computed, data: WoonvisieData, a: Assumptions, by_name: dict[str, Check]
) -> tuple[str, float, tuple[str, ...]]:
    """(status, scenario value, outcome keys) of a register row with an indicator."""
    value = MEASURES[c.indicator](data, a)
    if c.role == "outcome":
        return by_name[OUTCOME_CHECKS[c.indicator]].status, value, ()
    if c.role == "assumption":
        return "assumption", value, ASSUMPTION_OUTCOMES[c.indicator]
    return "info", value, ()


@dataclass(frozen=True)
class TargetRow:
    """A row of the targets register (`data/targets.csv`) as plain values; None where empty."""

    id: str
    theme: str
    kind: str
    title_nl: str
    title_en: str
    value: float
    value_high: float | None
    unit: str
    comparator: str
    horizon: int | None
    source_line: int
    printed: str | None
    indicator: str | None
    measure: str | None
    note: str | None


@cache.register
@lru_cache(maxsize=cache.DATA_KEPT)
def target_rows(data: WoonvisieData) -> tuple[TargetRow, ...]:
    """The targets register as row values, in its order (read once per data package)."""
    return tuple(
        TargetRow(
            id=str(r["id"]),
            theme=str(r["theme"]),
            kind=str(r["kind"]),
            title_nl=str(r["title_nl"]),
            title_en=str(r["title_en"]),
            value=float(r["value"]),
            value_high=None if _missing(r["value_high"]) else float(r["value_high"]),
            unit=str(r["unit"]),
            comparator=str(r["comparator"]),
            horizon=None if _missing(r["horizon"]) else int(r["horizon"]),
            source_line=int(r["source_line"]),
            printed=_text(r["printed"]),
            indicator=_text(r["indicator"]),
            measure=_text(r["measure"]),
            note=_text(r["note"]),
        )
        for r in data["targets"].to_dict("records")
    )


def _text(v: Any) -> str | None:
    return None if _missing(v) else str(v)


@dataclass(frozen=True)
class RowStatus:
    """A register row in a scenario (the columns `register_view` adds to the register).

    `status` (`TARGET_STATUSES`); `scenario_value` in the row's unit (NaN where none);
    `outcomes`: keys of the outcomes that test it; `check`: the policy check an outcome
    row's status is; `measured` (NaN where none), `measured_year`, `measured_source`: the
    monitor's latest value of a row with a `measure` (it then gives the status).
    """

    status: str
    scenario_value: float
    outcomes: tuple[str, ...]
    check: str | None
    measured: float
    measured_year: int | None
    measured_source: str | None


def register_status(
    data: WoonvisieData, a: Assumptions, monitor: Monitor | None = None
) -> tuple[tuple[RowStatus, ...], dict[str, Outcome]]:
    """Each register row's status in scenario `a` (in `target_rows` order) and the
    outcomes its assumption rows name."""
    rows = target_rows(data)
    n = len(rows)
    status, values = ["monitor"] * n, [math.nan] * n
    keys: list[tuple[str, ...]] = [()] * n
    check_of: list[str | None] = [None] * n
    by_name = {c.check: c for c in checks(data, a)}
    for c in computed_rows(data):
        status[c.row], values[c.row], keys[c.row] = _computed_status(c, data, a, by_name)
        check_of[c.row] = OUTCOME_CHECKS.get(c.indicator)
    measured = {} if monitor is None or monitor.empty else measured_by_id(monitor, data)
    none = (None, math.nan, None, None)
    found = [measured.get(r.id, none) for r in rows]
    statuses = tuple(
        RowStatus(f[0] or s, v, k, check, float(f[1]), f[2], f[3])
        for f, s, v, k, check in zip(found, status, values, keys, check_of, strict=True)
    )
    return statuses, outcomes(data, a, monitor)


def register_view(
    data: WoonvisieData, a: Assumptions, monitor: Monitor | None = None
) -> tuple[pd.DataFrame, dict[str, Outcome]]:
    """The register in scenario `a` and the outcomes its assumption rows name.

    The targets table plus the fields of `RowStatus` (`register_status`): status,
    scenario_value, outcomes, check, measured, measured_year, measured_source.
    """
    rows, found = register_status(data, a, monitor)
    table = data["targets"].copy()
    table["status"] = [r.status for r in rows]
    table["scenario_value"] = [r.scenario_value for r in rows]
    table["outcomes"] = [r.outcomes for r in rows]
    table["check"] = [r.check for r in rows]
    table["measured"] = [r.measured for r in rows]
    table["measured_year"] = pd.array([r.measured_year for r in rows], dtype="Int64")
    table["measured_source"] = [r.measured_source for r in rows]
    return table, found


def target_status(
    data: WoonvisieData, a: Assumptions, monitor: Monitor | None = None
) -> pd.DataFrame:
    """The register with each row's status in scenario `a` (the table of `register_view`)."""
    return register_view(data, a, monitor)[0]


def status_counts(table: pd.DataFrame, found: dict[str, Outcome]) -> dict[str, int]:
    """What Doelen's summary counts (`count_statuses`) of `register_view`'s table."""
    kinds, status = table["kind"].tolist(), table["status"].tolist()
    return count_statuses(kinds, status, table["outcomes"].tolist(), found)


def register_counts(
    data: WoonvisieData, rows: Sequence[RowStatus], found: Mapping[str, Outcome]
) -> dict[str, int]:
    """What Doelen's summary counts (`count_statuses`) of `register_status`'s rows."""
    kinds = [t.kind for t in target_rows(data)]
    return count_statuses(kinds, [r.status for r in rows], [r.outcomes for r in rows], found)


def count_statuses(
    kinds: Sequence[str],
    status: Sequence[str],
    named_by_row: Sequence[tuple[str, ...]],
    found: Mapping[str, Outcome],
) -> dict[str, int]:
    """What Doelen's summary counts: rows by kind and status; the lights and information of
    the rows plus those of the outcomes the assumption rows name, each outcome once."""
    named = {k for keys in named_by_row for k in keys}
    shown = [found[k].status for k in sorted(named)]
    counts = {s: list(status).count(s) + shown.count(s) for s in TARGET_STATUSES}
    commitments = list(kinds).count("commitment")
    return {
        "total": len(status),
        "commitments": commitments,
        "others": len(kinds) - commitments,
        **counts,
    }


def targets_json(
    data: WoonvisieData, a: Assumptions, monitor: Monitor | None = None
) -> list[dict[str, Any]]:
    """The register as plain values for `python -m woonlib targets --json`: each row with
    its kind, status and the outcomes that test it (key, status, value, target, unit,
    horizon, norm, lines, years, realised_years); with a monitor, its measured values."""
    table, found = register_view(data, a, monitor)
    if monitor is None:
        table = table.drop(columns=["measured", "measured_year", "measured_source"])
    rows = []
    for record in table.to_dict("records"):
        row = {k: (None if _missing(v) else v) for k, v in record.items() if k != "outcomes"}
        row["outcomes"] = [_outcome_json(found[k]) for k in record["outcomes"]]
        rows.append(row)
    return rows


def _outcome_json(o: Outcome) -> dict[str, Any]:
    return {
        "key": o.key,
        "status": o.status,
        "value": o.value,
        "target": o.target,
        "unit": o.unit,
        "horizon": o.horizon,
        "norm": o.norm,
        "lines": o.source.lines_text(),
        "years": None if o.years is None else list(o.years),
        "realised_years": o.realised_years,
    }


def _missing(v: Any) -> bool:
    return v is None or v is pd.NA or (isinstance(v, float) and math.isnan(v))


def theme_counts(data: WoonvisieData, a: Assumptions) -> pd.DataFrame:
    """Register rows per theme and status (rows: theme; columns: the statuses, total)."""
    table = target_status(data, a)
    counts = pd.crosstab(table["theme"], table["status"])
    counts = counts.reindex(index=list(THEMES), columns=list(TARGET_STATUSES), fill_value=0)
    counts["total"] = counts.sum(axis=1)
    return counts
