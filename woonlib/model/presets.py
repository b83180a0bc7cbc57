"""Named scenario presets: the Woonvisie's own scenarios as `Assumptions`.

Each preset is the Woonvisie 2024 defaults plus a few values, and every value it sets cites
the seed line(s) where its figures are printed (`data/sources/woonvisie-enschede-2024.txt`).
Segment shares taken from Figuur 5 are kept as exact fractions (2090/9300, not 22%).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from woonlib.model.assumptions import DEFAULTS, AssumptionError, Assumptions
from woonlib.model.shares import is_written, written

W = "Woonvisie Enschede 2024"


@dataclass(frozen=True)
class Source:
    """Where a preset value comes from: a citation, its seed lines, the printed figures.

    `figures` are the numbers, as printed on one of `lines`, the value is made of (a share
    2090/9300 rests on 2090 and 9300).
    """

    text: str
    lines: tuple[int, ...]
    figures: tuple[float, ...]


@dataclass(frozen=True)
class Preset:
    """A named scenario: the values it sets over the Woonvisie defaults, with their sources.

    `label` and `note` are keys of the label catalogue (nl and en). `assumptions` is built
    and validated on creation, so a preset out of range fails at import.
    """

    name: str
    label: str
    note: str
    values: Mapping[str, Any] = field(default_factory=dict)
    sources: Mapping[str, Source] = field(default_factory=dict)
    assumptions: Assumptions = field(init=False, compare=False)

    def __post_init__(self) -> None:
        if set(self.values) != set(self.sources):
            raise AssumptionError(f"preset {self.name}: every value it sets needs a source")
        object.__setattr__(self, "values", MappingProxyType(dict(self.values)))
        object.__setattr__(self, "sources", MappingProxyType(dict(self.sources)))
        object.__setattr__(self, "assumptions", DEFAULTS.replace(**self.values))


# --- the cited figures ----------------------------------------------------------------------

AMBITION = Source(f"{W}, §1.1 line 589 (woningbouwambitie van 9.300 woningen)", (589,), (9300,))
BASIS = Source(
    f"{W}, §1.1 lines 583–585: CBS-prognose 2.675 plus inlopen woningtekort 850 = 3.525 "
    "(printed 'circa 3.520'); Figuur 5 (line 806) and bijlage 5.3 add up to the same 3.525",
    (583, 585),
    (3520, 2675, 850),
)
GROWTH_ROW = (2090, 5160, 2050)  # Figuur 5 line 804: GROEISCENARIO, sums to 9.300
PROGRAMME_ROW = (2720, 2915, 2670)  # Figuur 5 line 802: PROGRAMMERING, sums to 8.305
SHARE_FIELDS = ("share_social_rent", "share_mid_priced", "share_expensive")


def _growth_share(i: int) -> Source:
    return Source(
        f"{W}, Figuur 5 line 804 (GROEISCENARIO 2090 5160 2050): {GROWTH_ROW[i]} of 9.300 "
        "(line 589)",
        (804, 589),
        (GROWTH_ROW[i], 9300),
    )


def _programme_share(i: int) -> Source:
    return Source(
        f"{W}, Figuur 5 line 802 (PROGRAMMERING 2720 2915 2670): {PROGRAMME_ROW[i]} of "
        "2720 + 2915 + 2670 = 8305",
        (802,),
        PROGRAMME_ROW,
    )


NORM = {
    "share_social_rent": Source(f"{W}, line 758 (30 procent sociale huurwoningen)", (758,), (30,)),
    "share_mid_priced": Source(f"{W}, line 760 (40 procent middeldure woningen)", (760,), (40,)),
    "share_expensive": Source(f"{W}, line 760 (30 procent dure woningen)", (760,), (30,)),
}

PRESETS: dict[str, Preset] = {
    "woonvisie_2024": Preset(
        "woonvisie_2024", "preset_woonvisie_2024", "preset_note_woonvisie_2024"
    ),
    "basis": Preset(
        "basis",
        "preset_basis",
        "preset_note_basis",
        values={"ambition_homes": 2675 + 850},
        sources={"ambition_homes": BASIS},
    ),
    "groei_9300": Preset(
        "groei_9300",
        "preset_groei_9300",
        "preset_note_groei_9300",
        values={
            "ambition_homes": 9300,
            **{f: GROWTH_ROW[i] / sum(GROWTH_ROW) for i, f in enumerate(SHARE_FIELDS)},
        },
        sources={
            "ambition_homes": AMBITION,
            **{f: _growth_share(i) for i, f in enumerate(SHARE_FIELDS)},
        },
    ),
    "woondeal_30_40_30": Preset(
        "woondeal_30_40_30",
        "preset_woondeal_30_40_30",
        "preset_note_woondeal_30_40_30",
        values={
            "ambition_homes": 9300,
            "share_social_rent": 0.30,
            "share_mid_priced": 0.40,
            "share_expensive": 0.30,
        },
        sources={"ambition_homes": AMBITION, **NORM},
    ),
    "huidige_programmering": Preset(
        "huidige_programmering",
        "preset_huidige_programmering",
        "preset_note_huidige_programmering",
        values={
            "ambition_homes": sum(PROGRAMME_ROW),
            **{f: PROGRAMME_ROW[i] / sum(PROGRAMME_ROW) for i, f in enumerate(SHARE_FIELDS)},
        },
        sources={
            "ambition_homes": Source(
                f"{W}, Figuur 5 line 802 (PROGRAMMERING 2720 2915 2670): total 8.305, the sum "
                "(Figuur 5 prints no totals)",
                (802,),
                PROGRAMME_ROW,
            ),
            **{f: _programme_share(i) for i, f in enumerate(SHARE_FIELDS)},
        },
    ),
}
"""The presets in display order; the first is the Woonvisie itself (the defaults)."""


def preset_names() -> tuple[str, ...]:
    """The preset names in display order."""
    return tuple(PRESETS)


def preset(name: str) -> Assumptions:
    """The assumptions of preset `name`; an unknown name raises KeyError naming the known."""
    try:
        return PRESETS[name].assumptions
    except KeyError:
        raise KeyError(f"unknown preset {name!r}; known: {', '.join(PRESETS)}") from None


def _same(x: Any, y: Any) -> bool:
    if isinstance(x, float) or isinstance(y, float):
        return math.isclose(x, y, rel_tol=0, abs_tol=1e-9)
    return bool(x == y)


def matching_preset(a: Assumptions) -> str | None:
    """The first preset (in display order) whose assumptions equal `a`, else None.

    Floats match within 1e-9, so a share computed as 2090/9300 elsewhere still matches.
    'woondeal_30_40_30' equals 'woonvisie_2024', so the defaults match 'woonvisie_2024'.
    """
    values = a.values()
    for name, p in PRESETS.items():
        if all(_same(x, y) for x, y in zip(values, p.assumptions.values(), strict=True)):
            return name
    return None


def exact_shares(shares: Mapping[str, float]) -> dict[str, float]:
    """The segment shares a link or scenario file means (`share_*` name → fraction  [-]).

    Links and files carry shares in tenths of a percent (`woonlib.model.shares.written`).
    Written shares that are a preset's, so rounded (22,5 / 55,5 / 22,0 for Figuur 5's
    2090 / 5160 / 2050 of 9.300), stand for that preset's exact fractions, so that a saved
    preset opens as the preset; any other shares are taken as they are.
    """
    given = {f: float(shares[f]) for f in SHARE_FIELDS if f in shares}
    if set(given) != set(SHARE_FIELDS) or not is_written(given):
        return dict(shares)
    for p in PRESETS.values():
        exact = {f: float(getattr(p.assumptions, f)) for f in SHARE_FIELDS}
        if all(math.isclose(v, given[f], abs_tol=1e-9) for f, v in written(exact).items()):
            return {**shares, **exact}
    return dict(shares)
