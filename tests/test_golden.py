"""Golden tests: the figures sheet, table by table, from the data package and the model.

The expected numbers are typed from ../shared/reference/woonvisie-figures.md.
"""

from __future__ import annotations

import pytest

from woonlib.data import WoonvisieData
from woonlib.model.assumptions import DEFAULTS
from woonlib.model.elderly import elderly_summary, elderly_task
from woonlib.model.households import forecast_points, forecast_yearly
from woonlib.model.indicators import indicators
from woonlib.model.outflow import outflow_table, outflow_vs_care
from woonlib.model.programme import build_path, programme_table, value
from woonlib.model.segments import (
    affordability_table,
    care_table,
    market_segments,
    segment_comparison,
)
from woonlib.report.labels import fmt_percent

# 1. Household forecasts, Figuur 2/3: 2023, 2033, change, 2043, change
FORECASTS = {
    "primos_2021": (80905, 82405, 1500, 79875, -2530),
    "primos_2022": (81155, 82035, 880, 79370, -2665),
    "cbs_2022": (80200, 82850, 2655, 83660, 805),
    "trend_2021": (80860, 83130, 2270, None, None),
}


def test_household_forecasts_as_published(data: WoonvisieData) -> None:
    table = data["household_forecasts"].set_index("forecast")
    for forecast, (h23, h33, c1, h43, c2) in FORECASTS.items():
        row = table.loc[forecast]
        assert (row["households_2023"], row["households_2033"], row["change_2023_2033"]) == (
            h23,
            h33,
            c1,
        )
        if h43 is None:
            assert row[["households_2043", "change_2033_2043"]].isna().all()
        else:
            assert (row["households_2043"], row["change_2033_2043"]) == (h43, c2)


def test_forecast_points_keep_published_and_computed_change(data: WoonvisieData) -> None:
    points = forecast_points(data).set_index(["forecast", "year"])
    assert points.loc[("cbs_2022", 2033), "published_change"] == 2655
    assert points.loc[("cbs_2022", 2033), "computed_change"] == 2650
    assert points.loc[("cbs_2022", 2043), "computed_change"] == 810
    assert ("trend_2021", 2043) not in points.index


def test_forecast_yearly_interpolates_between_points(data: WoonvisieData) -> None:
    yearly = forecast_yearly(data).set_index(["forecast", "year"])
    assert yearly.loc[("cbs_2022", 2028), "households"] == pytest.approx(80200 + 5 * 265)
    assert yearly.loc[("cbs_2022", 2028), "kind"] == "interpolation"
    assert yearly.loc[("cbs_2022", 2033), "kind"] == "published"
    assert yearly.loc[("primos_2021", 2043), "households"] == 79875
    assert yearly.xs("trend_2021")["households"].index.max() == 2033


# 2. Scenarios for the programme
def test_programme_reproduces_the_woonvisie(data: WoonvisieData) -> None:
    t = programme_table(data, DEFAULTS)
    assert value(t, "basis_demand") == pytest.approx(2675)
    assert value(t, "basis_homes") == pytest.approx(3525)
    assert value(t, "ambition_homes") == 9300
    assert value(t, "plan_capacity_needed") == pytest.approx(12090)
    assert value(t, "programme_homes") == 8305
    assert value(t, "programme_homes_appendix") == 8315
    assert value(t, "programme_gap") == pytest.approx(12090 - 8305)
    assert value(t, "programme_gap_appendix") == pytest.approx(12090 - 8315)
    assert value(t, "ambition_gap") == 995
    assert value(t, "programme_years") == 9
    assert value(t, "required_rate") == pytest.approx(9300 / 9)
    assert value(t, "build_shortfall") == 300


def test_scenario_figures(data: WoonvisieData) -> None:
    expected = {
        "cbs_demand_to_2032": 2675,
        "shortage_catch_up": 850,
        "basis_homes_published": 3520,
        "ambition_homes": 9300,
        "ambition_target_year": 2032,
        "inhabitants_target": 170000,
        "inhabitant_growth": 10000,
        "build_rate": 1000,
        "plan_failure_surcharge": 30,
        "corporations_offer": 2000,
        "twente_growth_to_2030": 15000,
        "existing_stock": 77000,
        "figure4_header_year": 2030,
    }
    for key, val in expected.items():
        assert data.figure("scenario_figures", key) == val, key


def test_build_path(data: WoonvisieData) -> None:
    path = build_path(DEFAULTS)
    assert list(path["year"]) == list(range(2024, 2033))
    assert path["cumulative"].iloc[-1] == 9000
    assert path["target_cumulative"].iloc[-1] == pytest.approx(9300)


def test_year_convention_is_explicit(data: WoonvisieData) -> None:
    exclusive = DEFAULTS.replace(target_year_inclusive=False)
    assert value(programme_table(data, exclusive), "programme_years") == 8


# 3. Segments: norm and Figuur 5
FIGUUR5 = {
    "programme": (2720, 2915, 2670, 8305),
    "growth": (2090, 5160, 2050, 9300),
    "basis": (-455, 2800, 1180, 3525),
}


def test_figuur5_as_published(data: WoonvisieData) -> None:
    table = data["figuur5_segments"].set_index("scenario")
    for scenario, row in FIGUUR5.items():
        assert (
            tuple(table.loc[scenario, ["social_rent", "mid_priced", "expensive", "total"]]) == row
        )


def test_policy_norms(data: WoonvisieData) -> None:
    norms = {
        "norm_social_rent": 30,
        "norm_mid_priced": 40,
        "norm_expensive": 30,
        "affordable_target": 70,
        "care_share_social_rent": 30,
        "affordable_purchase_limit": 390000,
        "mid_rent_max_points": 187,
        "wws_max_points": 186,
        "wws_max_rent": 1123.13,
    }
    for key, val in norms.items():
        assert data.figure("policy_norms", key) == val, key


def test_segment_split_and_comparison(data: WoonvisieData) -> None:
    comp = segment_comparison(data, DEFAULTS).set_index(["series", "segment"])["homes"]
    assert [
        comp[("scenario", s)] for s in ("social_rent", "mid_priced", "expensive")
    ] == pytest.approx([2790, 3720, 2790])
    assert comp[("programme", "total")] == 8305
    assert comp[("programme_appendix", "expensive")] == 2680
    assert comp[("programme_appendix", "total")] == 8315
    assert comp[("basis", "social_rent")] == -455


def test_affordable_share(data: WoonvisieData) -> None:
    t = affordability_table(data, DEFAULTS).set_index("series")
    assert t.loc["programme", "affordable_share"] == pytest.approx((2720 + 2915) / 8305)
    # 5,635 / 8,305 = 67.85%: 67,9% in one decimal (the issue text's 67.8% truncates);
    # on the appendix's 8,315 it is 67.77%, 67,8%
    assert fmt_percent(t.loc["programme", "affordable_share"]) == "67,9%"
    assert t.loc["programme_appendix", "affordable_share"] == pytest.approx(5635 / 8315)
    assert fmt_percent(t.loc["programme_appendix", "affordable_share"]) == "67,8%"
    assert not t.loc["programme", "target_met"]  # net: shown as information, not the verdict
    # the norm's basis: new build before demolition, appendix 5.3 (lines 4983–5059):
    # social rent 4,220 + mid rent 1,425 + affordable purchase 1,490 = 7,135 of 9,815
    assert t.loc["programme_new_build", "affordable_homes"] == 4220 + 1425 + 1490
    assert t.loc["programme_new_build", "total"] == 4220 + 1425 + 455 + 1490 + 2225
    assert t.loc["programme_new_build", "affordable_share"] == pytest.approx(7135 / 9815)
    assert fmt_percent(t.loc["programme_new_build", "affordable_share"]) == "72,7%"
    assert t.loc["programme_new_build", "target_met"]
    assert t.loc["scenario", "affordable_share"] == pytest.approx(0.70)
    assert t.loc["scenario", "target_met"]
    assert t.loc["growth", "affordable_share"] == pytest.approx(7250 / 9300)


# 4. Appendix 5.3
APPENDIX = {  # segment: {row: (basis, growth, programme)}
    "social_rent": {
        "egw": (2675, 3805, 1195),
        "mgw": (-3130, -1715, 3025),
        "total": (-455, 2090, 4220),
    },
    "mid_rent": {"egw": (620, 840, 190), "mgw": (640, 810, 1235), "total": (1260, 1650, 1425)},
    "expensive_rent": {"egw": (310, 380, 15), "mgw": (130, 160, 440), "total": (440, 540, 455)},
    "affordable_purchase": {
        "egw": (1170, 2880, 820),
        "mgw": (370, 630, 670),
        "total": (1540, 3510, 1490),
    },
    "expensive_purchase": {
        "egw": (470, 1200, 1380),
        "mgw": (270, 310, 845),
        "total": (740, 1510, 2225),
    },
}


def test_appendix_as_published(data: WoonvisieData) -> None:
    table = data["appendix_segments"].set_index(["segment", "row"])
    for segment, rows in APPENDIX.items():
        for row, values in rows.items():
            assert tuple(table.loc[(segment, row), ["basis", "growth", "programme"]]) == values
    assert table.loc[("social_rent", "demolition"), "programme"] == -1500
    assert table.loc[("social_rent", "total_incl_demolition"), "programme"] == 2720


def test_market_segments_long_form(data: WoonvisieData) -> None:
    long = market_segments(data)
    growth = long[(long["scenario"] == "growth") & (long["row"] == "total")]
    assert growth["homes"].sum() == 9300
    assert set(long["figuur5_segment"]) == {"social_rent", "mid_priced", "expensive"}


# Care rule
def test_care_homes(data: WoonvisieData) -> None:
    t = care_table(data, DEFAULTS).set_index("base")["care_homes"]
    assert t["programme_gross"] == pytest.approx(1266)
    assert t["programme_net"] == pytest.approx(816)
    assert t["scenario"] == pytest.approx(0.3 * 0.3 * 9300)


# 5. Elderly, Tabel 2
def test_elderly_task(data: WoonvisieData) -> None:
    table = data["elderly_task"].set_index("home_type")
    assert tuple(table.loc["total", ["to_2030", "from_2030_to_2040", "total"]]) == (
        2400,
        2250,
        4650,
    )
    task = elderly_task(DEFAULTS).set_index(["home_type", "period"])
    for home_type in ("zero_step", "clustered", "care_suitable"):
        assert task.loc[(home_type, "to_2030"), "homes"] == table.loc[home_type, "to_2030"]
        assert (
            task.loc[(home_type, "2030_2040"), "homes"] == table.loc[home_type, "from_2030_to_2040"]
        )
    assert task.loc[("zero_step", "to_2030"), "years"] == 6
    assert task.loc[("zero_step", "to_2030"), "per_year"] == pytest.approx(1400 / 6)
    summary = elderly_summary(DEFAULTS)
    assert value(summary, "elderly_task_total") == 4650
    # programme years 2024–2032: all of 'to 2030' and 3 of the 10 years of 2030–2040
    assert value(summary, "elderly_task_in_building_years") == pytest.approx(2400 + 0.3 * 2250)
    # like with like: the task inside the building years over the ambition to 2032, not the
    # task to 2040 (4,650 / 9,300 = 50% mixed two horizons)
    assert value(summary, "elderly_share_of_ambition") == pytest.approx(3075 / 9300)


def test_elderly_background(data: WoonvisieData) -> None:
    ages = data["age_classes"].set_index("age_class")
    assert list(ages["share_2020"]) == [14.7, 23.4, 18.4, 25.6, 10.1, 7.7]
    assert list(ages["share_2050"]) == [12.2, 20.5, 16.1, 22.4, 10.3, 15.4]
    share = data["elderly_share"].set_index("year")["share_65plus"]
    assert (share[2020], share[2050]) == (17.8, 25.7)
    hh = data["elderly_households"].set_index("year")["households"]
    assert (hh[2019], hh[2040]) == (19000, 26000)
    stock = data["stock_suitability"].set_index("tenure")
    cols = ["suitable", "can_be_made_suitable", "not_suitable"]
    assert tuple(stock.loc["all", cols]) == (24, 25, 51)
    assert tuple(stock.loc["owner_occupied", cols]) == (9, 41, 50)
    assert tuple(stock.loc["social_rent", cols]) == (36, 9, 55)
    assert tuple(stock.loc["other_rent", cols]) == (41, 13, 45)
    ctx = data["elderly_context"].set_index("key")
    assert (
        ctx.loc["clustered_extra_units", "value"],
        ctx.loc["clustered_extra_units", "value_high"],
    ) == (1000, 2000)
    assert ctx.loc["nursing_places_planned", "value"] == 475


# 6. Outflow, Tabel 1
def test_outflow(data: WoonvisieData) -> None:
    table = data["outflow"].set_index("group")
    published = {
        "urgent": 135,
        "institutions": 132,
        "protected_living": 57,
        "detention": 15,
        "shelter": 60,
        "other": 13,
        "total": 280,
    }
    for group, homes in published.items():
        assert table.loc[group, "homes_per_year"] == homes, group
    assert table.loc["youth_care", "status"] == "unknown"
    assert (table.loc["detention", "low"], table.loc["detention", "high"]) == (10, 15)
    model = outflow_table(DEFAULTS).set_index("group")["homes_per_year"]
    for group, homes in published.items():
        assert model[group] == homes, group
    vs = outflow_vs_care(data, DEFAULTS)
    assert value(vs, "outflow_cumulative") == 280 * 9
    assert value(vs, "care_homes_from_social_rent") == pytest.approx(1266)


def test_headline_indicators(data: WoonvisieData) -> None:
    ind = indicators(data, DEFAULTS)
    assert ind["plan_capacity_needed"] == pytest.approx(12090)
    assert ind["norm_split_homes"] == pytest.approx(
        {"social_rent": 2790, "mid_priced": 3720, "expensive": 2790}
    )
    assert ind["affordable_share_programme"] == pytest.approx(7135 / 9815)
    assert ind["affordable_share_programme_net"] == pytest.approx(5635 / 8305)
    assert ind["affordable_share_programme_net_appendix"] == pytest.approx(5635 / 8315)
    assert ind["affordable_target_met"] is True
    assert ind["elderly_task_in_building_years"] == pytest.approx(3075)
    assert ind["elderly_share_of_ambition"] == pytest.approx(3075 / 9300)
    assert ind["care_homes_from_social_rent"] == pytest.approx(1266)
    assert ind["care_homes_net_of_demolition"] == pytest.approx(816)
    assert ind["elderly_task_total"] == 4650
    assert ind["outflow_homes_per_year"] == 280
    assert len(ind["data_notes"]) >= 8


def test_assumption_defaults_match_the_data(data: WoonvisieData) -> None:
    """The defaults in woonlib.model.assumptions are the published figures in data/."""
    a = DEFAULTS
    assert a.shortage_catch_up == data.figure("scenario_figures", "shortage_catch_up")
    assert a.ambition_homes == data.figure("scenario_figures", "ambition_homes")
    assert a.target_year == data.figure("scenario_figures", "ambition_target_year")
    assert a.start_year == data.figure("scenario_figures", "programme_reference_year")
    assert a.build_rate == data.figure("scenario_figures", "build_rate")
    assert a.plan_failure_surcharge * 100 == pytest.approx(
        data.figure("scenario_figures", "plan_failure_surcharge")
    )
    for s in ("social_rent", "mid_priced", "expensive"):
        assert a.shares[s] * 100 == pytest.approx(data.figure("policy_norms", f"norm_{s}"))
    assert a.care_share_social_rent * 100 == pytest.approx(
        data.figure("policy_norms", "care_share_social_rent")
    )
    tabel1 = data["outflow"].set_index("group")["homes_per_year"]
    for g in ("urgent", "protected_living", "detention", "shelter", "other"):
        assert getattr(a, f"outflow_{g}") == tabel1[g]
