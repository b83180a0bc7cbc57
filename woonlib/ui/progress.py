"""Voortgang: realised against the path, the uncertainty fan, "what does it take?", and
which assumptions matter most.

The monitor (realised figures) is not an assumption: the state holds it (`state.monitor`);
an upload here sets it, and the host then updates this panel and the targets tab. A
goal-seek answer is taken into the scenario as one change (one undo).
"""

from __future__ import annotations

import dataclasses
import math
from html import escape
from pathlib import Path
from typing import Any

import ipywidgets as W
import pandas as pd

from woonlib.data.monitor import (
    TEMPLATE_NAME,
    Monitor,
    MonitorError,
    MonitorProblem,
    load_monitor,
    monitor_read,
)
from woonlib.model.assumptions import DEFAULTS, FAN_FIELDS, SPECS
from woonlib.model.goalseek import GOALS, Answer, answers
from woonlib.model.outcome import Outcome
from woonlib.model.progress import (
    MixRow,
    progress_indicators,
    realised_path,
    realised_so_far,
    scenario_fan_values,
    segment_mix_rows,
)
from woonlib.model.registry import unit_of
from woonlib.model.segments import norm_shares
from woonlib.model.sensitivity import sensitivity
from woonlib.model.uncertainty import (
    chances_without_assumed_spreads,
    fan_spreads,
    ranges_of,
)
from woonlib.report import progress_charts as pc
from woonlib.report.export import answer_state, answer_text
from woonlib.report.labels import (
    chance_basis_text,
    fmt_count,
    fmt_number,
    fmt_value,
    label,
    monitor_problem_text,
    monitor_read_text,
    sweep_text,
    using,
)
from woonlib.ui.browser import DownloadButton, UploadButton
from woonlib.ui.controls import relabel_options
from woonlib.ui.panel import EVERY, Panel
from woonlib.ui.shared import DescriptionStyle, button, button_layout, hbox, html, layout, style
from woonlib.ui.tables import html_table, item_table

MAX_MONITOR_UPLOAD = 2_000_000  # bytes: a monitor of decades of yearly figures is ~50 kB
OUTCOMES = (
    "reach_probability",
    "programme_gap",
    "affordable_share_programme",
    "affordable_share_scenario",
    "care_homes_from_social_rent",
    "elderly_share_of_ambition",
)


class ProgressPanel(Panel):
    title_key = "tab_progress"
    depends = EVERY  # the fan and the answers follow nearly every assumption
    follows = frozenset({"monitor"})

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self._answers: list[Answer] = []
        self._a = DEFAULTS
        # the norms the realised mix is set against: fixed per data package
        self._norms = norm_shares(self.data)
        self._affordable_target = self.data.figure("policy_norms", "affordable_target") / 100
        self.upload = UploadButton(MAX_MONITOR_UPLOAD, accept=".csv,.xlsx", layout=layout())
        self.text(self.upload, "description", "monitor_upload")
        self.text(self.upload, "tooltip", "monitor_upload_help")
        self.upload.add_class("wl-monitor-upload")
        self.upload.observe(self.callback(self._uploaded), names="value")
        self.template = DownloadButton(self._template_file, layout=layout())
        self.text(self.template, "description", "monitor_template")
        self.text(self.template, "tooltip", "monitor_template_help")
        self._read: tuple[str, Monitor] | None = None  # the last file loaded here, and its read
        self.monitor_note = html()
        self.monitor_summary = html()
        self.fig_realised = self.figure(
            lambda: pc.realised_figure(realised_path(self.monitor, DEFAULTS)),
            "realised",
        )
        self.fig_fan = self.figure(
            lambda: pc.fan_figure(scenario_fan_values(self.data, DEFAULTS)), "fan"
        )
        self.fan_summary = html()
        self.goal_texts = [html().add_class("wl-goal-text") for _ in GOALS]
        self.goal_buttons = [self._goal_button(i) for i in range(len(GOALS))]
        self._build_sensitivity()
        self.children = [
            self.heading("monitor_title"),
            hbox([self.upload, self.template]).add_class("wl-toolbar"),
            self.monitor_note,
            self.fig_realised,
            self.monitor_summary,
            self.heading("fan_title"),
            *self.make_controls(FAN_FIELDS),
            self.fig_fan,
            self.fan_summary,
            self.heading("goals_title"),
            *self.make_controls(("goal_probability",)),
            *(
                hbox([t, b]).add_class("wl-goal-row")  # page CSS: one answer a full-width row
                for t, b in zip(self.goal_texts, self.goal_buttons, strict=True)
            ),
            self.heading("sensitivity_title"),
            self.sens_bar,
            self.sens_status,
            self.tornado_box,
            self.sens_table,
        ]

    @property
    def monitor(self) -> Monitor:
        """The realised figures: the state's (an upload sets them there)."""
        return self.state.monitor

    # --- compute and show ----------------------------------------------------------------

    def compute(self, o: Outcome) -> dict[str, Any]:
        a = o.a
        m, ranges = self.monitor, ranges_of(a)
        realised = realised_so_far(m, a)
        return {
            "a": a,
            "realised": realised_path(m, a),
            "progress": progress_indicators(m, a),
            "mix": None if m.empty else self._mix(),
            "fan": scenario_fan_values(self.data, a, m),
            "without": chances_without_assumed_spreads(a, ranges, realised),
            "answers": answers(self.data, a, a.goal_probability, ranges, realised),
        }

    def show(self, result: dict[str, Any]) -> None:
        self._a = result["a"]
        with self.fig_realised.batch_update():
            pc.update_realised(self.fig_realised, result["realised"])
        with self.fig_fan.batch_update():
            pc.update_fan(self.fig_fan, result["fan"])
        self.monitor_note.value = self._monitor_note()
        self.monitor_summary.value = self._monitor_summary(result)
        self.fan_summary.value = self._fan_summary(result)
        self._show_answers(result["answers"])
        if self.sens_table.value:
            stale = escape(label("sens_stale"))
            self.sens_status.value = f'<span class="wl-note">{stale}</span>'

    def _mix(self) -> tuple[MixRow, ...]:
        return segment_mix_rows(self.monitor, self._norms, self._affordable_target)

    # --- monitor -------------------------------------------------------------------------

    def _uploaded(self, change: dict) -> None:
        files = change["new"]
        if not files:
            return
        upload = files[0]
        name = str(upload.get("name", "?"))[:80]
        try:
            if int(upload.get("size", 0)) > MAX_MONITOR_UPLOAD:
                too_large = label("file_too_large")
                self.monitor_note.value = self._alert(f"{name}: {too_large}")
                return
            monitor = load_monitor(bytes(upload["content"]), self.data["targets"], name=name)
        except MonitorError as exc:
            self.monitor_note.value = self._problems(exc)
            return
        finally:
            self.upload.value = ()  # the same file may be chosen again after a fix
        self._read = (name, monitor)
        self.state.monitor = monitor  # the host updates the tabs that show it
        self.monitor_note.value = self._monitor_note()  # also when nothing changed (a template)

    def _template_file(self) -> tuple[str, str, bytes]:
        """The empty monitor template, as a download (a partner cannot open the server's)."""
        path = self.data.root / "monitor" / TEMPLATE_NAME
        return TEMPLATE_NAME, "text/csv", path.read_bytes()

    def _problems(self, exc: MonitorError) -> str:
        lang = self.lang
        with using(lang):
            count = fmt_count(len(exc.problems), "problem")
        head = label("monitor_invalid", lang).format(count=count)
        with using(lang):
            items = "".join(
                f"<li>{escape(monitor_problem_text(shown_file(p)))}</li>" for p in exc.problems[:20]
            )
        more = f"<li>… (+{len(exc.problems) - 20})</li>" if len(exc.problems) > 20 else ""
        return f'<div role="alert" class="wl-note">{escape(head)}<ul>{items}{more}</ul></div>'

    def _alert(self, text: str) -> str:
        return f'<div role="alert" class="wl-note">{escape(text)}</div>'

    def _monitor_note(self) -> str:
        """What the monitor holds: the file just loaded here and what was read from it, the
        files read at the start, or how to add one (no server paths: a partner reads it)."""
        lang, m = self.lang, self.monitor
        read = ""
        if self._read is not None and self._read[1] is m:
            with using(lang):
                text = monitor_read_text(self._read[0], monitor_read(m))
            read = f'<div role="status" class="wl-note wl-monitor-read">{escape(text)}</div>'
        if m.empty:
            empty = escape(label("monitor_empty", lang))
            return f'{read}<div class="wl-note wl-monitor-empty">{empty}</div>'
        files = escape(", ".join(Path(f).name for f in m.files))
        title = escape(label("monitor_files", lang))
        return f'{read}<p class="wl-monitor-files">{title}: {files}</p>'

    def _monitor_summary(self, result: dict[str, Any]) -> str:
        lang, p, a = self.lang, result["progress"], result["a"]
        if self.monitor.empty:
            return ""
        year = a.target_year
        items: list[tuple[str, float, str]] = [
            ("realised_homes", p["realised_homes"], "homes"),
            ("build_rate_needed_now", p["build_rate_needed"], unit_of("build_rate_needed")),
        ]
        with using(lang):
            text = [item_table(label("monitor_title", lang), items)]
        projected = p["projected_year"]
        key = "projected_year_text" if projected is not None else "projected_never_text"
        text.append(
            f"<p>{escape(label(key, lang).format(year=int(projected or 0), target=year))}</p>"
        )
        mix = result["mix"]
        if mix is not None:
            text.append(f"<p><small>{escape(label('segment_mix_basis', lang))}</small></p>")
            text.append(self._mix_table(mix))
        return "".join(text)

    def _mix_table(self, mix: tuple[MixRow, ...]) -> str:
        lang = self.lang
        rows = [
            [
                (r.segment if r.segment != "unknown" else "segment_unknown", "label"),
                (r.homes, "homes"),
                (r.share, "fraction") if not math.isnan(r.share) else ("", "text"),
                (r.norm, "fraction") if not math.isnan(r.norm) else ("", "text"),
            ]
            for r in mix
        ]
        headers = [label(k, lang) for k in ("segment", "homes_header", "share_word", "norm_word")]
        with using(lang):
            return html_table(label("segment_mix_title", lang), headers, rows)

    # --- fan -----------------------------------------------------------------------------

    def _fan_summary(self, result: dict[str, Any]) -> str:
        lang, a, f = self.lang, result["a"], result["fan"]
        chance = label("reach_probability_by", lang).format(year=int(f.year[-1]))
        with using(lang):
            spread = label("fan_spread_text", lang).format(
                p10=fmt_number(float(f.p10[-1])),
                p50=fmt_number(float(f.p50[-1])),
                p90=fmt_number(float(f.p90[-1])),
                ambition=fmt_number(a.ambition_homes),
            )
            probability = fmt_value(f.probability, unit_of("probability_reaching_ambition"))
            basis = chance_basis_text(fan_spreads(a), result["without"])
            return (
                f'<p class="wl-fan-probability"><b>{escape(chance)}: '
                f"{escape(probability)}</b> — {escape(spread)}</p>"
                f'<p class="wl-chance-basis">{escape(basis)}</p>'
                f"<p><small>{escape(label('fan_not_modelled', lang))} "
                f"{escape(label('fan_draws_text', lang).format(draws=fmt_number(f.draws)))}"
                "</small></p>"
            )

    # --- what does it take ---------------------------------------------------------------

    def _goal_button(self, index: int) -> W.Button:
        # hidden (its place kept) while its answer has nothing to apply
        goal = button(icon="check", disabled=True, hidden=True)
        self.text(goal, "description", "goal_apply")
        goal.add_class("wl-goal-apply").add_class(f"wl-goal-apply-{index}")
        goal.on_click(self.callback(lambda _: self._apply(index)))
        return goal

    def _apply(self, index: int) -> None:
        if index < len(self._answers) and self._answers[index].changes:
            self._on_change(dict(self._answers[index].changes))  # one step, one undo

    def _show_answers(self, found: list[Answer]) -> None:
        self._answers = list(found)
        for i, (text, goal) in enumerate(zip(self.goal_texts, self.goal_buttons, strict=True)):
            answer = found[i] if i < len(found) else None
            text.value = "" if answer is None else self._answer_html(answer)
            usable = answer is not None and bool(answer.changes) and not answer.met
            if goal.disabled == usable:  # sent only when it changes
                with goal.hold_sync():
                    goal.disabled = not usable
                    goal.layout = button_layout(hidden=not usable)

    def _answer_html(self, answer: Answer) -> str:
        text, state = answer_text(answer, self._a), answer_state(answer)
        extra = f" <small>({escape(state)})</small>" if state else ""
        return f'<div class="wl-goal">{escape(text)}{extra}</div>'

    # --- sensitivity (on request: ~0.5 s) ------------------------------------------------

    def _build_sensitivity(self) -> None:
        self.sens_button = button(icon="bar-chart")
        self.text(self.sens_button, "description", "sens_run")
        self.sens_button.add_class("wl-sens-run")
        self.sens_outcome = W.Dropdown(
            options=[(label(o), o) for o in OUTCOMES],
            value=OUTCOMES[0],
            style=style(DescriptionStyle, description_width="120px"),
            layout=layout(),
        )
        self.sens_outcome.add_class("wl-wide-choice")
        self.text(self.sens_outcome, "description", "sens_outcome")
        self.text(self.sens_outcome, "tooltip", "sens_outcome")
        self.when_relabelled(self._relabel_sensitivity)
        self.sens_bar = hbox([self.sens_outcome, self.sens_button]).add_class("wl-toolbar")
        self.sens_status = html()
        self.sens_table = html()
        empty = pd.DataFrame(columns=["assumption", "base", "outcome_min", "outcome_max", "swing"])
        self.fig_tornado = self.figure(lambda: pc.tornado_figure(empty), "tornado")
        self.tornado_box = W.Box([self.fig_tornado], layout=layout(display="none"))
        self._sens: pd.DataFrame | None = None
        self.sens_button.on_click(self.callback(lambda _: self.run_sensitivity()))
        self.sens_outcome.observe(self.callback(lambda _: self._show_sensitivity()), names="value")

    def _relabel_sensitivity(self) -> None:
        relabel_options(self.sens_outcome, [(label(o), o) for o in OUTCOMES])
        self._show_sensitivity()  # its table and chart, if any, in the new language

    def run_sensitivity(self) -> None:
        """Sweep every assumption for every outcome (about half a second) and show it."""
        lang = self.lang
        self.sens_button.disabled = True
        self.sens_status.value = f'<span role="status">{escape(label("sens_running", lang))}</span>'
        try:
            a = self._a
            realised = realised_so_far(self.monitor, a)
            self._sens = sensitivity(self.data, a, ranges_of(a), realised=realised)
        finally:
            self.sens_button.disabled = False
        self.sens_status.value = ""
        self._show_sensitivity()

    def _show_sensitivity(self) -> None:
        if self._sens is None:
            return
        lang, outcome = self.lang, self.sens_outcome.value
        rows = self._sens[self._sens["outcome"] == outcome]
        with self.fig_tornado.batch_update(), using(lang):
            pc.update_tornado(self.fig_tornado, rows)
        self.tornado_box.layout = layout()  # hidden until first computed
        unit = str(rows["unit"].iloc[0]) if len(rows) else "homes"
        top = rows.sort_values("swing", ascending=False).head(10)
        with using(lang):
            table_rows = [
                [
                    (r.assumption, "label"),
                    (_sweep_value(r.low, r.assumption), "text"),
                    (_sweep_value(r.high, r.assumption), "text"),
                    (r.outcome_min, unit),
                    (r.outcome_max, unit),
                    (sweep_text(r.kind, r.range_lines), "text"),
                ]
                for r in top.itertuples()
            ]
        headers = [
            label(k, lang)
            for k in ("assumption", "sens_low", "sens_high", "sens_min", "sens_max", "sens_range")
        ]
        with using(lang):
            base = fmt_value(float(rows["base"].iloc[0]), unit) if len(rows) else ""
        start = label("sens_base", lang).format(base=base)
        with using(lang):
            self.sens_table.value = f'<p class="wl-sens-base">{escape(start)}</p>' + html_table(
                label(outcome, lang), headers, table_rows
            )


def _sweep_value(value: Any, name: str) -> str:
    """An end of a swept range in the assumption's own unit."""
    if isinstance(value, float) and math.isnan(value):
        return ""
    return fmt_value(value, SPECS[name].unit if name in SPECS else "homes")


def shown_file(problem: MonitorProblem) -> MonitorProblem:
    """`problem` naming its file without the folder (a server path means nothing to a
    partner)."""
    return dataclasses.replace(problem, file=Path(problem.file).name)
