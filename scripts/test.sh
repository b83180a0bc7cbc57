#!/usr/bin/env bash
# Set up and run the whole test suite: lint (ruff), types (mypy), tests (pytest, including
# the browser tests against a real Voilà server and Chromium).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh test
bash scripts/ensure_test_tools.sh
echo "== ruff"; .venv/bin/ruff check . && .venv/bin/ruff format --check .
echo "== mypy"; .venv/bin/mypy
echo "== pytest"; exec .venv/bin/python -m pytest "$@"
