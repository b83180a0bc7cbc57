"""The scenario bar: presets, undo/redo, the share link, save/load, exports, language.

Everything here acts on the `ScenarioState` (set, undo, redo, load, the language); it
follows the state (scenario, language, monitor) on its own and says what went wrong through
`message`. Files go to the browser as downloads and never to the server's disk.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Callable
from html import escape
from typing import TYPE_CHECKING, Any

import ipywidgets as W

from woonlib.data import WoonvisieData
from woonlib.data.monitor import Monitor
from woonlib.model.assumptions import DEFAULTS, SPECS, AssumptionError, Assumptions
from woonlib.model.presets import PRESETS, matching_preset
from woonlib.report.export import csv_filename, table_csv, workbook_bytes, workbook_sheets
from woonlib.report.labels import LANGUAGES, fmt_count, fmt_value, label, using
from woonlib.report.memo import scenario_memo
from woonlib.scenario.files import ScenarioError, scenario_from_text, scenario_json
from woonlib.scenario.history import History
from woonlib.scenario.links import QueryNote, parse_query, scenario_query, store_params
from woonlib.scenario.state import ScenarioState
from woonlib.ui.browser import DownloadButton, ShareLink, UploadButton
from woonlib.ui.controls import relabel_options
from woonlib.ui.host import invalid_text
from woonlib.ui.safety import guarded, guarded_in
from woonlib.ui.shared import DescriptionStyle, button, hbox, html, layout, style

if TYPE_CHECKING:
    from woonlib.ui.store_section import StoreSection

MAX_UPLOAD = 100_000  # bytes: a scenario file is about 1 kB
HISTORY_SHOWN = 8
CUSTOM = "custom"
# STORE_LATE: the store (SQLAlchemy, its dialects) is imported when a page first uses it, a
# link to a saved scenario or workshop or the Scenariobank opened: importing it took 0.9-1.5 s
# of a cold kernel on two busy cores (python -X importtime), for pages that never use it.
Message = Callable[..., None]  # (text, role="alert"): a short message to the reader


def _stamp() -> str:
    return datetime.date.today().isoformat()


class ScenarioBar(W.VBox):
    """Scenario-wide actions above the tabs, over `state`; `message` says what went wrong."""

    def __init__(self, state: ScenarioState, data: WoonvisieData, message: Message) -> None:
        self.state, self.data, self.message = state, data, message
        self.link_opened = False  # the page's own link is applied once
        self._silent = False
        run = self._run = lambda fn: guarded_in(state, fn)
        self.preset = W.Dropdown(
            options=self._preset_options(custom=False),
            value="woonvisie_2024",
            style=style(DescriptionStyle, description_width="70px"),
            layout=layout(),
        )
        self.preset.add_class("wl-wide-choice")
        self.preset.observe(run(self._preset_chosen), names="value")
        self.undo_button = self._button("undo", lambda: self.state.undo())
        self.redo_button = self._button("repeat", lambda: self.state.redo())
        self.language = W.ToggleButtons(
            options=self._language_options(),
            value=state.lang,
            tooltips=[label(f"language_{code}", code) for code in LANGUAGES],
            tooltip="",  # its (empty) label's title: None shows as "null"
            style=style(W.ToggleButtonsStyle, button_width="90px"),
            layout=layout(),
        )
        self.language.observe(run(self._language_chosen), names="value")
        self.link = ShareLink(layout=layout())
        self.link.observe(run(self._page_opened), names="page_query")
        self.upload = UploadButton(MAX_UPLOAD, accept=".json,application/json", layout=layout())
        self.upload.observe(run(self._uploaded), names="value")
        self.save = self._download(self._scenario_file)
        self.excel = self._download(self._excel_file)
        self.csv_table = W.Dropdown(
            options=self._sheet_names(),
            description="CSV",
            style=style(DescriptionStyle, description_width="40px"),
            layout=layout(),
        )
        self.csv_table.add_class("wl-wide-choice")
        self.csv = self._download(self._csv_file)
        self.memo = self._download(self._memo_file)
        self.history_list = html()
        self.history_box = history_box = W.Accordion(
            children=[self.history_list], selected_index=None, layout=layout()
        )
        self._history: History | None = None
        history_box.observe(run(lambda _: self._show_history()), names="selected_index")
        # The scenario store (Scenariobank, Werksessie): built when first opened
        self.store_box = W.Accordion(children=[html()], selected_index=None, layout=layout())
        self.store_section: StoreSection | None = None
        self.store_box.observe(run(lambda _: self.store()), names="selected_index")
        row = {"align_items": "center", "flex_flow": "row wrap"}
        self.share = html()
        super().__init__(
            [
                hbox([self.preset, self.undo_button, self.redo_button, self.language], **row),
                hbox([self.share, self.link], **row).add_class("wl-share-row"),
                hbox(
                    [self.save, self.upload, self.excel, self.csv_table, self.csv, self.memo], **row
                ),
                history_box,
                self.store_box,
            ],
            layout=layout(margin="4px 0 8px 0"),
        )
        self.add_class("wl-scenario-bar")
        with using(state.lang):
            self.relabel()
        state.observe(run(lambda _: self.show()), names="assumptions")
        state.observe(run(lambda _: self.refresh_sheets()), names="monitor")
        state.observe(guarded(self._on_lang), names="lang")

    @property
    def lang(self) -> str:
        return str(self.state.lang)

    def _on_lang(self, change: dict) -> None:
        with using(change["new"]):
            self.relabel()

    def relabel(self) -> None:
        """Every text in the active language (the same widgets), then the scenario shown."""
        texts = {
            self.preset: ("scenario", "scenario"),
            self.undo_button: ("undo", "undo"),
            self.redo_button: ("redo", "redo"),
            self.upload: ("load_scenario", "load_scenario_help"),
            self.save: ("save_scenario", "save_scenario_help"),
            self.excel: ("download_excel", "download_excel"),
            self.csv: ("download_csv", "download_csv"),
            self.memo: ("download_memo", "download_memo_help"),
        }
        for widget, (text, tip) in texts.items():
            widget.description, widget.tooltip = label(text), label(tip)
        self.csv_table.tooltip = label("download_csv")
        with self.link.hold_sync():
            self.link.label, self.link.copy_label = label("share_link"), label("copy_link")
            self.link.copied_label = label("link_copied")
            self.link.select_label = label("link_selected")
        self.history_box.titles = (label("history"),)
        self.store_box.titles = (label("store_section"),)
        if self.store_section is not None:
            self.store_section.relabel()
        self.share.value = f"<b>{escape(label('share'))}</b>"
        self._silent = True
        try:
            relabel_options(self.language, self._language_options())
            self.language.value = self.state.lang
        finally:
            self._silent = False
        self.refresh_sheets()
        self.show()

    def _language_options(self) -> list[tuple[str, str]]:
        return [(label(f"language_{code}"), code) for code in LANGUAGES]

    def _download(self, make: Any) -> DownloadButton:
        def made() -> tuple[str, str, bytes]:
            with using(self.state.lang):
                return make()

        failed = self._run(lambda: self.message(label("download_failed")))
        return DownloadButton(made, failed, layout=layout())

    def _button(self, icon: str, action: Any) -> W.Button:
        made = button(icon=icon)
        made.on_click(self._run(lambda _: action()))
        return made

    def _preset_options(self, custom: bool) -> list[tuple[str, str]]:
        options = [(label(p.label), k) for k, p in PRESETS.items()]
        return options + ([(label("preset_custom"), CUSTOM)] if custom else [])

    # --- state ---------------------------------------------------------------------------------

    def show(self) -> None:
        """Reflect the state's scenario: link, matching preset, undo/redo, recent changes."""
        a, history = self.state.assumptions, self.state.history
        self.link.query = scenario_query(a)
        match = matching_preset(a) or CUSTOM
        self._silent = True
        try:
            options = self._preset_options(custom=match == CUSTOM)
            if list(self.preset.options) != options:  # resent to the page only on change
                self.preset.options = options
            self.preset.value = match
        finally:
            self._silent = False
        self.undo_button.disabled = not history.can_undo
        self.redo_button.disabled = not history.can_redo
        self._history = history
        self._show_history()

    def _show_history(self) -> None:
        """The recent changes, filled in while the list is open (not sent on every move)."""
        if self.history_box.selected_index is None:
            self.history_list.value = ""  # stale: sent once, filled when opened
        elif self._history is not None:
            self.history_list.value = self._history_html(self._history)

    def _history_html(self, history: History) -> str:
        steps = history.recent(HISTORY_SHOWN)
        if not steps:
            return f"<i>{escape(label('history_empty'))}</i>"
        items = []
        for step in steps:
            parts = [
                f"{label(n)}: {fmt_value(getattr(step.before, n), SPECS[n].unit)} → "
                f"{fmt_value(getattr(step.after, n), SPECS[n].unit)}"
                for n in step.names[:4]
            ]
            more = len(step.names) - 4
            if more > 0:
                parts.append(f"+{more}")
            items.append(f"<li>{escape('; '.join(parts))}</li>")
        return f"<ol class='wl-history'>{''.join(items)}</ol>"

    def describe_notes(self, notes: list[QueryNote]) -> str:
        """One Dutch (or English) line about the link parameters that were left out."""
        parts = [
            f"{n.name or '?'}{'=' + n.value if n.value else ''} ({label(n.reason)})"
            for n in notes[:5]
        ]
        more = f" (+{len(notes) - 5})" if len(notes) > 5 else ""
        return f"{label('link_ignored')}: {'; '.join(parts)}{more}"

    # --- actions -------------------------------------------------------------------------------

    def choose(self, a: Assumptions) -> bool:
        """Show scenario `a` as a whole (preset, file, link) as one step."""
        if a == self.state.assumptions:  # nothing changes: the page still says all is well
            self.message("")
            return True
        return bool(self.state.set(a))

    def open_link(self, query: str | None) -> list[QueryNote]:
        """Show the scenario a page link describes; say what in it was left out and why."""
        self.link_opened = True
        base, said, role = DEFAULTS, [], "status"
        ref = store_params(query).get("scenario")
        if ref is not None:  # a saved scenario: the link's assumptions apply over it
            from woonlib.ui.stored import open_shared  # the store only when used (STORE_LATE)

            shared, line = open_shared(ref)
            base, said = shared or DEFAULTS, [line]
            role = "status" if shared else "alert"
        a, notes = parse_query(query, base)
        try:
            self.choose(a)
        finally:  # the page's link now holds only what applied
            self.link.link_read += 1
        if notes:
            said.append(self.describe_notes(notes))
        code = store_params(query).get("workshop")
        if code is not None:  # a participant's link: the workshop section open, code filled in
            self.store_box.selected_index = 0
            said.append(self.store().join(code))
        if said:
            self.message(" ".join(said), role=role)
        return notes

    def store(self) -> StoreSection:
        """The Scenariobank section, built on first use (its list read then)."""
        if self.store_section is None:
            from woonlib.ui.store_section import StoreSection  # (STORE_LATE)

            self.store_section = StoreSection(self.state, self.data, self.message)
            self.store_box.children = [self.store_section]
            self.store_section.refresh()
        return self.store_section

    def _preset_chosen(self, change: dict) -> None:
        if self._silent or change["new"] in (CUSTOM, None):
            return
        self.choose(PRESETS[change["new"]].assumptions)

    def _page_opened(self, change: dict) -> None:
        if not self.link_opened:  # once per page
            self.open_link(str(change["new"]))

    def _language_chosen(self, change: dict) -> None:
        if not self._silent and change["new"] in LANGUAGES:
            self.state.lang = change["new"]

    def _uploaded(self, change: dict) -> None:
        files = change["new"]
        if not files:
            return
        upload = files[0]
        name = str(upload.get("name", "?"))[:80]
        try:
            if int(upload.get("size", 0)) > MAX_UPLOAD:
                raise ScenarioError(label("file_too_large"))
            text = bytes(upload["content"]).decode("utf-8")
            a = scenario_from_text(text, name)
        except (ScenarioError, UnicodeDecodeError) as exc:
            self.message(f"{label('load_failed')}: {name}: {self._problem(exc)}")
            return
        finally:
            self.upload.value = ()  # the same file may be chosen again
        self.state.loaded = (name, a)  # the comparison offers it
        if self.choose(a):
            self.message(self._loaded_text(name, text, a), role="status")

    def _loaded_text(self, name: str, text: str, a: Assumptions) -> str:
        """What a loaded scenario file held: how many assumptions, and those that differ
        from the Woonvisie with their values."""
        values = json.loads(text)
        read = fmt_count(len(values) if isinstance(values, dict) else 0, "assumption")
        changed = a.changed()
        if not changed:
            return label("scenario_loaded_default").format(name=name, read=read)
        items = [f"{label(n)} {fmt_value(v, SPECS[n].unit)}" for n, v in changed.items()]
        more = f" (+{len(items) - 6})" if len(items) > 6 else ""
        return label("scenario_loaded").format(
            name=name, read=read, count=len(changed), items="; ".join(items[:6]) + more
        )

    def _problem(self, exc: ScenarioError | UnicodeDecodeError) -> str:
        """What is wrong with an uploaded file, in the page's language."""
        cause = exc.cause if isinstance(exc, ScenarioError) else exc
        if isinstance(cause, json.JSONDecodeError):
            return label("invalid_json").format(line=cause.lineno, column=cause.colno)
        if isinstance(cause, UnicodeDecodeError):
            return label("not_utf8")
        if isinstance(cause, AssumptionError):
            return invalid_text(cause, fallback="invalid_scenario")
        if cause is not None:
            return label("invalid_scenario")
        return str(exc)  # made here, in the page's language

    # --- files ---------------------------------------------------------------------------------

    def _scenario_file(self) -> tuple[str, str, bytes]:
        text = scenario_json(self.state.assumptions)
        json.loads(text)  # never hand out a file that cannot be read back
        return f"woonvisie-scenario-{_stamp()}.json", "application/json", text.encode()

    def _monitor(self) -> Monitor | None:
        """The page's monitor for the files, or None when it holds no data."""
        monitor: Monitor = self.state.monitor
        return None if monitor.empty else monitor

    def _sheet_names(self) -> list[str]:
        a, monitor = self.state.assumptions, self._monitor()
        return list(workbook_sheets(self.data, a, monitor=monitor))

    def refresh_sheets(self) -> None:
        """List the CSV tables again (a monitor adds its own)."""
        chosen = self.csv_table.value
        names = self._sheet_names()
        if list(self.csv_table.options) != names:
            self.csv_table.options = names
            self.csv_table.value = chosen if chosen in names else names[0]

    def _excel_file(self) -> tuple[str, str, bytes]:
        mime = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        a, monitor = self.state.assumptions, self._monitor()
        data = workbook_bytes(self.data, a, self.lang, monitor=monitor)
        return f"woonvisie-scenario-{_stamp()}.xlsx", mime, data

    def _csv_file(self) -> tuple[str, str, bytes]:
        name, a = self.csv_table.value, self.state.assumptions
        make = workbook_sheets(self.data, a, monitor=self._monitor())[name]
        data = table_csv(name, make())
        return csv_filename(name).replace(".csv", f"-{_stamp()}.csv"), "text/csv", data

    def _memo_file(self) -> tuple[str, str, bytes]:
        html = scenario_memo(self.data, self.state.assumptions, self.lang, monitor=self._monitor())
        return f"scenario-notitie-{_stamp()}.html", "text/html", html.encode("utf-8")
