"""Affordability segments (§2.2, Figuur 5, appendix 5.3): the split and its comparisons."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from woonlib.cache import per_data, per_scenario
from woonlib.data import WoonvisieData
from woonlib.data.appendix import appendix_by_figuur5_segment
from woonlib.model.assumptions import Assumptions
from woonlib.vocab import APPENDIX_COLUMNS, MARKET_SEGMENTS, SEGMENTS


def split_homes(total: float, shares: Mapping[str, float]) -> pd.DataFrame:
    """Homes per segment for `total` homes and segment `shares`  [homes].

    Columns: segment, share [-], homes [homes].
    """
    return pd.DataFrame(
        {
            "segment": list(SEGMENTS),
            "share": [shares[s] for s in SEGMENTS],
            "homes": [total * shares[s] for s in SEGMENTS],
        }
    )


def affordable_share(social_rent: float, mid_priced: float, total: float) -> float:
    """Share of social rent plus mid-priced homes in `total`  [-] (target: 70%, §2.2)."""
    return (social_rent + mid_priced) / total if total else 0.0


@per_data
def appendix_figuur5(data: WoonvisieData) -> pd.DataFrame:
    """appendix_by_figuur5_segment of the data package's appendix 5.3, net (computed once)."""
    return appendix_by_figuur5_segment(data["appendix_segments"])


@per_data
def appendix_figuur5_gross(data: WoonvisieData) -> pd.DataFrame:
    """Appendix 5.3 per Figuur 5 segment, new build before demolition (computed once)."""
    return appendix_by_figuur5_segment(data["appendix_segments"], net=False)


@per_data
def market_segments(data: WoonvisieData) -> pd.DataFrame:
    """Appendix 5.3 in long form: segment, figuur5_segment, scenario, row, homes  [homes]."""
    table = data["appendix_segments"]
    long = table.melt(
        id_vars=["segment", "row"],
        value_vars=list(APPENDIX_COLUMNS),
        var_name="scenario",
        value_name="homes",
    ).dropna(subset=["homes"])
    long.insert(1, "figuur5_segment", long["segment"].map(MARKET_SEGMENTS))
    return long.reset_index(drop=True)


@per_scenario
def segment_comparison(data: WoonvisieData, a: Assumptions) -> pd.DataFrame:
    """Homes per segment: the scenario's split against Figuur 5 and appendix 5.3  [homes].

    Columns: series (scenario, growth, basis, programme, programme_appendix,
    programme_new_build), segment, homes; one row per series and segment, plus the series'
    total. `programme` (Figuur 5) and `programme_appendix` count social rent net of
    demolition; `programme_new_build` is the appendix's new build before demolition.
    """
    scenario = split_homes(a.ambition_homes, a.shares).set_index("segment")["homes"]
    figuur5 = data["figuur5_segments"].set_index("scenario")
    series = {
        "scenario": scenario,
        "growth": figuur5.loc["growth", list(SEGMENTS)],
        "basis": figuur5.loc["basis", list(SEGMENTS)],
        "programme": figuur5.loc["programme", list(SEGMENTS)],
        "programme_appendix": appendix_figuur5(data)["programme"],
        "programme_new_build": appendix_figuur5_gross(data)["programme"],
    }
    rows = []
    for name, homes in series.items():
        rows += [(name, s, float(homes[s])) for s in SEGMENTS]
        rows.append((name, "total", float(sum(homes[s] for s in SEGMENTS))))
    return pd.DataFrame(rows, columns=["series", "segment", "homes"])


AFFORDABILITY_SERIES = (
    "scenario",
    "programme_new_build",
    "programme",
    "programme_appendix",
    "growth",
    "basis",
)
# The programme series on each basis of the 70% norm (assumption affordable_basis)
PROGRAMME_SERIES = {"gross": "programme_new_build", "net": "programme"}


@per_scenario
def affordability_table(data: WoonvisieData, a: Assumptions) -> pd.DataFrame:
    """Affordable share per series against the 70% target  [-].

    Columns: series, affordable_homes, total, affordable_share, target, target_met. The
    norm is on new build ('70 procent van alle nieuwbouw', lines 1245–1247): the gross
    programme (before demolition) is its like-for-like measure; the net rows are shown
    beside it.
    """
    target = data.figure("policy_norms", "affordable_target") / 100
    wide = segment_comparison(data, a).pivot(index="series", columns="segment", values="homes")
    rows = []
    for series in AFFORDABILITY_SERIES:
        r = wide.loc[series]
        share = affordable_share(r["social_rent"], r["mid_priced"], r["total"])
        rows.append(
            (
                series,
                r["social_rent"] + r["mid_priced"],
                r["total"],
                share,
                target,
                bool(share >= target - 1e-12),
            )
        )
    return pd.DataFrame(
        rows,
        columns=["series", "affordable_homes", "total", "affordable_share", "target", "target_met"],
    )


@per_data
def norm_shares(data: WoonvisieData) -> dict[str, float]:
    """The Woondeal Twente norm 30/40/30 from the data package  [-]."""
    return {s: data.figure("policy_norms", f"norm_{s}") / 100 for s in SEGMENTS}

