"""The label catalogue (Dutch and English, keyed by name) and every display format.

Nothing else in woonlib formats a number for display: Dutch by default (9.300, 67,8%,
€ 390.000), through Babel's CLDR data for nl_NL and en_GB.
"""

from __future__ import annotations

import datetime
import functools
import math
import numbers
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from babel.dates import format_date
from babel.numbers import format_currency, format_decimal, format_percent

from woonlib.refs import Ref, Span
from woonlib.report.labels_progress import PROGRESS_LABELS
from woonlib.report.labels_store import STORE_LABELS
from woonlib.vocab import CHANCE, RATE_NEEDED
from woonlib.vocab import LANGUAGES as LANGUAGES  # re-exported (the state reads vocab)

# The language being shown: held by the page's `ScenarioState` and activated around its work
# with `using(lang)` (as gettext's active language is); "nl" where nothing activated one.
_ACTIVE: ContextVar[str] = ContextVar("woonlib_lang", default="nl")


def current_lang() -> str:
    """The language activated by `using` (Dutch by default)."""
    return _ACTIVE.get()


@contextmanager
def using(lang: str) -> Iterator[None]:
    """Show labels and numbers in `lang` inside the block: `with using("en"): label("title")`."""
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}: one of {', '.join(LANGUAGES)}")
    token = _ACTIVE.set(lang)
    try:
        yield
    finally:
        _ACTIVE.reset(token)


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
    "gross": {
        "nl": "Bruto: nieuwbouw vóór sloop (Woonvisie)",
        "en": "Gross: before demolition (Woonvisie)",
    },
    "net": {
        "nl": "Netto: na sloop (strengere lezing)",
        "en": "Net: after demolition (stricter reading)",
    },
    "affordable_basis": {
        "nl": "Basis voor de 70%-norm betaalbaar",
        "en": "Basis of the 70% affordability norm",
    },
    "split_norm_tolerance": {
        "nl": "Eigen norm: marge rond 30/40/30 (0 = geen norm)",
        "en": "Own norm: margin around 30/40/30 (0 = no norm)",
    },
    "care_outflow_norm": {
        "nl": "Eigen norm: zorgwoningen als deel van uitstroom (0 = geen norm)",
        "en": "Own norm: care homes as part of outflow (0 = no norm)",
    },
    "programme_new_build": {
        "nl": "Programmering bruto (bijlage 5.3, vóór sloop)",
        "en": "Programme gross (appendix 5.3, before demolition)",
    },
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
    "required_rate": {  # the plan's rate; with a monitor, Voortgang's is "vanaf nu"
        "nl": "Benodigd bouwtempo, gemiddeld over alle bouwjaren",
        "en": "Required build rate, average over all building years",
    },
    "built_at_rate": {"nl": "Gebouwd in bouwtempo", "en": "Built at the build rate"},
    "build_shortfall": {"nl": "Achterstand op ambitie", "en": "Shortfall against ambition"},
    "build_surplus": {"nl": "Overschot op ambitie", "en": "Surplus over ambition"},
    "affordable_share_programme": {
        "nl": "Betaalbaar aandeel nieuwbouw (bruto, bijlage 5.3)",
        "en": "Affordable share of new build (gross, appendix 5.3)",
    },
    "affordable_share_programme_net": {
        "nl": "Betaalbaar aandeel netto na sloop (Figuur 5)",
        "en": "Affordable share net of demolition (Figure 5)",
    },
    "affordable_share_programme_net_appendix": {
        "nl": "Betaalbaar aandeel netto na sloop (bijlage 5.3)",
        "en": "Affordable share net of demolition (appendix 5.3)",
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
    "elderly_task_in_building_years": {
        "nl": "Ouderenopgave binnen de bouwjaren",
        "en": "Elderly task within the building years",
    },
    "elderly_share_of_ambition": {
        "nl": "Ouderenopgave binnen de bouwjaren als aandeel van de ambitie",
        "en": "Elderly task within the building years as share of the ambition",
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
    "institutions_subtotal": {
        "nl": "Uitstroom instellingen (subtotaal)",
        "en": "Outflow from institutions (subtotal)",
    },
    "of_which": {"nl": "waarvan", "en": "of which"},
    "same": {"nl": "gelijk", "en": "same"},
    "different": {"nl": "anders", "en": "different"},
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
        "nl": "Scenario: aangenomen verdeling tegen 70% betaalbaar",
        "en": "Scenario: assumed split against 70% affordable",
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
    "info": {"nl": "ter informatie", "en": "for information"},
    "norm_woonvisie": {
        "nl": "Norm: Woonvisie, regels {lines}.",
        "en": "Norm: Woonvisie, lines {lines}.",
    },
    "norm_own": {
        "nl": "Eigen norm (aanname), niet uit de Woonvisie.",
        "en": "Own norm (an assumption), not from the Woonvisie.",
    },
    "norm_none_check_norm_split": {
        "nl": "Zonder marge in de bron is hier geen oordeel mogelijk: ter informatie.",
        "en": "With no margin in the source, no verdict is possible: for information.",
    },
    "norm_assumption": {
        "nl": "De verdeling is een aanname van het scenario (standaard de Woondeal-norm "
        "30/40/30, samen 70%; regels {lines}): een aanname kan haar eigen doel niet halen, "
        "dus ter informatie. Het oordeel over 70% staat bij de programmering.",
        "en": "The split is an assumption of the scenario (by default the Woondeal norm "
        "30/40/30, together 70%; lines {lines}): an assumption cannot meet its own target, so "
        "for information. The verdict on 70% is the programme's.",
    },
    "norm_none": {
        "nl": "De Woonvisie stelt hier geen norm: vergelijking ter informatie.",
        "en": "The Woonvisie sets no norm here: comparison for information.",
    },
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
    "shares_total": {"nl": "Samen", "en": "Together"},
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
    "scenario_is_woonvisie": {"nl": "Woonvisie", "en": "Woonvisie"},
    "scenario_state_label": {"nl": "Stand van het scenario", "en": "State of the scenario"},
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
    "tab_targets": {"nl": "Doelen", "en": "Targets"},
    # the targets register (tab Doelen, python -m woonlib targets)
    "targets_intro": {
        "nl": "Elke regel van de Woonvisie met een getal: zijn waarde, horizon, bronregel en soort "
        "(doel, feit, prognose of landelijke regel). Een oordeel (in lijn of niet) staat er "
        "alleen waar een uitkomst van het scenario wordt vergeleken met een norm uit de bron of "
        "een eigen norm. Waar het scenario een doel als aanname overneemt (aanname = doel), "
        "staat eronder de uitkomst die die aanname toetst. Prognoses en behoeften zonder norm "
        "zijn ter informatie; de andere regels vragen een gemeten waarde en zijn te volgen.",
        "en": "Every line of the Woonvisie with a number: its value, horizon, source line and "
        "kind (commitment, fact, forecast or national rule). A verdict (in line or not) is "
        "given only where an outcome of the scenario is compared with a norm from the source "
        "or an own norm. Where the scenario takes a target as an assumption (assumption = "
        "target), the outcome that tests that assumption is shown below it. Forecasts and "
        "needs without a norm are for information; the other rows need a measured value and "
        "are to be monitored.",
    },
    "targets_summary": {
        "nl": "{total} regels: {commitments} doelen, {others} feiten, prognoses en landelijke "
        "regels. Uitkomsten van het scenario: {ok} in lijn, {fail} niet in lijn, {info} ter "
        "informatie; {assumption} aanname = doel; {monitor} te volgen.",
        "en": "{total} rows: {commitments} commitments, {others} facts, forecasts and national "
        "rules. Outcomes of the scenario: {ok} in line, {fail} not in line, {info} for "
        "information; {assumption} assumption = target; {monitor} to be monitored.",
    },
    "target": {"nl": "Doel", "en": "Target"},
    "target_value": {"nl": "Waarde", "en": "Value"},
    "horizon": {"nl": "Horizon", "en": "Horizon"},
    "source_line": {"nl": "Bron", "en": "Source"},
    "status": {"nl": "Status", "en": "Status"},
    "in_scenario": {"nl": "Scenario of gemeten", "en": "Scenario or measured"},
    "target_ok": {"nl": "in lijn", "en": "in line"},
    "target_fail": {"nl": "niet in lijn", "en": "not in line"},
    "target_info": {"nl": "ter informatie", "en": "for information"},
    "target_assumption": {"nl": "aanname = doel", "en": "assumption = target"},
    "target_assumption_untested": {
        "nl": "aanname = doel; de bron stelt geen norm voor een uitkomst",
        "en": "assumption = target; the source sets no norm for an outcome",
    },
    "target_monitor": {"nl": "te volgen", "en": "to be monitored"},
    "kind": {"nl": "Soort", "en": "Kind"},
    "kind_commitment": {"nl": "doel", "en": "commitment"},
    "kind_fact": {"nl": "feit", "en": "fact"},
    "kind_forecast": {"nl": "prognose", "en": "forecast"},
    "kind_national_rule": {"nl": "landelijke regel", "en": "national rule"},
    "outcome_build_path": {
        "nl": "↳ Uitkomst: bouwpad {start}–{end} bij {rate}",
        "en": "↳ Outcome: build path {start}–{end} at {rate}",
    },
    "outcome_build_path_realised": {
        "nl": "↳ Uitkomst: bouwpad {start}–{end}, {years} gerealiseerde jaren uit de monitor, "
        "daarna {rate}",
        "en": "↳ Outcome: build path {start}–{end}, {years} realised years from the monitor, "
        "then {rate}",
    },
    "outcome_reach_probability": {
        "nl": "↳ Uitkomst: kans om {target} te halen in {end} (spreiding als op Voortgang)",
        "en": "↳ Outcome: chance of reaching {target} by {end} (spread as on Progress)",
    },
    "outcome_source_ambition": {
        "nl": " Getoetst aan {target} uit de bron, niet aan de ambitie van dit scenario "
        "({ambition}).",
        "en": " Tested against the source's {target}, not this scenario's ambition ({ambition}).",
    },
    "line_ref": {"nl": "regel {line}", "en": "line {line}"},
    "theme_growth": {"nl": "Groei en programma", "en": "Growth and programme"},
    "theme_affordability": {"nl": "Betaalbaarheid", "en": "Affordability"},
    "theme_target_groups": {"nl": "Doelgroepen", "en": "Target groups"},
    "theme_existing_stock": {"nl": "Bestaande voorraad", "en": "Existing stock"},
    "theme_sustainability": {"nl": "Duurzaamheid", "en": "Sustainability"},
    "theme_process": {"nl": "Proces", "en": "Process"},
    "cmp_at_least": {"nl": "minstens {v}", "en": "at least {v}"},
    "cmp_at_most": {"nl": "hoogstens {v}", "en": "at most {v}"},
    "cmp_about": {"nl": "circa {v}", "en": "about {v}"},
    "cmp_equal": {"nl": "{v}", "en": "{v}"},
    "cmp_range": {"nl": "{v} tot {high}", "en": "{v} to {high}"},
    "cmp_by": {"nl": "uiterlijk {v}", "en": "by {v}"},
    "cmp_since": {"nl": "sinds {v}", "en": "since {v}"},
    "cmp_more_than": {"nl": "meer dan {v}", "en": "more than {v}"},
    "cmp_below": {"nl": "onder {v}", "en": "below {v}"},
    "headline": {"nl": "Kerncijfers", "en": "Headline figures"},
    "explain_check_affordable_programme_gross": {
        "nl": "70% van alle nieuwbouw betaalbaar (sociale huur, middenhuur, betaalbare koop), "
        "geteld vóór sloop: bijlage 5.3 {value} (doel {target}). Netto na sloop van 1.500 "
        "sociale huurwoningen (Figuur 5): {net}, ter informatie.",
        "en": "70% of all new build affordable (social rent, mid rent, affordable purchase), "
        "counted before demolition: appendix 5.3 {value} (target {target}). Net of the 1,500 "
        "social-rent homes demolished (Figure 5): {net}, for information.",
    },
    "explain_check_affordable_programme_net": {
        "nl": "Strengere lezing, netto na sloop (Figuur 5): {value} (doel {target}). De "
        "Woonvisie telt nieuwbouw vóór sloop: bruto {gross}.",
        "en": "Stricter reading, net of demolition (Figure 5): {value} (target {target}). The "
        "Woonvisie counts new build before demolition: gross {gross}.",
    },
    "explain_check_affordable_scenario": {
        "nl": "Sociale huur plus middelduur in de verdeling van het scenario: {value} "
        "(doel {target}).",
        "en": "Social rent plus mid-priced in the scenario's split: {value} (target {target}).",
    },
    "explain_check_norm_split": {
        "nl": "Programmering ({basis}): sociale huur {social_rent}, middelduur {mid_priced}, "
        "duur {expensive} tegen 30/40/30 'in de basis'; grootste afwijking {value}. De "
        "Woondeal staat meer middelduur toe bij meer dan 30% sociale huur in de voorraad "
        "(regel 766) en stelt geen marge.",
        "en": "Programme ({basis}): social rent {social_rent}, mid-priced {mid_priced}, "
        "expensive {expensive} against 30/40/30 'as a basis'; largest deviation {value}. The "
        "Woondeal allows more mid-priced homes where social rent exceeds 30% of the stock "
        "(line 766) and sets no margin.",
    },
    "explain_check_norm_split_own": {
        "nl": " Eigen marge: {target}.",
        "en": " Own margin: {target}.",
    },
    "explain_check_ambition_programme": {
        "nl": "Programmering {value} woningen tegen een ambitie van {target} (beide netto "
        "toevoeging). De norm voor de programmering is de plancapaciteit (toets hierboven).",
        "en": "Programme of {value} homes against an ambition of {target} (both net "
        "additions). The programme's norm is the plan capacity (check above).",
    },
    "explain_check_plan_capacity": {
        "nl": "Voor 100% realisatie is {surcharge} extra aan plannen nodig: {target}; "
        "programmering {value} (beide netto toevoeging).",
        "en": "Realising 100% needs {surcharge} extra in plans: {target}; programme {value} "
        "(both net additions).",
    },
    "explain_check_plan_capacity_own": {
        "nl": " De Woonvisie rekent met 30% extra plannen (regels {lines}).",
        "en": " The Woonvisie counts 30% extra plans (lines {lines}).",
    },
    "explain_check_care_outflow": {
        "nl": "Zorgwoningen uit de 30%-regel: {value}; uitstroom en urgentie tot het doeljaar: "
        "{need}. Uitstroom en urgenten worden gehuisvest via toewijzing van nieuwe en "
        "bestaande sociale huurwoningen (regels 2775–2777), niet alleen via deze "
        "zorgwoningen.",
        "en": "Care homes from the 30% rule: {value}; outflow and urgency to the target year: "
        "{need}. Outflow and urgent cases are housed through allocations of new and existing "
        "social-rent homes (lines 2775–2777), not through these care homes alone.",
    },
    "explain_check_care_outflow_own": {
        "nl": " Eigen norm: {norm} van de uitstroom = {target}.",
        "en": " Own norm: {norm} of the outflow = {target}.",
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
        "nl": "Ouderenhuishoudens 2019 (een kleine)",
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
    "part_of": {"nl": "Onderdeel van", "en": "Part of"},
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
    # the Bronnen tab: table descriptions, ranges and source references (fmt_source)
    "description": {"nl": "Beschrijving", "en": "Description"},
    "unit": {"nl": "Eenheid", "en": "Unit"},
    "range_to": {"nl": "{lo} tot {hi}", "en": "{lo} to {hi}"},
    "one_of": {"nl": "een van: {}", "en": "one of: {}"},
    "yes_or_no": {"nl": "ja of nee", "en": "yes or no"},
    "word_and": {"nl": "en", "en": "and"},
    "line_one": {"nl": "regel {}", "en": "line {}"},
    "line_many": {"nl": "regels {}", "en": "lines {}"},
    "doc_section": {"nl": "§{}", "en": "§{}"},
    "doc_table": {"nl": "Tabel {}", "en": "Table {}"},
    "doc_table_footnote": {"nl": "Tabel {}, voetnoot", "en": "Table {}, footnote"},
    "doc_appendix": {"nl": "bijlage {}", "en": "appendix {}"},
    "doc_figure": {"nl": "Figuur {}", "en": "Figure {}"},
    "source_note_forecast": {
        "nl": "de programmering volgt CBS 2022",
        "en": "the programme follows CBS 2022",
    },
    "source_note_target_year_inclusive": {
        "nl": "'Tot 2032' laat twee lezingen toe: met 2032 (2024–2032, 9 bouwjaren; standaard) "
        "of zonder (2024–2031, 8 bouwjaren). 'Tot en met 2032' staat alleen bij het "
        "basisscenario (regel 583). Zie de datanotitie 'Tot 2032' onder Bronnen",
        "en": "'Tot 2032' reads two ways: with 2032 (2024–2032, 9 building years; the default) "
        "or without (2024–2031, 8 building years). 'Tot en met 2032' (up to and including) is "
        "printed only for the basis scenario (line 583). See the data note 'Tot 2032' under "
        "Sources",
    },
    "source_note_care_base": {
        "nl": "4.220 nieuwe sociale huurwoningen, bruto (vóór sloop)",
        "en": "4,220 new social rent homes, gross (before demolition)",
    },
    "source_note_elderly_scale": {
        "nl": "schaalfactor op Tabel 2 (1 = zoals gepubliceerd)",
        "en": "scale factor on Table 2 (1 = as published)",
    },
    "source_note_elderly_to_2030_inclusive": {
        "nl": "'tot' telt 2030 niet mee (2024–2029 = 6 jaar)",
        "en": "'tot' (up to) excludes 2030 (2024–2029 = 6 years)",
    },
    "source_note_outflow_youth_care": {"nl": "nog niet bekend", "en": "not yet known"},
    "source_note_affordable_basis": {
        "nl": "nieuwbouw, geteld vóór sloop (bruto); netto is de strengere lezing",
        "en": "new build, counted before demolition (gross); net is the stricter reading",
    },
    "source_note_split_norm_tolerance": {
        "nl": "eigen norm (0 = geen): de Woonvisie stelt 30/40/30 ‘in de basis’ en staat meer "
        "middeldure woningen toe waar sociale huur meer dan 30% van de voorraad is, maar noemt "
        "geen marge",
        "en": "own norm (0 = none): the Woonvisie sets 30/40/30 ‘in de basis’ and allows more "
        "mid-priced homes where social rent exceeds 30% of the stock, but sets no tolerance",
    },
    "source_note_care_outflow_norm": {
        "nl": "eigen norm (0 = geen): de Woonvisie stelt geen norm voor zorgwoningen tegen "
        "uitstroom en urgentie; die worden gehuisvest via toewijzingen van nieuwe en bestaande "
        "sociale huur",
        "en": "own norm (0 = none): the Woonvisie sets no norm for care homes against outflow "
        "and urgency, which are housed through allocations of new and existing social rent",
    },
    "source_note_fan_failure": {
        "nl": "planuitval rond de 30% van de Woonvisie; de bandbreedte is een aanname, geen bron",
        "en": "plan failure around the Woonvisie's 30%; the range is an assumption, no source",
    },
    "source_note_fan_failure_range": {
        "nl": "aanname, geen bron: een bandbreedte rond de 30% planuitval van regels 677–679",
        "en": "assumption, no source: a range around the 30% plan failure of lines 677–679",
    },
    "source_note_no_source": {"nl": "aanname, geen bron", "en": "assumption, no source"},
    "source_note_goal_probability": {
        "nl": "eigen keuze: de kans waarvoor 'Wat is er nodig?' het bouwtempo zoekt",
        "en": "own choice: the chance for which 'What does it take?' seeks the build rate",
    },
    # the sources of the sensitivity's sweep ranges and the fan's forecasts (model.assumptions)
    "source_note_ambition_range": {
        "nl": "van het basisscenario ‘circa 3.520’ tot de ambitie ‘9.300’",
        "en": "from the basis scenario ‘circa 3.520’ to the ambition ‘9.300’",
    },
    "source_note_target_year_range": {
        "nl": "‘Tot 2032 voegen we 9300 woningen toe’ en Figuur 4: ‘9.300 WONINGEN TOT 2030’",
        "en": "‘Tot 2032 voegen we 9300 woningen toe’ and Figure 4: ‘9.300 WONINGEN TOT 2030’",
    },
    "source_note_start_year_range": {
        "nl": "aanname, geen bron: een jaar rond 1-1-2024 (bijlage 5.3)",
        "en": "assumption, no source: one year either side of 1-1-2024 (appendix 5.3)",
    },
    "source_note_forecasts_equal_weights": {
        "nl": "vier prognoses; gelijk gewogen: aanname, geen bron",
        "en": "four forecasts; equal weights: assumption, no source",
    },
    "fan_failure_low": {
        "nl": "Planuitval, laagste (aanname, geen bron)",
        "en": "Plan failure, lowest (assumption, no source)",
    },
    "fan_failure_high": {
        "nl": "Planuitval, hoogste (aanname, geen bron)",
        "en": "Plan failure, highest (assumption, no source)",
    },
    "fan_build_rate_spread": {
        "nl": "Spreiding bouwtempo over de periode (aanname, geen bron)",
        "en": "Build-rate spread over the period (assumption, no source)",
    },
    "fan_yearly_spread": {
        "nl": "Spreiding per jaar (aanname, geen bron)",
        "en": "Spread per year (assumption, no source)",
    },
    "goal_probability": {
        "nl": "Gewenste kans om de ambitie te halen",
        "en": "Wanted chance of reaching the ambition",
    },
    "invalid_value": {"nl": "Ongeldige waarde", "en": "Invalid value"},
    "shares_must_add": {
        "nl": "De aandelen sociale huur, middelduur en duur moeten samen 100% zijn.",
        "en": "The shares social rent, mid-priced and expensive must add to 100%.",
    },
    "yes": {"nl": "ja", "en": "yes"},
    "no": {"nl": "nee", "en": "no"},
    # scenario presets (woonlib.model.presets)
    "preset": {"nl": "Voorinstelling", "en": "Preset"},
    "preset_woonvisie_2024": {"nl": "Woonvisie 2024", "en": "Woonvisie 2024"},
    "preset_basis": {"nl": "Basisscenario", "en": "Basis scenario"},
    "preset_groei_9300": {"nl": "Groeiscenario 9.300", "en": "Growth scenario 9,300"},
    "preset_woondeal_30_40_30": {
        "nl": "Woondeal-norm 30/40/30",
        "en": "Woondeal norm 30/40/30",
    },
    "preset_huidige_programmering": {"nl": "Huidige programmering", "en": "Current programme"},
    "preset_note_woonvisie_2024": {
        "nl": "De aannames van de Woonvisie 2024: 'Tot 2032 voegen we 9300 woningen toe' "
        "(regel 562), gerekend met 2032 als laatste bouwjaar (9 bouwjaren, 2024–2032), "
        "verdeeld volgens de Woondeal-norm 30/40/30.",
        "en": "The assumptions of the Woonvisie 2024: 'Tot 2032 voegen we 9300 woningen toe' "
        "(line 562: 9,300 homes added up to 2032), counted with 2032 as the last building "
        "year (9 building years, 2024–2032), split by the Woondeal norm 30/40/30.",
    },
    "preset_note_basis": {
        "nl": "Ambitie gelijk aan het basisscenario: woningvraag uit de CBS-prognose 2022 (2.675) "
        "plus inlopen van het woningtekort (850) = 3.525; de tekst schrijft 'circa 3.520'. "
        "De verdeling blijft 30/40/30: in het basisscenario is sociale huur negatief, want "
        "bijlage 5.3 drukt 2675 eengezins- en -3130 meergezinswoningen af (regels 4979–4981), "
        "samen -455; de totaalregel drukt '45' (regel 4983) en Figuur 5 (regel 806) toont het "
        "getal niet leesbaar. Uit een negatief aandeel zijn geen aandelen af te leiden.",
        "en": "Ambition equal to the basis scenario: demand from the CBS 2022 forecast (2,675) "
        "plus catching up the housing shortage (850) = 3,525; the text says 'about 3,520'. "
        "The split stays 30/40/30: social rent is negative in the basis scenario, since "
        "appendix 5.3 prints 2675 single-family and -3130 apartment homes (lines 4979–4981), "
        "together -455; its total line prints '45' (line 4983) and Figure 5 (line 806) does not "
        "print the figure legibly. No shares can be taken from a negative share.",
    },
    "preset_note_groei_9300": {
        "nl": "Ambitie 9.300 met de verdeling van het groeiscenario uit Figuur 5: 2.090 sociale "
        "huur, 5.160 middelduur en 2.050 duur (samen 9.300), als exacte breuken. Figuur 5 geeft "
        "wat 'nodig is tot 2030' (regel 790), de ambitie zegt 'Tot 2032' (regel 562); het "
        "doeljaar blijft 2032.",
        "en": "Ambition 9,300 split as the growth scenario of Figure 5: 2,090 social rent, "
        "5,160 mid-priced and 2,050 expensive (together 9,300), as exact fractions. Figure 5 "
        "gives what is 'needed up to 2030' (line 790), the ambition says 'Tot 2032' (line "
        "562); the target year stays 2032.",
    },
    "preset_note_woondeal_30_40_30": {
        "nl": "Ambitie 9.300 en de Woondeal-norm 30/40/30. Dit is in alle aannames gelijk aan "
        "de Woonvisie 2024, die deze norm overneemt.",
        "en": "Ambition 9,300 and the Woondeal norm 30/40/30. This equals the Woonvisie 2024 "
        "in every assumption: the Woonvisie adopts this norm.",
    },
    "preset_note_huidige_programmering": {
        "nl": "Ambitie gelijk aan de huidige programmering: 8.305 woningen, de som van Figuur 5 "
        "(2.720 + 2.915 + 2.670), verdeeld zoals die programmering. Sociale huur is netto na "
        "sloop (4.220 nieuwbouw min 1.500 sloop); bijlage 5.3 telt in totaal 8.315. De "
        "vergelijking 'Scenario: aangenomen verdeling tegen 70% betaalbaar' toont deze netto "
        "verdeling (67,9%), strenger gelezen dan de Woonvisie, die nieuwbouw vóór sloop telt "
        "(72,7%).",
        "en": "Ambition equal to the current programme: 8,305 homes, the sum of Figure 5 "
        "(2,720 + 2,915 + 2,670), split as that programme. Social rent is net of demolition "
        "(4,220 new build minus 1,500 demolished); appendix 5.3 adds up to 8,315. The "
        "comparison 'Scenario: assumed split against 70% affordable' shows this net split "
        "(67.9%), read more strictly than the Woonvisie, which counts new build before "
        "demolition (72.7%).",
    },
    # the scenario memo (woonlib.report.memo)
    "memo_title": {
        "nl": "Scenario-notitie Woonvisie Enschede 2024",
        "en": "Scenario memo Woonvisie Enschede 2024",
    },
    "memo_intro": {
        "nl": "Doorrekening van een scenario met het rekenmodel van de Woonvisie Enschede 2024. "
        "Alle cijfers volgen uit de aannames; wat niet hieronder staat, is gelijk aan de "
        "Woonvisie.",
        "en": "A scenario worked out with the model of the Woonvisie Enschede 2024. Every "
        "number follows from the assumptions; whatever is not listed below equals the Woonvisie.",
    },
    "memo_date": {"nl": "Datum", "en": "Date"},
    "memo_changed": {
        "nl": "Aannames die afwijken van de Woonvisie",
        "en": "Assumptions that differ from the Woonvisie",
    },
    "memo_none_changed": {
        "nl": "Geen: alle aannames zijn die van de Woonvisie 2024.",
        "en": "None: every assumption is that of the Woonvisie 2024.",
    },
    "memo_in_scenario": {"nl": "In dit scenario", "en": "In this scenario"},
    "memo_in_woonvisie": {"nl": "Woonvisie", "en": "Woonvisie"},
    "memo_status": {"nl": "Uitkomst", "en": "Outcome"},
    "memo_check": {"nl": "Toets", "en": "Check"},
    "memo_explanation": {"nl": "Toelichting", "en": "Explanation"},
    "memo_charts": {"nl": "Grafieken", "en": "Charts"},
    "memo_footer": {
        "nl": "Gemaakt met woonlib. Regelnummers verwijzen naar de tekstversie van de Woonvisie "
        "Enschede 2024 in het datapakket.",
        "en": "Made with woonlib. Line numbers refer to the text version of the Woonvisie "
        "Enschede 2024 in the data package.",
    },
    # --- scenario bar, links, compare (woonlib/ui/scenario_bar.py, links.py, compare.py) ---
    "tab_compare": {"nl": "Vergelijken", "en": "Compare"},
    "compare_title": {"nl": "Twee scenario's naast elkaar", "en": "Two scenarios side by side"},
    "compare_a": {"nl": "Scenario A", "en": "Scenario A"},
    "compare_b": {"nl": "Scenario B", "en": "Scenario B"},
    "compare_current": {"nl": "Huidig scenario", "en": "Current scenario"},
    "compare_loaded": {"nl": "Geladen bestand", "en": "Loaded file"},
    "compare_indicators": {"nl": "Kerncijfers: A tegen B", "en": "Headline figures: A against B"},
    "compare_segments": {
        "nl": "Woningen per segment: A tegen B",
        "en": "Homes per segment: A against B",
    },
    "indicator": {"nl": "Kerncijfer", "en": "Indicator"},
    "difference": {"nl": "Verschil", "en": "Difference"},
    "undo": {"nl": "Ongedaan maken", "en": "Undo"},
    "redo": {"nl": "Opnieuw", "en": "Redo"},
    "language_nl": {"nl": "Nederlands", "en": "Nederlands"},
    "language_en": {"nl": "English", "en": "English"},
    "share": {"nl": "Deel", "en": "Share"},
    "share_link": {"nl": "Link naar dit scenario", "en": "Link to this scenario"},
    "copy_link": {"nl": "Kopieer link", "en": "Copy link"},
    "link_copied": {"nl": "Link gekopieerd", "en": "Link copied"},
    "link_selected": {
        "nl": "Link geselecteerd: kopieer met Ctrl+C",
        "en": "Link selected: copy with Ctrl+C",
    },
    "link_ignored": {
        "nl": "Niet gebruikt uit de link",
        "en": "Not used from the link",
    },
    "query_unknown": {"nl": "onbekende aanname", "en": "unknown assumption"},
    "query_malformed": {"nl": "geen geldige waarde", "en": "not a valid value"},
    "query_out_of_range": {"nl": "buiten het toegestane bereik", "en": "outside the allowed range"},
    "query_shares": {
        "nl": "aandelen tellen niet op tot 100%",
        "en": "shares do not add up to 100%",
    },
    "query_conflict": {
        "nl": "past niet bij de andere waarden",
        "en": "does not fit the other values",
    },
    "query_too_long": {"nl": "link te lang", "en": "link too long"},
    "query_too_many": {"nl": "te veel parameters", "en": "too many parameters"},
    "save_scenario": {"nl": "Opslaan (JSON)", "en": "Save (JSON)"},
    "save_scenario_help": {
        "nl": "Het scenario als JSON-bestand, ook te gebruiken met python -m woonlib",
        "en": "The scenario as a JSON file, also usable with python -m woonlib",
    },
    "load_scenario": {"nl": "Laden (JSON)", "en": "Load (JSON)"},
    "load_scenario_help": {
        "nl": "Een opgeslagen scenario (JSON) laden",
        "en": "Load a saved scenario (JSON)",
    },
    "load_failed": {"nl": "Scenario niet geladen", "en": "Scenario not loaded"},
    "scenario_loaded": {
        "nl": "{name} geladen: {read} gelezen, {count} anders dan de Woonvisie: {items}.",
        "en": "{name} loaded: {read} read, {count} different from the Woonvisie: {items}.",
    },
    "scenario_loaded_default": {
        "nl": "{name} geladen: {read} gelezen, alle gelijk aan de Woonvisie.",
        "en": "{name} loaded: {read} read, all equal to the Woonvisie.",
    },
    "invalid_json": {
        "nl": "geen geldige JSON (regel {line}, kolom {column})",
        "en": "not valid JSON (line {line}, column {column})",
    },
    "not_utf8": {"nl": "geen UTF-8-tekst", "en": "not UTF-8 text"},
    "invalid_scenario": {
        "nl": "geen geldig scenario: verwacht een object van aanname → waarde",
        "en": "not a valid scenario: expected an object of assumption → value",
    },
    "file_too_large": {
        "nl": "bestand te groot (max. 100 kB)",
        "en": "file too large (max. 100 kB)",
    },
    "download_excel": {"nl": "Excel", "en": "Excel"},
    "download_csv": {"nl": "CSV-bestand", "en": "CSV file"},
    "download_memo": {"nl": "Scenario-notitie", "en": "Scenario memo"},
    "download_memo_help": {
        "nl": "Afdrukbare notitie (HTML) met aannames, kerncijfers, toetsen, grafieken en bronnen",
        "en": "Printable memo (HTML) with assumptions, figures, checks, charts and sources",
    },
    "download_failed": {
        "nl": "Het bestand kon niet worden gemaakt; probeer het opnieuw.",
        "en": "The file could not be made; please try again.",
    },
    "history": {"nl": "Geschiedenis", "en": "History"},
    "history_empty": {"nl": "Nog niets gewijzigd.", "en": "Nothing changed yet."},
    "preset_custom": {"nl": "Eigen scenario", "en": "Own scenario"},
}

# The labels of 'Van plan naar voortgang' (monitor, fan, goal seek, sensitivity) and of the
# scenario store live in their own modules for size; they are part of this one catalogue.
for _more in (PROGRESS_LABELS, STORE_LABELS):
    _clash = set(LABELS) & set(_more)
    assert not _clash, f"label keys defined twice: {sorted(_clash)}"
    LABELS.update(_more)

UNITS: dict[str, L] = {
    "homes": {"nl": "woningen", "en": "homes"},
    "homes/year": {"nl": "woningen per jaar", "en": "homes per year"},
    RATE_NEEDED: {"nl": "woningen per jaar", "en": "homes per year"},
    CHANCE: {"nl": "%", "en": "%"},
    "households": {"nl": "huishoudens", "en": "households"},
    "years": {"nl": "jaar", "en": "years"},
    "year": {"nl": "jaartal", "en": "year"},
    "fraction": {"nl": "%", "en": "%"},
    "factor": {"nl": "factor", "en": "factor"},
    "bool": {"nl": "ja/nee", "en": "yes/no"},
    "choice": {"nl": "keuze", "en": "choice"},
    "percent": {"nl": "procent", "en": "percent"},
    "per row (column unit)": {"nl": "verschilt per rij", "en": "differs per row"},
    "pp": {"nl": "procentpunt", "en": "percentage points"},
    "inhabitants": {"nl": "inwoners", "en": "inhabitants"},
    "months": {"nl": "maanden", "en": "months"},
    "weeks": {"nl": "weken", "en": "weeks"},
    "places": {"nl": "plaatsen", "en": "places"},
    "units": {"nl": "eenheden", "en": "units"},
    "students": {"nl": "studenten", "en": "students"},
    "points": {"nl": "punten", "en": "points"},
    "trees": {"nl": "bomen", "en": "trees"},
    "mm": {"nl": "mm", "en": "mm"},
}


# Nouns counted on the page: (singular, plural) per language, for `fmt_count`.
COUNTED: dict[str, dict[str, tuple[str, str]]] = {
    "problem": {"nl": ("probleem", "problemen"), "en": ("problem", "problems")},
    "assumption_changed": {
        "nl": ("aanname gewijzigd", "aannames gewijzigd"),
        "en": ("assumption changed", "assumptions changed"),
    },
    "row": {"nl": ("rij", "rijen"), "en": ("row", "rows")},
    "assumption": {"nl": ("aanname", "aannames"), "en": ("assumption", "assumptions")},
}


def fmt_count(count: int, noun: str) -> str:
    """1 -> '1 probleem', 3 -> '3 problemen' (nl); '1 problem', '3 problems' (en)."""
    lang = current_lang()
    one, many = COUNTED[noun][lang]
    return f"{fmt_number(count)} {one if count == 1 else many}"


# Items whose words follow their sign: a negative value reads as the other word, positive.
SIGNED_ITEMS = {"build_shortfall": "build_surplus"}


def signed_item(key: str, value: float) -> tuple[str, float]:
    """('build_shortfall', -2150) -> ('build_surplus', 2150); other items stay as they are."""
    other = SIGNED_ITEMS.get(key)
    if other is not None and value < 0:
        return other, -value
    return key, value


def label(key: str, lang: str | None = None) -> str:
    """The label of `key` in `lang`; a missing key raises KeyError (caught by the tests)."""
    lang = lang or _ACTIVE.get()
    return LABELS[key][lang]


def unit_label(unit: str) -> str:
    lang = current_lang()
    return UNITS[unit][lang] if unit in UNITS else unit


def fmt_number(value: float, decimals: int = 0) -> str:
    """9300 -> '9.300' (nl) or '9,300' (en); NaN -> '–'."""
    lang = current_lang()
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    return _fmt_number(float(value), lang, decimals)


@functools.lru_cache(maxsize=4096)  # Babel takes ~40 µs a number; tables repeat most numbers
def _fmt_number(value: float, lang: str, decimals: int) -> str:
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return format_decimal(value, format=pattern, locale=LOCALES[lang])


def fmt_percent(fraction: float, decimals: int = 1) -> str:
    """0.678 -> '67,8%' (nl) or '67.8%' (en)."""
    lang = current_lang()
    return _fmt_percent(float(fraction), lang, decimals)


@functools.lru_cache(maxsize=4096)
def _fmt_percent(fraction: float, lang: str, decimals: int) -> str:
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "") + "%"
    return format_percent(fraction, format=pattern, locale=LOCALES[lang])


def fmt_euro(value: float) -> str:
    """390000 -> '€ 390.000' (nl) or '€390,000' (en); cents only when present."""
    lang = current_lang()
    digits = value != int(value)
    pattern = ("¤ #,##0" if lang == "nl" else "¤#,##0") + (".00" if digits else "")
    return format_currency(
        value, "EUR", format=pattern, locale=LOCALES[lang], currency_digits=False
    )


def shown(value: float, unit: str) -> float:
    """`value` rounded as the page shows it: the one rounding rule for what is shown.

    A needed rate (`RATE_NEEDED`) rounds up to a whole home, since 1.033,3 a year does not
    reach the ambition and 1.033 would not either: 1.034; a chance (`CHANCE`) to a whole
    percent; anything else is returned as it is (its format rounds it to nearest).
    Non-finite values are returned as they are.
    """
    if not math.isfinite(value):
        return value
    if unit == RATE_NEEDED:
        return float(max(math.ceil(value - 1e-9), 0))
    if unit == CHANCE:
        return round(value, 2)
    return value


def fmt_value(value: object, unit: str) -> str:
    """Format `value` by its unit: homes as whole numbers, fractions as percent, years bare;
    a needed rate rounded up and a chance in whole percent (`shown`)."""
    if unit == "bool" or isinstance(value, bool):
        return label("yes" if value else "no")
    if isinstance(value, str):
        return label(value) if value in LABELS else value
    if not isinstance(value, numbers.Real):
        raise TypeError(f"cannot format {value!r} as {unit}")
    number = shown(float(value), unit)
    if unit == CHANCE:
        return fmt_percent(number, decimals=0)
    if unit == "fraction":
        return fmt_percent(number)
    if unit == "pp":  # a difference of two fractions, in percentage points
        return fmt_points(number)
    if unit in ("year", "years"):
        return str(int(number))
    if unit in ("euro", "euro/month"):
        return fmt_euro(number)
    if unit == "factor":
        return fmt_number(number, decimals=2)
    return fmt_number(number)


def fmt_points(difference: float, decimals: int = 1) -> str:
    """A difference of two fractions in percentage points: 0.359 -> '35,9 procentpunt'."""
    lang = current_lang()
    return f"{fmt_number(difference * 100, decimals)} {UNITS['pp'][lang]}"


def fmt_date(day: datetime.date) -> str:
    """2025-05-07 -> '7 mei 2025' (nl) or '7 May 2025' (en)."""
    lang = current_lang()
    return format_date(day, format="long", locale=LOCALES[lang])


def check_texts(check: Any) -> tuple[str, str, str]:
    """(title, status word, explanation with its norm) of a row of `policy_checks`.

    The one place the checks are put into words: the page, the memo, the exports and the
    command line all show this text.
    """
    name, unit, extra = str(check.check), str(check.unit), dict(check.extra or {})
    fields = {
        "value": fmt_value(check.value, unit),
        "target": fmt_value(check.target, unit),
        "need": fmt_value(extra.get("need", 0.0), "homes"),
        "norm": fmt_value(extra.get("norm", 0.0), "fraction"),
        "surcharge": fmt_value(extra.get("surcharge", 0.0), "fraction"),
        "gross": fmt_value(extra.get("gross", 0.0), "fraction"),
        "net": fmt_value(extra.get("net", 0.0), "fraction"),
        "basis": label(str(extra.get("basis", "gross"))).split(":")[0].lower(),
        **{s: fmt_value(extra.get(s, 0.0), "fraction") for s in SEGMENT_KEYS},
    }
    key = f"explain_{name}"
    if name == "check_affordable_programme":
        key += f"_{extra.get('basis', 'gross')}"
    text = label(key)
    norm = str(check.norm)
    if norm == "own" and f"{key}_own" in LABELS:
        text += label(f"{key}_own")
    sentence = f"norm_{norm}_{name}" if f"norm_{norm}_{name}" in LABELS else f"norm_{norm}"
    text += " " + label(sentence)
    explanation = text.format(lines=check.source.lines_text(), **fields)  # norm's lines
    return label(name), label(str(check.status)), explanation


SEGMENT_KEYS = ("social_rent", "mid_priced", "expensive")


# --- sources, ranges and quantities (the Bronnen tab, exports, help texts) -------------------

# named after the number
QUANTITY_UNITS = ("homes", "homes/year", RATE_NEEDED, "households", "years")


def fmt_quantity(value: object, unit: str) -> str:
    """A value with its unit where a bare number says too little: '9.300 woningen', '30,0%'."""
    text = fmt_value(value, unit)
    return f"{text} {unit_label(unit)}" if unit in QUANTITY_UNITS else text


def _range_end(value: float, unit: str) -> str:
    if unit == "fraction":
        return fmt_percent(value, decimals=0 if float(value * 100).is_integer() else 1)
    if unit in ("year", "years"):
        return str(int(value))
    return fmt_number(value, decimals=0 if float(value).is_integer() else 2)


def fmt_range(minimum: float, maximum: float, unit: str) -> str:
    """0, 5000, homes -> '0 tot 5.000 woningen' (nl) or '0 to 5,000 homes' (en)."""
    ends = {"lo": _range_end(minimum, unit), "hi": _range_end(maximum, unit)}
    text = label("range_to").format(**ends)
    return f"{text} {unit_label(unit)}" if unit in QUANTITY_UNITS else text


def fmt_allowed(
    unit: str,
    minimum: float | None,
    maximum: float | None,
    choices: tuple[str, ...] = (),
) -> str:
    """What an assumption may be: a range, 'ja of nee', or 'een van: CBS 2022, …' by label."""
    if choices:
        names = [label(c) if c in LABELS else c for c in choices]
        return label("one_of").format(", ".join(names))
    if unit == "bool" or minimum is None or maximum is None:
        return label("yes_or_no")
    return fmt_range(minimum, maximum, unit)


def _span(span: Span) -> str:
    if isinstance(span, tuple):
        first, last = span
        return str(first) if first == last else f"{first}–{last}"
    return str(span)


def fmt_lines(lines: tuple[Span, ...] | list[Span]) -> str:
    """(3091, 3099) -> 'regels 3091–3099'; 589 -> 'regel 589'; two spans joined by 'en'."""
    spans = [_span(s) for s in lines]
    if not spans:
        return ""
    joined = spans[-1]
    if len(spans) > 1:
        joined = f"{', '.join(spans[:-1])} {label('word_and')} {joined}"
    one = len(spans) == 1 and "–" not in joined
    return label("line_one" if one else "line_many").format(joined)


def chance_basis_text(ranges: Mapping[str, float], without: Mapping[str, float]) -> str:
    """One sentence on what the chance of the ambition rests on: the assumed spreads
    (`ranges`: build_rate_spread, yearly_spread, failure_low, failure_high [-]) and the chance
    without them (`without`: no_pace, none [-], `uncertainty.chances_without_assumed_spreads`).
    """
    pct = {k: fmt_percent(v, decimals=0) for k, v in ranges.items()}
    return label("chance_basis").format(
        pace=pct["build_rate_spread"],
        yearly=pct["yearly_spread"],
        low=pct["failure_low"],
        high=pct["failure_high"],
        no_pace=fmt_value(without["no_pace"], CHANCE),
        none=fmt_value(without["none"], CHANCE),
    )


def sweep_text(kind: str, lines: tuple[Span, ...] = ()) -> str:
    """Where a swept range comes from: 'bron, regels 583 en 589' where those lines of the
    Woonvisie print it, else the kind in words ('aanname, geen bron', 'alle keuzes', …)."""
    if kind == "stated" and lines:
        return label("sweep_stated").format(lines=fmt_lines(lines))
    return label(f"sweep_{kind}")


def fmt_source(ref: Ref) -> str:
    """A reference in the active language: 'Woonvisie Enschede 2024, Tabel 2 (Mondria 2023), regels
    3091–3099' or '…, Table 2 (Mondria 2023), lines 3091–3099'; quote kept as printed."""
    parts = [ref.document]
    if ref.part:
        parts.append(label(ref.part).format(ref.number) + (f" ({ref.by})" if ref.by else ""))
    if ref.lines:
        parts.append(fmt_lines(ref.lines))
    text = ", ".join(parts)
    if ref.quote:
        text += f": ‘{ref.quote}’"
    if ref.note:
        text += f" — {label(ref.note)}"
    return text


def pick(entry: Mapping[str, Any], field: str) -> str:
    """A data-package text in the active language: `<field>_<lang>` where the package has
    it, else `<field>` (resources have English `title` with `title_nl`; sources Dutch
    `table` with `table_en`)."""
    lang = current_lang()
    return str(entry.get(f"{field}_{lang}") or entry.get(field) or "")


def fmt_amount(value: float, unit: str) -> str:
    """A target's amount with its unit: '9.300 woningen', '70%', '€ 390.000', '2032'."""
    if unit == "percent":
        return f"{fmt_number(value, decimals=0 if value == int(value) else 1)}%"
    if unit in ("euro", "year"):
        return fmt_value(value, unit)
    decimals = 0 if value == int(value) else 1
    return f"{fmt_number(value, decimals)} {unit_label(unit)}"


def fmt_target(value: float, high: float | None, unit: str, comparator: str) -> str:
    """A target as the page shows it: 'minstens 9.300 woningen', '1.000 tot 2.000 eenheden'."""
    if comparator == "range" and high is not None:
        low = fmt_number(value) if unit not in ("percent", "euro", "year") else None
        return label("cmp_range").format(
            v=low or fmt_amount(value, unit), high=fmt_amount(high, unit)
        )
    if comparator in ("by", "since"):
        return label(f"cmp_{comparator}").format(v=str(int(value)))
    return label(f"cmp_{comparator}").format(v=fmt_amount(value, unit))


def outcome_title(o: Any, a: Any) -> str:
    """The title of an outcome testing the ambition (`woonlib.model.register.Outcome`: the
    build path or the chance), noting when scenario `a` asks another ambition or year."""
    ambition = fmt_amount(o.target, "homes")
    first, last = o.years
    if o.key == "build_path":
        key = "outcome_build_path_realised" if o.realised_years else "outcome_build_path"
        rate = fmt_amount(a.build_rate, "homes/year")
        title = label(key).format(start=first, end=last, rate=rate, years=o.realised_years)
    else:
        title = label("outcome_reach_probability").format(target=ambition, end=o.horizon)
    if a.ambition_homes != round(o.target) or a.target_year != o.horizon:
        own = fmt_number(a.ambition_homes)
        title += label("outcome_source_ambition").format(target=ambition, ambition=own)
    return title


def outcome_value(o: Any) -> str:
    """An ambition outcome's value: the build path in homes, the chance as the fan shows it."""
    if o.key == "reach_probability":
        return fmt_value(o.value, CHANCE)
    return fmt_amount(o.value, "homes")


def monitor_problem_text(problem: Any) -> str:
    """A monitor-file problem in the active language: where (file, row, column) and which
    rule it breaks."""
    where = str(problem.file)
    if problem.row is not None:
        where += f", {label('row_word')} {problem.row}"
    if problem.column is not None:
        where += f", {label('column_word')} '{problem.column}'"
    rule = label(problem.rule) if problem.rule in LABELS else str(problem.text)
    return f"{where}: {rule.format(**dict(problem.params))}"


def monitor_read_text(name: str, read: Any) -> str:
    """What was read from monitor file `name` (a `MonitorRead`) in the active language: its
    rows, years and measures, or that it holds only its header (the template)."""
    if not read.rows:
        return label("monitor_header_only").format(name=name)
    span = "monitor_years_one" if read.first_year == read.last_year else "monitor_years_span"
    measures = ", ".join(label(m) if m in LABELS else m for m in read.measures)
    return label("monitor_read").format(
        name=name,
        rows=fmt_count(read.rows, "row"),
        years=label(span).format(first=read.first_year, last=read.last_year),
        measures=measures,
    )
