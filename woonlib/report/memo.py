"""The scenario memo (scenario-notitie): one printable, self-contained HTML page.

`scenario_memo(data, a)` gives what a council memo needs: the assumptions that differ from
the Woonvisie with their sources, the headline indicators, the policy checks, the main
charts, "from plan to progress" (the chance of the ambition, the build rate needed, the
uncertainty fan, what it takes to meet each check, the assumptions that matter most; with a
monitor file also realised against the path and the year the ambition is reached at the
recent pace) and the data notes. plotly.js is inlined once, so the page works offline and
prints; every text from the data or the assumptions is HTML-escaped.
"""

from __future__ import annotations

import datetime
import math
from html import escape
from typing import Any

import plotly.graph_objects as go
from markupsafe import Markup
from plotly.offline import get_plotlyjs

from woonlib.data import WoonvisieData
from woonlib.data.monitor import Monitor
from woonlib.model.assumptions import DEFAULTS, SPECS, Assumptions
from woonlib.model.core import results
from woonlib.model.goalseek import answers
from woonlib.model.households import forecast_yearly
from woonlib.model.indicators import policy_checks
from woonlib.model.presets import PRESETS, matching_preset
from woonlib.model.programme import path_years
from woonlib.model.progress import (
    projected_year,
    realised_path,
    realised_so_far,
    scenario_fan_values,
)
from woonlib.model.registry import unit_of
from woonlib.model.sensitivity import sensitivity
from woonlib.model.uncertainty import (
    FanValues,
    Realised,
    chances_without_assumed_spreads,
    fan_frames,
    fan_spreads,
    ranges_of,
)
from woonlib.report.charts import (
    build_path_figure,
    care_vs_outflow_figure,
    elderly_figure,
    households_figure,
    outflow_figure,
    plotly_config,
    programme_figure,
    segments_figure,
)
from woonlib.report.export import (
    answer_state,
    answer_text,
    indicator_label,
    scenario_indicators,
)
from woonlib.report.labels import (
    chance_basis_text,
    current_lang,
    fmt_date,
    fmt_number,
    fmt_points,
    fmt_quantity,
    fmt_source,
    label,
    shown,
    sweep_text,
    using,
)
from woonlib.report.markup import check_rows, css, page_css, table
from woonlib.report.progress_charts import fan_figure, realised_figure
from woonlib.vocab import CHANCE, RATE_NEEDED

SENSITIVITY_TOP = 5  # assumptions shown per outcome
CHART_WIDTH = 680  # [px] fits an A4 page in portrait with 15 mm margins


def display(value: Any, unit: str) -> str:
    """A value in the language's format with its unit where a bare number says too little;
    '–' for no value (None, NaN, inf: e.g. a year the ambition is not reached in)."""
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return "–"
    return fmt_quantity(value, unit)


def source_span(text: str) -> Markup:
    """A source reference in small print (escaped)."""
    return Markup(f'<span class="src">{escape(text)}</span>')


def changed_section(a: Assumptions) -> str:
    """The assumptions that differ from the Woonvisie: label, scenario, Woonvisie, source."""
    changed = a.changed()
    if not changed:
        return f"<p>{escape(label('memo_none_changed'))}</p>"
    defaults = DEFAULTS.to_dict()
    rows = [
        (
            (label(name), False),
            (display(value, SPECS[name].unit), True),
            (display(defaults[name], SPECS[name].unit), True),
            (source_span(fmt_source(SPECS[name].source)), False),
        )
        for name, value in changed.items()
    ]
    headers = [label(k) for k in ("assumption", "memo_in_scenario", "memo_in_woonvisie")]
    return table(None, [*headers, label("source")], rows)


def indicators_section(data: WoonvisieData, a: Assumptions, monitor: Monitor | None = None) -> str:
    """The headline indicators of `a` in the language's number format (with a monitor: the
    progress indicators with the realised years, `export.scenario_indicators`)."""
    rows = []
    for key, val in scenario_indicators(data, a, monitor).items():
        if key == "data_notes":
            continue
        unit = unit_of(key)
        if isinstance(val, dict):
            rows += [
                (
                    (f"{label(key)}: {label(part)}", False),
                    (display(v, unit), True),
                )
                for part, v in val.items()
            ]
        else:
            name = indicator_label(key)
            cells = (name, False), (display(val, unit), True)
            rows.append(cells)
    return table(None, [label("item"), label("value")], rows)


def checks_section(data: WoonvisieData, a: Assumptions) -> str:
    """The policy checks: title, outcome (symbol and word, readable in black and white), why."""
    headers = [label(k) for k in ("memo_check", "memo_status", "memo_explanation")]
    return table(None, headers, check_rows(policy_checks(data, a)))


def memo_figures(data: WoonvisieData, a: Assumptions) -> dict[str, go.Figure]:
    """The memo's charts, built by `woonlib.report.charts` from the same values as the
    page's: name → figure."""
    r = results(data, a)
    return {
        "households": households_figure(forecast_yearly(data), a.forecast),
        "programme": programme_figure(r.programme),
        "build_path": build_path_figure(path_years(a)),
        "segments": segments_figure(r.series),
        "elderly": elderly_figure(r.elderly),
        "outflow": outflow_figure(r.outflow),
        "care_outflow": care_vs_outflow_figure(r.outflow),
    }


def _chart(name: str, fig: go.Figure) -> str:
    """One chart as a div and its plot call (plotly.js itself is not included)."""
    config = {**plotly_config(), "responsive": False}
    fig.update_layout(width=CHART_WIDTH)
    html = fig.to_html(
        full_html=False, include_plotlyjs=False, config=config, div_id=f"memo-chart-{name}"
    )
    return f'<div class="chart">{html}</div>'


def charts_section(data: WoonvisieData, a: Assumptions) -> str:
    """Every memo chart as a div and its plot call; plotly.js itself is not included here."""
    return "".join(_chart(name, fig) for name, fig in memo_figures(data, a).items())


# --- from plan to progress -------------------------------------------------------------------


def progress_figures(
    data: WoonvisieData,
    a: Assumptions,
    monitor: Monitor | None = None,
    fan: FanValues | None = None,
) -> dict[str, go.Figure]:
    """The progress charts (`woonlib.report.progress_charts`): realised against the path (with a
    monitor) and the uncertainty fan, from the values the page draws them from. `fan`: the
    fan's values, when computed already."""
    figures = {}
    if monitor is not None:
        figures["realised"] = realised_figure(realised_path(monitor, a))
    figures["fan"] = fan_figure(fan or scenario_fan_values(data, a, monitor))
    return figures


def _projection_text(monitor: Monitor, a: Assumptions) -> str:
    """'Ambition reached in 2034 at the pace of …', or not reached, or reached already."""
    projection = projected_year(monitor, a)
    if projection.reached:
        return label("projected_reached").format(year=projection.year)
    key = "projected_year_text" if projection.year is not None else "projected_never_text"
    return label(key).format(year=projection.year, target=a.target_year)


def _progress_figures_table(values: dict[str, Any], a: Assumptions, monitor: Monitor | None) -> str:
    year = a.target_year
    rate_key = "rate_needed_from_now" if monitor is not None else "build_rate_needed"
    items: list[tuple[str, str]] = [
        (
            label("reach_probability_by").format(year=year),
            display(values["probability_reaching_ambition"], CHANCE),
        ),
        (
            label(rate_key).format(year=year),
            display(values["build_rate_needed"], RATE_NEEDED),
        ),
    ]
    if monitor is not None:
        items.append((label("realised_homes"), display(values["realised_homes"], "homes")))
    rows = [((k, False), (v, True)) for k, v in items]
    return table(None, [label("item"), label("value")], rows)


def _goals_list(data: WoonvisieData, a: Assumptions, realised: Realised = ()) -> str:
    """The goal-seek answers as sentences, each with its state (met, not feasible, …);
    `realised`: a monitor's realised years (`progress.realised_so_far`), as on the page."""
    items = "".join(
        f"<li>{escape(answer_text(ans, a))} "
        f'<span class="src">({escape(answer_state(ans))})</span></li>'
        for ans in answers(data, a, a.goal_probability, ranges_of(a), realised)
    )
    return f'<ul class="goals">{items}</ul>'


def _sweep_end(value: Any, name: str) -> str:
    """An end of an assumption's sweep in the assumption's own unit."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    return display(value, SPECS[name].unit)


def _numeric(name: Any) -> bool:
    """Whether an assumption's values are numbers (right-aligned), not choices or yes/no."""
    spec = SPECS[str(name)]
    return not spec.choices and spec.unit != "bool"


def _swing(low: float, high: float, unit: str) -> str:
    """A swing (high − low): homes with their unit, a fraction in percentage points (a
    chance: between the chances as shown, in whole points)."""
    if unit == CHANCE:
        return fmt_points(shown(high, unit) - shown(low, unit), decimals=0)
    return display(high - low, "pp" if unit == "fraction" else unit)


def sensitivity_section(data: WoonvisieData, a: Assumptions, realised: Realised = ()) -> str:
    """Per headline outcome the `SENSITIVITY_TOP` assumptions that move it most (the chance
    from a monitor's `realised` years, as the fan's)."""
    sweeps = sensitivity(data, a, ranges_of(a), realised=realised)
    headers = [
        label(k)
        for k in (
            "assumption",
            "sens_low",
            "sens_high",
            "sens_min",
            "sens_max",
            "swing",
            "sens_range",
        )
    ]
    parts = [f"<p>{escape(label('memo_sensitivity_intro'))}</p>"]
    for outcome, rows in sweeps.groupby("outcome", sort=False):
        top = rows[rows["swing"] > 0].sort_values("swing", ascending=False)
        if top.empty:
            continue
        body = [
            (
                (label(str(r.assumption)), False),
                (_sweep_end(r.low, str(r.assumption)), _numeric(r.assumption)),
                (_sweep_end(r.high, str(r.assumption)), _numeric(r.assumption)),
                (display(r.outcome_min, str(r.unit)), True),
                (display(r.outcome_max, str(r.unit)), True),
                (_swing(float(r.outcome_min), float(r.outcome_max), str(r.unit)), True),
                (sweep_text(str(r.kind), r.range_lines), False),  # where the range is from
            )
            for r in top.head(SENSITIVITY_TOP).itertuples()
        ]
        parts.append(f"<h4>{escape(label(str(outcome)))}</h4>")
        parts.append(table(None, headers, body))
    return "".join(parts)


def progress_section(data: WoonvisieData, a: Assumptions, monitor: Monitor | None = None) -> str:
    """Van plan naar voortgang: the chance of the ambition by the target year, the build rate
    needed, the fan, what it takes, and the top assumptions per outcome; with a monitor also
    realised against the path, the rate needed from now and the projected year."""
    values = scenario_indicators(data, a, monitor)
    realised = realised_so_far(monitor, a) if monitor is not None else ()
    fan = scenario_fan_values(data, a, monitor)
    result = fan_frames(fan)
    figures = progress_figures(data, a, monitor, fan)
    without = chances_without_assumed_spreads(a, ranges_of(a), realised)
    parts = [
        _progress_figures_table(values, a, monitor),
        f'<p class="src">{escape(chance_basis_text(fan_spreads(a), without))}</p>',
    ]
    if monitor is not None:
        files = ", ".join(monitor.files)
        parts.append(f'<p class="src">{escape(label("monitor_files"))}: {escape(files)}</p>')
        parts.append(f"<p>{escape(_projection_text(monitor, a))}</p>")
        parts.append(_chart("realised", figures["realised"]))
    else:
        parts.append(f'<p class="src">{escape(label("memo_no_monitor"))}</p>')
    draws = label("fan_draws_text").format(draws=fmt_number(result.draws))
    parts += [
        f"<h3>{escape(label('fan_title'))}</h3>",
        _chart("fan", figures["fan"]),
        f'<p class="src">{escape(label("fan_not_modelled"))} {escape(draws)}</p>',
        f"<h3>{escape(label('goals_title'))}</h3>",
        _goals_list(data, a, realised),
        f"<h3>{escape(label('sensitivity_title'))}</h3>",
        sensitivity_section(data, a, realised),
    ]
    return "".join(parts)


def notes_section(data: WoonvisieData) -> str:
    """The data notes: the source's inconsistencies and readings, per table."""
    lang = current_lang()
    items = "".join(
        f'<li><span class="src">{escape(n.resource)}</span><br>'
        f"{escape(n.text_nl if lang == 'nl' else n.text)}</li>"
        for n in data.notes
    )
    return f'<ul class="datanotes">{items}</ul>'


def preset_paragraph(a: Assumptions) -> str:
    """'Preset: …' and its note when `a` is one of the named presets, else nothing."""
    name = matching_preset(a)
    if name is None:
        return ""
    p = PRESETS[name]
    return (
        f"<p><b>{escape(label('preset'))}:</b> {escape(label(p.label))}</p>"
        f'<p class="note">{escape(label(p.note))}</p>'
    )


def scenario_memo(
    data: WoonvisieData,
    a: Assumptions,
    lang: str = "nl",
    today: datetime.date | None = None,
    *,
    monitor: Monitor | None = None,
) -> str:
    """The scenario memo of `a` as one HTML document (Dutch by default, 'en' for English).

    `today` is the date printed on it (default: today); `monitor`: realised figures
    (`woonlib.data.monitor.load_monitor`), or None. The page loads nothing from the network:
    plotly.js is inlined once and the charts call it.
    """
    with using(lang):
        day = today or datetime.date.today()
        title = escape(label("memo_title"))
        sections = [
            (label("memo_changed"), changed_section(a)),
            (label("headline"), indicators_section(data, a, monitor)),
            (label("policy_checks"), checks_section(data, a)),
            (label("memo_charts"), charts_section(data, a)),
            (label("progress_title"), progress_section(data, a, monitor)),
            (label("data_notes"), notes_section(data)),
        ]
        body = "".join(f"<section><h2>{escape(h)}</h2>{html}</section>" for h, html in sections)
        return (
            f'<!DOCTYPE html>\n<html lang="{escape(lang)}">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{title}</title>\n<style>{page_css()}{css('memo.css')}</style>\n"
            f'<script type="text/javascript">{get_plotlyjs()}</script>\n</head>\n<body>\n<main>\n'
            f"<h1>{title}</h1>\n"
            f'<p class="meta">{escape(label("memo_date"))}: {escape(fmt_date(day))}</p>\n'
            f"<p>{escape(label('memo_intro'))}</p>\n{preset_paragraph(a)}\n{body}\n"
            f"<footer>{escape(label('memo_footer'))}</footer>\n</main>\n</body>\n</html>\n"
        )
