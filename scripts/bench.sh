#!/usr/bin/env bash
# decomp next to go vet on generated synthetic monoliths, cold and warm, with
# decomp's per-stage times and peak memory, then with its fact cache: a hit,
# and a run after editing one file.
# Usage: scripts/bench.sh [sizes...]   (default: 1000 4000 10000 packages)
set -euo pipefail
cd "$(dirname "$0")/.."
export GOTOOLCHAIN=local
SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(1000 4000 10000)
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
go build -o bin/decomp ./cmd/decomp
TIME=/usr/bin/time
if [ ! -x "$TIME" ]; then
  echo "bench: installing GNU time for peak memory" >&2
  if [ "$(id -u)" = 0 ]; then apt-get install -y -q time >/dev/null 2>&1 || true; fi
fi
# run LABEL CMD...: wall time and peak RSS of one command.
run() {
  local label="$1"; shift
  local s e rss=""
  s=$(date +%s.%N)
  if [ -x "$TIME" ]; then
    "$TIME" -f '%M' -o "$work/rss" "$@" >"$work/out" 2>"$work/err" || { cat "$work/err"; exit 1; }
    rss="$(( $(tail -1 "$work/rss") / 1024 )) MB"
  else
    "$@" >"$work/out" 2>"$work/err" || { cat "$work/err"; exit 1; }
  fi
  e=$(date +%s.%N)
  printf '  %-40s %7.2f s  %8s\n' "$label" "$(awk -v a="$s" -v b="$e" 'BEGIN{print b-a}')" "$rss"
}
for n in "${SIZES[@]}"; do
  dir="$work/synth$n"
  go run ./internal/synth/cmd/synthgen -o "$dir" -packages "$n" -seed 1 >/dev/null
  echo "synthetic monolith: $n packages, $(find "$dir" -name '*.go' | xargs cat | wc -l) lines"
  cache="$work/gocache$n"
  run "go vet ./... (cold build cache)" env GOCACHE="$cache" go -C "$dir" vet ./...
  run "go vet ./... (warm)" env GOCACHE="$cache" go -C "$dir" vet ./...
  run "decomp analyze (cold build cache)" env GOCACHE="$work/dcache$n" DECOMP_CACHE=off bin/decomp analyze -C "$dir" --format json
  run "decomp analyze (warm, no fact cache)" env DECOMP_CACHE=off bin/decomp analyze -C "$dir" --format json -v
  sed -n 's/^decomp: /    /p' "$work/err" | grep -v '^    config'
  facts="$work/facts$n"
  env DECOMP_CACHE="$facts" bin/decomp analyze -C "$dir" --format json >/dev/null 2>&1
  run "decomp analyze (fact cache hit)" env DECOMP_CACHE="$facts" bin/decomp analyze -C "$dir" --format json
  first=$(find "$dir" -name '*.go' | sort | sed -n 1p) # sed reads to the end: no SIGPIPE under pipefail
  echo "// edited" >>"$first"
  run "decomp analyze (after editing a file)" env DECOMP_CACHE="$facts" bin/decomp analyze -C "$dir" --format json
  run "decomp init + check --write-baseline" sh -c "bin/decomp init -C '$dir' --force -o '$work/ctx$n.yaml' >/dev/null 2>&1 && bin/decomp check -C '$dir' --config '$work/ctx$n.yaml' --write-baseline"
done
