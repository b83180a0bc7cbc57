#!/usr/bin/env bash
# Set up and run the main job: print the Woonvisie's headline indicators.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/python -m woonlib indicators "$@"
