"""The layers of woonlib (pyproject's [tool.importlinter]): no lower layer imports a higher one.

vocab, refs, cache < data < model < scenario < report < ui, serving, __main__; and no import
circle among the modules of one package. The contract is checked with import-linter on the
package as it is, and once on a copy with a forbidden import added, to show it can fail.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

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
