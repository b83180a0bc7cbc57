#!/usr/bin/env bash
# What the tests need beyond .venv: PostgreSQL's server programs for the scenario store's
# tests (Debian's `postgresql`: tests/postgres.py makes a throwaway cluster with its initdb),
# HAProxy (Debian's package, for the workers behind it), axe-core (fetched once from the npm
# registry, pinned and verified, into .cache/) and a Chromium: $CHROMIUM_PATH, Debian's
# /usr/bin/chromium, or Playwright's own build. Installs Debian's packages when running as
# root on Debian (no browser download needed), else Playwright's build
# (`playwright install chromium`).
set -euo pipefail
cd "$(dirname "$0")/.."
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 && ! command -v initdb >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing Debian's postgresql for the store's tests ..."
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  else
    echo "The store's tests need PostgreSQL's initdb and pg_ctl: install the postgresql package" >&2
    exit 1
  fi
fi
.venv/bin/python scripts/fetch_axe.py >/dev/null
apt_updated=""
if ! command -v haproxy >/dev/null 2>&1 && [ ! -x /usr/sbin/haproxy ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing Debian's haproxy for the tests of several workers ..."
    apt-get update -qq && apt_updated=1
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq haproxy >/dev/null
  else
    echo "No haproxy: install it (Debian: apt-get install haproxy) for tests/test_haproxy.py" >&2
  fi
fi
[ -n "${CHROMIUM_PATH:-}" ] && [ -x "$CHROMIUM_PATH" ] && exit 0
[ -x /usr/bin/chromium ] && exit 0
if .venv/bin/python - <<'PY'
import os, sys
from playwright.sync_api import sync_playwright
with sync_playwright() as pw:
    sys.exit(0 if os.path.exists(pw.chromium.executable_path) else 1)
PY
then exit 0; fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's chromium for the browser tests ..."
  [ -n "$apt_updated" ] || apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
else
  echo "Installing Playwright's Chromium for the browser tests ..."
  .venv/bin/python -m playwright install chromium
fi
