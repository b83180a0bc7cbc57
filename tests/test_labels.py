"""The label catalogue and Dutch number formats."""

from __future__ import annotations

from woonlib.refs import Ref
from woonlib.report.labels import (
    LABELS,
    LANGUAGES,
    fmt_allowed,
    fmt_euro,
    fmt_lines,
    fmt_number,
    fmt_percent,
    fmt_quantity,
    fmt_range,
    fmt_source,
    fmt_value,
    pick,
    using,
)


def test_every_label_has_both_languages() -> None:
    for key, entry in LABELS.items():
        assert set(entry) == set(LANGUAGES), key
        assert all(entry[lang].strip() for lang in LANGUAGES), key


def test_dutch_formats() -> None:
    assert fmt_number(9300) == "9.300"
    assert fmt_number(-455) == "-455"
    assert fmt_number(1266.4) == "1.266"
    assert fmt_percent(0.6779) == "67,8%"
    assert fmt_euro(390000) == "€ 390.000"
    assert fmt_euro(1123.13) == "€ 1.123,13"
    assert fmt_value(2032, "year") == "2032"
    assert fmt_value(True, "bool") == "ja"


def test_english_formats() -> None:
    with using("en"):
        assert fmt_number(9300) == "9,300"
        assert fmt_percent(0.6779) == "67.8%"
        assert fmt_value(False, "bool") == "no"


def test_ranges_and_quantities_per_language() -> None:
    assert fmt_range(0, 5000, "homes") == "0 tot 5.000 woningen"
    with using("en"):
        assert fmt_range(0, 5000, "homes") == "0 to 5,000 homes"
    assert fmt_range(10, 15, "homes/year") == "10 tot 15 woningen per jaar"
    assert fmt_range(0, 0.2, "fraction") == "0% tot 20%"
    with using("en"):
        assert fmt_range(2023, 2030, "year") == "2023 to 2030"
    assert fmt_range(0, 3, "factor") == "0 tot 3"
    assert fmt_quantity(9300, "homes") == "9.300 woningen"
    with using("en"):
        assert fmt_quantity(0.3, "fraction") == "30.0%"
    assert fmt_allowed("choice", None, None, ("cbs_2022", "trend_2021")) == (
        "een van: CBS 2022, Geactualiseerd trendscenario"
    )
    with using("en"):
        assert fmt_allowed("bool", None, None, ()) == "yes or no"


def test_line_references_per_language() -> None:
    assert fmt_lines([(3091, 3099)]) == "regels 3091–3099"
    with using("en"):
        assert fmt_lines([(3091, 3099)]) == "lines 3091–3099"
    assert fmt_lines([589]) == "regel 589"
    with using("en"):
        assert fmt_lines([(5140, 5140)]) == "line 5140"
    assert fmt_lines([(931, 933), 1227]) == "regels 931–933 en 1227"
    with using("en"):
        assert fmt_lines([(1, 2), (4, 5), 9]) == "lines 1–2, 4–5 and 9"


def test_sources_per_language() -> None:
    table = Ref(((3091, 3099),), part="doc_table", number="2", by="Mondria 2023")
    assert fmt_source(table) == "Woonvisie Enschede 2024, Tabel 2 (Mondria 2023), regels 3091–3099"
    with using("en"):
        assert fmt_source(table) == (
            "Woonvisie Enschede 2024, Table 2 (Mondria 2023), lines 3091–3099"
        )
    note = Ref(
        (2842,), part="doc_table", number="1", quote="NB", note="source_note_outflow_youth_care"
    )
    assert (
        fmt_source(note) == "Woonvisie Enschede 2024, Tabel 1, regel 2842: ‘NB’ — nog niet bekend"
    )
    with using("en"):
        assert fmt_source(note).endswith("Table 1, line 2842: ‘NB’ — not yet known")


def test_package_texts_are_picked_by_language() -> None:
    resource = {"title": "Elderly households", "title_nl": "Ouderenhuishoudens"}
    source = {"table": "Tabel 2", "table_en": "Table 2"}
    assert (pick(resource, "title"), pick(source, "table")) == ("Ouderenhuishoudens", "Tabel 2")
    with using("en"):
        assert (pick(resource, "title"), pick(source, "table")) == ("Elderly households", "Table 2")
