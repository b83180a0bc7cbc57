"""Labels of the scenario store (issue 22): a shared scenario opened by link, and what the
store says when it cannot. Same shape as `woonlib.report.labels.LABELS`, merged into it;
`store_<kind>` for each `woonlib.store.errors.KINDS`."""

from __future__ import annotations

L = dict[str, str]

STORE_LABELS: dict[str, L] = {
    "store_opened": {
        "nl": "Gedeeld scenario geopend: {name}, versie {version}",
        "en": "Shared scenario opened: {name}, version {version}",
    },
    "store_link_failed": {
        "nl": "Gedeeld scenario niet geopend",
        "en": "Shared scenario not opened",
    },
    "store_input": {
        "nl": "de naam of de versie is niet geldig (NAAM of NAAM@VERSIE)",
        "en": "the name or version is not valid (NAME or NAME@VERSION)",
    },
    "store_not_found": {
        "nl": "er is geen opgeslagen scenario met deze naam of versie",
        "en": "no saved scenario has this name or version",
    },
    "store_unknown_workshop": {
        "nl": "er is geen werksessie met deze code",
        "en": "no workshop has this code",
    },
    "store_corrupt": {
        "nl": "de scenariobank is beschadigd; de beheerder kan haar vervangen",
        "en": "the scenario store is damaged; the administrator can replace it",
    },
    "store_locked": {
        "nl": "de scenariobank is even bezet; probeer het zo nog eens",
        "en": "the scenario store is busy; please try again shortly",
    },
    "store_unreachable": {
        "nl": "de scenariobank is niet bereikbaar; probeer het later nog eens",
        "en": "the scenario store cannot be reached; please try again later",
    },
    "store_config": {
        "nl": "de scenariobank is niet goed ingesteld (WOONLIB_DB); de beheerder kan dat oplossen",
        "en": "the scenario store is not set up correctly (WOONLIB_DB); the administrator "
        "can fix that",
    },
    "store_schema": {
        "nl": "de scenariobank is van een nieuwere versie van het dashboard",
        "en": "the scenario store belongs to a newer version of the dashboard",
    },
    "store_invalid_stored": {
        "nl": "het opgeslagen scenario voldoet niet meer aan de regels",
        "en": "the saved scenario no longer passes the rules",
    },
    "store_read_only": {
        "nl": "op deze pagina kan alleen gelezen worden uit de scenariobank",
        "en": "this page can only read from the scenario store",
    },
}

# The Scenariobank section of the scenario bar (woonlib/ui/store_section.py)
SECTION_LABELS: dict[str, L] = {
    "store_section": {"nl": "Scenariobank en werksessie", "en": "Scenario store and workshop"},
    "store_name": {"nl": "Naam", "en": "Name"},
    "store_author": {"nl": "Auteur", "en": "Author"},
    "store_note": {"nl": "Notitie", "en": "Note"},
    "store_search": {"nl": "Zoeken", "en": "Search"},
    "store_saved": {"nl": "Opgeslagen", "en": "Saved"},
    "store_version": {"nl": "Versie", "en": "Version"},
    "store_button_save": {"nl": "Opslaan in de scenariobank", "en": "Save to the store"},
    "store_button_find": {"nl": "Zoeken", "en": "Search"},
    "store_button_open": {"nl": "Openen", "en": "Open"},
    "store_button_restore": {"nl": "Deze versie terugzetten", "en": "Restore this version"},
    "store_button_workshop_open": {"nl": "Werksessie openen", "en": "Open a workshop"},
    "store_button_workshop_view": {"nl": "Werksessie bekijken", "en": "View the workshop"},
    "store_button_submit": {"nl": "Indienen", "en": "Submit"},
    "store_button_median": {"nl": "Mediaanscenario laden", "en": "Load the median scenario"},
    "store_failed": {"nl": "Scenariobank", "en": "Scenario store"},
    "store_saved_as": {
        "nl": "Opgeslagen als {name}, versie {version}",
        "en": "Saved as {name}, version {version}",
    },
    "store_field_name": {
        "nl": 'naam: 1 tot 80 tekens, zonder < > & " ` { } @',
        "en": 'name: 1 to 80 characters, without < > & " ` { } @',
    },
    "store_field_author": {
        "nl": 'auteur: 1 tot 80 tekens, zonder < > & " ` { } @',
        "en": 'author: 1 to 80 characters, without < > & " ` { } @',
    },
    "store_field_participant": {
        "nl": 'uw naam: 1 tot 80 tekens, zonder < > & " ` { } @',
        "en": 'your name: 1 to 80 characters, without < > & " ` { } @',
    },
    "store_field_note": {
        "nl": "notitie: hoogstens 2.000 tekens",
        "en": "note: 2,000 characters at most",
    },
    "store_field_title": {
        "nl": 'titel: 1 tot 120 tekens, zonder < > & " ` { } @',
        "en": 'title: 1 to 120 characters, without < > & " ` { } @',
    },
    "store_field_code": {
        "nl": "code: 3 tot 32 letters, cijfers of streepjes, nog niet in gebruik",
        "en": "code: 3 to 32 letters, digits or hyphens, not yet in use",
    },
    "store_field_in_play": {"nl": "onbekende aanname", "en": "unknown assumption"},
    "store_field_version": {"nl": "onbekende versie", "en": "unknown version"},
    "workshop_code": {"nl": "Code", "en": "Code"},
    "workshop_title": {"nl": "Titel", "en": "Title"},
    "workshop_participant": {"nl": "Deelnemer", "en": "Participant"},
    "workshop_joined": {
        "nl": "Werksessie {title}: stel de schuifjes in en druk op Indienen",
        "en": "Workshop {title}: set the sliders and press Submit",
    },
    "workshop_opened": {"nl": "Werksessie {code} geopend", "en": "Workshop {code} opened"},
    "workshop_submitted": {"nl": "Ingediend", "en": "Submitted"},
    "workshop_view_title": {"nl": "Werksessie: {title}", "en": "Workshop: {title}"},
    "workshop_assumption": {"nl": "Aanname", "en": "Assumption"},
    "workshop_count": {"nl": "Deelnemers", "en": "Participants"},
    "workshop_min": {"nl": "Min.", "en": "Min."},
    "workshop_q1": {"nl": "1e kwartiel", "en": "1st quartile"},
    "workshop_median": {"nl": "Mediaan", "en": "Median"},
    "workshop_q3": {"nl": "3e kwartiel", "en": "3rd quartile"},
    "workshop_max": {"nl": "Max.", "en": "Max."},
    "workshop_values": {"nl": "Iedere waarde", "en": "Every value"},
    "workshop_chance": {"nl": "Kans op de ambitie", "en": "Chance of the ambition"},
    "workshop_gap": {"nl": "Tekort plancapaciteit", "en": "Plan capacity gap"},
    "workshop_affordable": {"nl": "Betaalbaar aandeel", "en": "Affordable share"},
    "workshop_elderly": {"nl": "Ouderenopgave", "en": "Elderly task"},
    "workshop_changed": {"nl": "Gewijzigd", "en": "Changed"},
    "workshop_sheet_spread": {"nl": "Spreiding", "en": "Spread"},
    "workshop_sheet_outcomes": {"nl": "Uitkomsten", "en": "Outcomes"},
    "store_button_excel": {"nl": "Werksessie naar Excel", "en": "Workshop to Excel"},
}
STORE_LABELS.update(SECTION_LABELS)
