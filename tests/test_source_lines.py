"""Every line reference to the Woonvisie text points at what it cites.

The data package and the assumptions cite the Woonvisie text
(data/sources/woonvisie-enschede-2024.txt) by line in four ways. Each is checked here or in
tests/test_data_sources.py:

- a row's `source_line` (every resource): test_data_sources finds each value on it, or
  explains per cell why not (ELSEWHERE, NOT_PRINTED, the row's reading);
- the register of targets: `printed` is on the row's line verbatim and shows the value in
  one of its printed forms (9.300, 30 procent, drie, ...), or VALUE_IN_WORDS says why not;
- the resource-level `lines` of datapackage.json: RESOURCE_SPANS names what the first and
  the last line of each span print;
- lines cited in free text (the notes' text and text_nl, the targets' note, the CSV's reading
  columns, the assumptions' sources): REFERENCES names, per reference, the fragment printed
  on that line (or within that span). A reference missing from REFERENCES fails, and so does
  an entry no text cites any more: every new reference gets checked by hand once.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest

from tests.test_data_sources import printed_on
from woonlib.model.assumptions import SPECS

DATA = Path(__file__).resolve().parent.parent / "data"
SEED = (DATA / "sources" / "woonvisie-enschede-2024.txt").read_text(encoding="utf-8").splitlines()
DESCRIPTOR = json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))
RESOURCES = {r["name"]: r for r in DESCRIPTOR["resources"]}

Span = tuple[int, int]

# "line 589", "lines 931–933 and 1227", "regels 589, 1129", "Lines 64-66 and 2356"
SPAN = r"\d{1,4}(?:\s*[–-]\s*\d{1,4})?"
REFERENCE = re.compile(
    rf"\b(?:lines?|regels?)\s+({SPAN}(?:\s*(?:,|and|en)\s*{SPAN})*)", flags=re.IGNORECASE
)


def cited_spans(text: str) -> list[Span]:
    """The lines and spans a text cites, in order: 'lines 64–66 and 2356' -> [(64, 66), ...]."""
    spans = []
    for match in REFERENCE.finditer(text):
        for part in re.findall(SPAN, match.group(1)):
            ends = [int(n) for n in re.split(r"\s*[–-]\s*", part)]
            spans.append((ends[0], ends[-1]))
    return spans


def span_key(span: Span) -> str:
    return str(span[0]) if span[0] == span[1] else f"{span[0]}-{span[1]}"


def seed(number: int) -> str:
    assert 1 <= number <= len(SEED), f"line {number} is outside the text"
    return SEED[number - 1]


def in_span(fragment: str, span: Span) -> bool:
    return any(fragment in seed(n) for n in range(span[0], span[1] + 1))


# --- the register of targets --------------------------------------------------------------

TARGETS = pd.read_csv(DATA / "targets.csv", dtype=str, keep_default_na=False)

# Targets whose value the text writes without a number: id -> why.
VALUE_IN_WORDS = {
    "zero_step_every_new_apartment": "'elk nieuwbouwappartement' (every new apartment) = 100%",
    "investment_agenda_yearly": "'jaarlijks' (yearly) = every 1 year",
    "student_monitor_yearly": "'jaarlijks' (yearly) = every 1 year",
}


@pytest.mark.parametrize("row", TARGETS.to_dict("records"), ids=list(TARGETS["id"]))
def test_target_printed_on_its_line_with_its_value(row: dict[str, str]) -> None:
    line = seed(int(row["source_line"]))
    assert row["printed"] in line, f"{row['id']}: {row['printed']!r} not in {line!r}"
    if row["id"] in VALUE_IN_WORDS:
        assert not printed_on(float(row["value"]), row["printed"]), "drop it from VALUE_IN_WORDS"
        return
    assert printed_on(float(row["value"]), row["printed"]), (row["id"], row["value"])
    if row["value_high"]:
        assert printed_on(float(row["value_high"]), row["printed"]), (row["id"], "value_high")


def test_value_in_words_names_targets() -> None:
    assert set(VALUE_IN_WORDS) <= set(TARGETS["id"])


# --- resource-level spans -------------------------------------------------------------------

# resource -> (printed on the first line of its span, printed on the last line)
RESOURCE_SPANS = {
    "household_forecasts": ("PROGNOSE STAND", "gemeente Enschede"),
    "scenario_figures": ("Tot 2032 voegen we 9300 woningen toe", "(1-1-2024)"),
    "policy_norms": ("30 procent", "€ 1123,13"),
    "figuur5_segments": ("ACTUELE WONINGPROGRAMMERING", "sociale huur          middelduur"),
    "appendix_segments": ("BIJLAGE ACTUELE WONINGBOUWPROGRAMMERING", "Totaal 740 1510 2225"),
    "elderly_task": ("Tabel 2. Uitbreidingsopgave voor ouderen", "Onder ouderen verstaan we"),
    "outflow": ("Tabel 1. Jaarlijkse aantallen uitstroom", "Totaal 280"),
    "age_classes": ("Bevolking naar leeftijdsklassen", "12,2% 20,5% 16,1% 22,4% 10,3% 15,4%"),
    "elderly_share": ("17,8%", "25,7%"),
    "elderly_households": ("een kleine 19.000 in 2019 naar bijna 26.000", "bijna 26.000"),
    "stock_suitability": ("Aanbod ‘geschikte’ woningen", "bewerkt door Companen (2020)"),
    "elderly_context": ("met 8.000 inwoners", "ongeveer 475 plekken"),
    "targets": ("In 2025", "ongeveer 475 plekken"),
}


@pytest.mark.parametrize("name", list(RESOURCES))
def test_resource_span_prints_its_table(name: str) -> None:
    assert name in RESOURCE_SPANS, f"{name}: add what its span's first and last line print"
    first, last = RESOURCE_SPANS[name]
    for source in RESOURCES[name]["sources"]:
        start, end = source["lines"]
        assert start <= end, name
        assert first in seed(start), f"{name}: {first!r} not on line {start}: {seed(start)!r}"
        assert last in seed(end), f"{name}: {last!r} not on line {end}: {seed(end)!r}"


# --- line references in free text -----------------------------------------------------------

# owner -> {line or span: fragment printed there}. Owners: "note:<note id>",
# "target:<target id>", "<resource>:<row key>:<column>" for CSV text cells.
REFERENCES: dict[str, dict[str, str]] = {
    # data notes (text and text_nl cite the same lines)
    "note:inhabitants_target_year": {"452": "170.000 inwoners in 2030", "1129": "in 2032"},
    "note:appendix_called_bijlage_4": {"738": "In bijlage 4"},
    "note:build_rate_vs_ambition": {
        "677": "1000 woningen per jaar",
        "38": "We voegen 1000 woningen per jaar toe",
        "1560": "gemiddeld 1000 woningen per jaar",
        "4950": "(1-1-2024)",
        "562": "Tot 2032 voegen we 9300 woningen toe",
        "589": "9.300 woningen",
        "1129": "9.300 woningen in 2032",
    },
    "note:ambition_tot_2032": {
        "562": "Tot 2032 voegen we 9300 woningen toe",
        "4950": "(1-1-2024)",
        "1129": "9.300 woningen in 2032",
        "37": "AMBITIE 2032",
        "583": "circa 3.520 tot en met 2032",
    },
    "note:search_time_average_vs_maximum": {
        "64-66": "12 MAANDEN",
        "2356-2358": "gemiddelde zoektijd van 12",
        "2494": "maximaal 12 maanden",
    },
    "note:mid_rent_187_vs_186": {"4647": "niet meer dan 187 punten", "4828": "tot en met 186"},
    "note:families_age_30_55_vs_30_65": {
        "1291": "in de leeftijd van 30 tot 55 jaar",
        "1682": "tussen 30 en 55 jaar",
        "4612": "Personen van 30 tot 65 jaar",
    },
    "note:stock_pie_legend_order": {
        "5349-5353": "Niet geschikt voor ouderen",
        "5355-5359": "51%",
        "5366-5368": "ca. 24%",
    },
    "note:care_vacancies_2030_vs_chart": {
        "5204": "ca. 2500 vacatures in 2030",
        "5208": "(zie figuur 3)",
        "5280-5282": "2031",
    },
    "note:clustered_companen_vs_tabel2": {
        "5394": "1000 – 2000 geclusterde eenheden",
        "3095-3097": "Zorggeschikte woningen 350 350 700",
        "3126": "Een zorggeschikte woning is ook altijd een geclusterde",
    },
    # the register's notes
    "target:inhabitants_170000": {
        "35": "170.000 INWONERS",
        "421": "170.000 inwoners en meer",
        "452": "170.000 inwoners in 2030",
    },
    "target:ambition_9300_homes": {
        "37": "AMBITIE 2032: 9.300 WONINGEN",
        "548": "9300 woningen",
        "589": "9.300 woningen",
        "1129": "9.300 woningen in 2032",
        "624": "9.300 WONINGEN TOT 2030",
    },
    "target:build_rate_1000": {
        "38": "1000 woningen per jaar",
        "1560": "gemiddeld 1000 woningen per jaar",
    },
    "target:build_rate_to_2050": {"1131": "richting 2050"},
    "target:nursing_places_475": {"5465": "tot in ieder geval 2040 grotendeels"},
    "target:corporations_offer_2000": {"732-736": "nog niet allemaal daadwerkelijke projecten"},
    "target:affordable_share_70": {
        "43": "70% BETAALBARE WONINGEN",
        "768": "70 procent",
        "1504": "70 procent van alle nieuwbouw",
        "1574": "70%",
        "770": "30 procent",
        "1580": "30%",
    },
    "target:norm_social_rent_30": {"766": "meer dan 30 procent"},
    "target:target_group_regulation_15_years": {
        "2337": "doelgroepenverordening in om nieuw gebouwde middenhuur- en sociale",
        "2245": "voor 15 jaar",
    },
    "target:affordable_purchase_limit": {"4631": "grens 2024"},
    "target:mid_rent_max_187_points": {"4828": "tot en met 186 punten"},
    "target:wws_max_186_points": {"4830-4832": "2024 ingaat", "4647": "187 punten"},
    "target:care_share_social_rent_30": {
        "23": "30% van nieuwe sociale huurwoningen",
        "931": "30%",
        "1469": "30%",
        "1570": "30 procent sociale huur",
    },
    "target:zero_step_every_new_apartment": {
        "1568": "‘elk",
        "30": "Appartementen bouwen als nultredenwoningen",
        "997-999": "nultredenwoningen als uitgangspunt",
        "1301": "een nieuwbouwappartement ontwikkeld moet worden als",
        "1453": "We vergroten het aantal nultredenwoningen",
    },
    "target:elderly_task_total_2040": {"3063": "onderdeel van de totale programmering"},
    "target:clustered_units_1000_2000": {"5396-5400": "verdergaande extramuralisering"},
    "target:caravan_need_survey_75": {"2995": "nadat 75% van de"},
    "target:students_28000": {"1829": "rond 25.000 studenten"},
    "target:student_units_12000": {"1743": "relatief ontspannen", "1781": "kleine extra vraag"},
    "target:short_stay_students_1000": {"1862": "dit decennium"},
    "target:ut_stay_rate_22": {"1615-1617": "stay-rate te verhogen"},
    "target:sia_priority_5_10_years": {"2125-2131": "meerjarenbegrotingen"},
    "target:search_time_average_12": {
        "64-66": "12 MAANDEN",
        "2358": "maanden voor actief",
        "2494": "maximaal 12 maanden",
    },
    "target:search_time_max_12": {"64-66": "GEMIDDELDE ZOEKTIJD", "2356": "gemiddelde zoektijd"},
    "target:gas_free_2050": {"3436-3438": "2050 van het aardgas af"},
    "target:water_storage_55_mm": {"3848": "per m2 nieuwe"},
    "target:climate_robust_2050": {"3891": "in 2050 klimaatbestendig"},
    "target:housing_programme_2025": {
        "285": "wet Versterking regie volkshuisvesting",
        "378": "in 2025",
    },
    # CSV text cells
    "stock_suitability:all:reading": {"5355": "51%", "5366": "ca. 24%"},
    **{
        f"stock_suitability:{tenure}:reading": {"5370": "ca 41%.  En een kleiner deel"}
        for tenure in ("owner_occupied", "social_rent", "other_rent")
    },
}


def _csv_texts() -> Iterator[tuple[str, str]]:
    for name, resource in RESOURCES.items():
        fields = resource["schema"]["fields"]
        text_columns = [f["name"] for f in fields if f["type"] == "string"]
        table = pd.read_csv(DATA / resource["path"], dtype=str, keep_default_na=False)
        for _, row in table.iterrows():
            key = "/".join(row[k] for k in resource["schema"]["primaryKey"])
            for column in text_columns:
                if name == "targets" and column == "note":
                    yield f"target:{key}", row[column]
                elif column not in ("printed", "title_nl", "title_en"):
                    yield f"{name}:{key}:{column}", row[column]


def cited_texts() -> Iterator[tuple[str, str]]:
    """(owner, text) of every free text that may cite lines of the Woonvisie."""
    for note in DESCRIPTOR["notes"]:
        yield f"note:{note['id']}", note["text"]
    yield from _csv_texts()
    for resource in DESCRIPTOR["resources"]:
        for key in ("description", "description_nl"):
            yield f"resource:{resource['name']}:{key}", resource.get(key, "")


CITED = {
    owner: {span_key(s): s for s in cited_spans(text)}
    for owner, text in cited_texts()
    if cited_spans(text)
}


@pytest.mark.parametrize("owner", sorted(CITED))
def test_cited_lines_print_what_is_cited(owner: str) -> None:
    expected = REFERENCES.get(owner, {})
    unchecked = set(CITED[owner]) - set(expected)
    assert not unchecked, f"{owner} cites lines {sorted(unchecked)}: add them to REFERENCES"
    for key, span in CITED[owner].items():
        for end in span:
            assert seed(end).strip(), f"{owner}: line {end} is empty"
        assert in_span(expected[key], span), (
            f"{owner}: {expected[key]!r} not on line(s) {key}: "
            + " | ".join(seed(n).strip() for n in range(span[0], span[1] + 1))
        )


def test_references_are_all_cited() -> None:
    stale = {
        owner: sorted(set(refs) - set(CITED.get(owner, {})))
        for owner, refs in REFERENCES.items()
        if set(refs) - set(CITED.get(owner, {}))
    }
    assert not stale, f"REFERENCES lists lines no text cites any more: {stale}"


# --- the assumptions' sources (woonlib.refs.Ref: lines, quote as printed) -----------------

# Assumptions whose source quotes nothing: name -> what their lines print (checked by hand).
T1 = "Totaal 280"
T2 = "Totaal 2400 2250 4650"
UNQUOTED = {
    "forecast": "het CBS 2022 scenario",
    "care_base": "Totaal 45 2090 4220",
    "split_norm_tolerance": "meer dan 30 procent",
    "care_outflow_norm": "langer moet wachten op een (sociale huur)woning",
    **{
        f"elderly_{kind}_{period}": T2
        for kind in ("zero_step", "clustered", "care_suitable")
        for period in ("to_2030", "2030_2040")
    },
    **{f"outflow_{g}": T1 for g in ("urgent", "protected_living", "shelter", "other")},
}


def _ref_spans(name: str) -> list[Span]:
    return [s if isinstance(s, tuple) else (s, s) for s in SPECS[name].source.lines]


def _ref_text(spans: list[Span]) -> str:
    """The cited lines as one text, whitespace collapsed (a quote may run over lines)."""
    lines = [seed(n) for a, b in spans for n in range(a, b + 1)]
    return " ".join(" ".join(lines).split())


@pytest.mark.parametrize("name", [n for n in SPECS if SPECS[n].source.lines])
def test_assumption_sources_print_what_they_cite(name: str) -> None:
    ref, spans = SPECS[name].source, _ref_spans(name)
    for start, end in spans:
        assert start <= end, name
        for n in (start, end):
            assert seed(n).strip(), f"{name}: cites line {n}, an empty line"
    expected = ref.quote or UNQUOTED.get(name)
    assert expected, f"{name}: its source quotes nothing: add what its lines print to UNQUOTED"
    assert " ".join(expected.split()) in _ref_text(spans), (name, expected, spans)


def test_unquoted_names_unquoted_assumptions() -> None:
    assert all(n in SPECS and not SPECS[n].source.quote for n in UNQUOTED)


def test_notes_cite_the_same_lines_in_both_languages() -> None:
    for note in DESCRIPTOR["notes"]:
        assert sorted(cited_spans(note["text"])) == sorted(cited_spans(note["text_nl"])), note["id"]


def test_cited_spans() -> None:
    assert cited_spans("lines 548, 562 and 589; line 624") == [
        (548, 548),
        (562, 562),
        (589, 589),
        (624, 624),
    ]
    assert cited_spans("regels 64–66 en 2356") == [(64, 66), (2356, 2356)]
    assert cited_spans("Lines 997-999, 1301 and 1453") == [(997, 999), (1301, 1301), (1453, 1453)]
    assert cited_spans("the 2,675 homes of 2032") == []


# --- the register's comparators say what the source prints ----------------------------------

# comparator -> the word the source prints for it (nl): the page renders the same word
PRINTED_COMPARATORS = {"more_than": "meer dan", "below": "onder", "since": "sinds"}


@pytest.mark.parametrize("row", TARGETS.to_dict("records"), ids=list(TARGETS["id"]))
def test_target_comparator_is_the_printed_word(row: dict[str, str]) -> None:
    printed = row["printed"]
    word = PRINTED_COMPARATORS.get(row["comparator"])
    if word is not None:
        assert word in printed, f"{row['id']}: {row['comparator']} but {printed!r}"
    for comparator, start in PRINTED_COMPARATORS.items():
        if printed.startswith(start):  # 'meer dan 30 procent' is more_than, not at_least
            assert row["comparator"] == comparator, (row["id"], printed)


def test_elderly_households_qualifiers_are_the_source_words() -> None:
    """'een kleine 19.000 in 2019 naar bijna 26.000' (line 5140), not 'ruim onder'."""
    from woonlib.report.labels import LABELS

    assert "een kleine 19.000 in 2019 naar bijna 26.000" in seed(5140)
    assert LABELS["elderly_households_2019"]["nl"].endswith("(een kleine)")
    assert LABELS["elderly_households_2040"]["nl"].endswith("(bijna)")
