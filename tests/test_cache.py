"""The model's memoisation: same answers as uncached, copies handed out, one cache per data."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from woonlib import cache
from woonlib.data import WoonvisieData, load_data
from woonlib.model import core
from woonlib.model.assumptions import DEFAULTS
from woonlib.model.indicators import indicators, policy_checks
from woonlib.model.programme import programme_table
from woonlib.model.segments import affordability_table, market_segments


def test_cached_results_equal_uncached(data: WoonvisieData) -> None:
    a = DEFAULTS.replace(ambition_homes=11111, share_social_rent=0.35, share_expensive=0.25)
    first = (indicators(data, a), policy_checks(data, a))
    assert core.results.cache_info().currsize > 0
    cache.clear()
    assert core.results.cache_info().currsize == 0
    assert core.results(data, a) == core.results.__wrapped__(data, a)
    assert indicators(data, a) == first[0]
    pd.testing.assert_frame_equal(policy_checks(data, a), first[1])


def test_a_caller_changing_its_result_changes_nothing_for_the_next(data: WoonvisieData) -> None:
    first = programme_table(data, DEFAULTS)
    first.loc[:, "value"] = -1
    ind = indicators(data, DEFAULTS)
    ind["norm_split_homes"]["social_rent"] = -1
    long = market_segments(data)
    long.loc[:, "homes"] = -1
    assert (programme_table(data, DEFAULTS)["value"] != -1).any()
    assert indicators(data, DEFAULTS)["norm_split_homes"]["social_rent"] == 2790
    assert (market_segments(data)["homes"] != -1).any()


def test_each_data_package_has_its_own_cache(data: WoonvisieData, data_copy: Path) -> None:
    csv = data_copy / "policy_norms.csv"
    csv.write_text(csv.read_text().replace("affordable_target,70", "affordable_target,60"))
    other = load_data(data_copy)
    mine = affordability_table(data, DEFAULTS).set_index("series").loc["programme", "target"]
    theirs = affordability_table(other, DEFAULTS).set_index("series").loc["programme", "target"]
    assert (mine, theirs) == (0.7, 0.6)


def test_the_caches_are_bounded(data: WoonvisieData) -> None:
    for v in range(5000, 5000 + core.SCENARIOS_KEPT + 10):
        core.results(data, DEFAULTS.replace(ambition_homes=v))
    assert core.results.cache_info().currsize == core.SCENARIOS_KEPT
    assert core.facts.cache_info().maxsize == core.DATA_KEPT
