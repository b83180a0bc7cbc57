"""The adjustable assumptions: one frozen value, the Woonvisie 2024 as its default.

Each field declares its `Spec` as field metadata: unit, allowed range, step, source and,
where it has one, the range the sensitivity sweeps with that range's source; `SPECS` (name
-> Spec) is read from the fields. Making an `Assumptions` validates it, so a value out of
range, segment shares that do not add to 100% or an unknown name raise `AssumptionError`
naming the assumption and its range.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from woonlib.model.care import CARE_HEADLINE_BASES
from woonlib.refs import Ref, Span
from woonlib.vocab import FORECASTS, INT_UNITS

AFFORDABLE_BASES = ("gross", "net")  # new build before demolition (the norm's basis) or after
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

    `name` is the assumption concerned (None for unknown names or a rule between several);
    `unknown` the names that are no assumption; `rule` names a rule between assumptions
    that failed ("shares_sum": the segment shares do not add to 100%; "years": the target
    year is not after the start year), so a caller need not read the message.
    """

    def __init__(
        self,
        message: str,
        name: str | None = None,
        unknown: tuple[str, ...] = (),
        rule: str | None = None,
    ) -> None:
        super().__init__(message)
        self.name = name
        self.unknown = unknown
        self.rule = rule


@dataclass(frozen=True)
class SweptRange:
    """A range the sensitivity sweeps an assumption over: low, high [the assumption's unit].

    `source` says where the range comes from: with `lines`, the Woonvisie prints both ends
    there (a "stated" range); without, no line gives it (an "assumed" range around a
    published value; its note says around which).
    """

    low: float
    high: float
    source: Ref

    @property
    def stated(self) -> bool:
        return bool(self.source.lines)

    @property
    def lines(self) -> tuple[Span, ...]:
        return self.source.lines


@dataclass(frozen=True)
class Spec:
    """What an assumption means: unit, allowed range, slider step, source, sweep range."""

    unit: str
    minimum: float | None = None
    maximum: float | None = None
    step: float | None = None
    choices: tuple[str, ...] = ()
    source: Ref = dataclasses.field(default_factory=Ref)  # rendered by labels.fmt_source
    unknown_in_source: bool = False  # the Woonvisie gives no figure: default is a placeholder
    sweep: SweptRange | None = None  # the sensitivity's range, where one is stated or assumed

    def allowed(self) -> str:
        if self.choices:
            return "one of " + ", ".join(self.choices)
        if self.unit == "bool":
            return "true or false"
        return f"{self.minimum:g} to {self.maximum:g} [{self.unit}]"


SPEC = "spec"  # the key of an assumption's `Spec` in its field's metadata


def spec(
    unit: str,
    minimum: float | None = None,
    maximum: float | None = None,
    step: float | None = None,
    **more: Any,
) -> dict[str, Spec]:
    """Field metadata declaring an assumption: `field(default=…, metadata=spec(unit, …))`.

    A helper returning the metadata, not the field, so that mypy's dataclass plugin still
    sees `field(default=…)` and knows the field has a default.
    """
    return {SPEC: Spec(unit, minimum, maximum, step, **more)}


T2 = Ref(lines=((3091, 3099),), part="doc_table", number="2", by="Mondria 2023")
T1 = Ref(lines=((2828, 2847),), part="doc_table", number="1", by="HHM 2023")
P11 = {"part": "doc_section", "number": "1.1"}
B53 = {"part": "doc_appendix", "number": "5.3"}
NO_SOURCE = Ref(note="source_note_no_source")  # a figure or range no source gives

FAN_FAILURE = Ref(((677, 679),), quote="30% aan extra plannen", note="source_note_fan_failure")
# the ends of the plan-failure range: no line gives them (the note names the 30% they surround)
FAN_FAILURE_RANGE = Ref(note="source_note_fan_failure_range")
FAILURE_RANGE = SweptRange(0.20, 0.40, FAN_FAILURE_RANGE)  # 30% ± 10 pp: fan and sensitivity


@dataclass(frozen=True)
class Assumptions:
    """Every adjustable assumption; the defaults reproduce the Woonvisie 2024.

    Each field declares its `Spec` as metadata (`spec(...)`): unit, allowed range, step,
    source and, where it has one, the range the sensitivity sweeps; `SPECS`, the fan's
    `uncertainty.Ranges` and the sensitivity's `STATED_RANGES`/`ASSUMED_RANGES` are read
    from there.
    """

    forecast: str = field(
        default="cbs_2022",
        metadata=spec(
            "choice", choices=FORECASTS, source=Ref((527,), **P11, note="source_note_forecast")
        ),
    )
    shortage_catch_up: int = field(
        default=850, metadata=spec("homes", 0, 5000, 5, source=Ref((585,), **P11, quote="850"))
    )
    ambition_homes: int = field(
        default=9300,
        metadata=spec(
            "homes",
            0,
            20000,
            50,
            source=Ref((589,), **P11, quote="9.300"),
            sweep=SweptRange(3520, 9300, Ref((583, 589), **P11, note="source_note_ambition_range")),
        ),
    )
    start_year: int = field(
        default=2024,
        metadata=spec(
            "year",
            2023,
            2030,
            1,
            source=Ref((4950,), **B53, quote="1-1-2024"),
            sweep=SweptRange(2023, 2025, Ref(note="source_note_start_year_range")),
        ),
    )
    target_year: int = field(
        default=2032,
        metadata=spec(
            "year",
            2025,
            2050,
            1,
            source=Ref((562,), **P11, quote="Tot 2032"),
            sweep=SweptRange(2030, 2032, Ref((562, 624), note="source_note_target_year_range")),
        ),
    )
    target_year_inclusive: bool = field(  # 'Tot 2032' reads either way (data note)
        default=True,
        metadata=spec(
            "bool",
            source=Ref((562,), **P11, quote="Tot 2032", note="source_note_target_year_inclusive"),
        ),
    )
    build_rate: int = field(
        default=1000,
        metadata=spec(
            "homes/year", 0, 3000, 50, source=Ref((677,), quote="1000 woningen per jaar")
        ),
    )
    plan_failure_surcharge: float = field(
        default=0.30,
        metadata=spec(
            "fraction",
            0,
            1,
            0.01,
            source=Ref(((677, 679),), quote="30% aan extra plannen"),
            sweep=FAILURE_RANGE,
        ),
    )
    share_social_rent: float = field(
        default=0.30,
        metadata=spec(
            "fraction", 0, 1, 0.01, source=Ref(((758, 760),), quote="30 procent sociale huur")
        ),
    )
    share_mid_priced: float = field(
        default=0.40,
        metadata=spec(
            "fraction", 0, 1, 0.01, source=Ref((760,), quote="40 procent middeldure woningen")
        ),
    )
    share_expensive: float = field(
        default=0.30,
        metadata=spec("fraction", 0, 1, 0.01, source=Ref((760,), quote="30 procent dure woningen")),
    )
    care_share_social_rent: float = field(
        default=0.30,
        metadata=spec(
            "fraction",
            0,
            1,
            0.01,
            source=Ref(((931, 933), 1227), quote="30% van deze sociale huurwoningen"),
        ),
    )
    care_base: str = field(
        default="programme_gross",
        metadata=spec(
            "choice",
            choices=CARE_HEADLINE_BASES,
            source=Ref((4983,), **B53, note="source_note_care_base"),
        ),
    )
    affordable_basis: str = field(
        default="gross",
        metadata=spec(
            "choice",
            choices=AFFORDABLE_BASES,
            source=Ref(
                ((1245, 1247), (1504, 1506), (1574, 1576)),
                quote="70 procent van alle nieuwbouw",
                note="source_note_affordable_basis",
            ),
        ),
    )
    split_norm_tolerance: float = field(
        default=0.0,
        metadata=spec(
            "fraction",
            0,
            0.2,
            0.01,
            source=Ref(((758, 760), 766), note="source_note_split_norm_tolerance"),
        ),
    )
    care_outflow_norm: float = field(
        default=0.0,
        metadata=spec(
            "fraction",
            0,
            2,
            0.05,
            source=Ref(((2775, 2777),), note="source_note_care_outflow_norm"),
        ),
    )
    elderly_zero_step_to_2030: int = field(
        default=1400, metadata=spec("homes", 0, 5000, 50, source=T2)
    )
    elderly_zero_step_2030_2040: int = field(
        default=650, metadata=spec("homes", 0, 5000, 50, source=T2)
    )
    elderly_clustered_to_2030: int = field(
        default=650, metadata=spec("homes", 0, 5000, 50, source=T2)
    )
    elderly_clustered_2030_2040: int = field(
        default=1250, metadata=spec("homes", 0, 5000, 50, source=T2)
    )
    elderly_care_suitable_to_2030: int = field(
        default=350, metadata=spec("homes", 0, 5000, 50, source=T2)
    )
    elderly_care_suitable_2030_2040: int = field(
        default=350, metadata=spec("homes", 0, 5000, 50, source=T2)
    )
    elderly_scale: float = field(
        default=1.0,
        metadata=spec(
            "factor",
            0,
            3,
            0.05,
            source=Ref(part="doc_table", number="2", note="source_note_elderly_scale"),
        ),
    )
    elderly_to_2030_inclusive: bool = field(
        default=False,
        metadata=spec(
            "bool",
            source=Ref(
                (3091,),
                part="doc_table",
                number="2",
                quote="NU TOT 2030",
                note="source_note_elderly_to_2030_inclusive",
            ),
        ),
    )
    outflow_urgent: int = field(default=135, metadata=spec("homes/year", 0, 1000, 1, source=T1))
    outflow_protected_living: int = field(
        default=57, metadata=spec("homes/year", 0, 500, 1, source=T1)
    )
    outflow_detention: int = field(
        default=15,
        metadata=spec(
            "homes/year",
            10,
            15,
            1,
            source=Ref(
                (2819,),
                part="doc_table_footnote",
                number="1",
                quote="op jaarbasis 10 tot 15 woningen",
            ),
        ),
    )
    outflow_youth_care: int = field(
        default=0,
        metadata=spec(
            "homes/year",
            0,
            500,
            1,
            unknown_in_source=True,
            source=Ref(
                (2842,),
                part="doc_table",
                number="1",
                quote="NB",
                note="source_note_outflow_youth_care",
            ),
        ),
    )
    outflow_shelter: int = field(default=60, metadata=spec("homes/year", 0, 500, 1, source=T1))
    outflow_other: int = field(default=13, metadata=spec("homes/year", 0, 500, 1, source=T1))
    # the uncertainty fan (woonlib/model/uncertainty.py): ranges no source gives
    fan_failure_low: float = field(
        default=FAILURE_RANGE.low,
        metadata=spec("fraction", 0, 0.30, 0.01, source=FAN_FAILURE_RANGE),
    )
    fan_failure_high: float = field(
        default=FAILURE_RANGE.high,
        metadata=spec("fraction", 0.30, 1, 0.01, source=FAN_FAILURE_RANGE),
    )
    fan_build_rate_spread: float = field(
        default=0.20, metadata=spec("fraction", 0, 0.5, 0.01, source=NO_SOURCE)
    )
    fan_yearly_spread: float = field(
        default=0.10, metadata=spec("fraction", 0, 0.5, 0.01, source=NO_SOURCE)
    )
    goal_probability: float = field(
        default=0.80,
        metadata=spec("fraction", 0.5, 0.99, 0.01, source=Ref(note="source_note_goal_probability")),
    )

    def __post_init__(self) -> None:
        for name, spec in SPECS.items():
            object.__setattr__(self, name, _checked(name, getattr(self, name), spec))
        shares = [getattr(self, f) for f in SHARE_FIELDS]
        if not math.isclose(sum(shares), 1.0, abs_tol=1e-6):
            parts = " + ".join(f"{s:.0%}" for s in shares)
            raise AssumptionError(
                f"segment shares ({', '.join(SHARE_FIELDS)}) must add up to 100%: "
                f"{parts} = {sum(shares):.1%}",
                rule="shares_sum",
            )
        if self.target_year <= self.start_year:
            raise AssumptionError(
                f"target_year ({self.target_year}) must be after start_year ({self.start_year})",
                rule="years",
            )

    def replace(self, **changes: Any) -> Assumptions:
        """A copy with `changes` applied, validated; unknown names raise AssumptionError."""
        _check_names(changes)
        return dataclasses.replace(self, **changes)

    def to_dict(self) -> dict[str, Any]:
        """Name -> value, in the order of the fields (every value a scalar: no deep copy)."""
        return {name: getattr(self, name) for name in SPECS}

    def values(self) -> tuple[Any, ...]:
        """The values in the order of the fields (what a scenario compares by)."""
        return tuple(getattr(self, name) for name in SPECS)

    def changed(self) -> dict[str, Any]:
        """The assumptions that differ from the Woonvisie defaults."""
        base = DEFAULTS.to_dict()
        return {k: v for k, v in self.to_dict().items() if v != base[k]}

    @property
    def shares(self) -> dict[str, float]:
        """Segment shares keyed by segment name  [-]."""
        return {f.removeprefix("share_"): getattr(self, f) for f in SHARE_FIELDS}


def specs_of(cls: type[Any]) -> dict[str, Spec]:
    """Each field's `Spec`, from its metadata; TypeError naming a field declared without one."""
    found: dict[str, Spec] = {}
    for f in dataclasses.fields(cls):
        declared = f.metadata.get(SPEC)
        if not isinstance(declared, Spec):
            raise TypeError(
                f"assumption {f.name} has no spec: declare it as "
                f"field(default=..., metadata=spec(unit, minimum, maximum, step, source=Ref(...)))"
            )
        found[f.name] = declared
    return found


SPECS: dict[str, Spec] = specs_of(Assumptions)  # name -> Spec, in the order of the fields
FAN_FIELDS = ("fan_failure_low", "fan_failure_high", "fan_build_rate_spread", "fan_yearly_spread")


def _check_names(values: Mapping[str, Any]) -> None:
    unknown = sorted(set(values) - set(SPECS))
    if unknown:
        raise AssumptionError(
            f"unknown assumption{'s' if len(unknown) > 1 else ''}: {', '.join(unknown)}; "
            f"known: {', '.join(SPECS)}",
            unknown=tuple(unknown),
        )


def _checked(name: str, value: Any, spec: Spec) -> Any:
    """`value` converted to the assumption's type, or AssumptionError naming the range."""
    if spec.choices:
        if value not in spec.choices:
            raise _not_allowed(name, value, spec)
        return value
    if spec.unit == "bool":
        if not isinstance(value, bool):
            raise _not_allowed(name, value, spec)
        return value
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise _not_allowed(name, value, spec)
    assert spec.minimum is not None and spec.maximum is not None
    if not spec.minimum <= value <= spec.maximum:
        raise _not_allowed(name, value, spec)
    if spec.unit in INT_UNITS:
        if value != int(value):
            raise AssumptionError(
                f"{name} = {value!r} must be a whole number ({spec.allowed()})", name
            )
        return int(value)
    return float(value)


def _not_allowed(name: str, value: Any, spec: Spec) -> AssumptionError:
    return AssumptionError(f"{name} = {value!r} is not allowed: expected {spec.allowed()}", name)


def from_mapping(values: Mapping[str, Any], base: Assumptions | None = None) -> Assumptions:
    """Assumptions from a scenario mapping (name → value) over `base` (default: Woonvisie)."""
    if not isinstance(values, Mapping):
        raise AssumptionError("a scenario must be an object of assumption name → value")
    return (base or DEFAULTS).replace(**dict(values))


DEFAULTS = Assumptions()
