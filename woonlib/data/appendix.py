"""Appendix 5.3 summed to Figuur 5's three segments (used by validation and the model)."""

from __future__ import annotations

import pandas as pd

from woonlib.vocab import APPENDIX_COLUMNS, MARKET_SEGMENTS, SEGMENTS


def appendix_by_figuur5_segment(appendix: pd.DataFrame, net: bool = True) -> pd.DataFrame:
    """Appendix 5.3 totals summed to Figuur 5's three segments, per scenario  [homes].

    Rows: social_rent, mid_priced, expensive; columns: basis, growth, programme. With `net`,
    social rent counts including demolition where the appendix gives that row (programme:
    4,220 new build - 1,500 demolished = 2,720); without, new build is counted before
    demolition (gross, the basis of the 70% norm: 'nieuwbouw', lines 1245–1247).
    """
    totals = appendix[appendix["row"] == "total"].set_index("segment")[list(APPENDIX_COLUMNS)]
    after = appendix[appendix["row"] == "total_incl_demolition"].set_index("segment")
    totals = totals.astype("float64")
    for segment in after.index if net else ():
        for column in APPENDIX_COLUMNS:
            if pd.notna(after.loc[segment, column]):
                totals.loc[segment, column] = after.loc[segment, column]
    groups = {s: [m for m, g in MARKET_SEGMENTS.items() if g == s] for s in SEGMENTS}
    return pd.DataFrame({s: totals.loc[members].sum() for s, members in groups.items()}).T
