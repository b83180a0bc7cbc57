"""The layers of woonlib (pyproject's [tool.importlinter]): no lower layer imports a higher one.

vocab, refs, cache < data < model < scenario < report < ui, serving, __main__; and no import
circle among the modules of one package. Every module and package of woonlib is in a layer,
and every package is checked for circles. The contract is checked with import-linter on the
package as it is, and once on a copy with a forbidden import added, to show it can fail.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]
LINT = Path(sys.executable).with_name("lint-imports")


def lint(root: Path) -> subprocess.CompletedProcess[str]:
    """lint-imports with the repository's contract on the woonlib found at `root`."""
    env = {**os.environ, "PYTHONPATH": str(root)}
    return subprocess.run(
        [str(LINT), "--config", str(REPO_ROOT / "pyproject.toml"), "--no-cache"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_layers_hold() -> None:
    result = lint(REPO_ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "2 kept, 0 broken" in result.stdout


@pytest.mark.parametrize(
    ("module", "forbidden"),
    [
        ("data/appendix.py", "from woonlib.model import core"),  # data -> model
        ("model/core.py", "import woonlib.report.labels"),  # model -> report
        ("vocab.py", "import woonlib.data"),  # vocabulary -> data
    ],
)
def test_a_lower_layer_importing_a_higher_one_fails(
    tmp_path: Path, module: str, forbidden: str
) -> None:
    shutil.copytree(REPO_ROOT / "woonlib", tmp_path / "woonlib")
    path = tmp_path / "woonlib" / module
    path.write_text(path.read_text() + f"\n{forbidden}  # noqa\n")
    result = lint(tmp_path)
    assert result.returncode != 0
    assert "BROKEN" in result.stdout.upper()


def contracts() -> list[dict[str, Any]]:
    config = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    found: list[dict[str, Any]] = config["tool"]["importlinter"]["contracts"]
    return found


def test_the_contracts_cover_every_package() -> None:
    woonlib = REPO_ROOT / "woonlib"
    packages = {p.parent.name for p in woonlib.glob("*/__init__.py")}
    modules = packages | {p.stem for p in woonlib.glob("*.py") if p.stem != "__init__"}
    (layers,) = [c for c in contracts() if c["type"] == "layers"]
    layered = {name.strip() for layer in layers["layers"] for name in layer.split("|")}
    assert layered == modules
    (acyclic,) = [c for c in contracts() if c["type"] == "acyclic_siblings"]
    assert set(acyclic["ancestors"]) == {f"woonlib.{p}" for p in packages}


@pytest.mark.parametrize(
    ("module", "circular"),
    [
        ("serving/admission.py", "import woonlib.serving.kernels"),  # kernels imports admission
        ("model/assumptions.py", "import woonlib.model.core"),  # core imports assumptions
    ],
)
def test_an_import_circle_within_a_package_fails(
    tmp_path: Path, module: str, circular: str
) -> None:
    shutil.copytree(REPO_ROOT / "woonlib", tmp_path / "woonlib")
    path = tmp_path / "woonlib" / module
    path.write_text(path.read_text() + f"\n{circular}  # noqa\n")
    result = lint(tmp_path)
    assert result.returncode != 0
    assert "no import circle" in result.stdout
    assert "BROKEN" in result.stdout.upper()
