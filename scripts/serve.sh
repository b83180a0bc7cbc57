#!/usr/bin/env bash
# Serve the dashboard with N Voilà workers behind HAProxy (sticky sessions, health checks,
# the busy page when every worker is full). Ctrl+C stops HAProxy and every worker.
# Usage: scripts/serve.sh [--workers N] [extra voila options]
#   env: PORT (8866: HAProxy; the workers take PORT+1 .. PORT+N), HOST (127.0.0.1),
#   WOONLIB_MAX_KERNELS (all workers together; default: half the memory in 256 MB kernels),
#   RUN_DIR (where the generated haproxy.cfg and the logs go; default .run/serve-<time>)
set -euo pipefail
cd "$(dirname "$0")/.."
workers=2
if [ "${1:-}" = "--workers" ]; then
  workers="${2:?--workers needs a number}"
  shift 2
fi
case "$workers" in
  '' | *[!0-9]* | 0) echo "serve.sh: --workers $workers: expected a whole number >= 1" >&2; exit 2 ;;
esac
haproxy_bin="$(command -v haproxy || echo /usr/sbin/haproxy)"
[ -x "$haproxy_bin" ] || { echo "serve.sh: no haproxy: run bash scripts/ensure_test_tools.sh (as root) or apt-get install haproxy" >&2; exit 2; }
bash scripts/setup.sh
export JUPYTER_PATH="$PWD/share/jupyter${JUPYTER_PATH:+:$JUPYTER_PATH}"
port="${PORT:-8866}"
host="${HOST:-127.0.0.1}"
run="${RUN_DIR:-.run/serve-$(date +%Y%m%d-%H%M%S)}"
mkdir -p "$run"
addresses=()
for i in $(seq 1 "$workers"); do addresses+=(--worker "127.0.0.1:$((port + i))"); done
cap_args=()
[ -n "${WOONLIB_MAX_KERNELS:-}" ] && cap_args=(--max-kernels "$WOONLIB_MAX_KERNELS")
.venv/bin/python -P -m woonlib.serving haproxy "${addresses[@]}" "${cap_args[@]}" \
  --bind "$host:$port" --out "$run" --log >"$run/workers.txt"
"$haproxy_bin" -c -q -f "$run/haproxy.cfg"

pids=()
stop() {
  trap - INT TERM EXIT
  echo "Stopping HAProxy and the workers ..."
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  wait || true
}
trap stop INT TERM EXIT
while read -r name tag address cap; do
  wport="${address##*:}"
  echo "Worker $name on $address (kernel ids start with $tag, at most $cap kernels); log: $run/$name.log"
  WOONLIB_WORKER_TAG="$tag" WOONLIB_MAX_KERNELS="$cap" \
    .venv/bin/python -P -m voila notebooks/dashboard.ipynb --no-browser \
    --port="$wport" --Voila.ip=127.0.0.1 --Voila.port_retries=0 "$@" >"$run/$name.log" 2>&1 &
  pids+=("$!")
done <"$run/workers.txt"
"$haproxy_bin" -db -f "$run/haproxy.cfg" >"$run/haproxy.log" 2>&1 &
pids+=("$!")
echo "HAProxy on http://$host:$port/ (config: $run/haproxy.cfg, log: $run/haproxy.log); Ctrl+C stops."
wait -n || true
echo "A worker or HAProxy stopped; see the logs in $run." >&2
