"""The scenario state: the scenario, its history, the language, the monitor and the file
last loaded, in one observable object.

Pure state (traitlets `HasTraits`, no widgets). The dashboard, a notebook's live panels
(`woonlib.ui.live`) and the code cells below them read and set the same `ScenarioState`;
the views observe it::

    state = ScenarioState()
    state.observe(handler, names="assumptions")   # once per change
    state.apply(ambition_homes=10_000)            # validated: AssumptionError keeps the old one
    state.undo(); state.redo(); state.reset()
    state.lang = "en"                             # the views relabel in place
    state.monitor = load_monitor(...)             # realised figures: the views that use them follow

A view that cannot show a new scenario (its computation failed) refuses it by raising
`ScenarioRefused` in its observer: the state then goes back to the scenario before, with its
history as it was (every observer sees that change too), and `set`/`apply`/`undo` return
False. Any other exception in an observer also sends the state back, and is raised again.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Mapping
from typing import Any

from traitlets import Enum, HasTraits, Instance, Tuple, Unicode, default

from woonlib.data.monitor import Monitor, empty_monitor
from woonlib.model.assumptions import DEFAULTS, Assumptions
from woonlib.scenario.history import History
from woonlib.vocab import LANGUAGES

log = logging.getLogger("woonlib.scenario")


class ScenarioRefused(Exception):
    """Raised by an observer of `ScenarioState.assumptions` that cannot show the new
    scenario: the state goes back to the one before."""


class ScenarioState(HasTraits):
    """The current scenario (`assumptions`), its undo/redo `history`, the language (`lang`),
    the realised figures (`monitor`, empty until given) and the scenario last loaded from a
    file (`loaded`: (file name, Assumptions) or None).

    `assumptions` is read-only as an attribute: change it with `apply`, `set`, `undo`,
    `redo` or `reset`, which validate, record the history and honour a view's refusal.
    """

    assumptions = Instance(Assumptions, read_only=True)
    lang = Enum(LANGUAGES, default_value="nl")
    loaded = Tuple(Unicode(), Instance(Assumptions), default_value=None, allow_none=True)
    monitor = Instance(Monitor)

    def __init__(self, assumptions: Assumptions = DEFAULTS, lang: str = "nl") -> None:
        if not isinstance(assumptions, Assumptions):
            raise TypeError(f"assumptions must be an Assumptions, not {type(assumptions)}")
        super().__init__(lang=lang)
        self.set_trait("assumptions", assumptions)
        self.history = History(current=assumptions)
        self.going_back = False  # True while observers see the state go back after a refusal

    @default("assumptions")
    def _default_assumptions(self) -> Assumptions:
        return DEFAULTS

    @default("monitor")
    def _default_monitor(self) -> Monitor:
        return empty_monitor()

    def __repr__(self) -> str:
        """What differs from the Woonvisie, the language and the steps to undo/redo."""
        h = self.history
        return (
            f"ScenarioState(changed={self.assumptions.changed()!r}, lang={self.lang!r}, "
            f"undo={len(h.done)}, redo={len(h.undone)})"
        )

    # --- changes -----------------------------------------------------------------------------

    def apply(self, changes: Mapping[str, Any] | None = None, /, **more: Any) -> bool:
        """Change some assumptions: `apply(ambition_homes=10_000)` or `apply({...})`.

        A value that is unknown, of the wrong type or out of range raises AssumptionError
        and the scenario stays as it was. Returns False if a view refused the scenario.
        """
        return self.set(self.assumptions.replace(**{**(changes or {}), **more}))

    def set(self, a: Assumptions, record: bool = True) -> bool:
        """Make `a` the scenario (a preset, a file, a link); `record`: as an undo step."""
        if not isinstance(a, Assumptions):
            raise TypeError(f"a scenario is an Assumptions, not {type(a).__name__}")

        def step() -> Assumptions:
            if record:
                self.history.push(a, time.monotonic())
            else:
                self.history.current = a
            return a

        return self._commit(step)

    def undo(self) -> bool:
        """Back to the scenario before the last step; False if there is none."""
        return self.history.can_undo and self._commit(self._undo_step)

    def redo(self) -> bool:
        """Forward to the scenario of the last undone step; False if there is none."""
        return self.history.can_redo and self._commit(self._redo_step)

    def reset(self) -> bool:
        """Everything back to the Woonvisie (one undo step)."""
        return self.set(DEFAULTS)

    def load(self, name: str, a: Assumptions) -> bool:
        """A scenario read from file `name`: remember it (to compare with) and show it."""
        self.loaded = (name, a)
        return self.set(a)

    def _undo_step(self) -> Assumptions:
        a = self.history.undo()
        assert a is not None
        return a

    def _redo_step(self) -> Assumptions:
        a = self.history.redo()
        assert a is not None
        return a

    def _commit(self, step: Callable[[], Assumptions]) -> bool:
        """Move the history (`step` returns the new scenario), then the scenario, so that
        observers see both together; on an observer's refusal put both back."""
        old, saved = self.assumptions, _snapshot(self.history)
        new = step()
        try:
            self.set_trait("assumptions", new)
        except Exception as exc:
            _restore(self.history, saved)
            self._go_back(old)
            if isinstance(exc, ScenarioRefused):
                log.info("scenario refused by a view: %s", exc)
                return False
            raise
        return True

    def _go_back(self, old: Assumptions) -> None:
        self.going_back = True
        try:
            self.set_trait("assumptions", old)
        except Exception:  # a view that cannot show the old scenario either: keep going
            log.exception("a view failed while going back to the previous scenario")
        finally:
            self.going_back = False


def _snapshot(history: History) -> tuple[Assumptions, list[Any], list[Any]]:
    return history.current, list(history.done), list(history.undone)


def _restore(history: History, saved: tuple[Assumptions, list[Any], list[Any]]) -> None:
    history.current, history.done[:], history.undone[:] = saved
