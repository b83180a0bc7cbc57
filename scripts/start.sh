#!/usr/bin/env bash
# Set up .venv and serve the dashboard with Voilà (read-only, voila.json's hardened settings).
# Usage: scripts/start.sh [extra voila options]   env: PORT (8866), HOST (127.0.0.1),
#   WOONLIB_MAX_KERNELS (the cap on kernels; default: half the memory in 256 MB kernels)
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
# voila.json selects the offline template kept in share/jupyter (no fonts from a CDN).
export JUPYTER_PATH="$PWD/share/jupyter${JUPYTER_PATH:+:$JUPYTER_PATH}"
port="${PORT:-8866}"
host="${HOST:-127.0.0.1}"
echo "Starting the dashboard; open http://$host:$port/ once Voilà reports it is running (Ctrl+C stops)."
# -P: the working directory stays off sys.path. Voilà reads voila.json from the working directory.
exec .venv/bin/python -P -m voila notebooks/dashboard.ipynb --no-browser \
  --port="$port" --Voila.ip="$host" --Voila.port_retries=0 "$@"
