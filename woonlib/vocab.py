"""The vocabulary of the Woonvisie: the names every layer shares, defined once.

Segment names, home types, periods, forecast ids, outflow groups and units. Plain tuples and
mappings, no imports: data, validation, model, reports and the page all read them from here.
"""

from __future__ import annotations

# The languages of the page and every label, Dutch first (the default)
LANGUAGES = ("nl", "en")
# Figuur 5's three price segments (§2.2), and which of them count as affordable (70% norm)
SEGMENTS = ("social_rent", "mid_priced", "expensive")
AFFORDABLE = ("social_rent", "mid_priced")
# Appendix 5.3's market segments -> Figuur 5 segment
MARKET_SEGMENTS = {
    "social_rent": "social_rent",
    "mid_rent": "mid_priced",
    "affordable_purchase": "mid_priced",
    "expensive_rent": "expensive",
    "expensive_purchase": "expensive",
}
MARKET = tuple(MARKET_SEGMENTS)
# The series the segment comparison shows (chart and page table): the scenario against
# Figuur 5 and appendix 5.3 net of demolition; the comparison's table (`SERIES`, for exports)
# adds appendix 5.3's gross new build, the 70% norm's basis
SEGMENT_SERIES = ("scenario", "growth", "basis", "programme", "programme_appendix")
SERIES = (*SEGMENT_SERIES, "programme_new_build")
# Appendix 5.3's scenario columns
APPENDIX_COLUMNS = ("basis", "growth", "programme")
# The household forecasts of Figuur 2/3
FORECASTS = ("cbs_2022", "primos_2021", "primos_2022", "trend_2021")
# Tabel 2 (elderly task): home types and periods
HOME_TYPES = ("zero_step", "clustered", "care_suitable")
PERIODS = ("to_2030", "2030_2040")
# Tabel 1 (outflow and urgency): group -> parent
OUTFLOW_PARENTS = {
    "urgent": "total",
    "protected_living": "institutions",
    "detention": "institutions",
    "youth_care": "institutions",
    "shelter": "institutions",
    "other": "total",
}
OUTFLOW_GROUPS = tuple(OUTFLOW_PARENTS)
# Display units with their own rounding rule (`woonlib.report.labels.shown`): a rate that must
# be reached is shown rounded up (1.033,3 a year does not reach the ambition: 1.034); a
# chance is shown in whole percent, the same everywhere
RATE_NEEDED = "homes/year needed"
CHANCE = "chance"
# Units whose values are whole numbers (shown and entered without decimals)
INT_UNITS = frozenset({"homes", "homes/year", "year"})
