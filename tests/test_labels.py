"""The label catalogue and Dutch number formats."""

from __future__ import annotations

from woonlib.labels import LABELS, LANGUAGES, fmt_euro, fmt_number, fmt_percent, fmt_value


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
    assert fmt_number(9300, "en") == "9,300"
    assert fmt_percent(0.6779, "en") == "67.8%"
    assert fmt_value(False, "bool", "en") == "no"
