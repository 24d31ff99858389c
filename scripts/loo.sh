#!/usr/bin/env bash
# Leave-one-repository-out judgement of every tuned constant and rule of the
# clustering (cluster.Tunables): each variant is scored on every corpus
# repository (domain-only MoJoFM and ARI, default flags otherwise); for each
# repository, every tunable takes the value best on the other repositories,
# and that combination is scored on the held-out one.
# Usage: scripts/loo.sh CORPUS_DIR SRC_DIR [WORK_DIR]
#   CORPUS_DIR holds NAME.truth.yaml files (../shared/corpus), SRC_DIR/NAME the
#   extracted trees; WORK_DIR keeps the raw scores (default: a temporary dir).
# The objective of one run on one repository is the mean of MoJoFM and ARI
# (both in [0, 1]) over both scopes, domain-only and all units: the rules that
# set code aside as platform show only in the second.
set -euo pipefail
corpus=$(cd "${1:?usage: loo.sh CORPUS_DIR SRC_DIR [WORK_DIR]}" && pwd)
src=$(cd "${2:?usage: loo.sh CORPUS_DIR SRC_DIR [WORK_DIR]}" && pwd)
cd "$(dirname "$0")/.."
work=${3:-$(mktemp -d)}
mkdir -p "$work"
export GOTOOLCHAIN=local
go build -o "$work/decomp" ./cmd/decomp
bin=$work/decomp

# NAME DEFAULT VALUES...: the grid of every tunable, its neutral value (the
# rule off, the constant that disables what it weighs) first; a rule is 1 or 0.
# consensus-runs has no alternative here: at one seed, a single run is judged
# by that seed's luck; scripts/seeds.sh compares it with the medoid over seeds.
# cluster's TestLooGridCoversTunables keeps this list equal to cluster.Tunables.
grid=(
  "term-weight 4 0 2 4 6 8"
  "hub-damping 0.125 0 0.125 0.25 0.375 0.5"
  "consensus-runs 8 8"
  "file-tie 1 0 0.5 1 2"
  "term-max-share 0.2 1 0.1 0.2 0.3"
  "max-folder-share 0.25 1000 0.15 0.25 0.4"
  "tiny-share 0.004 0 0.002 0.004 0.008"
  "merge-cohesion 1.5 1000 1 1.5 2"
  "merge-outside 0.6666666666666666 0 0.5 0.6666666666666666 0.8"
  "helper-share 0.3333333333333333 1000 0.2 0.3333333333333333 0.5"
  "split-large 1 0 1"
  "behaviour-roles 1 0 1"
  "stem-tie 1 0 1"
  "schema-wide 1 0 1"
  "shared-helpers 1 0 1"
  "absorb-singletons 1 0 1"
  "place-isolated 1 0 1"
  "place-adapters 1 0 1"
  "settle-libraries 1 0 1"
  "merge-folders 1 0 1"
  "join-entries 1 0 1"
  "join-aggregates 1 0 1"
  "join-satellites 1 0 1"
  "dissolve-tiny 1 0 1"
)

repos=()
for t in "$corpus"/*.truth.yaml; do
  n=$(basename "$t" .truth.yaml)
  [[ -d $src/$n ]] && repos+=("$n")
done

# score VARIANT TUNE_ARGS...: appends "variant repo mojo ari contexts truth
# mojo-all ari-all" per repository: domain-only, then all units.
score() {
  local v=$1; shift
  local n t ld envs pats out m a k kt m2 a2
  for n in "${repos[@]}"; do
    t=$corpus/$n.truth.yaml
    ld=$(sed -n 's/^# decomp-load: *//p' "$t" | head -1); envs=""; pats="./..."
    [[ -n $ld ]] && { envs=${ld%%|*}; pats=${ld#*|}; }
    # shellcheck disable=SC2086
    out=$(cd "$src/$n" && env GOFLAGS=-mod=mod $envs "$bin" eval --domain-only --truth "$t" "$@" $pats 2>&1) || true
    m=$(grep -o '^MoJoFM [0-9.]*' <<<"$out" | head -1 | awk '{print $2}')
    a=$(grep -o '^ARI *[-0-9.]*' <<<"$out" | head -1 | awk '{print $2}')
    read -r k kt < <(grep -o '[0-9]* contexts vs [0-9]* in the truth' <<<"$out" | head -1 | awk '{print $1, $4}') || true
    # shellcheck disable=SC2086
    out=$(cd "$src/$n" && env GOFLAGS=-mod=mod $envs "$bin" eval --truth "$t" "$@" $pats 2>&1) || true
    m2=$(grep -o '^MoJoFM [0-9.]*' <<<"$out" | head -1 | awk '{print $2}')
    a2=$(grep -o '^ARI *[-0-9.]*' <<<"$out" | head -1 | awk '{print $2}')
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$v" "$n" "${m:-0}" "${a:-0}" "${k:-0}" "${kt:-0}" "${m2:-0}" "${a2:-0}"
  done
}

raw=$work/raw.tsv
if [[ ${LOO_REUSE:-} == 1 && -s $raw ]]; then
  echo "loo: reusing the scores in $raw" >&2 # LOO_REUSE=1: re-judge without re-scoring
else
  : >"$raw"
  score default >>"$raw"
  for g in "${grid[@]}"; do
    read -r name def vals <<<"$g"
    for val in $vals; do
      [[ $val == "$def" ]] && continue
      score "$name=$val" --tune "$name=$val" >>"$raw"
    done
  done
fi

# choices.tsv: per held-out repository, per tunable, the value best on the others.
awk -F'\t' -v grid="$(printf '%s\n' "${grid[@]}")" '
  BEGIN { ng = split(grid, gl, "\n"); for (i = 1; i <= ng; i++) { split(gl[i], f, " "); name[i] = f[1]; def[name[i]] = f[2] } }
  { obj[$1, $2] = ($3 + $4 + $7 + $8) / 4; if (!($2 in seen)) { seen[$2] = 1; repo[++nr] = $2 } }
  END {
    for (h = 1; h <= nr; h++) {
      for (i = 1; i <= ng; i++) {
        n = split(gl[i], f, " "); best = f[2]; bestv = 0
        for (r = 1; r <= nr; r++) if (r != h) bestv += obj["default", repo[r]]
        for (j = 3; j <= n; j++) {
          if (f[j] == f[2]) continue
          v = name[i] "=" f[j]; s = 0
          for (r = 1; r <= nr; r++) if (r != h) s += obj[v, repo[r]]
          # A value must beat the default by more than noise (0.001 of the
          # mean objective over the other repositories) to replace it.
          tol = (best == f[2]) ? 0.001 * (nr - 1) : 1e-9
          if (s > bestv + tol) { bestv = s; best = f[j] }
        }
        printf "%s\t%s\t%s\n", repo[h], name[i], best
      }
    }
  }' "$raw" >"$work/choices.tsv"

# heldout.tsv: each repository scored with the values chosen without it.
: >"$work/heldout.tsv"
for n in "${repos[@]}"; do
  args=()
  while IFS=$'\t' read -r r name val; do
    [[ $r == "$n" ]] || continue
    for g in "${grid[@]}"; do
      read -r gn def _ <<<"$g"
      [[ $gn == "$name" && $val != "$def" ]] && args+=(--tune "$name=$val")
    done
  done <"$work/choices.tsv"
  saved=("${repos[@]}"); repos=("$n")
  score "heldout" "${args[@]}" >>"$work/heldout.tsv"
  repos=("${saved[@]}")
  printf '%s held out: %s\n' "$n" "${args[*]:-(all defaults)}" >&2
done

echo "## In-sample (shipped defaults) and held-out (each tunable chosen on the other repositories)"
echo
echo "| repo | in-sample domain-only MoJoFM / ARI | held-out | in-sample all units | held-out | contexts (truth) |"
echo "|---|---|---|---|---|---|"
awk -F'\t' '
  FNR == NR { if ($1 == "default") { m[$2] = $3; a[$2] = $4; k[$2] = $5 " (" $6 ")"; m2[$2] = $7; a2[$2] = $8; order[++n] = $2 } ; next }
  { hm[$2] = $3; ha[$2] = $4; hm2[$2] = $7; ha2[$2] = $8 }
  END {
    for (i = 1; i <= n; i++) {
      r = order[i]; printf "| %s | %.1f / %.2f | %.1f / %.2f | %.1f / %.2f | %.1f / %.2f | %s |\n", r, 100*m[r], a[r], 100*hm[r], ha[r], 100*m2[r], a2[r], 100*hm2[r], ha2[r], k[r]
      sm += m[r]; sa += a[r]; shm += hm[r]; sha += ha[r]; sm2 += m2[r]; sa2 += a2[r]; shm2 += hm2[r]; sha2 += ha2[r]
      if (i == 1 || m[r] < wm) wm = m[r]; if (i == 1 || a[r] < wa) wa = a[r]
      if (i == 1 || hm[r] < whm) whm = hm[r]; if (i == 1 || ha[r] < wha) wha = ha[r]
    }
    printf "| mean | %.1f / %.2f | %.1f / %.2f | %.1f / %.2f | %.1f / %.2f | |\n", 100*sm/n, sa/n, 100*shm/n, sha/n, 100*sm2/n, sa2/n, 100*shm2/n, sha2/n
    printf "| worst (domain-only) | %.1f / %.2f | %.1f / %.2f | | | |\n", 100*wm, wa, 100*whm, wha
  }' "$raw" "$work/heldout.tsv"
echo
echo "## Each tunable: held-out gain of the shipped default over its neutral value"
echo
echo "The gain is the mean over held-out repositories of the objective with the value chosen"
echo "on the other repositories, minus the objective at its neutral value (a rule off, a"
echo "constant at the value that disables it); a tunable with no positive gain should go."
echo
echo "| tunable | default | chosen per held-out repo | held-out gain | in-sample gain |"
echo "|---|---|---|---|---|"
awk -F'\t' -v grid="$(printf '%s\n' "${grid[@]}")" '
  BEGIN { ng = split(grid, gl, "\n") }
  FILENAME ~ /raw.tsv$/ { obj[$1, $2] = ($3 + $4 + $7 + $8) / 4; if (!($2 in seen)) { seen[$2] = 1; repo[++nr] = $2 }; next }
  { choice[$1, $2] = $3 }
  END {
    for (i = 1; i <= ng; i++) {
      n = split(gl[i], f, " "); nm = f[1]; d = f[2]
      neutral = f[3]
      nv = nm "=" neutral
      ch = ""; hg = 0; ig = 0
      for (r = 1; r <= nr; r++) {
        c = choice[repo[r], nm]; ch = ch (r > 1 ? " " : "") c
        cv = (c == d) ? "default" : nm "=" c
        hg += obj[cv, repo[r]] - obj[nv, repo[r]]
        ig += obj["default", repo[r]] - obj[nv, repo[r]]
      }
      printf "| %s | %s | %s | %+.3f | %+.3f |\n", nm, d, ch, hg / nr, ig / nr
    }
  }' "$raw" "$work/choices.tsv"
