"""No panel's update path builds or reads a pandas object: a slider move runs on the core's
values (frames stay for exports, notebooks and the readable tables).

Every pandas function entered while the dashboard applies a change is recorded, with the
woonlib line that called it, so a failure names where a frame was built or read.
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType
from typing import Any

import pytest

from tests.test_panel_depends import moved
from woonlib.data import WoonvisieData
from woonlib.data.monitor import Monitor
from woonlib.model.assumptions import DEFAULTS, SPECS, Assumptions
from woonlib.ui.dashboard import Dashboard


@contextmanager
def pandas_calls() -> Iterator[Counter[str]]:
    """Count the pandas functions entered inside the block, by the woonlib line that
    called into pandas ("file:line function")."""
    calls: Counter[str] = Counter()

    def profile(frame: FrameType, event: str, arg: Any) -> None:
        if event != "call" or "/pandas/" not in frame.f_code.co_filename:
            return
        caller: FrameType | None = frame.f_back
        if caller is not None and "/pandas/" in caller.f_code.co_filename:
            return  # inside pandas already: counted at its entry
        while caller is not None and "woonlib" not in caller.f_code.co_filename:
            caller = caller.f_back
        where = "?" if caller is None else caller.f_code.co_filename.rsplit("woonlib/", 1)[-1]
        line = "" if caller is None else f":{caller.f_lineno} {caller.f_code.co_name}"
        calls[where + line] += 1

    previous = sys.getprofile()
    sys.setprofile(profile)
    try:
        yield calls
    finally:
        sys.setprofile(previous)


def changes(a: Assumptions) -> dict[str, Any]:
    return {name: getattr(a, name) for name in SPECS if getattr(a, name) != getattr(DEFAULTS, name)}


@pytest.fixture()
def board(data: WoonvisieData) -> Dashboard:
    return Dashboard(data)  # every tab built and in view


def test_the_probe_sees_pandas(data: WoonvisieData) -> None:
    """The counter itself works: a frame built inside the block is seen, with its caller."""
    from woonlib.model.programme import programme_table

    with pandas_calls() as calls:
        programme_table(data, DEFAULTS)
    assert calls, "the probe saw no pandas call where a frame is built"
    assert any(k.startswith("model/programme.py") for k in calls), calls


@pytest.mark.parametrize("name", sorted(SPECS))
def test_a_change_runs_on_values(board: Dashboard, name: str) -> None:
    """Moving any one assumption updates every tab without entering pandas."""
    board.apply(changes(moved(name)))  # warm any per-process cache first
    board.apply(changes(DEFAULTS) or {n: getattr(DEFAULTS, n) for n in changes(moved(name))})
    with pandas_calls() as calls:
        assert board.apply(changes(moved(name)))
    assert not calls, f"pandas on the update path after moving {name}: {dict(calls)}"


def test_a_monitor_and_a_language_switch_run_on_values(
    board: Dashboard, monitor_example: Monitor
) -> None:
    """With a monitor loaded (Voortgang's realised years) and after a switch to English,
    a change still runs on values."""
    board.state.monitor = monitor_example
    board.state.lang = "en"
    board.apply({"ambition_homes": 9_500})
    board.apply({"ambition_homes": 9_300})
    with pandas_calls() as calls:
        assert board.apply({"ambition_homes": 9_700})
        assert board.apply({"build_rate": 1_200})
    assert not calls, f"pandas on the update path with a monitor: {dict(calls)}"


def test_put_sets_only_the_properties_that_changed(monkeypatch: pytest.MonkeyPatch) -> None:
    """`charts.put` skips plotly's validation and message for a value that stayed the same."""
    import plotly.graph_objects as go

    from woonlib.report.charts import put

    fig = go.Figure(go.Bar(x=[2024, 2025], y=[1_000.0, 2_000.0], name="voorbeeld"))
    trace = fig.data[0]
    assigned: list[str] = []
    setitem = type(trace).__setitem__

    def record(self: Any, prop: Any, value: Any) -> None:
        assigned.append(str(prop))
        setitem(self, prop, value)

    monkeypatch.setattr(type(trace), "__setitem__", record)
    put(trace, x=[2024, 2025], y=[1_000.0, 2_500.0], name="voorbeeld")
    assert assigned == ["y"]
    assert trace.y == (1_000.0, 2_500.0)
