"""The public API (woonlib/__init__.py): what a notebook or script uses."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

import woonlib as wl
from woonlib.model.registry import INDICATORS
from woonlib.report.labels import LABELS, fmt_value, using
from woonlib.vocab import CHANCE, RATE_NEEDED


def cli_json(*args: str) -> dict:
    out = subprocess.run(
        [sys.executable, "-m", "woonlib", "indicators", "--json", *args],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(out.stdout)


def test_indicators_equal_the_command_line() -> None:
    assert wl.indicators() == cli_json()


def test_indicators_of_a_scenario_equal_the_command_line(tmp_path) -> None:
    a = wl.DEFAULTS.replace(
        ambition_homes=10_450, build_rate=1_150, share_social_rent=0.35, share_expensive=0.25
    )
    path = tmp_path / "scenario.json"
    path.write_text(
        json.dumps(
            {
                k: getattr(a, k)
                for k in (
                    "ambition_homes",
                    "build_rate",
                    "share_social_rent",
                    "share_mid_priced",
                    "share_expensive",
                )
            }
        )
    )
    values = wl.indicators(a)
    assert values == cli_json("--scenario", str(path))
    assert values["ambition_homes"] == 10_450
    assert values != wl.indicators()


def test_public_names() -> None:
    assert set(wl.__all__) <= set(dir(wl))
    for name in wl.__all__:
        assert getattr(wl, name) is not None
    assert isinstance(wl.load_data(), wl.WoonvisieData)
    assert wl.results().programme.programme_gap == 3785
    assert set(wl.policy_checks()["status"]) <= {"ok", "fail", "info"}
    with pytest.raises(AttributeError, match="no attribute 'nonsense'"):
        wl.nonsense  # noqa: B018


def test_import_woonlib_loads_no_model() -> None:
    """The Voilà server imports woonlib.serving: the package itself must not pull in pandas."""
    code = "import sys, woonlib; print('pandas' in sys.modules, 'woonlib.model' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


def test_every_indicator_is_in_the_registry_with_unit_and_labels() -> None:
    keys = set(wl.indicators()) - {"data_notes"}
    assert keys <= set(INDICATORS)
    for ind in INDICATORS.values():
        units = {"homes", "homes/year", "fraction", "year", "years", "bool", RATE_NEEDED, CHANCE}
        assert ind.unit in units
        assert ind.label in LABELS, ind.key
        assert LABELS[ind.label]["nl"] and LABELS[ind.label]["en"]
        with using("nl"):
            fmt_value(1.0 if ind.unit != "bool" else True, ind.unit)


def test_registry_sources_name_printed_lines(data: wl.WoonvisieData) -> None:
    for ind in INDICATORS.values():
        for line in ind.source.line_numbers():
            assert data.seed_line(line), f"{ind.key}: line {line} is blank"
    assert "PROGRAMMERING 2720" in data.seed_line(INDICATORS["programme_homes"].source.lines[0][0])
