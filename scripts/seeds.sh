#!/usr/bin/env bash
# One Leiden run against the medoid of eight (cluster's consensus), over
# seeds 1..8 on every corpus repository: the mean, worst and best domain-only
# MoJoFM / ARI of each, and the mean objective of loo.sh (MoJoFM and ARI over
# both scopes). A single run is judged over seeds, never at one: at one seed
# it is judged by that seed's luck.
# Usage: scripts/seeds.sh CORPUS_DIR SRC_DIR
set -euo pipefail
corpus=$(cd "${1:?usage: seeds.sh CORPUS_DIR SRC_DIR}" && pwd)
src=$(cd "${2:?usage: seeds.sh CORPUS_DIR SRC_DIR}" && pwd)
cd "$(dirname "$0")/.."
export GOTOOLCHAIN=local
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/decomp" ./cmd/decomp
bin=$work/decomp
num() { grep -o '^MoJoFM [0-9.]*\|^ARI *[-0-9.]*' | awk '{printf "%s ", $2}'; }
for t in "$corpus"/*.truth.yaml; do
  n=$(basename "$t" .truth.yaml)
  [[ -d $src/$n ]] || continue
  ld=$(sed -n 's/^# decomp-load: *//p' "$t" | head -1); envs=""; pats="./..."
  [[ -n $ld ]] && { envs=${ld%%|*}; pats=${ld#*|}; }
  for s in 1 2 3 4 5 6 7 8; do
    for runs in 1 8; do
      # shellcheck disable=SC2086
      d=$(cd "$src/$n" && env GOFLAGS=-mod=mod $envs "$bin" eval --domain-only --seed "$s" --tune consensus-runs="$runs" --truth "$t" $pats 2>&1 | num)
      # shellcheck disable=SC2086
      a=$(cd "$src/$n" && env GOFLAGS=-mod=mod $envs "$bin" eval --seed "$s" --tune consensus-runs="$runs" --truth "$t" $pats 2>&1 | num)
      echo "$n $runs $d $a"
    done
  done
done | awk '
  { k = $1 " " $2; c[k]++; m[k] += $3; a[k] += $4; o[k] += ($3 + $4 + $5 + $6) / 4
    if (!(k in lo) || $3 < lo[k]) lo[k] = $3; if (!(k in hi) || $3 > hi[k]) hi[k] = $3
    if (!($1 in seen)) { seen[$1] = 1; order[++nr] = $1 } }
  END {
    print "| repo | one run: mean MoJoFM / ARI (worst–best MoJoFM) | medoid of 8 | objective one run → medoid |"
    print "|---|---|---|---|"
    for (i = 1; i <= nr; i++) { r = order[i]; x = r " 1"; y = r " 8"
      printf "| %s | %.1f / %.2f (%.1f–%.1f) | %.1f / %.2f (%.1f–%.1f) | %.4f → %.4f |\n", r,
        100 * m[x] / c[x], a[x] / c[x], 100 * lo[x], 100 * hi[x], 100 * m[y] / c[y], a[y] / c[y], 100 * lo[y], 100 * hi[y], o[x] / c[x], o[y] / c[y] }
  }'
