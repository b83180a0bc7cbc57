"""Labels for 'Van plan naar voortgang' (issue 13): monitor, fan, goal seek, sensitivity.

Same shape as `woonlib.report.labels.LABELS` ({key: {"nl": ..., "en": ...}}), to be merged into
the catalogue. The sensitivity outcomes programme_gap, affordable_share_*,
care_homes_from_social_rent and elderly_share_of_ambition are in the catalogue already.
Placeholders in braces are filled with `str.format` by the caller with numbers already
formatted by `woonlib.report.labels` (nothing here formats a number). The `monitor_*` rule keys
are those of `woonlib.data.monitor.MonitorProblem.rule`, with the same placeholders as
`MonitorProblem.params`.
"""

from __future__ import annotations

L = dict[str, str]

_MONITOR_RULES: dict[str, L] = {
    "monitor_file_missing": {"nl": "bestand ontbreekt", "en": "file missing"},
    "monitor_not_readable": {
        "nl": "niet te lezen als CSV of Excel (.xlsx): {detail}",
        "en": "not readable as CSV or Excel (.xlsx): {detail}",
    },
    "monitor_column_missing": {"nl": "verplichte kolom ontbreekt", "en": "required column missing"},
    "monitor_column_unknown": {
        "nl": "onbekende kolom (toegestaan: year, measure, value, unit, source, note)",
        "en": "unknown column (allowed: year, measure, value, unit, source, note)",
    },
    "monitor_year_not_whole": {
        "nl": "het jaar moet een heel getal zijn",
        "en": "year must be a whole number",
    },
    "monitor_year_out_of_range": {
        "nl": "het jaar moet tussen {low} en {high} liggen",
        "en": "year must be between {low} and {high}",
    },
    "monitor_measure_unknown": {
        "nl": "onbekende meetwaarde: gebruik homes_new_build, homes_social_rent, "
        "homes_mid_priced, homes_expensive, homes_demolished of een meetwaarde uit het "
        "doelenregister",
        "en": "unknown measure: use homes_new_build, homes_social_rent, homes_mid_priced, "
        "homes_expensive, homes_demolished or a measure of the targets register",
    },
    "monitor_value_not_number": {
        "nl": "de waarde moet een getal zijn (zonder scheidingsteken voor duizendtallen)",
        "en": "value must be a number (decimal point, no thousands separator)",
    },
    "monitor_thousands": {
        "nl": "{written}: schrijf {fixed}, zonder scheidingsteken",
        "en": "{written}: write {fixed}, without a separator",
    },
    "monitor_homes_negative": {
        "nl": "een aantal woningen kan niet negatief zijn",
        "en": "homes cannot be negative",
    },
    "monitor_homes_not_whole": {
        "nl": "een aantal woningen moet een heel getal zijn",
        "en": "homes must be a whole number",
    },
    "monitor_unit_wrong": {
        "nl": "de eenheid moet {expected} zijn voor deze meetwaarde (of leeg)",
        "en": "unit must be {expected} for this measure (or left empty)",
    },
    "monitor_source_missing": {
        "nl": "bron ontbreekt: elke waarde heeft een bron nodig",
        "en": "source missing: every value needs its source",
    },
    "monitor_duplicate": {
        "nl": "{year} heeft deze meetwaarde al ({first_file}, rij {first_row})",
        "en": "{year} already has this measure ({first_file}, row {first_row})",
    },
    "monitor_segments_without_total": {
        "nl": "woningen per segment voor {year} zonder het totaal van dat jaar (homes_new_build)",
        "en": "segment homes for {year} without the year's total (homes_new_build)",
    },
    "monitor_segments_exceed_total": {
        "nl": "de woningen per segment voor {year} tellen op tot {segments}, meer dan het totaal",
        "en": "segment homes for {year} add up to {segments}, more than the total",
    },
    "row_word": {"nl": "rij", "en": "row"},
    "column_word": {"nl": "kolom", "en": "column"},
    "monitor_where": {
        "nl": "{file}, rij {row}, kolom '{column}'",
        "en": "{file}, row {row}, column '{column}'",
    },
}

_MONITOR: dict[str, L] = {
    "progress_title": {"nl": "Van plan naar voortgang", "en": "From plan to progress"},
    "monitor_title": {"nl": "Gerealiseerd tegen het pad", "en": "Realised against the path"},
    "monitor_empty": {
        "nl": "Er zijn nog geen monitorgegevens. Laad hier een CSV- of Excelbestand met één "
        "waarde per rij (kolommen year, measure, value, unit, source, note); de sjabloon "
        "monitor-template.csv is hiernaast te downloaden.",
        "en": "There is no monitor data yet. Load a CSV or Excel file here with one value a row "
        "(columns year, measure, value, unit, source, note); the template monitor-template.csv "
        "can be downloaded beside it.",
    },
    "monitor_template": {"nl": "Sjabloon (CSV)", "en": "Template (CSV)"},
    "monitor_template_help": {
        "nl": "De lege sjabloon van een monitorbestand downloaden",
        "en": "Download the empty template of a monitor file",
    },
    "monitor_read": {
        "nl": "{name} gelezen: {rows}, {years}; meetwaarden: {measures}.",
        "en": "{name} read: {rows}, {years}; measures: {measures}.",
    },
    "monitor_header_only": {
        "nl": "{name} gelezen: alleen de kopregel, nog geen waarden. Vul per rij één waarde in "
        "(year, measure, value, source) en laad het bestand opnieuw.",
        "en": "{name} read: only the header row, no values yet. Fill in one value a row "
        "(year, measure, value, source) and load the file again.",
    },
    "monitor_years_one": {"nl": "jaar {first}", "en": "year {first}"},
    "monitor_years_span": {"nl": "jaren {first}–{last}", "en": "years {first}–{last}"},
    "monitor_upload": {"nl": "Monitorbestand laden", "en": "Load monitor file"},
    "monitor_upload_help": {
        "nl": "Een monitorbestand (CSV of Excel) laden; het blijft in deze sessie",
        "en": "Load a monitor file (CSV or Excel); it stays in this session",
    },
    "monitor_invalid": {
        "nl": "Het monitorbestand is niet gebruikt: {count}.",
        "en": "The monitor file was not used: {count}.",
    },
    "homes_new_build": {
        "nl": "Opgeleverde nieuwbouw (bruto)",
        "en": "New build completed (gross)",
    },
    "homes_social_rent": {"nl": "Waarvan sociale huur", "en": "Of which social rent"},
    "homes_mid_priced": {"nl": "Waarvan middelduur", "en": "Of which mid-priced"},
    "homes_expensive": {"nl": "Waarvan duur", "en": "Of which expensive"},
    "homes_demolished": {"nl": "Gesloopt", "en": "Demolished"},
    "realised": {"nl": "Gerealiseerd (netto)", "en": "Realised (net)"},
    "realised_gross": {"nl": "Gerealiseerd (bruto)", "en": "Realised (gross)"},
    "realised_cumulative": {
        "nl": "Gerealiseerd cumulatief (netto)",
        "en": "Realised cumulative (net)",
    },
    "path_cumulative": {"nl": "Bouwpad (bouwtempo)", "en": "Build path (build rate)"},
    "ambition_cumulative": {
        "nl": "Rechte lijn naar de ambitie",
        "en": "Straight line to the ambition",
    },
    "rate_needed_from_now": {
        "nl": "Nodig tempo vanaf nu voor de ambitie in {year}",
        "en": "Rate needed from now for the ambition by {year}",
    },
    "projected_year": {
        "nl": "Ambitie bereikt in {year} bij het tempo van {years} ({pace} per jaar)",
        "en": "Ambition reached in {year} at the pace of {years} ({pace} a year)",
    },
    "projected_never": {
        "nl": "Bij het tempo van {years} wordt de ambitie niet bereikt",
        "en": "At the pace of {years} the ambition is not reached",
    },
    "projected_reached": {
        "nl": "Ambitie bereikt in {year}",
        "en": "Ambition reached in {year}",
    },
    "segment_mix_basis": {
        "nl": "Opgeleverde nieuwbouw, bruto (vóór sloop, zoals de 70%-norm telt), in de jaren "
        "met een verdeling per segment; sloop staat apart.",
        "en": "New build completed, gross (before demolition, as the 70% norm counts), in the "
        "years with a split per segment; demolition is shown separately.",
    },
    "segment_unknown": {"nl": "Segment onbekend", "en": "Segment unknown"},
    "measured": {"nl": "Gemeten", "en": "Measured"},
    "measured_status_title": {
        "nl": "Doelen met een gemeten waarde",
        "en": "Targets with a measured value",
    },
    "fictional_example": {
        "nl": "FICTIEF VOORBEELD — geen echte cijfers van Enschede",
        "en": "FICTIONAL EXAMPLE — not real figures of Enschede",
    },
}

_FAN: dict[str, L] = {
    "fan_title": {
        "nl": "Onzekerheid: waaier van opleveringen",
        "en": "Uncertainty: fan of completions",
    },
    "fan_p10": {"nl": "10% kans op minder", "en": "10% chance of fewer"},
    "fan_p50": {"nl": "Mediaan", "en": "Median"},
    "fan_p90": {"nl": "10% kans op meer", "en": "10% chance of more"},
    "reach_probability": {"nl": "Kans op de ambitie", "en": "Chance of reaching the ambition"},
    "reach_probability_by": {
        "nl": "Kans op de ambitie in {year}",
        "en": "Chance of reaching the ambition by {year}",
    },
    "probability_need": {
        "nl": "Kans dat de woningbehoefte (vier prognoses) wordt gehaald",
        "en": "Chance of meeting the housing need (four forecasts)",
    },
    "no_source": {"nl": "aanname, geen bron", "en": "assumption, no source"},
    "range_failure_low": {"nl": "Planuitval, laag", "en": "Plan failure, low"},
    "range_failure_mode": {
        "nl": "Planuitval, meest waarschijnlijk",
        "en": "Plan failure, most likely",
    },
    "range_failure_high": {"nl": "Planuitval, hoog", "en": "Plan failure, high"},
    "range_build_rate_spread": {
        "nl": "Spreiding van het bouwtempo over de hele periode",
        "en": "Spread of the build rate over the whole period",
    },
    "range_yearly_spread": {
        "nl": "Spreiding van jaar tot jaar",
        "en": "Spread from year to year",
    },
    "range_forecasts": {
        "nl": "Huishoudensprognoses (gelijk gewogen)",
        "en": "Household forecasts (equally weighted)",
    },
    "chance_basis": {
        "nl": "Deze kans rust op het bouwtempo en op drie spreidingen die aannames zijn, zonder "
        "bron: het tempo over de hele periode (±{pace}), van jaar tot jaar (±{yearly}) en de "
        "planuitval ({low} tot {high}, rond de 30% van regels 677–679). Zonder de spreiding "
        "van het tempo is de kans {no_pace}; zonder alle drie {none}.",
        "en": "This chance rests on the build rate and on three spreads that are assumptions, "
        "with no source: the pace over the whole period (±{pace}), from year to year "
        "(±{yearly}) and plan failure ({low} to {high}, around the 30% of lines 677–679). "
        "Without the spread of the pace the chance is {no_pace}; without all three, {none}.",
    },
    "range_draws": {"nl": "Aantal trekkingen", "en": "Number of draws"},
    "range_seed": {"nl": "Startgetal (seed)", "en": "Random seed"},
    "fan_not_modelled": {
        "nl": "De waaier gaat ervan uit dat er plannen zijn voor het bouwtempo plus de extra "
        "plannen voor planuitval; de plannen in de huidige programmering staan bij de "
        "plancapaciteit.",
        "en": "The fan assumes plans exist for the build rate plus the extra plans for plan "
        "failure; the plans in the current programme are shown under plan capacity.",
    },
}

_GOALS: dict[str, L] = {
    "goals_title": {"nl": "Wat is er nodig?", "en": "What does it take?"},
    "goal_apply": {"nl": "Neem over in het scenario", "en": "Apply to the scenario"},
    "goal_met": {"nl": "Al gehaald", "en": "Already met"},
    "goal_assumed": {"nl": "Zo aangenomen in het scenario", "en": "So assumed in the scenario"},
    "goal_rate_for_ambition": {
        "nl": "Bouwtempo voor de ambitie in {year}: {build_rate} per jaar (nu {current})",
        "en": "Build rate for the ambition by {year}: {build_rate} a year (now {current})",
    },
    "goal_rate_for_ambition_from": {
        "nl": "Bouwtempo voor de ambitie in {year}, vanaf {from_year}: {build_rate} per jaar "
        "(nu {current})",
        "en": "Build rate for the ambition by {year}, from {from_year}: {build_rate} a year "
        "(now {current})",
    },
    "goal_reachable_year": {
        "nl": "Bij het huidige tempo is de ambitie bereikt in {target_year}",
        "en": "At the current rate the ambition is reached in {target_year}",
    },
    "goal_rate_for_chance": {
        "nl": "Bouwtempo voor {probability} kans op de ambitie: {build_rate} per jaar",
        "en": "Build rate for the ambition with a chance of {probability}: {build_rate} a year",
    },
    "goal_plan_capacity": {
        "nl": "Toe te voegen plannen voor {capacity} plancapaciteit: {to_add} woningen",
        "en": "Plans to add for a plan capacity of {capacity}: {to_add} homes",
    },
    "goal_programme_affordable": {
        "nl": "Voor 70% betaalbaar: {add} betaalbare woningen toevoegen, of {shift} dure "
        "woningen betaalbaar maken",
        "en": "For 70% affordable: add {add} affordable homes, or make {shift} expensive "
        "homes affordable",
    },
    "goal_programme_norm_split": {
        "nl": "Voor 30/40/30: per segment toevoegen of verschuiven in de programmering",
        "en": "For 30/40/30: homes per segment to add or shift in the programme",
    },
    "goal_scenario_affordable": {
        "nl": "Aandelen voor 70% betaalbaar in het scenario",
        "en": "Shares for 70% affordable in the scenario",
    },
    "goal_scenario_norm_split": {
        "nl": "Aandelen volgens de Woondeal-norm 30/40/30",
        "en": "Shares following the Woondeal norm 30/40/30",
    },
    "goal_target": {"nl": "Nodig voor dit doel", "en": "Needed for this target"},
    "goal_programme_only": {
        "nl": "Dit gaat over de programmering, niet over een aanname: er is niets over te nemen.",
        "en": "This is about the programme, not an assumption: there is nothing to apply.",
    },
    "goal_note_rate_above_maximum": {
        "nl": "Niet haalbaar binnen het toegestane bouwtempo",
        "en": "Not feasible within the allowed build rate",
    },
    "goal_note_year_above_maximum": {
        "nl": "Niet haalbaar vóór het laatste toegestane doeljaar",
        "en": "Not feasible before the last allowed target year",
    },
    "goal_note_rate_zero": {
        "nl": "Bij een bouwtempo van 0 wordt de ambitie nooit bereikt",
        "en": "At a build rate of 0 the ambition is never reached",
    },
    "goal_note_no_homes": {
        "nl": "Het scenario heeft geen woningen (ambitie 0)",
        "en": "The scenario has no homes (ambition 0)",
    },
}

_CHARTS: dict[str, L] = {
    "tab_progress": {"nl": "Voortgang", "en": "Progress"},
    "chart_realised": {
        "nl": "Gerealiseerd tegen bouwpad en ambitie (cumulatief, netto)",
        "en": "Realised against build path and ambition (cumulative, net)",
    },
    "chart_realised_year": {
        "nl": "Gerealiseerd in het jaar (netto)",
        "en": "Realised in the year (net)",
    },
    "chart_realised_cumulative": {
        "nl": "Gerealiseerd cumulatief (netto)",
        "en": "Realised cumulative (net)",
    },
    "chart_path_to_ambition": {
        "nl": "De weg naar de ambitie",
        "en": "The path to the ambition",
    },
    "chart_fan": {
        "nl": "Waaier: cumulatief opgeleverd, 10%–90% van de trekkingen",
        "en": "Fan: cumulative completions, 10%–90% of the draws",
    },
    "fan_band": {"nl": "80% van de uitkomsten", "en": "80% of the outcomes"},
    "chart_tornado": {
        "nl": "Verschuiving van de uitkomst over het bereik van elke aanname",
        "en": "Shift of the outcome across each assumption's range",
    },
    "tornado_low": {"nl": "Laagste uitkomst", "en": "Lowest outcome"},
    "tornado_high": {"nl": "Hoogste uitkomst", "en": "Highest outcome"},
}

_PANEL: dict[str, L] = {
    "monitor_files": {"nl": "Monitorgegevens uit", "en": "Monitor data from"},
    "realised_homes": {
        "nl": "Gerealiseerd sinds het startjaar (netto)",
        "en": "Realised since the start year (net)",
    },
    "build_rate_needed": {
        "nl": "Benodigd bouwtempo voor de ambitie (met monitor: vanaf nu)",
        "en": "Build rate needed for the ambition (with a monitor: from now on)",
    },
    "build_rate_needed_now": {
        "nl": "Benodigd bouwtempo vanaf nu",
        "en": "Build rate needed from now on",
    },
    "probability_reaching_ambition": {
        "nl": "Kans om de ambitie te halen",
        "en": "Chance of reaching the ambition",
    },
    "projected_year_text": {
        "nl": "In het tempo van de laatste drie gerealiseerde jaren is de ambitie bereikt in "
        "{year} (doeljaar {target}).",
        "en": "At the pace of the last three realised years the ambition is reached in {year} "
        "(target year {target}).",
    },
    "projected_never_text": {
        "nl": "In het tempo van de laatste drie gerealiseerde jaren wordt de ambitie niet "
        "bereikt (doeljaar {target}).",
        "en": "At the pace of the last three realised years the ambition is not reached "
        "(target year {target}).",
    },
    "segment_mix_title": {
        "nl": "Gerealiseerde verdeling tegen 30/40/30 en 70% betaalbaar",
        "en": "Realised split against 30/40/30 and 70% affordable",
    },
    "share_word": {"nl": "Aandeel", "en": "Share"},
    "homes_header": {"nl": "Woningen", "en": "Homes"},
    "measured_in": {"nl": "{value} (gemeten, {year})", "en": "{value} (measured, {year})"},
    "affordable": {
        "nl": "Betaalbaar (sociale huur en middelduur)",
        "en": "Affordable (social rent and mid-priced)",
    },
    "norm_word": {"nl": "Norm", "en": "Norm"},
    "fan_spread_text": {
        "nl": "in het doeljaar tussen {p10} en {p90} woningen (mediaan {p50}) tegen een "
        "ambitie van {ambition}",
        "en": "in the target year between {p10} and {p90} homes (median {p50}) against an "
        "ambition of {ambition}",
    },
    "fan_draws_text": {
        "nl": "{draws} trekkingen, vast startgetal: dezelfde aannames geven dezelfde waaier.",
        "en": "{draws} draws with a fixed seed: the same assumptions give the same fan.",
    },
    "or_shift": {"nl": "of verschuif", "en": "or shift"},
    "sens_run": {"nl": "Bereken gevoeligheid", "en": "Compute sensitivity"},
    "sens_outcome": {"nl": "Uitkomst", "en": "Outcome"},
    "sens_running": {
        "nl": "Bezig: elke aanname over haar bereik (ongeveer een halve seconde) …",
        "en": "Working: every assumption across its range (about half a second) …",
    },
    "sens_stale": {
        "nl": "Het scenario is gewijzigd: bereken de gevoeligheid opnieuw.",
        "en": "The scenario has changed: compute the sensitivity again.",
    },
    "sens_low": {"nl": "Waarde bij laagste uitkomst", "en": "Value at lowest outcome"},
    "sens_high": {"nl": "Waarde bij hoogste uitkomst", "en": "Value at highest outcome"},
    "sens_min": {"nl": "Laagste uitkomst", "en": "Lowest outcome"},
    "sens_base": {
        "nl": "Uitgangspunt: {base} in het scenario zoals het nu is",
        "en": "Starting point: {base} in the scenario as it is now",
    },
    "sens_max": {"nl": "Hoogste uitkomst", "en": "Highest outcome"},
    "sens_range": {"nl": "Bereik", "en": "Range"},
}

_SENSITIVITY: dict[str, L] = {
    "sensitivity_title": {"nl": "Wat weegt het zwaarst?", "en": "What matters most?"},
    "swing": {"nl": "Uitslag", "en": "Swing"},
    "sweep_stated": {"nl": "Bron, {lines}", "en": "Source, {lines}"},
    "sweep_assumed": {"nl": "Aanname, geen bron", "en": "Assumption, no source"},
    "sweep_relative": {"nl": "±20% (aanname, geen bron)", "en": "±20% (assumption, no source)"},
    "sweep_allowed": {"nl": "Toegestaan bereik", "en": "Allowed range"},
    "sweep_choices": {"nl": "Alle keuzes", "en": "All choices"},
}

_EXPORTS: dict[str, L] = {  # the workbook, the CSV list, the memo and the command line
    "sheet_fan": {"nl": "Waaier", "en": "Fan"},
    "sheet_fan_summary": {"nl": "Waaier kansen", "en": "Fan probabilities"},
    "sheet_goals": {"nl": "Wat is er nodig", "en": "What does it take"},
    "sheet_sensitivity": {"nl": "Gevoeligheid", "en": "Sensitivity"},
    "sheet_realised": {"nl": "Gerealiseerd tegen pad", "en": "Realised against path"},
    "sheet_segment_mix": {"nl": "Gerealiseerde verdeling", "en": "Realised split"},
    "sheet_measured": {"nl": "Gemeten doelen", "en": "Measured targets"},
    "realised_years": {
        "nl": "Gerealiseerde jaren (sinds het startjaar)",
        "en": "Realised years (since the start year)",
    },
    "projected_year_indicator": {
        "nl": "Ambitie bereikt in (tempo laatste drie jaren)",
        "en": "Ambition reached in (pace of last three years)",
    },
    "fan_draws": {"nl": "Aantal trekkingen", "en": "Number of draws"},
    "fan_seed": {"nl": "Startgetal (seed)", "en": "Random seed"},
    "need_homes_of": {"nl": "Woningbehoefte, {forecast}", "en": "Housing need, {forecast}"},
    "probability_met_of": {
        "nl": "Kans dat de behoefte wordt gehaald, {forecast}",
        "en": "Chance of meeting the need, {forecast}",
    },
    "monitor_more": {"nl": "(en nog {count})", "en": "(and {count} more)"},
    "memo_goals_state": {"nl": "Stand", "en": "State"},
    "goal_open": {"nl": "Nog niet gehaald", "en": "Not met yet"},
    "memo_sensitivity_intro": {
        "nl": "Per uitkomst de vijf aannames die haar het meest verschuiven, elk over haar "
        "eigen bereik terwijl de andere aannames blijven zoals in het scenario.",
        "en": "For each outcome the five assumptions that shift it most, each across its own "
        "range while the other assumptions stay as in the scenario.",
    },
    "memo_no_monitor": {
        "nl": "Zonder monitorbestand: de cijfers hierboven gaan uit van het scenario alleen.",
        "en": "Without a monitor file: the figures above follow from the scenario alone.",
    },
}

PROGRESS_LABELS: dict[str, L] = {
    **_MONITOR_RULES,
    **_MONITOR,
    **_FAN,
    **_GOALS,
    **_CHARTS,
    **_PANEL,
    **_SENSITIVITY,
    **_EXPORTS,
}
