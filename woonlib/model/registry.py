"""The indicator registry: what each headline indicator is, in one place.

Each key of `indicators()` (and of the command line's JSON) has its unit (which also fixes
its number format: `woonlib.report.labels.fmt_value`), its label key in the catalogue and
the place in the Woonvisie its inputs come from. The memo, the overview cards, the compare
table and the exports read units and labels from here, so an indicator is described once.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType

from woonlib.model.assumptions import FAN_FAILURE, SPECS, T1, T2
from woonlib.refs import Ref
from woonlib.vocab import CHANCE, RATE_NEEDED

# Where the Woonvisie prints what an indicator is computed from
FIGUUR5 = Ref(lines=((802, 806),))  # Figuur 5: PROGRAMMERING / GROEISCENARIO / BASISSCENARIO
APPENDIX53 = Ref(lines=(4949,), part="doc_appendix", number="5.3")
NONE = Ref()  # computed from the monitor file, not from a figure of the Woonvisie
AFFORDABLE = Ref(((1245, 1247), (1504, 1506), (1574, 1576)))  # '70 procent van alle nieuwbouw'


@dataclass(frozen=True)
class Indicator:
    """One headline indicator: key, unit [homes, homes/year, fraction, year, years, bool;
    `RATE_NEEDED` for a rate that must be reached (homes/year, shown rounded up) and `CHANCE`
    for a probability (a fraction, shown in whole percent)], label key
    (`woonlib.report.labels.label`) and source."""

    key: str
    unit: str
    label: str
    source: Ref = NONE
    per_segment: bool = False  # a mapping segment -> value (norm_split_homes)


def _i(key: str, unit: str, source: Ref = NONE, label: str = "", **kw: bool) -> Indicator:
    return Indicator(key, unit, label or key, source, **kw)


_ALL = (
    _i("ambition_homes", "homes", SPECS["ambition_homes"].source),
    _i("basis_homes", "homes", Ref(((583, 585),))),
    _i("programme_homes", "homes", FIGUUR5),
    _i("programme_homes_appendix", "homes", APPENDIX53),
    _i("plan_capacity_needed", "homes", SPECS["plan_failure_surcharge"].source),
    _i("programme_gap", "homes", SPECS["plan_failure_surcharge"].source),
    _i("programme_gap_appendix", "homes", APPENDIX53),
    _i("ambition_gap", "homes", FIGUUR5),
    _i("required_rate", RATE_NEEDED, SPECS["target_year"].source),
    _i("affordable_share_programme", "fraction", AFFORDABLE),
    _i("affordable_share_programme_net", "fraction", FIGUUR5),
    _i("affordable_share_programme_net_appendix", "fraction", APPENDIX53),
    _i("affordable_share_scenario", "fraction", AFFORDABLE),
    _i("affordable_target_met", "bool", AFFORDABLE),
    _i("norm_split_homes", "homes", SPECS["share_mid_priced"].source, per_segment=True),
    _i("care_homes_from_social_rent", "homes", SPECS["care_share_social_rent"].source),
    _i("care_homes_net_of_demolition", "homes", SPECS["care_share_social_rent"].source),
    _i("elderly_task_total", "homes", T2),
    _i("elderly_task_in_building_years", "homes", T2),
    _i("elderly_share_of_ambition", "fraction", T2),
    _i("outflow_homes_per_year", "homes/year", T1),
    _i("outflow_cumulative", "homes", T1),
    _i("probability_reaching_ambition", CHANCE, FAN_FAILURE),
    _i("build_rate_needed", RATE_NEEDED, SPECS["target_year"].source),
    # with a monitor file (woonlib.model.progress.progress_indicators)
    _i("realised_homes", "homes"),
    _i("realised_years", "years"),
    _i("projected_year", "year", label="projected_year_indicator"),
)
INDICATORS = MappingProxyType({i.key: i for i in _ALL})


def unit_of(key: str) -> str:
    """The unit of headline indicator `key` (see `Indicator.unit`)."""
    return INDICATORS[key].unit


def label_key(key: str) -> str:
    """The catalogue key of headline indicator `key`'s label."""
    return INDICATORS[key].label
