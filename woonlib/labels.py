"""The label catalogue (Dutch and English, keyed by name) and every display format.

Nothing else in woonlib formats a number for display: Dutch by default (9.300, 67,8%,
€ 390.000), through Babel's CLDR data for nl_NL and en_GB.
"""

from __future__ import annotations

import math
import numbers

from babel.numbers import format_currency, format_decimal, format_percent

LANGUAGES = ("nl", "en")
LOCALES = {"nl": "nl_NL", "en": "en_GB"}

L = dict[str, str]
LABELS: dict[str, L] = {
    # assumptions
    "forecast": {"nl": "Huishoudensprognose", "en": "Household forecast"},
    "shortage_catch_up": {"nl": "Inlopen woningtekort", "en": "Shortage catch-up"},
    "ambition_homes": {"nl": "Ambitie", "en": "Ambition"},
    "start_year": {"nl": "Startjaar", "en": "Start year"},
    "target_year": {"nl": "Doeljaar", "en": "Target year"},
    "target_year_inclusive": {
        "nl": "Doeljaar telt mee ('tot en met')",
        "en": "Target year counts ('up to and including')",
    },
    "build_rate": {"nl": "Bouwtempo", "en": "Build rate"},
    "plan_failure_surcharge": {
        "nl": "Extra plannen voor planuitval",
        "en": "Plan-failure surcharge",
    },
    "share_social_rent": {"nl": "Aandeel sociale huur", "en": "Share social rent"},
    "share_mid_priced": {"nl": "Aandeel middelduur", "en": "Share mid-priced"},
    "share_expensive": {"nl": "Aandeel duur", "en": "Share expensive"},
    "care_share_social_rent": {
        "nl": "Aandeel sociale huur voor zorg en ondersteuning",
        "en": "Share of social rent for care or support",
    },
    "care_base": {"nl": "Basis voor zorgwoningen", "en": "Base for care homes"},
    "elderly_zero_step_to_2030": {
        "nl": "Nultredenwoningen nu tot 2030",
        "en": "Zero-step homes now to 2030",
    },
    "elderly_zero_step_2030_2040": {
        "nl": "Nultredenwoningen 2030–2040",
        "en": "Zero-step homes 2030–2040",
    },
    "elderly_clustered_to_2030": {
        "nl": "Geclusterde woningen nu tot 2030",
        "en": "Clustered homes now to 2030",
    },
    "elderly_clustered_2030_2040": {
        "nl": "Geclusterde woningen 2030–2040",
        "en": "Clustered homes 2030–2040",
    },
    "elderly_care_suitable_to_2030": {
        "nl": "Zorggeschikte woningen nu tot 2030",
        "en": "Care-suitable homes now to 2030",
    },
    "elderly_care_suitable_2030_2040": {
        "nl": "Zorggeschikte woningen 2030–2040",
        "en": "Care-suitable homes 2030–2040",
    },
    "elderly_scale": {"nl": "Schaalfactor ouderenopgave", "en": "Elderly task scale factor"},
    "elderly_to_2030_inclusive": {
        "nl": "2030 telt mee in 'nu tot 2030'",
        "en": "2030 counts in 'now to 2030'",
    },
    "outflow_urgent": {"nl": "Urgenten (medisch/sociaal)", "en": "Urgent cases (medical/social)"},
    "outflow_protected_living": {"nl": "Beschermd wonen (BW)", "en": "Protected living"},
    "outflow_detention": {"nl": "Detentie", "en": "Detention"},
    "outflow_youth_care": {"nl": "Jeugdzorg (onbekend)", "en": "Youth care (unknown)"},
    "outflow_shelter": {"nl": "Maatschappelijke opvang (MO)", "en": "Shelter"},
    "outflow_other": {"nl": "Overige groepen", "en": "Other groups"},
    # choices
    "cbs_2022": {"nl": "CBS 2022", "en": "CBS 2022"},
    "primos_2021": {"nl": "Primos 2021", "en": "Primos 2021"},
    "primos_2022": {"nl": "Primos 2022", "en": "Primos 2022"},
    "trend_2021": {"nl": "Geactualiseerd trendscenario", "en": "Updated trend scenario"},
    "programme_gross": {
        "nl": "Programma, bruto nieuwbouw sociale huur",
        "en": "Programme, gross new social rent",
    },
    "programme_net": {"nl": "Programma, netto (na sloop)", "en": "Programme, net of demolition"},
    "scenario": {"nl": "Scenario", "en": "Scenario"},
    # indicators and result items
    "basis_demand": {"nl": "Woningvraag uit prognose", "en": "Demand from forecast"},
    "basis_homes": {"nl": "Basisscenario", "en": "Basis scenario"},
    "programme_homes": {
        "nl": "Huidige programmering (Figuur 5)",
        "en": "Current programme (Figure 5)",
    },
    "programme_homes_appendix": {
        "nl": "Huidige programmering (bijlage 5.3)",
        "en": "Current programme (appendix 5.3)",
    },
    "plan_capacity_needed": {"nl": "Benodigde plancapaciteit", "en": "Plan capacity needed"},
    "programme_gap": {
        "nl": "Tekort aan plannen (t.o.v. Figuur 5)",
        "en": "Plan shortfall (against Figure 5)",
    },
    "programme_gap_appendix": {
        "nl": "Tekort aan plannen (t.o.v. bijlage 5.3)",
        "en": "Plan shortfall (against appendix 5.3)",
    },
    "ambition_gap": {"nl": "Ambitie min programmering", "en": "Ambition minus programme"},
    "programme_years": {"nl": "Bouwjaren", "en": "Building years"},
    "required_rate": {"nl": "Benodigd bouwtempo", "en": "Required build rate"},
    "built_at_rate": {"nl": "Gebouwd in bouwtempo", "en": "Built at the build rate"},
    "build_shortfall": {"nl": "Achterstand op ambitie", "en": "Shortfall against ambition"},
    "affordable_share_programme": {
        "nl": "Betaalbaar aandeel programmering",
        "en": "Affordable share of programme",
    },
    "affordable_share_programme_appendix": {
        "nl": "Betaalbaar aandeel programmering (bijlage 5.3)",
        "en": "Affordable share of programme (appendix 5.3)",
    },
    "affordable_share_scenario": {
        "nl": "Betaalbaar aandeel scenario",
        "en": "Affordable share of scenario",
    },
    "affordable_target_met": {
        "nl": "Doel 70% betaalbaar gehaald",
        "en": "70% affordable target met",
    },
    "norm_split_homes": {
        "nl": "Verdeling ambitie over segmenten",
        "en": "Ambition split over segments",
    },
    "care_homes_from_social_rent": {
        "nl": "Zorgwoningen uit sociale huur",
        "en": "Care homes from social rent",
    },
    "care_homes_net_of_demolition": {
        "nl": "Zorgwoningen, netto na sloop",
        "en": "Care homes, net of demolition",
    },
    "care_homes_per_year": {"nl": "Zorgwoningen per jaar", "en": "Care homes per year"},
    "care_coverage": {
        "nl": "Dekking uitstroom door zorgwoningen",
        "en": "Outflow covered by care homes",
    },
    "care_gap": {"nl": "Uitstroom min zorgwoningen", "en": "Outflow minus care homes"},
    "elderly_task_total": {"nl": "Uitbreidingsopgave ouderen", "en": "Elderly expansion task"},
    "elderly_task_to_2030": {"nl": "Ouderenopgave nu tot 2030", "en": "Elderly task now to 2030"},
    "elderly_task_2030_2040": {"nl": "Ouderenopgave 2030–2040", "en": "Elderly task 2030–2040"},
    "elderly_task_in_programme": {
        "nl": "Ouderenopgave binnen bouwjaren",
        "en": "Elderly task within building years",
    },
    "elderly_share_of_ambition": {
        "nl": "Ouderenopgave als aandeel van ambitie",
        "en": "Elderly task as share of ambition",
    },
    "elderly_programme_share": {
        "nl": "Aandeel ouderen binnen bouwjaren",
        "en": "Elderly share within building years",
    },
    "outflow_homes_per_year": {
        "nl": "Uitstroom en urgentie per jaar",
        "en": "Outflow and urgency per year",
    },
    "outflow_cumulative": {
        "nl": "Uitstroom en urgentie tot doeljaar",
        "en": "Outflow and urgency to target year",
    },
    "data_notes": {"nl": "Datanotities", "en": "Data notes"},
    # segments and series
    "social_rent": {"nl": "Sociale huur", "en": "Social rent"},
    "mid_priced": {"nl": "Middelduur", "en": "Mid-priced"},
    "expensive": {"nl": "Duur", "en": "Expensive"},
    "mid_rent": {"nl": "Middenhuur", "en": "Mid rent"},
    "expensive_rent": {"nl": "Dure huur", "en": "Expensive rent"},
    "affordable_purchase": {"nl": "Betaalbare koop", "en": "Affordable purchase"},
    "expensive_purchase": {"nl": "Dure koop", "en": "Expensive purchase"},
    "total": {"nl": "Totaal", "en": "Total"},
    "growth": {"nl": "Groeiscenario", "en": "Growth scenario"},
    "basis": {"nl": "Basisscenario", "en": "Basis scenario"},
    "programme": {"nl": "Programmering", "en": "Programme"},
    "programme_appendix": {"nl": "Programmering (bijlage)", "en": "Programme (appendix)"},
    # elderly and outflow rows
    "zero_step": {"nl": "Nultredenwoningen", "en": "Zero-step homes"},
    "clustered": {"nl": "Geclusterde woningen", "en": "Clustered homes"},
    "care_suitable": {"nl": "Zorggeschikte woningen", "en": "Care-suitable homes"},
    "to_2030": {"nl": "Nu tot 2030", "en": "Now to 2030"},
    "2030_2040": {"nl": "2030–2040", "en": "2030–2040"},
    "urgent": {"nl": "Urgenten (medisch/sociaal)", "en": "Urgent cases (medical/social)"},
    "institutions": {"nl": "Uitstroom instellingen", "en": "Outflow from institutions"},
    "protected_living": {"nl": "Beschermd wonen (BW)", "en": "Protected living"},
    "detention": {"nl": "Detentie", "en": "Detention"},
    "youth_care": {"nl": "Jeugdzorg", "en": "Youth care"},
    "shelter": {"nl": "Maatschappelijke opvang (MO)", "en": "Shelter"},
    "other": {"nl": "Overige groepen", "en": "Other groups"},
    "unknown": {"nl": "onbekend", "en": "unknown"},
    # policy checks
    "check_affordable_programme": {
        "nl": "Programmering: minstens 70% betaalbaar",
        "en": "Programme: at least 70% affordable",
    },
    "check_affordable_scenario": {
        "nl": "Scenario: minstens 70% betaalbaar",
        "en": "Scenario: at least 70% affordable",
    },
    "check_norm_split": {
        "nl": "Programmering tegen norm 30/40/30",
        "en": "Programme against the 30/40/30 norm",
    },
    "check_ambition_programme": {
        "nl": "Programmering tegen ambitie",
        "en": "Programme against ambition",
    },
    "check_plan_capacity": {
        "nl": "Programmering tegen benodigde plancapaciteit",
        "en": "Programme against plan capacity needed",
    },
    "check_care_outflow": {
        "nl": "Zorgwoningen tegen uitstroom",
        "en": "Care homes against outflow",
    },
    "ok": {"nl": "in orde", "en": "met"},
    "warning": {"nl": "let op", "en": "warning"},
    "fail": {"nl": "niet gehaald", "en": "not met"},
    # sheets and headings
    "indicators": {"nl": "Indicatoren", "en": "Indicators"},
    "policy_checks": {"nl": "Beleidstoetsen", "en": "Policy checks"},
    "households": {"nl": "Huishoudens", "en": "Households"},
    "segments": {"nl": "Segmenten", "en": "Segments"},
    "market_segments": {"nl": "Marktsegmenten", "en": "Market segments"},
    "care": {"nl": "Zorgwoningen", "en": "Care homes"},
    "elderly": {"nl": "Ouderen", "en": "Elderly"},
    "outflow": {"nl": "Uitstroom", "en": "Outflow"},
    "assumptions": {"nl": "Aannames", "en": "Assumptions"},
    "sources": {"nl": "Bronnen", "en": "Sources"},
    "build_path": {"nl": "Bouwpad", "en": "Build path"},
    "affordability": {"nl": "Betaalbaarheid", "en": "Affordability"},
    "elderly_totals": {"nl": "Ouderen totalen", "en": "Elderly totals"},
    "outflow_vs_care": {"nl": "Uitstroom en zorg", "en": "Outflow and care"},
    # charts, units and controls
    "chart_households": {
        "nl": "Huishoudensprognoses (gepubliceerd en geïnterpoleerd per jaar)",
        "en": "Household forecasts (published and interpolated per year)",
    },
    "chart_programme": {
        "nl": "Basis, ambitie, programmering en plancapaciteit",
        "en": "Basis, ambition, programme and plan capacity",
    },
    "chart_build_path": {
        "nl": "Bouwpad: cumulatief gebouwd tegen de ambitie",
        "en": "Build path: cumulative homes against the ambition",
    },
    "chart_segments": {
        "nl": "Woningen per segment: scenario tegen Figuur 5",
        "en": "Homes per segment: scenario against Figure 5",
    },
    "chart_market": {
        "nl": "Marktsegmenten per scenario (bijlage 5.3)",
        "en": "Market segments per scenario (appendix 5.3)",
    },
    "chart_elderly": {
        "nl": "Uitbreidingsopgave ouderen (Tabel 2)",
        "en": "Elderly expansion task (Table 2)",
    },
    "chart_age_classes": {
        "nl": "Leeftijdsklassen 2020 en 2050 (% inwoners)",
        "en": "Age classes 2020 and 2050 (% of inhabitants)",
    },
    "chart_suitability": {
        "nl": "Geschiktheid woningvoorraad voor ouderen",
        "en": "Suitability of the stock for the elderly",
    },
    "chart_outflow": {
        "nl": "Uitstroom en urgentie per jaar (Tabel 1)",
        "en": "Outflow and urgency per year (Table 1)",
    },
    "chart_care_outflow": {
        "nl": "Zorgwoningen tegen uitstroom tot het doeljaar",
        "en": "Care homes against outflow to the target year",
    },
    "homes_unit": {"nl": "woningen", "en": "homes"},
    "homes_per_year_unit": {"nl": "woningen per jaar", "en": "homes per year"},
    "tenure_all": {"nl": "Totaal", "en": "All"},
    "tenure_owner_occupied": {"nl": "Koop", "en": "Owner-occupied"},
    "tenure_social_rent": {"nl": "Sociale huur", "en": "Social rent"},
    "tenure_other_rent": {"nl": "Overige huur", "en": "Other rent"},
    "suitable": {"nl": "Geschikt", "en": "Suitable"},
    "can_be_made_suitable": {"nl": "Geschikt te maken", "en": "Can be made suitable"},
    "not_suitable": {"nl": "Niet geschikt", "en": "Not suitable"},
    "lock": {"nl": "Vast", "en": "Lock"},
    "exact_entry": {"nl": "Exacte waarde", "en": "Exact value"},
    "reset_one": {"nl": "Terug naar Woonvisie", "en": "Back to the Woonvisie"},
    "reset_all": {"nl": "Alles terug naar de Woonvisie", "en": "Everything back to the Woonvisie"},
    "error_message": {
        "nl": "Deze wijziging kon niet worden verwerkt; de vorige waarde is teruggezet.",
        "en": "This change could not be processed; the previous value is back.",
    },
    # dashboard sections and table headings
    "title": {
        "nl": "Woonvisie Enschede 2024 — rekenmodel",
        "en": "Woonvisie Enschede 2024 — model",
    },
    "subtitle": {
        "nl": "Verschuif de aannames; alle cijfers en grafieken rekenen direct mee. "
        "Standaard: de cijfers van de Woonvisie.",
        "en": "Move the assumptions; every number and chart follows at once. "
        "Default: the Woonvisie's figures.",
    },
    "tab_overview": {"nl": "Overzicht", "en": "Overview"},
    "tab_programme": {"nl": "Huishoudens & programma", "en": "Households & programme"},
    "tab_segments": {"nl": "Segmenten", "en": "Segments"},
    "tab_elderly": {"nl": "Ouderen", "en": "Elderly"},
    "tab_outflow": {"nl": "Uitstroom & urgentie", "en": "Outflow & urgency"},
    "tab_sources": {"nl": "Bronnen", "en": "Sources"},
    "headline": {"nl": "Kerncijfers", "en": "Headline figures"},
    "explain_check_affordable_programme": {
        "nl": "Woondeal Twente: 70% van de nieuwbouw betaalbaar. Huidige programmering: {value} "
        "(doel {target}).",
        "en": "Woondeal Twente: 70% of new homes affordable. Current programme: {value} "
        "(target {target}).",
    },
    "explain_check_affordable_scenario": {
        "nl": "Sociale huur plus middelduur in het scenario: {value} (doel {target}).",
        "en": "Social rent plus mid-priced in the scenario: {value} (target {target}).",
    },
    "explain_check_norm_split": {
        "nl": "Grootste afwijking van de programmering van de norm 30/40/30: {value} "
        "(in orde tot {target}).",
        "en": "Largest deviation of the programme from the 30/40/30 norm: {value} "
        "(met up to {target}).",
    },
    "explain_check_ambition_programme": {
        "nl": "Programmering {value} woningen tegen een ambitie van {target}.",
        "en": "Programme of {value} homes against an ambition of {target}.",
    },
    "explain_check_plan_capacity": {
        "nl": "Voor 100% realisatie is 130% aan plannen nodig: {target}; programmering {value}.",
        "en": "Realising 100% needs 130% in plans: {target}; programme {value}.",
    },
    "explain_check_care_outflow": {
        "nl": "Zorgwoningen uit de 30%-regel: {value}; uitstroom en urgentie tot het doeljaar: "
        "{target}.",
        "en": "Care homes from the 30% rule: {value}; outflow and urgency to the target year: "
        "{target}.",
    },
    "item": {"nl": "Onderdeel", "en": "Item"},
    "value": {"nl": "Waarde", "en": "Value"},
    "segment_shares": {
        "nl": "Verdeling over segmenten (samen 100%)",
        "en": "Split over segments (together 100%)",
    },
    "series": {"nl": "Reeks", "en": "Series"},
    "affordable_homes": {"nl": "Betaalbare woningen", "en": "Affordable homes"},
    "affordable_share": {"nl": "Aandeel betaalbaar", "en": "Affordable share"},
    "segment": {"nl": "Segment", "en": "Segment"},
    "type": {"nl": "Type", "en": "Type"},
    "row_egw": {"nl": "EGW (eengezinswoning)", "en": "EGW (single-family)"},
    "row_mgw": {"nl": "MGW (meergezinswoning)", "en": "MGW (apartment)"},
    "row_total": {"nl": "Totaal", "en": "Total"},
    "row_demolition": {"nl": "Sloop", "en": "Demolition"},
    "row_total_incl_demolition": {"nl": "Totaal incl. sloop", "en": "Total incl. demolition"},
    "home_type": {"nl": "Woningtype", "en": "Home type"},
    "period": {"nl": "Periode", "en": "Period"},
    "years": {"nl": "Jaren", "en": "Years"},
    "elderly_context": {
        "nl": "Achtergrond (bijlage 5.2 en 5.4)",
        "en": "Background (appendix 5.2 and 5.4)",
    },
    "share_65plus_2020": {"nl": "Aandeel 65+ in 2020", "en": "Share 65+ in 2020"},
    "share_65plus_2050": {"nl": "Aandeel 65+ in 2050", "en": "Share 65+ in 2050"},
    "elderly_households_2019": {
        "nl": "Ouderenhuishoudens 2019 (ruim onder)",
        "en": "Elderly households 2019 (just under)",
    },
    "elderly_households_2040": {
        "nl": "Ouderenhuishoudens 2040 (bijna)",
        "en": "Elderly households 2040 (almost)",
    },
    "clustered_extra_low": {
        "nl": "Extra geclusterde woonvormen, ondergrens",
        "en": "Extra clustered units, low",
    },
    "clustered_extra_high": {
        "nl": "Extra geclusterde woonvormen, bovengrens",
        "en": "Extra clustered units, high",
    },
    "nursing_places_planned": {
        "nl": "Geplande uitbreiding verpleegzorgplaatsen",
        "en": "Planned extra nursing-care places",
    },
    "growth_75plus_20y": {
        "nl": "Groei 75+ in 20 jaar (inwoners)",
        "en": "Growth of 75+ in 20 years (inhabitants)",
    },
    "group": {"nl": "Groep", "en": "Group"},
    "remark": {"nl": "Opmerking", "en": "Remark"},
    "youth_care_unknown": {
        "nl": "Jeugdzorg: de Woonvisie noemt nog geen aantal (NB); standaard 0, zelf in te vullen. "
        "Detentie: 10 tot 15 woningen per jaar.",
        "en": "Youth care: the Woonvisie gives no number yet (NB); 0 by default, enter your own. "
        "Detention: 10 to 15 homes a year.",
    },
    "table": {"nl": "Tabel", "en": "Table"},
    "source_table": {"nl": "Bron (tabel of figuur)", "en": "Source (table or figure)"},
    "lines": {"nl": "Regels", "en": "Lines"},
    "assumption": {"nl": "Aanname", "en": "Assumption"},
    "default": {"nl": "Standaard (Woonvisie)", "en": "Default (Woonvisie)"},
    "allowed": {"nl": "Toegestaan", "en": "Allowed"},
    "source": {"nl": "Bron", "en": "Source"},
    "invalid_value": {"nl": "Ongeldige waarde", "en": "Invalid value"},
    "shares_must_add": {
        "nl": "De aandelen sociale huur, middelduur en duur moeten samen 100% zijn.",
        "en": "The shares social rent, mid-priced and expensive must add to 100%.",
    },
    "yes": {"nl": "ja", "en": "yes"},
    "no": {"nl": "nee", "en": "no"},
}

UNITS: dict[str, L] = {
    "homes": {"nl": "woningen", "en": "homes"},
    "homes/year": {"nl": "woningen per jaar", "en": "homes per year"},
    "households": {"nl": "huishoudens", "en": "households"},
    "years": {"nl": "jaar", "en": "years"},
    "year": {"nl": "jaartal", "en": "year"},
    "fraction": {"nl": "%", "en": "%"},
    "factor": {"nl": "factor", "en": "factor"},
    "bool": {"nl": "ja/nee", "en": "yes/no"},
    "choice": {"nl": "keuze", "en": "choice"},
}


def label(key: str, lang: str = "nl") -> str:
    """The label of `key` in `lang`; a missing key raises KeyError (caught by the tests)."""
    return LABELS[key][lang]


def unit_label(unit: str, lang: str = "nl") -> str:
    return UNITS[unit][lang] if unit in UNITS else unit


def fmt_number(value: float, lang: str = "nl", decimals: int = 0) -> str:
    """9300 -> '9.300' (nl) or '9,300' (en); NaN -> '–'."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return format_decimal(value, format=pattern, locale=LOCALES[lang])


def fmt_percent(fraction: float, lang: str = "nl", decimals: int = 1) -> str:
    """0.678 -> '67,8%' (nl) or '67.8%' (en)."""
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "") + "%"
    return format_percent(fraction, format=pattern, locale=LOCALES[lang])


def fmt_euro(value: float, lang: str = "nl") -> str:
    """390000 -> '€ 390.000' (nl) or '€390,000' (en); cents only when present."""
    digits = value != int(value)
    pattern = ("¤ #,##0" if lang == "nl" else "¤#,##0") + (".00" if digits else "")
    return format_currency(
        value, "EUR", format=pattern, locale=LOCALES[lang], currency_digits=False
    )


def fmt_value(value: object, unit: str, lang: str = "nl") -> str:
    """Format `value` by its unit: homes as whole numbers, fractions as percent, years bare."""
    if unit == "bool" or isinstance(value, bool):
        return label("yes" if value else "no", lang)
    if isinstance(value, str):
        return label(value, lang) if value in LABELS else value
    if not isinstance(value, numbers.Real):
        raise TypeError(f"cannot format {value!r} as {unit}")
    number = float(value)
    if unit == "fraction":
        return fmt_percent(number, lang)
    if unit in ("year", "years"):
        return str(int(number))
    if unit in ("euro", "euro/month"):
        return fmt_euro(number, lang)
    if unit == "factor":
        return fmt_number(number, lang, decimals=2)
    return fmt_number(number, lang)
