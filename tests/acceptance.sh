#!/usr/bin/env bash
# Full acceptance run: builds the shipped content with --base-path
# /cong-khai/, serves it on 127.0.0.1 under that sub-path and checks every page
# in headless Chromium (console, requests, axe-core WCAG 2.1 A/AA, links,
# phone width), every HTML file with the W3C Nu checker, every SVG/XML file,
# the key pages without JavaScript, the 404 page, and takes screenshots into
# target/e2e/. Ends with `N passed, M failed`; exits non-zero on any failure.
#
#   bash tests/acceptance.sh
#
# Installs what is missing: Debian chromium (+ fonts), a Java runtime, and
# the pinned npm packages of tests/e2e (npm ci). Environment:
#   CARGO_TARGET_DIR  cargo's target folder (default: target)
#   E2E_TABS          browser tabs working in parallel (default: 4)
#   E2E_KEEP          set to keep the built site in its temp folder
#   E2E_SKIP_BUILD    set to reuse an existing release binary (local iteration)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
E2E="$ROOT/tests/e2e"
BASE_PATH=/cong-khai/
export E2E_STARTED=$(date +%s)
# Should a step before the checks fail, still end with the closing line.
checks_ran=
trap 'rc=$?; if [ -z "$checks_ran" ] && [ $rc -ne 0 ]; then echo "setup failed (exit $rc)"; echo "0 passed, 1 failed"; fi' EXIT

say() { printf '==> %s\n' "$*"; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

# ---- 1. tools ---------------------------------------------------------------
apt_missing=()
[ -x /usr/bin/chromium ] || apt_missing+=(chromium fonts-liberation fonts-dejavu-core)
command -v java >/dev/null 2>&1 || apt_missing+=(default-jre-headless)
command -v node >/dev/null 2>&1 || apt_missing+=(nodejs npm)
if [ ${#apt_missing[@]} -gt 0 ]; then
  say "installing ${apt_missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  as_root apt-get update -q
  as_root apt-get install -y -q --no-install-recommends "${apt_missing[@]}"
fi
node_major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$node_major" -lt 20 ]; then
  echo "node $(node -v) is too old: playwright-core needs node 20 or later" >&2
  exit 1
fi

# npm ci when node_modules is missing or was installed from another lock file.
# --ignore-scripts: vnu-jar's postinstall would fetch a JRE from GitHub; the
# system java is used instead.
if ! cmp -s "$E2E/package-lock.json" "$E2E/node_modules/.acceptance-lock.json" 2>/dev/null; then
  say "npm ci in tests/e2e"
  (cd "$E2E" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
  cp "$E2E/package-lock.json" "$E2E/node_modules/.acceptance-lock.json"
fi

# ---- 2. build ---------------------------------------------------------------
BIN="${CARGO_TARGET_DIR:-$ROOT/target}/release/congkhai"
case "$BIN" in /*) ;; *) BIN="$ROOT/$BIN" ;; esac
if [ -n "${E2E_SKIP_BUILD:-}" ] && [ -x "$BIN" ]; then
  say "E2E_SKIP_BUILD: using the existing $BIN"
else
  say "cargo build --release"
  (cd "$ROOT" && cargo build --release --quiet)
fi

TMP="$(mktemp -d "${TMPDIR:-/tmp}/congkhai-e2e.XXXXXX")"
if [ -z "${E2E_KEEP:-}" ]; then cleanup() { rm -rf "$TMP"; }; else echo "keeping $TMP"; cleanup() { :; }; fi
trap 'rc=$?; cleanup; if [ -z "$checks_ran" ] && [ $rc -ne 0 ]; then echo "setup failed (exit $rc)"; echo "0 passed, 1 failed"; fi' EXIT
say "building content/ into $TMP/site with --base-path $BASE_PATH"
(cd "$ROOT" && "$BIN" build --content content --output "$TMP/site" --base-path "$BASE_PATH")

# ---- 3-7. browser, checker, screenshots ----------------------------------------
say "checking the site"
checks_ran=1
cd "$ROOT"
exec_status=0
node "$E2E/acceptance.js" --site "$TMP/site" --base-path "$BASE_PATH" --shots "$ROOT/target/e2e" || exec_status=$?
exit "$exec_status"
