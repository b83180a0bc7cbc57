"""The label catalogue (Dutch and English, keyed by name) and every display format.

Nothing else in woonlib formats a number for display: Dutch by default (9.300, 67,8%,
€ 390.000), through Babel's CLDR data for nl_NL and en_GB.
"""

from __future__ import annotations

import datetime
import functools
import math
import numbers

from babel.dates import format_date
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
    # scenario presets (woonlib.presets)
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
        "nl": "De aannames van de Woonvisie 2024: ambitie 9.300 woningen tot en met 2032, "
        "verdeeld volgens de Woondeal-norm 30/40/30.",
        "en": "The assumptions of the Woonvisie 2024: an ambition of 9,300 homes up to and "
        "including 2032, split by the Woondeal norm 30/40/30.",
    },
    "preset_note_basis": {
        "nl": "Ambitie gelijk aan het basisscenario: woningvraag uit de CBS-prognose 2022 (2.675) "
        "plus inlopen van het woningtekort (850) = 3.525; de tekst schrijft 'circa 3.520'. "
        "De verdeling blijft 30/40/30: in het basisscenario is sociale huur negatief (-455, "
        "Figuur 5 en bijlage 5.3), dus daaruit zijn geen aandelen af te leiden.",
        "en": "Ambition equal to the basis scenario: demand from the CBS 2022 forecast (2,675) "
        "plus catching up the housing shortage (850) = 3,525; the text says 'about 3,520'. "
        "The split stays 30/40/30: social rent is negative in the basis scenario (-455, "
        "Figure 5 and appendix 5.3), so no shares can be taken from it.",
    },
    "preset_note_groei_9300": {
        "nl": "Ambitie 9.300 met de verdeling van het groeiscenario uit Figuur 5: 2.090 sociale "
        "huur, 5.160 middelduur en 2.050 duur (samen 9.300), als exacte breuken. Figuur 5 zegt "
        "'tot 2030', de tekst 'tot en met 2032'; het doeljaar blijft 2032.",
        "en": "Ambition 9,300 split as the growth scenario of Figure 5: 2,090 social rent, "
        "5,160 mid-priced and 2,050 expensive (together 9,300), as exact fractions. Figure 5 "
        "says 'up to 2030', the text 'up to and including 2032'; the target year stays 2032.",
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
        "sloop (4.220 nieuwbouw min 1.500 sloop); bijlage 5.3 telt in totaal 8.315.",
        "en": "Ambition equal to the current programme: 8,305 homes, the sum of Figure 5 "
        "(2,720 + 2,915 + 2,670), split as that programme. Social rent is net of demolition "
        "(4,220 new build minus 1,500 demolished); appendix 5.3 adds up to 8,315.",
    },
    # the scenario memo (woonlib.memo)
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
    return _fmt_number(float(value), lang, decimals)


@functools.lru_cache(maxsize=4096)  # Babel takes ~40 µs a number; tables repeat most numbers
def _fmt_number(value: float, lang: str, decimals: int) -> str:
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return format_decimal(value, format=pattern, locale=LOCALES[lang])


def fmt_percent(fraction: float, lang: str = "nl", decimals: int = 1) -> str:
    """0.678 -> '67,8%' (nl) or '67.8%' (en)."""
    return _fmt_percent(float(fraction), lang, decimals)


@functools.lru_cache(maxsize=4096)
def _fmt_percent(fraction: float, lang: str, decimals: int) -> str:
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


def fmt_date(day: datetime.date, lang: str = "nl") -> str:
    """2025-05-07 -> '7 mei 2025' (nl) or '7 May 2025' (en)."""
    return format_date(day, format="long", locale=LOCALES[lang])
