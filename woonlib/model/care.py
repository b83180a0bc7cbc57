"""Care homes: 30% of new social rent for residents with a care or support need."""

from __future__ import annotations

import pandas as pd

from woonlib.cache import per_data, per_scenario
from woonlib.data import WoonvisieData
from woonlib.model.assumptions import Assumptions


def care_homes(social_rent_homes: float, care_share: float) -> float:
    """Homes for residents with a care or support need  [homes].

    Woonvisie 2024, lines 931–933: 30% of every new social-rent development.
    """
    return social_rent_homes * care_share


@per_data
def social_rent_new_build(data: WoonvisieData) -> dict[str, float]:
    """New social rent in the current programme, gross and net of demolition  [homes]."""
    table = data["appendix_segments"]
    social = table[table["segment"] == "social_rent"].set_index("row")["programme"]
    return {"gross": float(social["total"]), "net": float(social["total_incl_demolition"])}


@per_scenario
def care_table(data: WoonvisieData, a: Assumptions) -> pd.DataFrame:
    """Care homes on gross new social rent (the rule's base), net beside it  [homes].

    Columns: base, social_rent_homes, care_share, care_homes. `a.care_base` chooses which
    row the headline uses: the programme's gross new build or the scenario's social rent.
    """
    programme = social_rent_new_build(data)
    scenario_social = a.ambition_homes * a.share_social_rent
    rows = [
        ("programme_gross", programme["gross"]),
        ("programme_net", programme["net"]),
        ("scenario", scenario_social),
    ]
    return pd.DataFrame(
        [
            (b, h, a.care_share_social_rent, care_homes(h, a.care_share_social_rent))
            for b, h in rows
        ],
        columns=["base", "social_rent_homes", "care_share", "care_homes"],
    )


def headline_care_homes(data: WoonvisieData, a: Assumptions) -> float:
    """The care homes on the base the assumptions choose (default: programme, gross)."""
    table = care_table(data, a).set_index("base")
    return float(table.loc[a.care_base, "care_homes"])
