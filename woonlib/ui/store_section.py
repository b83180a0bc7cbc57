"""The scenario store in the scenario bar (*Scenariobank*): save the scenario under a name,
list and search, open, the versions of a name with what changed and a restore; a workshop
(*Werksessie*): open one, submit (*Indienen*), and its view of everyone's settings with the
median scenario loaded in one click.

Opening and restoring are one undo step each (`state.set`). Saving, opening a workshop and
submitting need the server's permission (WOONLIB_STORE_WRITE=1): without it those buttons
are off and say why. Every text from the store is shown escaped.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from typing import Any

import anywidget
import ipywidgets as W
import traitlets
from ipywidgets.widgets.widget_string import TextStyle

from woonlib.data import WoonvisieData
from woonlib.model.assumptions import SPECS, Assumptions
from woonlib.model.workshop import Spread, headlines, median_scenario, spreads
from woonlib.report.labels import fmt_date, fmt_percent, fmt_value, label, using
from woonlib.report.workshop_export import workshop_workbook
from woonlib.scenario.state import ScenarioState
from woonlib.store import scenarios, workshops
from woonlib.store.database import Store, shared_store
from woonlib.store.errors import StoreError
from woonlib.store.settings import writes_enabled
from woonlib.ui.browser import DownloadButton
from woonlib.ui.safety import guarded_in
from woonlib.ui.shared import DescriptionStyle, button, hbox, html, layout, style
from woonlib.ui.stored import store_problem

Message = Callable[..., None]
FOLLOW_MS = 1500  # the workshop view asks for new submissions this often (issue: within 2 s)

TICKER_ESM = """
export default {
  render({ model, el }) {
    let timer = null;
    const set = () => {
      if (timer) clearInterval(timer);
      timer = null;
      const every = model.get('every_ms');
      if (every > 0) timer = setInterval(() => model.send({ event: 'tick' }), every);
    };
    model.on('change:every_ms', set);
    set();
    return () => { if (timer) clearInterval(timer); };
  },
};
"""


class Ticker(anywidget.AnyWidget):
    """Asks the kernel every `every_ms` (0: never) to look again: `on_tick` is called."""

    _esm = traitlets.Unicode(TICKER_ESM).tag(sync=True)
    every_ms = traitlets.Int(0).tag(sync=True)

    def __init__(self, on_tick: Callable[[], None], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.on_msg(lambda _, content, __: on_tick() if content == {"event": "tick"} else None)


class StoreSection(W.VBox):
    """Save, list, open and restore saved scenarios; join, submit to and view a workshop."""

    def __init__(self, state: ScenarioState, data: WoonvisieData, message: Message) -> None:
        self.state, self.data, self.message = state, data, message
        self.writable = writes_enabled()
        run = self._run = lambda fn: guarded_in(state, fn)
        text = style(TextStyle, description_width="90px")
        chosen = style(DescriptionStyle, description_width="90px")
        self.name, self.author, self.participant, self.code, self.workshop_title, self.search = (
            W.Text(style=text, layout=layout(width="300px")) for _ in range(6)
        )
        self.note = W.Textarea(style=text, layout=layout(width="460px", height="60px"))
        self.saved = W.Select(options=[], rows=5, style=chosen, layout=layout(width="460px"))
        self.version = W.Dropdown(options=[], style=chosen, layout=layout(width="300px"))
        self.versions_list, self.spread_view = html(), html()
        made = {
            "save": (self._save, self.writable),
            "find": (self.refresh, True),
            "open": (self._open, True),
            "restore": (self._restore, True),
            "workshop_open": (self._open_workshop, self.writable),
            "workshop_view": (self._view, True),
            "submit": (self._submit, self.writable),
            "median": (self._load_median, True),
        }
        self.buttons: dict[str, W.Button] = {}
        for key, (action, allowed) in made.items():
            b = self.buttons[key] = button(disabled=not allowed)
            b.on_click(run(lambda _, act=action: act()))
        self.saved.observe(run(lambda _: self._show_versions()), names="value")
        self._median: Assumptions | None = None
        self._seen: tuple[Any, ...] = ()
        self.ticker = Ticker(run(self._follow), layout=layout())
        self._sent: list[tuple[str, Assumptions]] = []
        self._chosen: tuple[str, ...] | None = None
        self.excel = DownloadButton(self._excel_file, run(self._excel_failed), layout=layout())
        b = self.buttons
        super().__init__(
            [
                self.name,
                self.author,
                hbox([self.note, b["save"]], align_items="flex-end"),
                hbox([self.search, b["find"]]),
                hbox([self.saved, b["open"]], align_items="flex-end"),
                self.versions_list,
                hbox([self.version, b["restore"]]),
                html("<hr>"),
                hbox([self.code, b["workshop_view"]]),
                hbox([self.workshop_title, b["workshop_open"]]),
                hbox([self.participant, b["submit"]]),
                self.spread_view,
                hbox([b["median"], self.excel, self.ticker]),
            ],
            layout=layout(),
        )
        self.add_class("wl-store")
        self.relabel()

    def relabel(self) -> None:
        """Every text in the active language."""
        for widget, key in (
            (self.name, "store_name"),
            (self.author, "store_author"),
            (self.note, "store_note"),
            (self.search, "store_search"),
            (self.saved, "store_saved"),
            (self.version, "store_version"),
            (self.code, "workshop_code"),
            (self.workshop_title, "workshop_title"),
            (self.participant, "workshop_participant"),
        ):
            widget.description = widget.tooltip = label(key)
        self.excel.description = self.excel.tooltip = label("store_button_excel")
        for key, b in self.buttons.items():
            b.description = label(f"store_button_{key}")
            b.tooltip = label("store_read_only") if b.disabled else b.description
        self._show_versions()

    # --- helpers -------------------------------------------------------------------------------

    def _store(self, write: bool = False) -> Store | None:
        try:
            return shared_store(write)
        except StoreError as error:
            self._said(error)
            return None

    def _said(self, error: StoreError) -> None:
        field = f"store_field_{error.field}" if error.kind == "input" else ""
        what = label(field) if field and error.field in FIELDS else store_problem(error)
        self.message(f"{label('store_failed')}: {what}")

    def _do(self, act: Callable[[Store], Any], write: bool = False) -> Any:
        store = self._store(write)
        if store is None:
            return None
        try:
            return act(store)
        except StoreError as error:
            self._said(error)
            return None

    # --- saved scenarios -----------------------------------------------------------------------

    def _save(self) -> None:
        a = self.state.assumptions
        saved = self._do(
            lambda s: scenarios.save(s, self.name.value, self.author.value, self.note.value, a),
            write=True,
        )
        if saved is not None:
            self.message(
                label("store_saved_as").format(name=saved.name, version=saved.version),
                role="status",
            )
            self.refresh()

    def refresh(self) -> None:
        """List the saved names again (those the search finds)."""
        listed = self._do(lambda s: scenarios.scenarios(s, self.search.value)) or []
        self.saved.options = [(f"{x.name} (v{x.version}, {x.author})", x.name) for x in listed]

    def _open(self) -> None:
        if self.saved.value:
            saved = self._do(lambda s: scenarios.load(s, self.saved.value))
            if saved is not None:
                self.state.set(saved.assumptions)

    def _show_versions(self) -> None:
        name = self.saved.value
        found = self._do(lambda s: scenarios.versions(s, name)) if name else None
        if not found:
            self.versions_list.value, self.version.options = "", []
            return
        items = []
        for saved, changes in found:
            parts = [
                f"{label(c.name)}: {fmt_value(c.before, SPECS[c.name].unit)} → "
                f"{fmt_value(c.after, SPECS[c.name].unit)}"
                for c in changes[:6]
            ]
            head = f"v{saved.version} · {saved.author} · {fmt_date(saved.saved_at.date())}"
            note = f" — {saved.note}" if saved.note else ""
            items.append(f"<li>{escape(head + note)}: {escape('; '.join(parts) or '—')}</li>")
        self.versions_list.value = f"<ol class='wl-versions'>{''.join(items)}</ol>"
        self.version.options = [(f"v{s.version}", s.version) for s, _ in reversed(found)]
        self.version.value = found[-1][0].version  # the latest, until another is chosen

    def _restore(self) -> None:
        name, version = self.saved.value, self.version.value
        if name and version:
            saved = self._do(lambda s: scenarios.load(s, name, version))
            if saved is not None:
                self.state.set(saved.assumptions)  # one undo step

    # --- workshops -----------------------------------------------------------------------------

    def join(self, code: str) -> str:
        """A participant's link (?workshop=CODE): the code filled in; the line to show."""
        try:
            found = workshops.workshop(shared_store(), code)
        except StoreError as error:
            return f"{label('store_failed')}: {store_problem(error)}"
        self.code.value = found.code
        return str(label("workshop_joined").format(title=found.title))

    def _open_workshop(self) -> None:
        opened = self._do(
            lambda s: workshops.open_workshop(s, self.workshop_title.value, self.code.value),
            write=True,
        )
        if opened is not None:
            self.code.value = opened.code
            self.message(label("workshop_opened").format(code=opened.code), role="status")
            self._view()

    def _submit(self) -> None:
        a = self.state.assumptions
        done = self._do(
            lambda s: workshops.submit(s, self.code.value, self.participant.value, a), write=True
        )
        if done is not None:
            self.message(label("workshop_submitted"), role="status")

    def _view(self) -> None:
        """The workshop's spread and headlines (again, if a submission came in since)."""
        code = self.code.value

        def read(s: Store) -> tuple[workshops.Workshop, list[workshops.Submission]]:
            return workshops.workshop(s, code), workshops.submitted(s, code)

        found = self._do(read)
        if found is None:
            self.ticker.every_ms = 0
            return
        self.ticker.every_ms = FOLLOW_MS  # and follow it
        workshop, sent = found
        seen = tuple((x.participant, x.submitted_at) for x in sent)
        if seen == self._seen and self.spread_view.value:
            return
        self._seen = seen
        chosen = [x.assumptions for x in sent]
        self._sent = [(x.participant, x.assumptions) for x in sent]
        self._chosen = workshop.in_play
        self._median = median_scenario(chosen) if chosen else None
        self.spread_view.value = spread_html(workshop.title, spreads(chosen, workshop.in_play)) + (
            headlines_html(self.data, sent)
        )

    def _follow(self) -> None:
        """A tick: show the workshop again if a submission came in (quietly on failure)."""
        if self.spread_view.value and self.code.value:
            self._view()

    def _excel_file(self) -> tuple[str, str, bytes]:
        with using(self.state.lang):
            data = workshop_workbook(self.data, self._sent, self._chosen)
        mime = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        return f"werksessie-{self.code.value or 'code'}.xlsx", mime, data

    def _excel_failed(self) -> None:
        self.message(label("download_failed"))

    def _load_median(self) -> None:
        if self._median is not None:
            self.state.set(self._median)  # one undo step


FIELDS = ("name", "author", "note", "participant", "title", "code", "in_play", "version")


def spread_html(title: str, found: tuple[Spread, ...]) -> str:
    """Per assumption: participants, min, quartiles, median, max, and every value as a dot."""
    head = "".join(
        f"<th>{escape(label(k))}</th>"
        for k in ("workshop_assumption", "workshop_count", "workshop_min", "workshop_q1",
                  "workshop_median", "workshop_q3", "workshop_max", "workshop_values")
    )  # fmt: skip
    rows = []
    for s in found:
        unit = SPECS[s.name].unit
        cells = [fmt_value(v, unit) for v in (s.minimum, s.q1, s.median, s.q3, s.maximum)]
        dots = dot_strip(s)
        rows.append(
            f"<tr><td>{escape(label(s.name))}</td><td>{s.count}</td>"
            + "".join(f"<td>{escape(c)}</td>" for c in cells)
            + f"<td>{dots}</td></tr>"
        )
    return (
        f"<h4 class='wl-h'>{escape(label('workshop_view_title').format(title=title))}</h4>"
        f"<table class='wl-table wl-spread'><thead><tr>{head}</tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def dot_strip(s: Spread, width: int = 160) -> str:
    """Every participant's value as a dot on a line from the minimum to the maximum (SVG)."""
    span = (s.maximum - s.minimum) or 1.0
    dots = "".join(
        f"<circle cx='{4 + (v - s.minimum) / span * (width - 8):.1f}' cy='8' r='4'/>"
        for v in s.values
    )
    return (
        f"<svg width='{width}' height='16' role='img' aria-label='{len(s.values)}'>"
        f"<line x1='4' y1='8' x2='{width - 4}' y2='8' stroke='#999'/>"
        f"<g fill='#1f77b4' fill-opacity='0.6'>{dots}</g></svg>"
    )


def headlines_html(data: WoonvisieData, sent: list[workshops.Submission]) -> str:
    """Each participant's headline outcomes."""
    keys = ("workshop_participant", "workshop_chance", "workshop_gap", "workshop_affordable",
            "workshop_elderly")  # fmt: skip
    rows = []
    for x in sent:
        h = headlines(data, x.assumptions)
        cells = (
            x.participant,
            fmt_percent(h.chance, 0),
            fmt_value(h.plan_capacity_gap, "homes"),
            fmt_percent(h.affordable_share),
            fmt_value(h.elderly_task, "homes"),
        )
        rows.append("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in cells) + "</tr>")
    head = "".join(f"<th>{escape(label(k))}</th>" for k in keys)
    return (
        f"<table class='wl-table wl-headlines'><thead><tr>{head}</tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table>"
    )
