#!/usr/bin/env bash
# The browser test: installs Debian's chromium when it is missing, then opens
# the HTML reports headless (report/render/browser_test.go). Screenshots go
# to $DECOMP_SCREENSHOTS, or a temporary folder the test names.
set -euo pipefail
cd "$(dirname "$0")/.."
CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
if [ ! -x "$CHROMIUM" ]; then
  echo "e2e: installing Debian's chromium for the browser test" >&2
  sudo=""
  if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null || { echo "e2e: chromium is missing and this user cannot install it (no root, no sudo)" >&2; exit 1; }
    sudo="sudo"
  fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get install -y -q chromium >/dev/null 2>&1 || { $sudo apt-get update -q >/dev/null && $sudo apt-get install -y -q chromium >/dev/null; }
fi
export CHROMIUM
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
status=0
go test -count=1 -tags e2e -run Browser -v ./report/render >"$log" 2>&1 || status=$?
if [ "$status" = 0 ]; then
  grep -E '^(--- |ok)|browser_test.go' "$log" || true
else
  cat "$log"
fi
exit "$status"
