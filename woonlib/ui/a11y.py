"""Accessible names where ipywidgets leaves them out, set in the page by a tiny widget.

ipywidgets 8 draws a slider as a noUiSlider handle (role=slider) that its visible label does
not name, and a number box whose <label for> is empty when it has no description. axe-core
reports both (aria-input-field-name, label). `PageA11y` names them in the browser from what
the page already shows: a handle gets its slider's label and the Dutch readout as value
text; a number box and an icon-only button get their tooltip, a toggle its longer
tooltip, a lock its state (aria-pressed), a table that scrolls a tab stop. It also sets the
page's language, so that screen readers read Dutch as Dutch.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

import anywidget
import traitlets

from woonlib.ui.safety import guarded

A11Y_ESM = """
function textOf(el) { return el ? el.textContent.replace(/\\s+/g, ' ').trim() : ''; }

// A control's readout without its '?' (the source, a tooltip of its own).
function readoutText(el) {
  if (!el) return '';
  return Array.from(el.childNodes)
    .filter((n) => !(n.classList && n.classList.contains('wl-help')))
    .map((n) => n.textContent).join('').replace(/\\s+/g, ' ').trim();
}

function nameSliders(root) {
  for (const slider of root.querySelectorAll('.widget-slider')) {
    const label = textOf(slider.querySelector(':scope > .widget-label'));
    const handle = slider.querySelector('.noUi-handle');
    if (!handle || !label) continue;
    if (handle.getAttribute('aria-label') !== label) handle.setAttribute('aria-label', label);
    // The Dutch readout beside the slider (e.g. "9.300 woningen") is the better value text.
    const control = slider.closest('.wl-control');
    const readout = control && readoutText(control.querySelector('.widget-html-content'));
    if (readout && handle.getAttribute('aria-valuetext') !== readout) {
      handle.setAttribute('aria-valuetext', readout);
    }
  }
}

function nameByTooltip(root) {
  for (const box of root.querySelectorAll('.widget-text, .widget-hbox')) {
    const input = box.querySelector(':scope > input');
    const label = box.querySelector(':scope > .widget-label');
    if (input && !input.getAttribute('aria-label') && label && label.title &&
        label.title !== 'null' && !textOf(label)) {
      input.setAttribute('aria-label', label.title);
    }
  }
  // An icon-only button is named by its tooltip; a button with text keeps its text as name
  // unless the tooltip starts with it ("Vast" -> "Vast: Aandeel duur").
  for (const button of root.querySelectorAll('button.jupyter-button[title]')) {
    const title = button.getAttribute('title');
    const text = textOf(button);
    if (title && (!text || title.startsWith(text)) && button.getAttribute('aria-label') !== title) {
      button.setAttribute('aria-label', title);
    }
  }
}

// A lock (*Vast*, a ToggleButton) says whether it is pressed; ipywidgets shows it only as
// a class (and the kernel's icon: lock / unlock).
function pressedState(root) {
  for (const lock of root.querySelectorAll('button.wl-lock')) {
    const pressed = String(lock.classList.contains('mod-active'));
    if (lock.getAttribute('aria-pressed') !== pressed) lock.setAttribute('aria-pressed', pressed);
  }
}

// A table too wide for a phone scrolls in its own box (page.css): it can be reached and
// scrolled with the keyboard, named by its caption.
function scrollableTables(root) {
  for (const table of root.querySelectorAll('table.wl-table')) {
    const scrolls = table.scrollWidth > table.clientWidth + 1;
    if (scrolls && !table.hasAttribute('tabindex')) {
      table.setAttribute('tabindex', '0');
      table.setAttribute('role', 'region');
      const caption = table.querySelector('caption');
      table.setAttribute('aria-label', caption ? textOf(caption) : 'tabel');
    } else if (!scrolls && table.getAttribute('role') === 'region') {
      for (const name of ['tabindex', 'role', 'aria-label']) table.removeAttribute(name);
    }
  }
}

export default {
  render({ model, el }) {
    el.style.display = 'none';
    document.documentElement.lang = model.get('lang');
    model.on('change:lang', () => { document.documentElement.lang = model.get('lang'); });
    let queued = false;
    const fix = () => {
      queued = false;
      nameSliders(document);
      nameByTooltip(document);
      pressedState(document);
      scrollableTables(document);
    };
    const schedule = () => { if (!queued) { queued = true; requestAnimationFrame(fix); } };
    const observer = new MutationObserver(schedule);
    observer.observe(document.body, { subtree: true, childList: true, characterData: true });
    window.addEventListener('resize', schedule);
    const locks = new MutationObserver(schedule);  // a lock pressed: its class changes
    locks.observe(document.body, { subtree: true, attributeFilter: ['class'] });
    schedule();
    model.send({ event: 'opened' });  // a page shows the dashboard (see Dashboard.opened)
    return () => {
      observer.disconnect();
      locks.disconnect();
      window.removeEventListener('resize', schedule);
    };
  },
};
"""


class PageA11y(anywidget.AnyWidget):
    """Invisible: names the page's sliders, number boxes and icon buttons; sets <html lang>."""

    _esm = traitlets.Unicode(A11Y_ESM).tag(sync=True)
    lang = traitlets.Unicode("nl").tag(sync=True)
    beat = traitlets.Int(0).tag(sync=True)  # bumped by the pool kernel's keep-alive

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)
        self.opened = threading.Event()
        self._when_opened: list[Callable[[], object]] = []
        self.on_msg(self._message)

    def when_opened(self, callback: Callable[[], object]) -> None:
        """Call `callback` once a page shows this widget (errors are logged, not raised)."""
        self._when_opened.append(guarded(callback))

    def _message(self, _: object, content: object, buffers: object) -> None:
        if isinstance(content, dict) and content.get("event") == "opened":
            self.opened.set()
            for callback in self._when_opened:
                callback()
