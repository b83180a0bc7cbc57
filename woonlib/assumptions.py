"""The adjustable assumptions: one frozen value, the Woonvisie 2024 as its default.

Each field has a `Spec` in `SPECS`: unit, allowed range, step, label key and source. Making
an `Assumptions` validates it, so a value out of range, segment shares that do not add to
100% or an unknown name raise `AssumptionError` naming the assumption and its range.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

FORECASTS = ("cbs_2022", "primos_2021", "primos_2022", "trend_2021")
CARE_BASES = ("programme_gross", "scenario")
SHARE_FIELDS = ("share_social_rent", "share_mid_priced", "share_expensive")
ELDERLY_FIELDS = (
    "elderly_zero_step_to_2030",
    "elderly_zero_step_2030_2040",
    "elderly_clustered_to_2030",
    "elderly_clustered_2030_2040",
    "elderly_care_suitable_to_2030",
    "elderly_care_suitable_2030_2040",
)
OUTFLOW_FIELDS = (
    "outflow_urgent",
    "outflow_protected_living",
    "outflow_detention",
    "outflow_youth_care",
    "outflow_shelter",
    "outflow_other",
)


class AssumptionError(ValueError):
    """An assumption that is unknown, of the wrong type or out of its allowed range.

    `name` is the assumption concerned (None for unknown names or the shares' sum).
    """

    def __init__(self, message: str, name: str | None = None) -> None:
        super().__init__(message)
        self.name = name


@dataclass(frozen=True)
class Spec:
    """What an assumption means: unit, allowed range, slider step, label key, source."""

    unit: str
    minimum: float | None = None
    maximum: float | None = None
    step: float | None = None
    choices: tuple[str, ...] = ()
    source: str = ""
    unknown_in_source: bool = False  # the Woonvisie gives no figure: default is a placeholder

    def allowed(self) -> str:
        if self.choices:
            return "one of " + ", ".join(self.choices)
        if self.unit == "bool":
            return "true or false"
        return f"{self.minimum:g} to {self.maximum:g} [{self.unit}]"


W = "Woonvisie Enschede 2024"
T2 = f"{W}, Tabel 2 (Mondria 2023), lines 3091–3099"
T1 = f"{W}, Tabel 1 (HHM 2023), lines 2828–2847"

SPECS: dict[str, Spec] = {
    "forecast": Spec(
        "choice", choices=FORECASTS, source=f"{W}, §1.1 line 527: the programme follows CBS 2022"
    ),
    "shortage_catch_up": Spec("homes", 0, 5000, 5, source=f"{W}, §1.1 line 585 (850)"),
    "ambition_homes": Spec("homes", 0, 20000, 50, source=f"{W}, §1.1 line 589 (9.300)"),
    "start_year": Spec("year", 2023, 2030, 1, source=f"{W}, bijlage 5.3 line 4950 (1-1-2024)"),
    "target_year": Spec("year", 2025, 2050, 1, source=f"{W}, §1.1 line 583 (tot en met 2032)"),
    "target_year_inclusive": Spec(
        "bool", source=f"{W}, line 583: 'tot en met 2032' counts 2032 (2024–2032 = 9 years)"
    ),
    "build_rate": Spec("homes/year", 0, 3000, 50, source=f"{W}, line 677 (1000 per jaar)"),
    "plan_failure_surcharge": Spec(
        "fraction", 0, 1, 0.01, source=f"{W}, lines 677–679 (30% aan extra plannen)"
    ),
    "share_social_rent": Spec(
        "fraction", 0, 1, 0.01, source=f"{W}, line 758–760 (30 procent sociale huur)"
    ),
    "share_mid_priced": Spec(
        "fraction", 0, 1, 0.01, source=f"{W}, line 760 (40 procent middeldure woningen)"
    ),
    "share_expensive": Spec(
        "fraction", 0, 1, 0.01, source=f"{W}, line 760 (30 procent dure woningen)"
    ),
    "care_share_social_rent": Spec(
        "fraction",
        0,
        1,
        0.01,
        source=f"{W}, lines 931–933 and 1227 (30 procent voor zorg- of ondersteuningsvraag)",
    ),
    "care_base": Spec(
        "choice",
        choices=CARE_BASES,
        source=f"{W}, bijlage 5.3 line 4983: 4.220 new social rent, gross",
    ),
    "elderly_zero_step_to_2030": Spec("homes", 0, 5000, 50, source=T2),
    "elderly_zero_step_2030_2040": Spec("homes", 0, 5000, 50, source=T2),
    "elderly_clustered_to_2030": Spec("homes", 0, 5000, 50, source=T2),
    "elderly_clustered_2030_2040": Spec("homes", 0, 5000, 50, source=T2),
    "elderly_care_suitable_to_2030": Spec("homes", 0, 5000, 50, source=T2),
    "elderly_care_suitable_2030_2040": Spec("homes", 0, 5000, 50, source=T2),
    "elderly_scale": Spec("factor", 0, 3, 0.05, source="scale on Tabel 2 (1 = as published)"),
    "elderly_to_2030_inclusive": Spec(
        "bool",
        source=f"{W}, Tabel 2 line 3091 'nu tot 2030': 'tot' excludes 2030 (2024–2029 = 6 years)",
    ),
    "outflow_urgent": Spec("homes/year", 0, 1000, 1, source=T1),
    "outflow_protected_living": Spec("homes/year", 0, 500, 1, source=T1),
    "outflow_detention": Spec(
        "homes/year", 10, 15, 1, source=f"{W}, Tabel 1 footnote line 2819 (10 tot 15 per jaar)"
    ),
    "outflow_youth_care": Spec(
        "homes/year",
        0,
        500,
        1,
        unknown_in_source=True,
        source=f"{W}, Tabel 1 line 2842 (NB: not yet known)",
    ),
    "outflow_shelter": Spec("homes/year", 0, 500, 1, source=T1),
    "outflow_other": Spec("homes/year", 0, 500, 1, source=T1),
}

INT_UNITS = {"homes", "homes/year", "year"}


@dataclass(frozen=True)
class Assumptions:
    """Every adjustable assumption; the defaults reproduce the Woonvisie 2024."""

    forecast: str = "cbs_2022"
    shortage_catch_up: int = 850
    ambition_homes: int = 9300
    start_year: int = 2024
    target_year: int = 2032
    target_year_inclusive: bool = True
    build_rate: int = 1000
    plan_failure_surcharge: float = 0.30
    share_social_rent: float = 0.30
    share_mid_priced: float = 0.40
    share_expensive: float = 0.30
    care_share_social_rent: float = 0.30
    care_base: str = "programme_gross"
    elderly_zero_step_to_2030: int = 1400
    elderly_zero_step_2030_2040: int = 650
    elderly_clustered_to_2030: int = 650
    elderly_clustered_2030_2040: int = 1250
    elderly_care_suitable_to_2030: int = 350
    elderly_care_suitable_2030_2040: int = 350
    elderly_scale: float = 1.0
    elderly_to_2030_inclusive: bool = False
    outflow_urgent: int = 135
    outflow_protected_living: int = 57
    outflow_detention: int = 15
    outflow_youth_care: int = 0
    outflow_shelter: int = 60
    outflow_other: int = 13

    def __post_init__(self) -> None:
        for name, spec in SPECS.items():
            object.__setattr__(self, name, _checked(name, getattr(self, name), spec))
        shares = [getattr(self, f) for f in SHARE_FIELDS]
        if not math.isclose(sum(shares), 1.0, abs_tol=1e-6):
            parts = " + ".join(f"{s:.0%}" for s in shares)
            raise AssumptionError(
                f"segment shares ({', '.join(SHARE_FIELDS)}) must add up to 100%: "
                f"{parts} = {sum(shares):.1%}"
            )
        if self.target_year <= self.start_year:
            raise AssumptionError(
                f"target_year ({self.target_year}) must be after start_year ({self.start_year})"
            )

    def replace(self, **changes: Any) -> Assumptions:
        """A copy with `changes` applied, validated; unknown names raise AssumptionError."""
        _check_names(changes)
        return dataclasses.replace(self, **changes)

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    def changed(self) -> dict[str, Any]:
        """The assumptions that differ from the Woonvisie defaults."""
        base = DEFAULTS.to_dict()
        return {k: v for k, v in self.to_dict().items() if v != base[k]}

    @property
    def shares(self) -> dict[str, float]:
        """Segment shares keyed by segment name  [-]."""
        return {f.removeprefix("share_"): getattr(self, f) for f in SHARE_FIELDS}


def _check_names(values: Mapping[str, Any]) -> None:
    unknown = sorted(set(values) - set(SPECS))
    if unknown:
        raise AssumptionError(
            f"unknown assumption(s): {', '.join(unknown)}; known: {', '.join(SPECS)}"
        )


def _checked(name: str, value: Any, spec: Spec) -> Any:
    """`value` converted to the assumption's type, or AssumptionError naming the range."""
    wrong = AssumptionError(f"{name} = {value!r} is not allowed: expected {spec.allowed()}", name)
    if spec.choices:
        if value not in spec.choices:
            raise wrong
        return value
    if spec.unit == "bool":
        if not isinstance(value, bool):
            raise wrong
        return value
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise wrong
    assert spec.minimum is not None and spec.maximum is not None
    if not spec.minimum <= value <= spec.maximum:
        raise wrong
    if spec.unit in INT_UNITS:
        if value != int(value):
            raise AssumptionError(
                f"{name} = {value!r} must be a whole number ({spec.allowed()})", name
            )
        return int(value)
    return float(value)


def from_mapping(values: Mapping[str, Any], base: Assumptions | None = None) -> Assumptions:
    """Assumptions from a scenario mapping (name → value) over `base` (default: Woonvisie)."""
    if not isinstance(values, Mapping):
        raise AssumptionError("a scenario must be an object of assumption name → value")
    return (base or DEFAULTS).replace(**dict(values))


DEFAULTS = Assumptions()
