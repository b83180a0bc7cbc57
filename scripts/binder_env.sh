#!/usr/bin/env bash
# Build the Binder environment from binder/ alone, as repo2docker does: a clean venv of
# binder/runtime.txt's Python with binder/requirements.txt, then binder/postBuild run from
# the repository root. pip's cache is reused, so a second build takes seconds.
# Usage: scripts/binder_env.sh TARGET_DIR      (tests/test_binder.py calls it)
set -euo pipefail
target="${1:?usage: scripts/binder_env.sh TARGET_DIR}"
cd "$(dirname "$0")/.."
runtime="$(tr -d '[:space:]' < binder/runtime.txt)"   # e.g. python-3.11
case "$runtime" in
  python-3.*) py="python${runtime#python-}" ;;
  *) echo "binder/runtime.txt: expected python-3.X, got '$runtime'" >&2; exit 2 ;;
esac
command -v "$py" >/dev/null || { echo "binder/runtime.txt asks for $py, which is not installed" >&2; exit 2; }
rm -rf "$target"
"$py" -m venv "$target"
"$target/bin/python" -m pip install --quiet --upgrade pip 2>&1 | grep -v "^WARNING: Location" || true
"$target/bin/python" -m pip install --quiet -r binder/requirements.txt 2>&1 | grep -v "^WARNING: Location" || true
"$target/bin/python" -c "import voila, ipywidgets, plotly, pandas" # the install above succeeded
# postBuild runs with the environment's python first on PATH, from the repository root.
PATH="$target/bin:$PATH" bash binder/postBuild 2>&1 | grep -v "^WARNING: Location" || true
"$target/bin/python" -P -c "import woonlib" # postBuild installed woonlib
