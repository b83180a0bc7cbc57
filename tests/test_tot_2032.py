"""'Tot 2032' (line 562): both readings, as the data note states them, are the model's figures.

The ambition says "Tot 2032"; whether 2032 is a building year (9 years from 1-1-2024) or not
(8 years) is a reading. The data note `ambition_tot_2032` quotes what each reading gives;
here those figures are recomputed, so a change of the model cannot leave the note behind.
"""

from __future__ import annotations

import pytest

from woonlib.data import WoonvisieData
from woonlib.model.assumptions import DEFAULTS, SPECS
from woonlib.model.goalseek import rate_for_ambition
from woonlib.model.programme import programme_years
from woonlib.model.uncertainty import ranges_of, reach_probability
from woonlib.report.labels import LABELS, fmt_number, fmt_percent, using


def _note(data: WoonvisieData, lang: str) -> str:
    note = next(n for n in data.notes if n.id == "ambition_tot_2032")
    return note.text_nl if lang == "nl" else note.text


@pytest.mark.parametrize(("inclusive", "years", "rate"), [(True, 9, 1034), (False, 8, 1163)])
def test_each_reading_by_hand(inclusive: bool, years: int, rate: int) -> None:
    a = DEFAULTS.replace(target_year_inclusive=inclusive)
    assert programme_years(a.start_year, a.target_year, a.target_year_inclusive) == years
    # 9300 / 9 = 1033.3 and 9300 / 8 = 1162.5: rounded up, or the ambition is not reached
    assert rate_for_ambition(a).values["build_rate"] == rate
    assert rate * years >= 9300 > (rate - 1) * years


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("inclusive", [True, False])
def test_note_quotes_the_models_figures(data: WoonvisieData, lang: str, inclusive: bool) -> None:
    a = DEFAULTS.replace(target_year_inclusive=inclusive)
    text = _note(data, lang)
    with using(lang):
        rate = fmt_number(rate_for_ambition(a).values["build_rate"])
        chance = fmt_percent(reach_probability(a, ranges_of(a)), decimals=0)
    assert rate in text, (rate, text)
    assert (
        f"chance of reaching it is {chance}" in text
        or f"a chance of {chance}" in text
        or (f"kans om het te halen {chance}" in text or f"een kans van {chance}" in text)
    ), (chance, text)


def test_the_default_counts_2032_and_says_it_is_a_reading() -> None:
    assert DEFAULTS.target_year == 2032 and DEFAULTS.target_year_inclusive
    source = SPECS["target_year_inclusive"].source
    assert source.lines == (562,) and source.quote == "Tot 2032"
    note = LABELS[source.note]
    assert "8" in note["nl"] and "9" in note["nl"] and "583" in note["nl"]


def test_no_preset_note_quotes_tot_en_met_for_the_ambition() -> None:
    """'tot en met 2032' is printed for the basis scenario only (line 583)."""
    for key, text in LABELS.items():
        if key.startswith("preset_note_"):
            assert "tot en met 2032" not in text["nl"], key
            assert "up to and including 2032" not in text["en"], key
