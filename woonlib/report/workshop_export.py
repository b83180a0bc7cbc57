"""A workshop's summary as an Excel workbook: the spread per assumption (every value too)
and each participant's headline outcomes, labelled in the active language."""

from __future__ import annotations

import io
from collections.abc import Sequence

import pandas as pd

from woonlib.data import WoonvisieData
from woonlib.model.assumptions import Assumptions
from woonlib.model.workshop import headlines, spreads
from woonlib.report.labels import label


def workshop_tables(
    data: WoonvisieData, sent: Sequence[tuple[str, Assumptions]], chosen: Sequence[str] | None
) -> dict[str, pd.DataFrame]:
    """Sheet name -> table: the spread of each assumption in play, the headlines."""
    scenarios = [a for _, a in sent]
    names = ["workshop_assumption", "workshop_count", "workshop_changed", "workshop_min",
             "workshop_q1", "workshop_median", "workshop_q3", "workshop_max"]  # fmt: skip
    columns = [label(k) for k in names] + [p for p, _ in sent]  # then each one's value
    spread = pd.DataFrame(
        [
            [
                label(s.name),
                s.count,
                s.changed,
                s.minimum,
                s.q1,
                s.median,
                s.q3,
                s.maximum,
                *s.values,
            ]
            for s in spreads(scenarios, chosen)
        ],
        columns=columns,
    )
    rows = []
    for participant, a in sent:
        h = headlines(data, a)
        rows.append(
            [participant, h.chance, h.plan_capacity_gap, h.affordable_share, h.elderly_task]
        )
    keys = ("workshop_participant", "workshop_chance", "workshop_gap", "workshop_affordable",
            "workshop_elderly")  # fmt: skip
    outcomes = pd.DataFrame(rows, columns=[label(k) for k in keys])
    return {label("workshop_sheet_spread"): spread, label("workshop_sheet_outcomes"): outcomes}


def workshop_workbook(
    data: WoonvisieData, sent: Sequence[tuple[str, Assumptions]], chosen: Sequence[str] | None
) -> bytes:
    """The workbook of `workshop_tables` (exact values; the page shows them rounded)."""
    out = io.BytesIO()
    with pd.ExcelWriter(out, engine="openpyxl") as writer:
        for sheet, table in workshop_tables(data, sent, chosen).items():
            table.to_excel(writer, sheet_name=sheet[:31], index=False)
    return out.getvalue()
