"""The scenario bar: presets, undo/redo, the share link, save/load, exports, language.

Everything here acts on the dashboard through its public methods (set_scenario, undo, redo,
load, set_lang); files go to the browser as downloads and never to the server's disk.
"""

from __future__ import annotations

import datetime
import json
from html import escape
from typing import Any

import ipywidgets as W

from woonlib.data.monitor import Monitor
from woonlib.model.assumptions import SPECS, AssumptionError, Assumptions
from woonlib.model.presets import PRESETS, matching_preset
from woonlib.report.export import csv_filename, table_csv, workbook_bytes, workbook_sheets
from woonlib.report.labels import LANGUAGES, fmt_value, label
from woonlib.report.memo import scenario_memo
from woonlib.scenario.files import ScenarioError, scenario_from_text, scenario_json
from woonlib.scenario.history import History
from woonlib.scenario.links import QueryNote, scenario_query
from woonlib.ui.browser import DownloadButton, ShareLink
from woonlib.ui.safety import guarded
from woonlib.ui.shared import DescriptionStyle, button, hbox, html, layout, style

MAX_UPLOAD = 100_000  # bytes: a scenario file is about 1 kB
HISTORY_SHOWN = 8
CUSTOM = "custom"


def _stamp() -> str:
    return datetime.date.today().isoformat()


class ScenarioBar(W.VBox):
    """Scenario-wide actions above the tabs. `show(a, history)` refreshes its state."""

    def __init__(self, dashboard: Any, lang: str) -> None:
        self.dash, self.lang = dashboard, lang
        self._silent = False
        self.preset = W.Dropdown(
            options=self._preset_options(custom=False),
            value="woonvisie_2024",
            description=label("scenario", lang),
            tooltip=label("scenario", lang),
            style=style(DescriptionStyle, description_width="70px"),
            layout=layout(width="360px"),
        )
        self.preset.observe(guarded(self._preset_chosen), names="value")
        self.undo_button = self._button("undo", "undo", lambda: self.dash.undo())
        self.redo_button = self._button("redo", "repeat", lambda: self.dash.redo())
        self.language = W.ToggleButtons(
            options=[(label(f"language_{code}", lang), code) for code in LANGUAGES],
            value=lang,
            tooltips=[label(f"language_{code}", code) for code in LANGUAGES],
            tooltip="",  # its (empty) label's title: None shows as "null"
            style=style(W.ToggleButtonsStyle, button_width="90px"),
            layout=layout(),
        )
        self.language.observe(guarded(self._language_chosen), names="value")
        self.link = ShareLink(
            label=label("share_link", lang),
            copy_label=label("copy_link", lang),
            copied_label=label("link_copied", lang),
            select_label=label("link_selected", lang),
            layout=layout(),
        )
        self.link.observe(guarded(self._page_opened), names="page_query")
        self.upload = W.FileUpload(
            accept=".json,application/json",
            multiple=False,
            description=label("load_scenario", lang),
            tooltip=label("load_scenario_help", lang),
            layout=layout(width="auto"),
            style=style(W.ButtonStyle),
        )
        self.upload.observe(guarded(self._uploaded), names="value")
        self.save = self._download(self._scenario_file, "save_scenario", "save_scenario_help")
        self.excel = self._download(self._excel_file, "download_excel")
        self.csv_table = W.Dropdown(
            options=self._sheet_names(),
            description="CSV",
            tooltip=label("download_csv", lang),
            style=style(DescriptionStyle, description_width="40px"),
            layout=layout(width="300px"),
        )
        self.csv = self._download(self._csv_file, "download_csv")
        self.memo = self._download(self._memo_file, "download_memo", "download_memo_help")
        self.history_list = html()
        self.history_box = history_box = W.Accordion(
            children=[self.history_list],
            titles=(label("history", lang),),
            selected_index=None,
            layout=layout(),
        )
        self._history: History | None = None
        history_box.observe(guarded(lambda _: self._show_history()), names="selected_index")
        row = {"align_items": "center", "flex_flow": "row wrap"}
        share = html(f"<b>{escape(label('share', lang))}</b>")
        super().__init__(
            [
                hbox([self.preset, self.undo_button, self.redo_button, self.language], **row),
                hbox([share, self.link], **row),
                hbox(
                    [self.save, self.upload, self.excel, self.csv_table, self.csv, self.memo], **row
                ),
                history_box,
            ],
            layout=layout(margin="4px 0 8px 0"),
        )
        self.add_class("wl-scenario-bar")

    def _download(self, make: Any, key: str, help_key: str | None = None) -> DownloadButton:
        return DownloadButton(
            make,
            lambda: self.dash.message(label("download_failed", self.lang)),
            description=label(key, self.lang),
            tooltip=label(help_key or key, self.lang),
            layout=layout(),
        )

    def _button(self, key: str, icon: str, action: Any) -> W.Button:
        made = button(label(key, self.lang), icon=icon, tooltip=label(key, self.lang))
        made.on_click(guarded(lambda _: action()))
        return made

    def _preset_options(self, custom: bool) -> list[tuple[str, str]]:
        options = [(label(p.label, self.lang), k) for k, p in PRESETS.items()]
        return options + ([(label("preset_custom", self.lang), CUSTOM)] if custom else [])

    # --- state ---------------------------------------------------------------------------------

    def show(self, a: Assumptions, history: History) -> None:
        """Reflect scenario `a`: link, matching preset, undo/redo, recent changes."""
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
        lang = self.lang
        steps = history.recent(HISTORY_SHOWN)
        if not steps:
            return f"<i>{escape(label('history_empty', lang))}</i>"
        items = []
        for step in steps:
            parts = [
                f"{label(n, lang)}: {fmt_value(getattr(step.before, n), SPECS[n].unit, lang)} → "
                f"{fmt_value(getattr(step.after, n), SPECS[n].unit, lang)}"
                for n in step.names[:4]
            ]
            more = len(step.names) - 4
            if more > 0:
                parts.append(f"+{more}")
            items.append(f"<li>{escape('; '.join(parts))}</li>")
        return f"<ol class='wl-history'>{''.join(items)}</ol>"

    def describe_notes(self, notes: list[QueryNote]) -> str:
        """One Dutch (or English) line about the link parameters that were left out."""
        lang = self.lang
        parts = [
            f"{n.name or '?'}{'=' + n.value if n.value else ''} ({label(n.reason, lang)})"
            for n in notes[:5]
        ]
        more = f" (+{len(notes) - 5})" if len(notes) > 5 else ""
        return f"{label('link_ignored', lang)}: {'; '.join(parts)}{more}"

    # --- actions -------------------------------------------------------------------------------

    def _preset_chosen(self, change: dict) -> None:
        if self._silent or change["new"] in (CUSTOM, None):
            return
        self.dash.set_scenario(PRESETS[change["new"]].assumptions)

    def _page_opened(self, change: dict) -> None:
        if not self.dash.link_opened:  # once per page: a rebuilt bar must not re-apply it
            self.dash.open_link(str(change["new"]))

    def _language_chosen(self, change: dict) -> None:
        if change["new"] in LANGUAGES:
            self.dash.set_lang(change["new"])

    def _uploaded(self, change: dict) -> None:
        files = change["new"]
        if not files:
            return
        upload = files[0]
        name = str(upload.get("name", "?"))[:80]
        try:
            if int(upload.get("size", 0)) > MAX_UPLOAD:
                raise ScenarioError(label("file_too_large", self.lang))
            text = bytes(upload["content"]).decode("utf-8")
            a = scenario_from_text(text, name)
        except (ScenarioError, UnicodeDecodeError) as exc:
            self.dash.message(f"{label('load_failed', self.lang)}: {name}: {self._problem(exc)}")
            return
        finally:
            self.upload.value = ()  # the same file may be chosen again
        self.dash.load(name, a)

    def _problem(self, exc: ScenarioError | UnicodeDecodeError) -> str:
        """What is wrong with an uploaded file, in the page's language."""
        cause = exc.cause if isinstance(exc, ScenarioError) else exc
        if isinstance(cause, json.JSONDecodeError):
            return label("invalid_json", self.lang).format(line=cause.lineno, column=cause.colno)
        if isinstance(cause, UnicodeDecodeError):
            return label("not_utf8", self.lang)
        if isinstance(cause, AssumptionError):
            return self.dash.invalid_text(cause, fallback="invalid_scenario")
        if cause is not None:
            return label("invalid_scenario", self.lang)
        return str(exc)  # made here, in the page's language

    # --- files ---------------------------------------------------------------------------------

    def _scenario_file(self) -> tuple[str, str, bytes]:
        text = scenario_json(self.dash.assumptions)
        json.loads(text)  # never hand out a file that cannot be read back
        return f"woonvisie-scenario-{_stamp()}.json", "application/json", text.encode()

    def _monitor(self) -> Monitor | None:
        """The page's monitor for the files, or None when it holds no data."""
        monitor = self.dash.monitor
        return None if monitor.empty else monitor

    def _sheet_names(self) -> list[str]:
        d = self.dash
        return list(workbook_sheets(d.data, d.assumptions, self.lang, monitor=self._monitor()))

    def refresh_sheets(self) -> None:
        """List the CSV tables again (a monitor adds its own)."""
        chosen = self.csv_table.value
        names = self._sheet_names()
        self.csv_table.options = names
        self.csv_table.value = chosen if chosen in names else names[0]

    def _excel_file(self) -> tuple[str, str, bytes]:
        mime = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        d = self.dash
        data = workbook_bytes(d.data, d.assumptions, self.lang, monitor=self._monitor())
        return f"woonvisie-scenario-{_stamp()}.xlsx", mime, data

    def _csv_file(self) -> tuple[str, str, bytes]:
        name, d = self.csv_table.value, self.dash
        make = workbook_sheets(d.data, d.assumptions, self.lang, monitor=self._monitor())[name]
        data = table_csv(name, make())
        return csv_filename(name).replace(".csv", f"-{_stamp()}.csv"), "text/csv", data

    def _memo_file(self) -> tuple[str, str, bytes]:
        d = self.dash
        html = scenario_memo(d.data, d.assumptions, self.lang, monitor=self._monitor())
        return f"scenario-notitie-{_stamp()}.html", "text/html", html.encode("utf-8")
