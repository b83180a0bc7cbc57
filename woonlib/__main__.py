"""Command line: `python -m woonlib indicators|targets|export` (see `--help`)."""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections.abc import Sequence
from typing import Any

import pandas as pd

from woonlib.data import DataPackageError, WoonvisieData, load_data
from woonlib.data.monitor import Monitor, MonitorError, load_monitor
from woonlib.model.assumptions import DEFAULTS, Assumptions
from woonlib.model.indicators import json_ready, policy_checks, scenario_indicators
from woonlib.model.register import Outcome, register_view, status_counts, targets_json
from woonlib.model.registry import unit_of
from woonlib.model.targets import THEMES
from woonlib.report.export import indicator_label
from woonlib.report.labels import (
    LANGUAGES,
    check_texts,
    current_lang,
    fmt_amount,
    fmt_target,
    fmt_value,
    label,
    monitor_problem_text,
    outcome_title,
    outcome_value,
    using,
)
from woonlib.scenario.files import ScenarioError, read_scenario

MONITOR_HELP = (
    "monitor file of realised figures (CSV or .xlsx, see data/monitor/README.md); "
    "repeat for more files. Without --monitor no monitor is used: data/monitor/ is not "
    "read automatically"
)
LANG_HELP = "language (default nl); error messages are English unless --lang is given"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m woonlib",
        description=(
            "The Woonvisie Enschede 2024 in numbers: headline indicators, the targets "
            "register and an Excel export for the default assumptions or a scenario file "
            "(JSON: assumption name → value), optionally with a monitor file of realised "
            "figures (--monitor; never read unless given)."
        ),
    )
    parser.add_argument("--data", help="data package folder (default: the shipped one)")
    sub = parser.add_subparsers(dest="command", required=True)
    ind = sub.add_parser(
        "indicators",
        help="print the headline indicators",
        description="The headline indicators. With --monitor: realised homes and years, the "
        "build rate needed from now, the year the ambition is reached at the recent pace and "
        "the chance of the ambition with the realised years fixed.",
    )
    ind.add_argument("--json", action="store_true", help="print JSON instead of a table")
    tgt = sub.add_parser(
        "targets",
        help="print every quantitative target with its status",
        description="Every quantitative target of the Woonvisie with its status. With "
        "--monitor: a target with a measured value is judged on it.",
    )
    tgt.add_argument("--json", action="store_true", help="print JSON instead of a table")
    exp = sub.add_parser(
        "export",
        help="write an Excel workbook",
        description="An Excel workbook: a sheet per topic, the uncertainty fan, 'what does it "
        "take?', the sensitivity; with --monitor also realised against the path, the "
        "realised segment mix and the measured targets.",
    )
    exp.add_argument("--out", metavar="FILE.xlsx", required=True)
    for command in (ind, tgt, exp):
        command.add_argument("--scenario", metavar="FILE", help="scenario file (JSON)")
        command.add_argument("--monitor", metavar="FILE", action="append", help=MONITOR_HELP)
        command.add_argument("--lang", choices=LANGUAGES, default=None, help=LANG_HELP)
    return parser


def render_text(data: WoonvisieData, a: Assumptions, monitor: Monitor | None = None) -> str:
    """The indicators, policy checks and data notes as a plain-text report."""
    lang = current_lang()
    values = scenario_indicators(data, a, monitor)
    lines = [f"Woonvisie Enschede 2024 — {label('indicators')}"]
    for key, val in values.items():
        if key == "data_notes":
            continue
        name = indicator_label(key)
        if isinstance(val, dict):
            parts = ", ".join(f"{label(k)} {fmt_value(v, 'homes')}" for k, v in val.items())
            lines.append(f"  {name:<48} {parts}")
        elif val is None or (isinstance(val, float) and not math.isfinite(val)):
            lines.append(f"  {name:<48} –")
        else:
            lines.append(f"  {name:<48} {fmt_value(val, unit_of(key))}")
    lines.append(f"\n{label('policy_checks')}")
    for row in policy_checks(data, a).itertuples():
        title, status, explain = check_texts(row)
        lines.append(f"  [{status}] {title}: {explain}")
    lines.append(f"\n{label('data_notes')} ({len(data.notes)})")
    for note in data.notes:
        lines.append(f"  - {note.text_nl if lang == 'nl' else note.text}")
    return "\n".join(lines)


def render_targets(data: WoonvisieData, a: Assumptions, monitor: Monitor | None = None) -> str:
    """The targets register by theme as a plain-text report, as Doelen shows it: each row
    with its kind and status, the outcomes that test an assumption row under it, and with a
    monitor the measured value after each row that has one (its status judged on it)."""
    lang = current_lang()
    table, found = register_view(data, a, monitor)
    lines = [f"Woonvisie Enschede 2024 — {label('tab_targets')} ({len(table)})"]
    lines.append(label("targets_summary").format(**status_counts(table, found)))
    for theme in THEMES:
        part = table[table["theme"] == theme]
        lines.append(f"\n{label(f'theme_{theme}')} ({len(part)})")
        for r in part.itertuples():
            high = None if pd.isna(r.value_high) else float(r.value_high)
            target = fmt_target(float(r.value), high, r.unit, r.comparator)
            where = label("line_ref").format(line=int(r.source_line))
            status = label(_status_key(r.status, bool(r.outcomes)))
            title = r.title_nl if lang == "nl" else r.title_en
            kind = label(f"kind_{r.kind}")
            lines.append(f"  [{status}] {title} — {target} ({where}; {kind}){_measured(r)}")
            lines.extend(f"      {_outcome_text(found[k], a)}" for k in r.outcomes)
    return "\n".join(lines)


def _measured(row: Any) -> str:
    """' — Gemeten: 11,5 maanden (2026)' for a register row with a measured value."""
    measured = getattr(row, "measured", None)
    if measured is None or pd.isna(measured):
        return ""
    amount = fmt_amount(float(measured), str(row.unit))
    return f" — {label('measured')}: {amount} ({int(row.measured_year)})"


def _status_key(status: str, tested: bool) -> str:
    untested = status == "assumption" and not tested
    return "target_assumption_untested" if untested else f"target_{status}"


def _outcome_text(o: Outcome, a: Assumptions) -> str:
    """An outcome under its assumption row: '[niet in lijn] ↳ Uitkomst: bouwpad ...'."""
    if o.check is not None:
        title, word, explain = check_texts(o.check)
        return f"[{word}] ↳ {title}: {explain}"
    value = outcome_value(o)
    return f"[{label(f'target_{o.status}')}] {outcome_title(o, a)}: {value}"


def monitor_error(exc: MonitorError) -> str:
    """A bad monitor on one line: the first problem (file, row, column, rule) and how many
    more there are."""
    first = monitor_problem_text(exc.problems[0])
    more = len(exc.problems) - 1
    return first + (" " + label("monitor_more").format(count=more) if more else "")


def _read_inputs(args: argparse.Namespace) -> tuple[WoonvisieData, Assumptions, Monitor | None]:
    """The data package, the scenario and the monitor (None without --monitor)."""
    data = load_data(args.data)
    a = read_scenario(args.scenario) if args.scenario else DEFAULTS
    monitor = load_monitor(args.monitor, data["targets"]) if args.monitor else None
    return data, a, monitor


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    lang = args.lang or "nl"
    try:
        data, a, monitor = _read_inputs(args)
    except (ScenarioError, DataPackageError) as exc:
        print(f"woonlib: error: {exc}", file=sys.stderr)
        return 2
    except MonitorError as exc:
        with using(args.lang or "en"):
            print(f"woonlib: error: {monitor_error(exc)}", file=sys.stderr)
        return 2
    if args.command == "targets":
        if args.json:
            rows = json_ready(targets_json(data, a, monitor))
            print(json.dumps(rows, indent=2, ensure_ascii=False))
        else:
            with using(lang):
                print(render_targets(data, a, monitor))
        return 0
    if args.command == "indicators":
        if args.json:
            values = json_ready(scenario_indicators(data, a, monitor))
            print(json.dumps(values, indent=2, ensure_ascii=False))
        else:
            with using(lang):
                print(render_text(data, a, monitor))
        return 0
    from woonlib.report.export import workbook_tables, write_workbook

    try:
        with using(lang):
            path = write_workbook(args.out, workbook_tables(data, a, monitor=monitor))
    except OSError as exc:
        print(f"woonlib: error: cannot write {args.out}: {exc.strerror}", file=sys.stderr)
        return 2
    print(f"written: {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
