"""Care homes: 30% of new social rent for residents with a care or support need."""

from __future__ import annotations

import pandas as pd

from woonlib.data import WoonvisieData
from woonlib.model import core
from woonlib.model.assumptions import Assumptions
from woonlib.model.core import CARE_BASES


def care_homes(social_rent_homes: float, care_share: float) -> float:
    """Homes for residents with a care or support need  [homes].

    Woonvisie 2024, lines 931–933: 30% of every new social-rent development.
    """
    return social_rent_homes * care_share


def care_table(data: WoonvisieData, a: Assumptions) -> pd.DataFrame:
    """Care homes on gross new social rent (the rule's base), net beside it  [homes].

    Columns: base, social_rent_homes, care_share, care_homes. `a.care_base` chooses which
    row the headline uses: the programme's gross new build or the scenario's social rent.
    """
    c = core.results(data, a).care
    rows = [(b, c.social_rent[b], c.care_share, c.care_homes(b)) for b in CARE_BASES]
    return pd.DataFrame(rows, columns=["base", "social_rent_homes", "care_share", "care_homes"])
