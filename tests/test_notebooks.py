"""Every notebook executes headless (nbclient), top to bottom, without errors; each topic
notebook opens with its section's live panel, which follows the code cells below it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import nbformat
import pytest
from nbclient import NotebookClient

from woonlib.report.labels import label

NOTEBOOKS = sorted((Path(__file__).parent.parent / "notebooks").glob("*.ipynb"))
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
WIDGET_STATE = "application/vnd.jupyter.widget-state+json"
# What the code route of each topic notebook sets, and so what its panel must show at the
# end: (assumption, the control's value, a text in one of the panel's tables).
TOPICS = {
    "households_programme.ipynb": ("ambition_homes", 10_000, "14.000"),  # 10,000 x 1.4 plans
    "segments.ipynb": ("share_social_rent", 35, "3.255"),  # 35% of 9,300
    "elderly.ipynb": ("elderly_scale", 1.2, "5.580"),  # 4,650 x 1.2
    "outflow.ipynb": ("outflow_youth_care", 25, "300"),  # 280 + 25 youth care - 5 detention
}


def test_there_are_notebooks() -> None:
    names = {p.name for p in NOTEBOOKS}
    assert {"dashboard.ipynb", *TOPICS} <= names


def run(path: Path) -> nbformat.NotebookNode:
    nb = nbformat.read(path, as_version=4)
    assert not any(c.get("outputs") for c in nb.cells if c.cell_type == "code"), (
        f"{path.name} is committed with outputs"
    )
    NotebookClient(
        nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}
    ).execute()
    errors = [
        o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"
    ]
    assert not errors
    assert any(c.outputs for c in nb.cells if c.cell_type == "code")
    return nb


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_runs(path: Path) -> None:
    nb = run(path)
    if path.name not in TOPICS:
        return
    name, value, text = TOPICS[path.name]
    first = next(c for c in nb.cells if c.cell_type == "code")
    assert any(WIDGET_VIEW in o.get("data", {}) for o in first.outputs), "no live panel"
    models = [m["state"] for m in nb.metadata["widgets"][WIDGET_STATE]["state"].values()]
    assert controls_of(models, name) == [pytest.approx(value)]  # the code cell moved it
    assert any(text in str(m.get("value", "")) for m in models if "wl-table" in str(m))
    streams = [o.text for c in nb.cells if c.cell_type == "code" for o in c.outputs if "text" in o]
    assert not any("Traceback" in t for t in streams)


def controls_of(models: list[dict[str, Any]], name: str) -> list[float]:
    """The values of the sliders labelled as assumption `name` (percents for shares)."""
    prefix = label(name, "nl")
    return [
        m["value"]
        for m in models
        if "Slider" in m["_model_name"]
        and (m.get("description") == prefix or str(m.get("description")).startswith(f"{prefix} ("))
    ]
