#!/usr/bin/env bash
# Runs decomp on a generated synthetic monolith and prints wall time and peak
# memory for each granularity. Usage: scripts/bench.sh [packages]
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-1000}"
export GOTOOLCHAIN=local
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
go build -o bin/decomp ./cmd/decomp
go run ./internal/synth/cmd/synthgen -o "$work/synth" -packages "$N" -seed 1
echo "synthetic monolith: $N packages, $(find "$work/synth" -name '*.go' | xargs cat | wc -l) lines"
measure() {
  local label="$1"; shift
  local start end
  start=$(date +%s.%N)
  /usr/bin/env time -f '%M' -o "$work/rss" "$@" >"$work/out" 2>"$work/err" || { cat "$work/err"; exit 1; }
  end=$(date +%s.%N)
  printf '%-28s wall %6.2fs  peak RSS %6d MB\n' "$label" "$(awk -v a="$start" -v b="$end" 'BEGIN{print b-a}')" "$(( $(tail -1 "$work/rss") / 1024 ))"
}
if [ ! -x /usr/bin/time ]; then
  echo "note: /usr/bin/time missing (apt-get install time); peak memory will not be shown" >&2
  measure() { local label="$1"; shift; local s e; s=$(date +%s.%N); "$@" >"$work/out"; e=$(date +%s.%N); printf '%-28s wall %6.2fs\n' "$label" "$(awk -v a="$s" -v b="$e" 'BEGIN{print b-a}')"; }
fi
measure "go vet ./... (reference)" go -C "$work/synth" vet ./...
measure "decomp (package)" bin/decomp analyze -C "$work/synth" --format json ./...
measure "decomp (type)" bin/decomp analyze -C "$work/synth" --granularity type --format json ./...
echo "score against the generator's truth:"; bin/decomp eval -C "$work/synth" --truth truth.yaml ./... | sed 's/^/  /'
