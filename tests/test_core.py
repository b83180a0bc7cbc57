"""The scenario core (`woonlib.model.core`): `facts(data)` and `results(data, a)` on plain values.

Every expected number is worked out by hand from the Woonvisie's text,
../shared/seeds/woonvisie-enschede-2024.txt (cited as "line N"), not read back from the code:
at the defaults (the Woonvisie itself) and in three other scenarios.
"""

from __future__ import annotations

import dataclasses

import pytest

from woonlib.data import WoonvisieData
from woonlib.model.assumptions import DEFAULTS
from woonlib.model.care import CARE_BASES, CARE_HEADLINE_BASES
from woonlib.model.core import Facts, Results, facts, results


@pytest.fixture(scope="module")
def f(data: WoonvisieData) -> Facts:
    return facts(data)


@pytest.fixture(scope="module")
def r(data: WoonvisieData) -> Results:
    return results(data, DEFAULTS)


# --- facts: the published figures -------------------------------------------------------------


def test_figuur5_programme_as_printed(f: Facts) -> None:
    # Figuur 5, line 802: PROGRAMMERING 2720 2915 2670 -> 8,305 in all
    p = f.figuur5["programme"]
    assert (p.social_rent, p.mid_priced, p.expensive) == (2720, 2915, 2670)
    assert p.total == 8305
    assert f.programme_total == 8305


def test_appendix_programme_net_and_gross(f: Facts) -> None:
    # Appendix 5.3: social rent 4,220 (line 4983), demolition -1,500 (line 4985), 2,720 net
    # (lines 4987-4990); mid-priced = mid rent 1,425 (line 5006) + affordable purchase 1,490
    # (line 5041) = 2,915; expensive = expensive rent 455 (line 5022) + expensive purchase
    # 2,225 (line 5059) = 2,680 (Figuur 5 prints 2,670: the appendix is 10 more)
    assert f.social_rent_gross == 4220
    assert f.social_rent_net == 4220 - 1500 == 2720
    assert f.appendix_net.mid_priced == 1425 + 1490 == 2915
    assert f.appendix_net.expensive == 455 + 2225 == 2680
    assert f.appendix_net.total == 2720 + 2915 + 2680 == 8315  # not Figuur 5's 8,305
    assert f.appendix_gross.total == 4220 + 2915 + 2680 == 9815


def test_forecast_and_norms(f: Facts) -> None:
    # CBS 2022 households grow by 2,655 (line 620), giving 2,675 homes of demand (line 585);
    # 30/40/30 (lines 758-760) and 70% affordable (lines 768-770, 1245-1247)
    assert f.household_growth["cbs_2022"] == 2655
    assert f.cbs_demand == 2675
    assert dict(f.norm_shares) == pytest.approx(
        {"social_rent": 0.3, "mid_priced": 0.4, "expensive": 0.3}
    )
    assert f.affordable_target == pytest.approx(0.70)


# --- results at the defaults --------------------------------------------------------------------


def test_programme_at_the_defaults(r: Results) -> None:
    p = r.programme
    # basis: 2,675 demand + 850 shortage = 3,525 (line 585; "circa 3.520", line 583)
    assert p.basis_demand == 2675
    assert p.basis_homes == 2675 + 850 == 3525
    # ambition 9,300 (lines 562, 589) to and including 2032 from 2024: 9 building years
    assert p.programme_years == 9
    assert p.required_rate == pytest.approx(9300 / 9) == pytest.approx(1033.333, abs=1e-3)
    # 1,000 a year (line 677) builds 9,000 in 9 years, 300 short of 9,300
    assert p.built_at_rate == 9000
    assert p.build_shortfall == 300
    # 30% extra plans to realise 100% (lines 677-679): 9,300 x 1.3 = 12,090
    assert p.plan_capacity_needed == pytest.approx(12090)
    assert p.programme_gap == pytest.approx(12090 - 8305) == pytest.approx(3785)
    assert p.programme_gap_appendix == pytest.approx(12090 - 8315)
    assert p.ambition_gap == 9300 - 8305 == 995


def test_affordable_shares_at_the_defaults(r: Results) -> None:
    # 70% norm (lines 1245-1247) on new build before demolition: (4,220 + 2,915) / 9,815
    gross = r.afford("programme_new_build")
    assert gross.affordable_homes == 4220 + 2915 == 7135
    assert gross.total == 9815
    assert gross.affordable_share == pytest.approx(7135 / 9815) == pytest.approx(0.727, abs=5e-4)
    assert gross.target_met
    # Figuur 5 (line 802): (2,720 + 2,915) / 8,305 = 67.9%, short of 70%
    net = r.afford("programme")
    assert net.affordable_homes == 5635
    assert net.affordable_share == pytest.approx(5635 / 8305) == pytest.approx(0.679, abs=5e-4)
    assert not net.target_met
    # the default scenario is the norm itself: 30% + 40% = 70%, met (to the last digit)
    assert r.afford("scenario").affordable_share == pytest.approx(0.70)
    assert r.afford("scenario").target_met
    # the gross basis is the default: the norm is judged on the gross series
    assert r.basis_series == "programme_new_build"


def test_care_homes_at_the_defaults(r: Results) -> None:
    # 30% of new social rent (lines 931-933): 30% of 4,220 = 1,266; net of demolition
    # 30% of 2,720 = 816; the scenario's social rent 30% of 9,300 = 2,790 -> 837
    c = r.care
    assert tuple(c.social_rent) == CARE_BASES
    assert c.care_homes("programme_gross") == pytest.approx(1266)
    assert c.care_homes("programme_net") == pytest.approx(816)
    assert c.care_homes("scenario") == pytest.approx(837)
    assert c.headline == pytest.approx(1266)  # the rule's base: gross new build


def test_the_headline_may_take_two_of_the_three_care_bases(data: WoonvisieData) -> None:
    # net of demolition is shown beside the rule's base, never the headline
    assert CARE_HEADLINE_BASES == ("programme_gross", "scenario")
    assert set(CARE_HEADLINE_BASES) < set(CARE_BASES)
    for base, homes in zip(CARE_HEADLINE_BASES, (1266, 837), strict=True):
        c = results(data, DEFAULTS.replace(care_base=base)).care
        assert c.headline == pytest.approx(homes)


def test_elderly_task_at_the_defaults(r: Results) -> None:
    # Tabel 2 (lines 3079-3099): 2,400 now to 2030 and 2,250 in 2030-2040, 4,650 in all.
    # Building years 2024-2032: all of 'to 2030' (2024-2029) and 3 of the 10 years
    # 2030-2039: 2,400 + 2,250 x 3/10 = 2,400 + 675 = 3,075, that is 33.1% of 9,300
    e = r.elderly
    assert e.total == 4650
    assert e.period_total("to_2030") == 2400
    assert e.period_total("2030_2040") == 2250
    assert e.in_building_years == pytest.approx(3075)
    assert e.share_of_ambition == pytest.approx(3075 / 9300)
    zero_step_later = next(
        row for row in e.rows if (row.home_type, row.period) == ("zero_step", "2030_2040")
    )
    assert (zero_step_later.years, zero_step_later.per_year) == (10, pytest.approx(65))
    assert zero_step_later.in_programme == pytest.approx(650 * 3 / 10)


def test_outflow_at_the_defaults(r: Results) -> None:
    # Tabel 1 (lines 2815-2847): urgent 135, protected living 57, detention 15, youth care
    # not known, shelter 60, other 13: institutions 57 + 15 + 60 = 132, total 280 a year;
    # over the 9 building years 2,520, against the 1,266 care homes: 1,266 / 2,520
    o = r.outflow
    assert o.institutions == 132
    assert o.per_year == 135 + 132 + 13 == 280
    assert o.unknown["youth_care"] and not o.unknown["shelter"]
    assert o.years == 9
    assert o.cumulative == 2520
    assert o.care_homes == pytest.approx(1266)
    assert o.care_coverage == pytest.approx(1266 / 2520)


# --- other scenarios ---------------------------------------------------------------------------


def test_tot_2032_means_eight_building_years(data: WoonvisieData) -> None:
    # 'tot 2032' (line 562) read as excluding 2032: 2024-2031, 8 years
    r = results(data, DEFAULTS.replace(target_year_inclusive=False))
    assert r.programme.programme_years == 8
    assert r.programme.required_rate == pytest.approx(9300 / 8) == pytest.approx(1162.5)
    assert r.programme.build_shortfall == 9300 - 8000 == 1300
    # two of the years 2030-2039 fall inside: 2,400 + 2,250 x 2/10 = 2,850
    assert r.elderly.in_building_years == pytest.approx(2850)
    assert r.outflow.cumulative == 280 * 8 == 2240


def test_own_scenario_split_and_care_base(data: WoonvisieData) -> None:
    # 10,000 homes at 35/35/30 with the care homes counted on the scenario's social rent
    a = DEFAULTS.replace(
        ambition_homes=10000,
        share_social_rent=0.35,
        share_mid_priced=0.35,
        share_expensive=0.30,
        care_base="scenario",
    )
    r = results(data, a)
    s = r.series["scenario"]
    assert (s.social_rent, s.mid_priced, s.expensive) == pytest.approx((3500, 3500, 3000))
    assert r.afford("scenario").affordable_share == pytest.approx(0.70)
    assert r.programme.plan_capacity_needed == pytest.approx(13000)
    assert r.programme.required_rate == pytest.approx(10000 / 9)
    assert r.care.headline == pytest.approx(0.30 * 3500) == pytest.approx(1050)
    assert r.outflow.care_homes == pytest.approx(1050)
    # the published series do not move with the scenario
    assert r.series["programme"].total == 8305
    assert r.afford("programme_new_build").affordable_homes == 7135


def test_another_forecast_scales_the_basis(data: WoonvisieData) -> None:
    # Primos 2022 grows by 880 households (Figuur 2, line 618): 880 x 2,675 / 2,655 homes
    r = results(data, DEFAULTS.replace(forecast="primos_2022"))
    assert r.programme.basis_demand == pytest.approx(880 * 2675 / 2655)
    assert r.programme.basis_demand == pytest.approx(886.63, abs=0.01)
    assert r.programme.basis_homes == pytest.approx(886.63 + 850, abs=0.01)


# --- values, not frames -----------------------------------------------------------------------


def test_results_are_immutable(f: Facts, r: Results) -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        r.programme.ambition_homes = 1  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        r.care = r.care  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        f.programme_total = 0  # type: ignore[misc]
    with pytest.raises(TypeError):
        r.series["scenario"] = r.series["growth"]  # type: ignore[index]
    with pytest.raises(TypeError):
        r.care.social_rent["scenario"] = 0.0  # type: ignore[index]


def test_results_are_cached_per_scenario(data: WoonvisieData, r: Results) -> None:
    assert results(data, DEFAULTS.replace()) is r
    assert results(data, DEFAULTS.replace(ambition_homes=9301)) is not r
