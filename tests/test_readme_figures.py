"""Every figure the README quotes is the page's: computed here as the page computes and
formats it, then looked for in the README's text.

A change of the model, a rounding rule or a label that moves a figure fails this test until
the README says what the page says.
"""

from __future__ import annotations

from pathlib import Path

from woonlib.data import WoonvisieData
from woonlib.data.monitor import Monitor
from woonlib.model.assumptions import DEFAULTS
from woonlib.model.goalseek import plan_capacity_to_add, rate_for_chance, reachable_year
from woonlib.model.indicators import checks, indicators
from woonlib.model.programme import rate_needed
from woonlib.model.progress import realised_so_far
from woonlib.model.register import register_view, status_counts
from woonlib.model.uncertainty import chances_without_assumed_spreads, ranges_of
from woonlib.model.uncertainty import reach_probability as chance
from woonlib.report.labels import fmt_number, fmt_value, label, using
from woonlib.vocab import CHANCE, RATE_NEEDED

README = " ".join((Path(__file__).resolve().parents[1] / "README.md").read_text().split())


def rate(value: float) -> str:
    with using("nl"):
        return fmt_value(value, RATE_NEEDED).split()[0]


def pct(value: float) -> str:
    with using("nl"):
        return fmt_value(value, CHANCE)


def quoted(*fragments: str) -> None:
    for fragment in fragments:
        assert fragment in README, f"README does not quote the page's {fragment!r}"


def test_verdicts(data: WoonvisieData) -> None:
    c = {row.check: row for row in checks(data, DEFAULTS)}
    affordable = c["check_affordable_programme"]
    with using("nl"):
        gross = fmt_value(affordable.value, "fraction")
        net = fmt_value(affordable.extra["net"], "fraction")
    quoted(f"= **{gross}, met**", f"({net} of Figuur 5's 8.305")
    ind = indicators(data, DEFAULTS)
    task = fmt_number(ind["elderly_task_in_building_years"])
    with using("nl"):
        share = fmt_value(ind["elderly_share_of_ambition"], "fraction")
    quoted(f"({task} of 9.300 = {share})")
    assert c["check_affordable_scenario"].status == "info"


def test_doelen_summary(data: WoonvisieData) -> None:
    table, found = register_view(data, DEFAULTS)
    summary = label("targets_summary", "nl").format(**status_counts(table, found))
    quoted(f'the summary reads "{summary}"')


def test_voortgang_at_the_defaults(data: WoonvisieData) -> None:
    a = DEFAULTS
    ranges = ranges_of(a)
    without = chances_without_assumed_spreads(a, ranges)
    quoted(
        f"({pct(chance(a, ranges))} with the defaults",
        f"it is {pct(without['no_pace'])}, without any assumed spread {pct(without['none'])}",
        f"for the ambition ({rate(rate_needed(a))}:",
        f"current rate ({int(reachable_year(a).values['target_year'])})",
        f"({rate(rate_for_chance(0.8, a, ranges).values['build_rate'])} for 80%)",
        f"130% ({fmt_number(plan_capacity_to_add(data, a).values['to_add'])})",
        f"{rate(rate_needed(a.replace(ambition_homes=10_000)))} for an ambition of 10.000",
    )


def test_tot_2032_without_2032(data: WoonvisieData) -> None:
    eight = DEFAULTS.replace(target_year_inclusive=False)
    quoted(
        f"8 building years the ambition takes {rate(rate_needed(eight))} a year",
        f"chance at 1.000 a year is {pct(chance(eight, ranges_of(eight)))}",
    )


def test_voortgang_with_the_example_monitor(data: WoonvisieData, monitor_example: Monitor) -> None:
    a = DEFAULTS
    realised = realised_so_far(monitor_example, a)
    needed = rate_needed(a, realised)
    done = fmt_number(sum(realised))
    quoted(f"every place says {rate(needed)} a year from now", f"{done} net homes")
    quoted(f"chance is {pct(chance(a, ranges_of(a), realised))}")
    applied = a.replace(build_rate=int(rate(needed).replace(".", "")))
    years = len(applied_years := range(len(realised), 9))
    path = sum(realised) + years * applied.build_rate
    assert len(applied_years) == 6
    quoted(
        f"gives {done} + {years} × {rate(needed)} = {fmt_number(path)}",
        f"chance of {pct(chance(applied, ranges_of(applied), realised))}",
    )
