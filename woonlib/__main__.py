"""Command line: `python -m woonlib indicators|export` (see `--help`)."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from typing import Any

import pandas as pd

from woonlib.assumptions import DEFAULTS, Assumptions
from woonlib.data import DataPackageError, WoonvisieData, load_data
from woonlib.indicators import indicators, policy_checks
from woonlib.labels import LANGUAGES, check_texts, fmt_target, fmt_value, label
from woonlib.scenario import ScenarioError, read_scenario
from woonlib.targets import THEMES, target_status, targets_json

UNITS = {  # display unit of each headline indicator
    "affordable_share_programme": "fraction",
    "affordable_share_programme_net": "fraction",
    "affordable_share_programme_net_appendix": "fraction",
    "affordable_share_scenario": "fraction",
    "elderly_share_of_ambition": "fraction",
    "outflow_homes_per_year": "homes/year",
    "required_rate": "homes/year",
    "affordable_target_met": "bool",
}


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m woonlib",
        description=(
            "The Woonvisie Enschede 2024 in numbers: headline indicators and an Excel export "
            "for the default assumptions or a scenario file (JSON: assumption name → value)."
        ),
    )
    parser.add_argument("--data", help="data package folder (default: the shipped one)")
    sub = parser.add_subparsers(dest="command", required=True)
    ind = sub.add_parser("indicators", help="print the headline indicators")
    ind.add_argument("--json", action="store_true", help="print JSON instead of a table")
    ind.add_argument("--scenario", metavar="FILE", help="scenario file (JSON)")
    ind.add_argument("--lang", choices=LANGUAGES, default="nl", help="language (default nl)")
    tgt = sub.add_parser("targets", help="print every quantitative target with its status")
    tgt.add_argument("--json", action="store_true", help="print JSON instead of a table")
    tgt.add_argument("--scenario", metavar="FILE", help="scenario file (JSON)")
    tgt.add_argument("--lang", choices=LANGUAGES, default="nl", help="language (default nl)")
    exp = sub.add_parser("export", help="write an Excel workbook")
    exp.add_argument("--out", metavar="FILE.xlsx", required=True)
    exp.add_argument("--scenario", metavar="FILE", help="scenario file (JSON)")
    exp.add_argument("--lang", choices=LANGUAGES, default="nl")
    return parser


def _json_ready(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _json_ready(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_json_ready(v) for v in value]
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, float):
        return round(value, 6)
    return value


def render_text(data: WoonvisieData, a: Assumptions, lang: str) -> str:
    """The indicators, policy checks and data notes as a plain-text report."""
    values = indicators(data, a)
    lines = [f"Woonvisie Enschede 2024 — {label('indicators', lang)}"]
    for key, val in values.items():
        if key == "data_notes":
            continue
        if isinstance(val, dict):
            parts = ", ".join(
                f"{label(k, lang)} {fmt_value(v, 'homes', lang)}" for k, v in val.items()
            )
            lines.append(f"  {label(key, lang):<48} {parts}")
        else:
            lines.append(
                f"  {label(key, lang):<48} {fmt_value(val, UNITS.get(key, 'homes'), lang)}"
            )
    lines.append(f"\n{label('policy_checks', lang)}")
    for row in policy_checks(data, a).itertuples():
        title, status, explain = check_texts(row, lang)
        lines.append(f"  [{status}] {title}: {explain}")
    lines.append(f"\n{label('data_notes', lang)} ({len(data.notes)})")
    for note in data.notes:
        lines.append(f"  - {note.text_nl if lang == 'nl' else note.text}")
    return "\n".join(lines)


def render_targets(data: WoonvisieData, a: Assumptions, lang: str) -> str:
    """The targets register by theme as a plain-text report."""
    table = target_status(data, a)
    lines = [f"Woonvisie Enschede 2024 — {label('tab_targets', lang)} ({len(table)})"]
    for theme in THEMES:
        part = table[table["theme"] == theme]
        lines.append(f"\n{label(f'theme_{theme}', lang)} ({len(part)})")
        for r in part.itertuples():
            high = None if pd.isna(r.value_high) else float(r.value_high)
            target = fmt_target(float(r.value), high, r.unit, r.comparator, lang)
            where = label("line_ref", lang).format(line=int(r.source_line))
            status = label(f"target_{r.status}", lang)
            title = r.title_nl if lang == "nl" else r.title_en
            lines.append(f"  [{status}] {title} — {target} ({where})")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        data = load_data(args.data)
        a = read_scenario(args.scenario) if args.scenario else DEFAULTS
    except (ScenarioError, DataPackageError) as exc:
        print(f"woonlib: error: {exc}", file=sys.stderr)
        return 2
    if args.command == "targets":
        if args.json:
            rows = _json_ready(targets_json(data, a))
            print(json.dumps(rows, indent=2, ensure_ascii=False))
        else:
            print(render_targets(data, a, args.lang))
        return 0
    if args.command == "indicators":
        if args.json:
            print(json.dumps(_json_ready(indicators(data, a)), indent=2, ensure_ascii=False))
        else:
            print(render_text(data, a, args.lang))
        return 0
    from woonlib.export import workbook_tables, write_workbook

    try:
        path = write_workbook(args.out, workbook_tables(data, a, args.lang))
    except OSError as exc:
        print(f"woonlib: error: cannot write {args.out}: {exc.strerror}", file=sys.stderr)
        return 2
    print(f"written: {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
