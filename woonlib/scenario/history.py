"""Undo and redo of assumption changes, with a short history of what changed.

Pure state: `History.push(a, now)` records a new scenario. Moves of the same single
assumption within `merge_seconds` of each other are one step (a slider drag sends many
values), so one undo takes the whole drag back.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from woonlib.model.assumptions import DEFAULTS, SPECS, Assumptions

MERGE_SECONDS = 1.5
MAX_STEPS = 200


def changed_names(old: Assumptions, new: Assumptions) -> tuple[str, ...]:
    """The assumptions that differ between `old` and `new`, in SPECS order."""
    return tuple(n for n in SPECS if getattr(old, n) != getattr(new, n))


@dataclass(frozen=True)
class Step:
    """One change: the scenario before and after, and when it was last touched."""

    before: Assumptions
    after: Assumptions
    at: float

    @property
    def names(self) -> tuple[str, ...]:
        return changed_names(self.before, self.after)


@dataclass
class History:
    """The current scenario with its undo and redo stacks."""

    current: Assumptions = DEFAULTS
    merge_seconds: float = MERGE_SECONDS
    done: list[Step] = field(default_factory=list)
    undone: list[Step] = field(default_factory=list)

    def push(self, new: Assumptions, now: float) -> None:
        """Record `new` as the current scenario (no step if nothing changed)."""
        if new == self.current:
            return
        last = self.done[-1] if self.done else None
        names = changed_names(self.current, new)
        if (
            last is not None
            and len(names) == 1
            and last.names == names
            and now - last.at <= self.merge_seconds
        ):
            self.done[-1] = Step(last.before, new, now)
            if not self.done[-1].names:  # moved back to where the step began
                self.done.pop()
        else:
            self.done.append(Step(self.current, new, now))
            del self.done[:-MAX_STEPS]
        self.undone.clear()
        self.current = new

    def undo(self) -> Assumptions | None:
        """The scenario before the last step (now current), or None when there is none."""
        if not self.done:
            return None
        step = self.done.pop()
        self.undone.append(step)
        self.current = step.before
        return self.current

    def redo(self) -> Assumptions | None:
        """The scenario after the last undone step (now current), or None."""
        if not self.undone:
            return None
        step = self.undone.pop()
        self.done.append(step)
        self.current = step.after
        return self.current

    @property
    def can_undo(self) -> bool:
        return bool(self.done)

    @property
    def can_redo(self) -> bool:
        return bool(self.undone)

    def recent(self, count: int = 10) -> list[Step]:
        """The last `count` steps, newest first."""
        return list(reversed(self.done[-count:]))
