"""Excel and CSV export: a sheet per topic, the assumptions, the sources and the data notes.

Issue 13 ("from plan to progress") adds the uncertainty fan and its probabilities, the
goal-seek answers ("what does it take?") and the sensitivity table; with a monitor file
(realised figures, `woonlib.data.monitor`) also realised against the path, the realised segment
mix and the targets with a measured value, and the indicators and the targets register take
the monitor into account.
"""

from __future__ import annotations

import io
import math
import re
import unicodedata
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import IO, Any

import pandas as pd

from woonlib.data import WoonvisieData
from woonlib.data.monitor import Monitor
from woonlib.model.assumptions import DEFAULTS, SPECS, Assumptions
from woonlib.model.elderly import elderly_summary, elderly_task
from woonlib.model.goalseek import Answer, answers
from woonlib.model.households import forecast_yearly
from woonlib.model.indicators import policy_checks, scenario_indicators
from woonlib.model.outflow import outflow_table, outflow_vs_care
from woonlib.model.programme import build_path, programme_table
from woonlib.model.progress import (
    measured_status,
    realised_so_far,
    realised_vs_path,
    scenario_fan,
    segment_mix,
)
from woonlib.model.register import target_status
from woonlib.model.registry import label_key
from woonlib.model.segments import (
    affordability_table,
    care_table,
    market_segments,
    norm_shares,
    segment_comparison,
)
from woonlib.model.sensitivity import sensitivity
from woonlib.model.uncertainty import Fan, Realised, ranges_of
from woonlib.report.labels import (
    check_texts,
    current_lang,
    fmt_allowed,
    fmt_lines,
    fmt_number,
    fmt_percent,
    fmt_source,
    fmt_value,
    label,
    pick,
    sweep_text,
    using,
)
from woonlib.vocab import CHANCE, RATE_NEEDED, SEGMENTS


def indicator_label(key: str) -> str:
    """The label of a headline indicator (`scenario_indicators` key)."""
    return label(label_key(key))


def _indicator_rows(
    data: WoonvisieData, a: Assumptions, monitor: Monitor | None = None
) -> pd.DataFrame:
    rows = []
    for key, val in scenario_indicators(data, a, monitor).items():
        if key == "data_notes":
            continue
        if isinstance(val, dict):
            rows += [(f"{key}.{k}", v) for k, v in val.items()]
        else:
            rows.append((key, val))
    return pd.DataFrame(rows, columns=["indicator", "value"])


def assumptions_table(a: Assumptions) -> pd.DataFrame:
    """Every assumption: value, default, unit, allowed range, source."""
    defaults = DEFAULTS.to_dict()
    rows = [
        (
            name,
            label(name),
            val,
            defaults[name],
            SPECS[name].unit,
            _allowed(name),
            fmt_source(SPECS[name].source),
        )
        for name, val in a.to_dict().items()
    ]
    return pd.DataFrame(
        rows, columns=["assumption", "label", "value", "default", "unit", "allowed", "source"]
    )


def checks_table(data: WoonvisieData, a: Assumptions) -> pd.DataFrame:
    """The policy checks with their norm, source lines and explanation, for exports."""
    checks = policy_checks(data, a)
    texts = [check_texts(row) for row in checks.itertuples()]
    table = checks.drop(columns=["extra"]).rename(columns={"source": "lines"})
    table["lines"] = [ref.lines_text() for ref in table["lines"]]  # the norm's lines
    table["status_text"] = [t[1] for t in texts]
    table["explanation"] = [t[2] for t in texts]
    return table


def _allowed(name: str) -> str:
    spec = SPECS[name]
    return fmt_allowed(spec.unit, spec.minimum, spec.maximum, spec.choices)


def sources_table(data: WoonvisieData) -> pd.DataFrame:
    """Every table of the data package with its title, source and seed lines, in the active language
    (titles, descriptions and source tables from the package's Dutch and English fields)."""
    rows = []
    for name, res in data.resources.items():
        for src in res.get("sources", []):
            lines = src.get("lines") or [None, None]
            rows.append(
                (
                    name,
                    pick(res, "title"),
                    src.get("title"),
                    pick(src, "table"),
                    lines[0],
                    lines[-1],
                    fmt_lines([(lines[0], lines[-1])]) if lines[0] else "",
                    res.get("unit"),
                    pick(res, "description"),
                )
            )
    return pd.DataFrame(
        rows,
        columns=[
            "table",
            "title",
            "document",
            "source_table",
            "first_line",
            "last_line",
            "lines",
            "unit",
            "description",
        ],
    )


def notes_table(data: WoonvisieData) -> pd.DataFrame:
    return pd.DataFrame(
        [(n.id, n.resource, n.check, n.text_nl, n.text) for n in data.notes],
        columns=["note", "table", "check", "text_nl", "text_en"],
    )


# --- from plan to progress (issue 13) ---------------------------------------------------


def _plain(value: Any) -> str:
    """A value as plain machine-readable text: 1034, 0.3, inf, social_rent."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return str(value)
    number = float(value)
    if not math.isfinite(number):
        return str(number)
    return str(int(number)) if number.is_integer() else str(round(number, 6))


def _pairs(values: Mapping[str, Any]) -> str:
    """'build_rate=1034; current=1000': a mapping as one line of text."""
    return "; ".join(f"{k}={_plain(v)}" for k, v in values.items())


PERCENT_VALUES = ("probability", "target", "affordable")  # answer values that are fractions


def _goal_value(goal: str, key: str, value: float) -> tuple[float, str]:
    """The unit of an answer's value, by its name (and the goal, where `current` is a year)."""
    if key in ("year", "target_year", "from_year") or (
        key == "current" and goal == "goal_reachable_year"
    ):
        return value, "year"
    if key in PERCENT_VALUES or key.startswith(("share_", "norm_")):
        return value, "fraction"
    return value, "number"


def _fmt_goal_value(goal: str, key: str, value: float) -> str:
    number, unit = _goal_value(goal, key, value)
    if unit == "year":
        return str(int(number))
    if key == "probability":  # a chance: as everywhere (`labels.shown`)
        return fmt_value(number, CHANCE)
    if key == "build_rate" and goal in ("goal_rate_for_ambition", "goal_rate_for_chance"):
        return fmt_value(number, RATE_NEEDED)  # a needed rate: rounded up
    if unit == "fraction":
        return fmt_percent(number, decimals=0)
    return fmt_number(number)


class _Blanks(dict[str, str]):
    """Values for a sentence; a figure the answer does not have shows as '–' (e.g. the year
    the ambition is reached at a build rate of 0)."""

    def __missing__(self, key: str) -> str:
        return "–"


def answer_text(answer: Answer, a: Assumptions) -> str:
    """A goal-seek answer as one sentence in the active language, its figures in its format.

    The label of `answer.goal` with its placeholders filled (`year`: the target year of `a`;
    `<goal>_from` where the answer starts after a monitor's realised years);
    the 30/40/30 programme answer adds the homes per segment to add or shift, the scenario
    share answers the shares.
    """
    values = _Blanks({k: _fmt_goal_value(answer.goal, k, v) for k, v in answer.values.items()})
    values.setdefault("year", str(a.target_year))
    key = f"{answer.goal}_from" if "from_year" in answer.values else answer.goal
    text = label(key).format_map(values)
    if answer.goal == "goal_programme_norm_split":
        parts = [
            f"{label(s)} +{values.get(f'add_{s}', '0')} {label('or_shift')} "
            f"{values.get(f'shift_{s}', '0')}"
            for s in SEGMENTS
        ]
        text += ": " + "; ".join(parts)
    elif answer.goal in ("goal_scenario_affordable", "goal_scenario_norm_split"):
        parts = [f"{label(s)} {values[f'share_{s}']}" for s in SEGMENTS]
        text += ": " + ", ".join(parts)
    return text


def answer_state(answer: Answer) -> str:
    """Met already, why not feasible, about the programme only, or not met yet.

    Shares the scenario already assumes are not 'met': an assumption does not meet the
    target it is set from, so those answers (`answer.assumed`) say the scenario assumes them.
    """
    if answer.met:
        return label("goal_assumed" if answer.assumed else "goal_met")
    if answer.note:
        return label(answer.note)
    if answer.applies_to == "programme":
        return label("goal_programme_only")
    return label("goal_open")


def goals_table(data: WoonvisieData, a: Assumptions, realised: Realised = ()) -> pd.DataFrame:
    """The goal-seek answers, one row each: the sentence in the active language, feasible,
    met, the values and the changes (as 'name=value; …'), what they apply to and the state in words.
    `realised`: a monitor's realised years (`progress.realised_so_far`), as on the page."""
    rows = [
        (
            ans.goal,
            answer_text(ans, a),
            ans.check,
            ans.feasible,
            ans.met,
            _pairs(ans.values),
            _pairs(ans.changes),
            ans.applies_to,
            answer_state(ans),
        )
        for ans in answers(data, a, a.goal_probability, ranges_of(a), realised)
    ]
    columns = [
        "goal",
        "text",
        "check",
        "feasible",
        "met",
        "values",
        "changes",
        "applies_to",
        "state",
    ]
    return pd.DataFrame(rows, columns=columns)


def fan_summary_table(result: Fan) -> pd.DataFrame:
    """The fan's probabilities, the need per forecast and the draws: item, label, value, unit."""
    rows: list[tuple[str, str, float, str]] = [
        (
            "probability_reaching_ambition",
            label("probability_reaching_ambition"),
            result.probability,
            "fraction",
        ),
        ("probability_need", label("probability_need"), result.probability_need, "fraction"),
    ]
    for rec in result.need.itertuples(index=False):
        name = label(str(rec.forecast))
        rows += [
            (
                f"need_homes.{rec.forecast}",
                label("need_homes_of").format(forecast=name),
                float(rec.need_homes),
                "homes",
            ),
            (
                f"probability_met.{rec.forecast}",
                label("probability_met_of").format(forecast=name),
                float(rec.probability_met),
                "fraction",
            ),
        ]
    rows += [
        ("draws", label("fan_draws"), float(result.draws), "draws"),
        ("seed", label("fan_seed"), float(result.seed), "-"),
    ]
    return pd.DataFrame(rows, columns=["item", "label", "value", "unit"])


def sensitivity_table(data: WoonvisieData, a: Assumptions, realised: Realised = ()) -> pd.DataFrame:
    """`woonlib.model.sensitivity.sensitivity` of `a` (its own fan ranges; the chance from a
    monitor's `realised` years), with the outcome, the assumption and the kind of range as
    labels in the active language beside their keys (a stated range with its lines)."""
    table = sensitivity(data, a, ranges_of(a), realised=realised)
    table.insert(1, "outcome_label", [label(str(o)) for o in table["outcome"]])
    at = table.columns.get_loc("assumption") + 1
    table.insert(at, "assumption_label", [label(str(n)) for n in table["assumption"]])
    at = table.columns.get_loc("kind") + 1
    kinds = zip(table["kind"], table["range_lines"], strict=True)
    table.insert(at, "kind_label", [sweep_text(k, lines) for k, lines in kinds])
    table["range_lines"] = [fmt_lines(lines) for lines in table["range_lines"]]
    table["range_source"] = [fmt_source(r) if r else "" for r in table["range_source"]]
    return table


def segment_mix_table(data: WoonvisieData, monitor: Monitor) -> pd.DataFrame:
    """Realised new build per segment against 30/40/30 and 70% affordable, with labels."""
    target = data.figure("policy_norms", "affordable_target") / 100
    table = segment_mix(monitor, norm_shares(data), target)
    keys = ["segment_unknown" if s == "unknown" else s for s in table["segment"]]
    table.insert(1, "segment_label", [label(k) for k in keys])
    return table


def measured_table(data: WoonvisieData, monitor: Monitor) -> pd.DataFrame:
    """The register targets with a measured value, judged: with title and status in the
    active language."""
    lang = current_lang()
    register = data["targets"]
    table = measured_status(monitor, register)
    titles = register.set_index("id")[f"title_{lang}"]
    table.insert(1, "title", [str(titles[i]) for i in table["id"]])
    table["status_text"] = [label(f"target_{s}") for s in table["status"]]
    return table


Sheets = dict[str, Callable[[], pd.DataFrame]]


def _progress_sheets(data: WoonvisieData, a: Assumptions, monitor: Monitor | None) -> Sheets:
    def fan_result() -> Fan:
        return scenario_fan(data, a, monitor)

    def realised() -> Realised:  # when a sheet is made: listing the names computes nothing
        return realised_so_far(monitor, a) if monitor is not None else ()

    sheets: Sheets = {
        label("sheet_fan"): lambda: fan_result().table,
        label("sheet_fan_summary"): lambda: fan_summary_table(fan_result()),
        label("sheet_goals"): lambda: goals_table(data, a, realised()),
        label("sheet_sensitivity"): lambda: sensitivity_table(data, a, realised()),
    }
    if monitor is not None:
        m = monitor
        sheets[label("sheet_realised")] = lambda: realised_vs_path(m, a)
        sheets[label("sheet_segment_mix")] = lambda: segment_mix_table(data, m)
        sheets[label("sheet_measured")] = lambda: measured_table(data, m)
    return sheets


def workbook_sheets(
    data: WoonvisieData, a: Assumptions, *, monitor: Monitor | None = None
) -> Sheets:
    """The workbook's sheets in order: sheet name → a function making its table.

    Listing the names computes nothing (the sensitivity alone takes about half a second).
    """

    def targets() -> pd.DataFrame:
        return target_status(data, a, monitor).drop(columns=["outcomes"])

    return {
        label("indicators"): lambda: _indicator_rows(data, a, monitor),
        label("policy_checks"): lambda: checks_table(data, a),
        label("tab_targets"): targets,
        label("households"): lambda: forecast_yearly(data),
        label("programme"): lambda: programme_table(data, a),
        label("build_path"): lambda: build_path(a),
        label("segments"): lambda: segment_comparison(data, a),
        label("affordability"): lambda: affordability_table(data, a),
        label("market_segments"): lambda: market_segments(data),
        label("care"): lambda: care_table(data, a),
        label("elderly"): lambda: elderly_task(a),
        label("elderly_totals"): lambda: elderly_summary(a),
        label("outflow"): lambda: outflow_table(a),
        label("outflow_vs_care"): lambda: outflow_vs_care(data, a),
        **_progress_sheets(data, a, monitor),
        label("assumptions"): lambda: assumptions_table(a),
        label("sources"): lambda: sources_table(data),
        label("data_notes"): lambda: notes_table(data),
    }


def workbook_tables(
    data: WoonvisieData, a: Assumptions, *, monitor: Monitor | None = None
) -> dict[str, pd.DataFrame]:
    """The workbook's sheets in order: sheet name → table (pure; no I/O).

    With `monitor` (realised figures): the indicators and the targets register take it into
    account, the fan starts from the realised years, and three sheets more (realised
    against the path, realised segment mix, measured targets).
    """
    return {name: make() for name, make in workbook_sheets(data, a, monitor=monitor).items()}


def _write_sheets(target: Path | IO[bytes], tables: dict[str, pd.DataFrame]) -> None:
    with pd.ExcelWriter(target, engine="openpyxl") as writer:
        for sheet, table in tables.items():
            table.to_excel(writer, sheet_name=sheet[:31], index=False)


def write_workbook(path: str | Path, tables: dict[str, pd.DataFrame]) -> Path:
    """Write `tables` as one sheet each to an .xlsx file."""
    path = Path(path)
    _write_sheets(path, tables)
    return path


def workbook_bytes(
    data: WoonvisieData, a: Assumptions, lang: str = "nl", *, monitor: Monitor | None = None
) -> bytes:
    """The workbook of `write_workbook` as .xlsx bytes, for a browser download (no file)."""
    with using(lang):
        buffer = io.BytesIO()
        _write_sheets(buffer, workbook_tables(data, a, monitor=monitor))
        return buffer.getvalue()


def table_csv(name: str, frame: pd.DataFrame) -> bytes:
    """One table as CSV bytes: UTF-8 with a BOM, comma-separated, '.' as decimal point.

    The BOM makes Excel read the Dutch text (ë, €, –) as UTF-8. Numbers stay machine-readable
    (2675.0, 0.3) rather than Dutch (2.675, 0,3), so pandas, R and scripts read them back
    unchanged; for reading in Excel with Dutch settings, the .xlsx workbook is the better
    download. `name` is the table's name (a sheet name), used in the error for a table
    without columns.
    """
    if len(frame.columns) == 0:
        raise ValueError(f"table {name!r} has no columns to write as CSV")
    text = frame.to_csv(index=False, sep=",", decimal=".", lineterminator="\r\n")
    return text.encode("utf-8-sig")


def scenario_csvs(
    data: WoonvisieData, a: Assumptions, lang: str = "nl", *, monitor: Monitor | None = None
) -> dict[str, bytes]:
    """Every table of the workbook as CSV bytes, keyed by its sheet name, in sheet order."""
    with using(lang):
        tables = workbook_tables(data, a, monitor=monitor)
        return {name: table_csv(name, t) for name, t in tables.items()}


def csv_filename(name: str) -> str:
    """A safe download name: 'Ouderen totalen' -> 'woonvisie-ouderen-totalen.csv'."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^0-9a-z]+", "-", ascii_name.lower()).strip("-") or "tabel"
    return f"woonvisie-{slug}.csv"
