"""The scenario model on plain values: frozen dataclasses of floats, no pandas.

`facts(data)` reads, once per data package, the published figures the scenario model needs;
`results(data, a)` computes every result of scenario `a` from them with arithmetic only
(about 0.1 ms), so the dashboard can recompute everything on each change. The tidy tables of
the topic modules (`programme_table`, `segment_comparison`, ...) are built from these values
for tables and exports; `woonlib.model.registry` says what each indicator is.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields
from functools import lru_cache
from types import MappingProxyType

from woonlib.cache import DATA_KEPT, SCENARIOS_KEPT, register
from woonlib.data import WoonvisieData
from woonlib.data.appendix import appendix_by_figuur5_segment
from woonlib.model.assumptions import SPECS, Assumptions
from woonlib.model.care import CARE_BASES, care_homes
from woonlib.vocab import HOME_TYPES, OUTFLOW_PARENTS, PERIODS, SEGMENTS

# The series of the affordability table (in this order); the segment comparison's are
# `woonlib.vocab.SERIES`
AFFORDABILITY_SERIES = (
    "scenario",
    "programme_new_build",
    "programme",
    "programme_appendix",
    "growth",
    "basis",
)
# The programme series on each basis of the 70% norm (assumption affordable_basis)
PROGRAMME_SERIES = MappingProxyType({"gross": "programme_new_build", "net": "programme"})
# One row of an item table: (item key, value, unit), e.g. ("programme_years", 9.0, "years")
Item = tuple[str, float, str]


@dataclass(frozen=True, slots=True)
class Split:
    """Homes per Figuur 5 segment  [homes]; `total` is their sum."""

    social_rent: float
    mid_priced: float
    expensive: float

    @property
    def total(self) -> float:
        return self.social_rent + self.mid_priced + self.expensive

    @property
    def affordable(self) -> float:
        """Social rent plus mid-priced (the 70% norm's numerator)  [homes]."""
        return self.social_rent + self.mid_priced

    def __getitem__(self, segment: str) -> float:
        return float(getattr(self, segment))

    def shares(self) -> dict[str, float]:
        """Each segment's share of the total  [-]."""
        total = self.total
        return {s: (self[s] / total if total else 0.0) for s in SEGMENTS}


@dataclass(frozen=True)
class Facts:
    """The published figures the scenario model uses, read once per data package."""

    figuur5: Mapping[str, Split]  # growth, basis, programme (Figuur 5)
    programme_total: float  # Figuur 5's printed programme total, 8,305  [homes]
    appendix_net: Split  # appendix 5.3 programme, social rent net of demolition  [homes]
    appendix_gross: Split  # appendix 5.3 programme, new build before demolition  [homes]
    social_rent_gross: float  # new social rent in the programme (4,220)  [homes]
    social_rent_net: float  # the same net of demolition (2,720)  [homes]
    household_growth: Mapping[str, float]  # 2023–2033 per forecast  [households]
    cbs_demand: float  # homes from CBS 2022 household growth to 2032 (2,675)  [homes]
    affordable_target: float  # 0.70  [-]
    norm_shares: Mapping[str, float]  # Woondeal 30/40/30  [-]


def _split(values: Mapping[str, float]) -> Split:
    return Split(*(float(values[s]) for s in SEGMENTS))


def split_of(total: float, shares: Mapping[str, float]) -> Split:
    """`total` homes split by segment `shares`  [homes] (the scenario's 30/40/30 split)."""
    return Split(*(total * shares[s] for s in SEGMENTS))


@register
@lru_cache(maxsize=DATA_KEPT)
def facts(data: WoonvisieData) -> Facts:
    """The figures of `data` that the scenario model needs, as plain values (cached)."""
    figuur5 = data["figuur5_segments"].set_index("scenario")
    appendix = data["appendix_segments"]
    net = appendix_by_figuur5_segment(appendix)["programme"]
    gross = appendix_by_figuur5_segment(appendix, net=False)["programme"]
    social = appendix[appendix["segment"] == "social_rent"].set_index("row")["programme"]
    forecasts = data["household_forecasts"].set_index("forecast")["change_2023_2033"]
    return Facts(
        figuur5=MappingProxyType(
            {k: _split(figuur5.loc[k]) for k in ("growth", "basis", "programme")}
        ),
        programme_total=float(figuur5.loc["programme", "total"]),
        appendix_net=_split(net),
        appendix_gross=_split(gross),
        social_rent_gross=float(social["total"]),
        social_rent_net=float(social["total_incl_demolition"]),
        household_growth=MappingProxyType({f: float(forecasts[f]) for f in forecasts.index}),
        cbs_demand=data.figure("scenario_figures", "cbs_demand_to_2032"),
        affordable_target=data.figure("policy_norms", "affordable_target") / 100,
        norm_shares=MappingProxyType(
            {s: data.figure("policy_norms", f"norm_{s}") / 100 for s in SEGMENTS}
        ),
    )


def programme_years(start_year: int, target_year: int, inclusive: bool) -> int:
    """Number of building years from 1 January of `start_year` to `target_year`  [years].

    'tot en met 2032' (inclusive) from 2024 is 9 years; 'tot 2032' is 8.
    """
    return target_year - start_year + (1 if inclusive else 0)


def plan_capacity_needed(homes_needed: float, failure_surcharge: float) -> float:
    """Plans needed to realise `homes_needed`, given plan failure  [homes].

    Woonvisie 2024, lines 677–679: 30% extra plans are needed to realise 100%.
    """
    return homes_needed * (1 + failure_surcharge)


def basis_demand(f: Facts, forecast: str) -> float:
    """Home demand from household growth of `forecast`  [homes].

    The Woonvisie gives 2,675 homes for CBS 2022 (line 585), whose households grow by
    2,655 (Figuur 2); other forecasts scale by their own growth with that same ratio.
    """
    return f.household_growth[forecast] * f.cbs_demand / f.household_growth["cbs_2022"]


@dataclass(frozen=True, slots=True)
class Programme:
    """Basis, ambition, current programme, plan capacity and gaps (§1.1, Figuur 4)."""

    basis_demand: float  # [homes]
    shortage_catch_up: float  # [homes]
    basis_homes: float  # [homes]
    ambition_homes: float  # [homes]
    programme_homes: float  # Figuur 5's total [homes]
    programme_homes_appendix: float  # appendix 5.3's total [homes]
    plan_capacity_needed: float  # [homes]
    programme_gap: float  # [homes]
    programme_gap_appendix: float  # [homes]
    ambition_gap: float  # [homes]
    programme_years: int  # [years]
    build_rate: float  # [homes/year]
    required_rate: float  # [homes/year]
    built_at_rate: float  # [homes]
    build_shortfall: float  # [homes]


def programme(f: Facts, a: Assumptions) -> Programme:
    """The programme figures of scenario `a`."""
    years = programme_years(a.start_year, a.target_year, a.target_year_inclusive)
    demand = basis_demand(f, a.forecast)
    current, appendix = f.programme_total, f.appendix_net.total
    capacity = plan_capacity_needed(a.ambition_homes, a.plan_failure_surcharge)
    return Programme(
        basis_demand=demand,
        shortage_catch_up=a.shortage_catch_up,
        basis_homes=demand + a.shortage_catch_up,
        ambition_homes=a.ambition_homes,
        programme_homes=current,
        programme_homes_appendix=appendix,
        plan_capacity_needed=capacity,
        programme_gap=capacity - current,
        programme_gap_appendix=capacity - appendix,
        ambition_gap=a.ambition_homes - current,
        programme_years=years,
        build_rate=a.build_rate,
        required_rate=a.ambition_homes / years,
        built_at_rate=a.build_rate * years,
        build_shortfall=a.ambition_homes - a.build_rate * years,
    )


@dataclass(frozen=True, slots=True)
class Affordability:
    """One series' affordable share against the 70% norm (§2.2, lines 1245–1247)."""

    series: str
    affordable_homes: float  # [homes]
    total: float  # [homes]
    affordable_share: float  # [-]
    target: float  # [-]
    target_met: bool


def affordable_share(social_rent: float, mid_priced: float, total: float) -> float:
    """Share of social rent plus mid-priced homes in `total`  [-] (target: 70%, §2.2)."""
    return (social_rent + mid_priced) / total if total else 0.0


def series(f: Facts, a: Assumptions) -> dict[str, Split]:
    """The scenario's split against Figuur 5 and appendix 5.3 (net and gross)  [homes]."""
    return {
        "scenario": split_of(a.ambition_homes, a.shares),
        **f.figuur5,
        "programme_appendix": f.appendix_net,
        "programme_new_build": f.appendix_gross,
    }


def affordability(f: Facts, splits: Mapping[str, Split]) -> tuple[Affordability, ...]:
    """The affordable share of each series of AFFORDABILITY_SERIES, in that order."""
    rows = []
    for name in AFFORDABILITY_SERIES:
        s = splits[name]
        share = affordable_share(s.social_rent, s.mid_priced, s.total)
        target = f.affordable_target
        rows.append(
            Affordability(name, s.affordable, s.total, share, target, share >= target - 1e-12)
        )
    return tuple(rows)


@dataclass(frozen=True, slots=True)
class Care:
    """Care homes: 30% of new social rent (lines 931–933) on each base  [homes]."""

    social_rent: Mapping[str, float]  # base -> social-rent homes
    care_share: float  # [-]
    base: str  # the headline's base (a.care_base)

    def care_homes(self, base: str) -> float:
        """The care homes on `base` (one of `CARE_BASES`)  [homes]."""
        return care_homes(self.social_rent[base], self.care_share)

    @property
    def headline(self) -> float:
        return self.care_homes(self.base)


def care(f: Facts, a: Assumptions) -> Care:
    """The care homes of scenario `a`, on the programme's gross and net and the scenario."""
    homes = (f.social_rent_gross, f.social_rent_net, a.ambition_homes * a.share_social_rent)
    social = MappingProxyType(dict(zip(CARE_BASES, homes, strict=True)))
    return Care(social, a.care_share_social_rent, a.care_base)


@dataclass(frozen=True, slots=True)
class ElderlyRow:
    """The elderly task of one home type in one period (Tabel 2)."""

    home_type: str
    period: str
    homes: float  # [homes]
    years: int  # [years]
    per_year: float  # [homes/year]
    in_programme: float  # homes falling in the programme's years [homes]


@dataclass(frozen=True, slots=True)
class Elderly:
    """The elderly task and its share of the ambition, like with like."""

    rows: tuple[ElderlyRow, ...]
    ambition_homes: float  # [homes]

    @property
    def total(self) -> float:
        return sum(r.homes for r in self.rows)

    def period_total(self, period: str) -> float:
        return sum(r.homes for r in self.rows if r.period == period)

    def homes(self, home_type: str, period: str) -> float:
        """The task of one home type in one period  [homes]."""
        return next(r.homes for r in self.rows if (r.home_type, r.period) == (home_type, period))

    @property
    def in_building_years(self) -> float:
        return sum(r.in_programme for r in self.rows)

    @property
    def share_of_ambition(self) -> float:
        """The task inside the building years over the ambition [-] (3,075 / 9,300)."""
        return self.in_building_years / self.ambition_homes if self.ambition_homes else 0.0


def period_years(a: Assumptions) -> dict[str, range]:
    """The calendar years of each Tabel 2 period under the year conventions."""
    split = 2030 if a.elderly_to_2030_inclusive else 2029
    return {"to_2030": range(a.start_year, split + 1), "2030_2040": range(split + 1, split + 11)}


def elderly(a: Assumptions) -> Elderly:
    """The elderly task per home type and period, scaled, with yearly rates."""
    years = period_years(a)
    span = programme_years(a.start_year, a.target_year, a.target_year_inclusive)
    first, last = a.start_year, a.start_year + span  # programme years: first .. last - 1
    rows = []
    for home_type in HOME_TYPES:
        for period in PERIODS:
            homes = getattr(a, f"elderly_{home_type}_{period}") * a.elderly_scale
            r = years[period]
            n = len(r)
            per_year = homes / n if n else 0.0
            overlap = max(0, min(last, r.stop) - max(first, r.start))
            rows.append(ElderlyRow(home_type, period, homes, n, per_year, per_year * overlap))
    return Elderly(tuple(rows), a.ambition_homes)


@dataclass(frozen=True, slots=True)
class Outflow:
    """Outflow from institutions and urgent cases (Tabel 1) against the care homes."""

    per_group: Mapping[str, float]  # group -> homes a year (Tabel 1's groups)  [homes/year]
    unknown: Mapping[str, bool]  # group -> not known in the source (youth care)
    years: int  # programme years [years]
    care_homes: float  # the care homes of the 30% rule (headline base) [homes]

    @property
    def institutions(self) -> float:
        return sum(v for g, v in self.per_group.items() if OUTFLOW_PARENTS[g] == "institutions")

    @property
    def per_year(self) -> float:
        return sum(self.per_group.values())

    @property
    def cumulative(self) -> float:
        return self.per_year * self.years

    @property
    def care_coverage(self) -> float:
        need = self.cumulative
        return self.care_homes / need if need else 0.0


def outflow(a: Assumptions, care_homes: float) -> Outflow:
    """The outflow need of scenario `a` and the care homes that meet it."""
    groups = {g: float(getattr(a, f"outflow_{g}")) for g in OUTFLOW_PARENTS}
    unknown = {g: SPECS[f"outflow_{g}"].unknown_in_source for g in OUTFLOW_PARENTS}
    years = programme_years(a.start_year, a.target_year, a.target_year_inclusive)
    return Outflow(MappingProxyType(groups), MappingProxyType(unknown), years, care_homes)


@dataclass(frozen=True, slots=True)
class Results:
    """Every plain result of one scenario: what the indicators, checks and tables read."""

    programme: Programme
    series: Mapping[str, Split]
    affordability: tuple[Affordability, ...]
    care: Care
    elderly: Elderly
    outflow: Outflow
    norm_shares: Mapping[str, float]
    affordable_basis: str  # gross / net (a.affordable_basis)

    def afford(self, series: str) -> Affordability:
        return next(r for r in self.affordability if r.series == series)

    @property
    def basis_series(self) -> str:
        """The programme series the 70% norm is judged on."""
        return PROGRAMME_SERIES[self.affordable_basis]


@register
@lru_cache(maxsize=SCENARIOS_KEPT)
def results(data: WoonvisieData, a: Assumptions) -> Results:
    """Every result of scenario `a` on `data` (cached: results are immutable)."""
    f = facts(data)
    splits = series(f, a)
    c = care(f, a)
    return Results(
        programme=programme(f, a),
        series=MappingProxyType(splits),
        affordability=affordability(f, splits),
        care=c,
        elderly=elderly(a),
        outflow=outflow(a, c.headline),
        norm_shares=f.norm_shares,
        affordable_basis=a.affordable_basis,
    )


def values_of(obj: object) -> dict[str, object]:
    """A dataclass's fields as a dict (programme items, in their order)."""
    return {f.name: getattr(obj, f.name) for f in fields(obj)}  # type: ignore[arg-type]
