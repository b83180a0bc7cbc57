"""A model function's result table, formatted for reading (pure).

`readable(frame, lang)` gives a pandas Styler of `frame` with the label catalogue's headers,
catalogue keys as their labels and every number in the language's format (9.300 woningen,
67,9%, ja/nee). The frame itself is not changed: the raw numbers stay one call away::

    programme_table(data, a)              # the raw frame (English names, plain floats)
    readable(programme_table(data, a))    # the same table as the dashboard shows it
"""

from __future__ import annotations

import math
import numbers

import pandas as pd
from pandas.io.formats.style import Styler

from woonlib.report.labels import LABELS, UNITS, fmt_number, fmt_value, label, unit_label, using

# The unit of a numeric column, by its name (a frame with a `unit` column gives it per row).
COLUMN_UNITS: dict[str, str] = {
    "homes": "homes",
    "affordable_homes": "homes",
    "total": "homes",
    "social_rent_homes": "homes",
    "care_homes": "homes",
    "in_programme": "homes",
    "built": "homes",
    "cumulative": "homes",
    "target_cumulative": "homes",
    "shortfall": "homes",
    "households": "households",
    "published_change": "households",
    "computed_change": "households",
    "per_year": "homes/year",
    "homes_per_year": "homes/year",
    "affordable_share": "fraction",
    "target": "fraction",
    "care_share": "fraction",
    "years": "years",
    "year": "year",
}
# The label of a column whose own name is no label key (or means something else there).
HEADER_KEYS: dict[str, str] = {
    "homes": "homes_header",
    "homes_per_year": "homes_per_year_unit",
    "per_year": "homes_per_year_unit",
    "target_met": "affordable_target_met",
    "base": "care_base",
    "social_rent_homes": "social_rent",
    "care_share": "care_share_social_rent",
    "care_homes": "care_homes_from_social_rent",
    "built": "built_at_rate",
    "cumulative": "path_cumulative",
    "target_cumulative": "ambition_cumulative",
    "shortfall": "build_shortfall",
    "unknown_in_source": "unknown",
    "in_programme": "programme",
    "parent": "part_of",
}


def header(column: str) -> str:
    """The heading of `column` in the active language (the name itself where the catalogue
    has none)."""
    key = HEADER_KEYS.get(column, column)
    if key in LABELS:
        text = label(key)
    elif key in UNITS:
        text = unit_label(key)
    else:
        text = column.replace("_", " ")
    return text[:1].upper() + text[1:]


def cell(value: object, unit: str | None) -> str:
    """One value as text: by `unit` if known; a catalogue key as its label; NaN empty."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, str | bool) or unit is not None:
        return fmt_value(value, unit or "text")
    if isinstance(value, numbers.Real):
        number = float(value)
        return fmt_number(number, decimals=0 if number.is_integer() else 2)
    return str(value)


def readable(frame: pd.DataFrame, lang: str = "nl", caption: str | None = None) -> Styler:
    """`frame` formatted for reading in `lang`: headers, labels and numbers; numbers right.

    A `value` column is formatted by the row's `unit`, which is shown as its label.
    """
    with using(lang):
        shown = pd.DataFrame(index=frame.index)
        for column in frame.columns:
            values = frame[column]
            if column == "value" and "unit" in frame.columns:
                texts = [cell(v, str(u)) for v, u in zip(values, frame["unit"], strict=True)]
            elif column == "unit":
                texts = [unit_label(u) if u in UNITS else str(u) for u in values]
            else:
                texts = [cell(v, COLUMN_UNITS.get(str(column))) for v in values]
            shown[header(str(column))] = texts
        numeric = [
            header(str(c))
            for c in frame.columns
            if pd.api.types.is_numeric_dtype(frame[c]) and not pd.api.types.is_bool_dtype(frame[c])
        ]
        styler = shown.style.hide(axis="index").set_properties(
            subset=numeric, **{"text-align": "right"}
        )
        styler = styler.set_table_attributes('class="wl-table"')
        return styler.set_caption(caption) if caption else styler
