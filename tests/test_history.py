"""Undo/redo: every step restores the exact scenario; a drag is one step."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from woonlib.model.assumptions import DEFAULTS
from woonlib.scenario.history import History


def test_undo_and_redo_restore_values() -> None:
    h = History()
    a1 = DEFAULTS.replace(ambition_homes=10000)
    a2 = a1.replace(build_rate=1200)
    h.push(a1, now=0)
    h.push(a2, now=10)
    assert [s.names for s in h.recent()] == [("build_rate",), ("ambition_homes",)]
    assert h.undo() == a1
    assert h.undo() == DEFAULTS
    assert h.undo() is None and not h.can_undo
    assert h.redo() == a1
    assert h.redo() == a2
    assert h.redo() is None and not h.can_redo


def test_a_drag_is_one_step_and_a_new_change_clears_redo() -> None:
    h = History()
    for i, v in enumerate(range(9350, 10050, 50)):  # a drag: 14 values, 0.1 s apart
        h.push(DEFAULTS.replace(ambition_homes=v), now=i * 0.1)
    assert len(h.done) == 1 and h.done[0].after.ambition_homes == 10000
    assert h.undo() == DEFAULTS
    h.push(DEFAULTS.replace(build_rate=900), now=5)
    assert not h.can_redo
    # The same assumption again, but later than the merge window: a new step.
    h.push(DEFAULTS.replace(build_rate=800), now=10)
    assert len(h.done) == 2


def test_dragging_back_to_the_start_leaves_no_step() -> None:
    h = History()
    h.push(DEFAULTS.replace(ambition_homes=9350), now=0)
    h.push(DEFAULTS, now=0.5)
    assert h.done == [] and h.current == DEFAULTS


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["ambition_homes", "build_rate"]), st.integers(0, 60), st.floats(0, 3)
        ),
        max_size=30,
    )
)
def test_undo_all_returns_to_the_start(moves: list[tuple[str, int, float]]) -> None:
    h = History()
    now = 0.0
    seen = [DEFAULTS]
    for name, k, dt in moves:
        now += dt
        h.push(h.current.replace(**{name: k * 50}), now=now)
        seen.append(h.current)
    while h.undo() is not None:
        assert h.current in seen
    assert h.current == DEFAULTS
    while h.redo() is not None:
        pass
    assert h.current == seen[-1]
