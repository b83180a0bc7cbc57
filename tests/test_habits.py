"""The checks around a commit: the pre-commit notebook hook (scripts/check_notebooks.py) and
the forge's CI workflow (.github/workflows/ci.yml), which runs what `.ci/run` runs."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import yaml

from tests.markers import REPO_ROOT

CHECK = REPO_ROOT / "scripts" / "check_notebooks.py"
NOTEBOOKS = sorted((REPO_ROOT / "notebooks").glob("*.ipynb"))


def check(*paths: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(CHECK), *map(str, paths)], capture_output=True, text=True, timeout=60
    )


def test_the_committed_notebooks_pass_the_hook() -> None:
    assert len(NOTEBOOKS) >= 5
    result = check(*NOTEBOOKS)
    assert result.returncode == 0, result.stdout


def test_an_executed_notebook_fails_the_hook(tmp_path: Path) -> None:
    notebook = json.loads(NOTEBOOKS[0].read_text(encoding="utf-8"))
    code = [i for i, c in enumerate(notebook["cells"]) if c["cell_type"] == "code"]
    notebook["cells"][code[1]]["execution_count"] = 3  # a count alone is enough
    executed = tmp_path / "executed.ipynb"
    executed.write_text(json.dumps(notebook), encoding="utf-8")
    result = check(NOTEBOOKS[0], executed)
    assert result.returncode == 1
    message = f"{executed}: outputs in code cells [{code[1]}]; clear them before committing"
    assert result.stdout.strip() == message


def test_pre_commit_runs_the_hook_on_notebooks() -> None:
    config = yaml.safe_load((REPO_ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    hooks = {h["id"]: h for repo in config["repos"] for h in repo["hooks"]}
    assert {"ruff-check", "ruff-format", "end-of-file-fixer", "trailing-whitespace"} <= set(hooks)
    assert hooks["notebooks-without-outputs"]["entry"] == "python scripts/check_notebooks.py"


def test_ci_runs_what_ci_run_runs() -> None:
    workflow = yaml.safe_load((REPO_ROOT / ".github/workflows/ci.yml").read_text(encoding="utf-8"))
    runs = {
        name: [step["run"] for step in job["steps"] if "run" in step]
        for name, job in workflow["jobs"].items()
    }
    assert set(runs) == {"unit", "browser"}
    for name in runs:
        assert runs[name][0] == "bash scripts/setup.sh test"
    assert runs["unit"][1:] == [
        "bash scripts/ensure_test_tools.sh",  # PostgreSQL for the store's unit tests
        ".venv/bin/ruff check .",
        ".venv/bin/ruff format --check .",
        ".venv/bin/mypy",
        ".venv/bin/python -m pytest -m unit",
    ]
    assert runs["browser"][1:] == [
        "bash scripts/ensure_test_tools.sh",
        ".venv/bin/python -m pytest -m browser",
    ]
    test_sh = (REPO_ROOT / "scripts" / "test.sh").read_text(encoding="utf-8")
    for command in (runs["unit"][2], runs["unit"][4], runs["browser"][1]):  # ruff, mypy, tools
        assert command in test_sh, command
