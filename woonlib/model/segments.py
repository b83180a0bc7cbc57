"""Affordability segments (§2.2, Figuur 5, appendix 5.3): the split and its comparisons.

The page reads the core's values (`Results.series`, `Results.affordability`) and
`care_rows`; the tables here are built from the same values for the exports.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import astuple

import pandas as pd

from woonlib.cache import per_data
from woonlib.data import WoonvisieData
from woonlib.model import core
from woonlib.model.assumptions import Assumptions
from woonlib.model.care import CARE_BASES
from woonlib.model.core import AFFORDABILITY_SERIES, PROGRAMME_SERIES, affordable_share, split_of
from woonlib.vocab import APPENDIX_COLUMNS, MARKET_SEGMENTS, SEGMENTS, SERIES

__all__ = [
    "AFFORDABILITY_SERIES",
    "PROGRAMME_SERIES",
    "affordability_table",
    "affordable_share",
    "care_rows",
    "care_table",
    "market_segments",
    "norm_shares",
    "segment_comparison",
    "split_homes",
    "split_of",
]


def split_homes(total: float, shares: Mapping[str, float]) -> pd.DataFrame:
    """Homes per segment for `total` homes and segment `shares`  [homes].

    Columns: segment, share [-], homes [homes] (`split_of` as a table).
    """
    split = split_of(total, shares)
    return pd.DataFrame(
        {
            "segment": list(SEGMENTS),
            "share": [shares[s] for s in SEGMENTS],
            "homes": [getattr(split, s) for s in SEGMENTS],
        }
    )


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


def segment_comparison(data: WoonvisieData, a: Assumptions) -> pd.DataFrame:
    """Homes per segment: the scenario's split against Figuur 5 and appendix 5.3  [homes].

    Columns: series (scenario, growth, basis, programme, programme_appendix,
    programme_new_build), segment, homes; one row per series and segment, plus the series'
    total. `programme` (Figuur 5) and `programme_appendix` count social rent net of
    demolition; `programme_new_build` is the appendix's new build before demolition.
    """
    splits = core.results(data, a).series
    rows = []
    for name in SERIES:
        split = splits[name]
        rows += [(name, s, split[s]) for s in SEGMENTS]
        rows.append((name, "total", split.total))
    return pd.DataFrame(rows, columns=["series", "segment", "homes"])


def affordability_table(data: WoonvisieData, a: Assumptions) -> pd.DataFrame:
    """Affordable share per series against the 70% target  [-].

    Columns: series, affordable_homes, total, affordable_share, target, target_met. The
    norm is on new build ('70 procent van alle nieuwbouw', lines 1245–1247): the gross
    programme (before demolition) is its like-for-like measure; the net rows are shown
    beside it.
    """
    rows = [astuple(r) for r in core.results(data, a).affordability]
    return pd.DataFrame(
        rows,
        columns=["series", "affordable_homes", "total", "affordable_share", "target", "target_met"],
    )


def norm_shares(data: WoonvisieData) -> dict[str, float]:
    """The Woondeal Twente norm 30/40/30 from the data package  [-]."""
    return dict(core.facts(data).norm_shares)


def care_table(data: WoonvisieData, a: Assumptions) -> pd.DataFrame:
    """Care homes on gross new social rent (the rule's base), net beside it  [homes].

    Columns: base, social_rent_homes, care_share, care_homes (`woonlib.model.care`: 30% of
    new social rent, lines 931–933). `a.care_base` chooses which row the headline uses: the
    programme's gross new build or the scenario's social rent.
    """
    rows = care_rows(core.results(data, a).care)
    return pd.DataFrame(rows, columns=["base", "social_rent_homes", "care_share", "care_homes"])


def care_rows(c: core.Care) -> tuple[tuple[str, float, float, float], ...]:
    """(base, social-rent homes, care share, care homes) on each base of `CARE_BASES`
    [homes, -, homes]: the care table's rows."""
    return tuple((b, c.social_rent[b], c.care_share, c.care_homes(b)) for b in CARE_BASES)
