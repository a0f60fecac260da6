#!/usr/bin/env bash
# The scale benchmark of issue 5, in one run on one set of generated files:
#
#   * `claimdiff check --format json` on N = 200, 400, 800 reports, against
#     (a) the floor `cat FILES | wc -w` and (b) what users do today,
#     `git diff --no-index --word-diff=porcelain` over each consecutive pair;
#   * peak memory of `check` (GNU time's maximum resident set size);
#   * `claimdiff claims` throughput in MB/s on one core (RAYON_NUM_THREADS=1);
#   * the pathological inputs (10 MB without a line break, 100,000 quote
#     marks, a paragraph of 50,000 numbers, 1,000 one-line sources).
#
# Every time is the best of $REPS runs (this machine is noisy; the report
# sizes take turns within each repetition); compare the ratios, not the
# seconds. Usage: scripts/bench.sh  (env: REPS, SEED, SIZES,
# KEEP=1 to keep the generated files, printed at the end; REF_BIN=path to
# time `claims` of another build in the same run).
set -euo pipefail
cd "$(dirname "$0")/.."

REPS=${REPS:-3}
SEED=${SEED:-1}
SIZES=${SIZES:-"200 400 800"}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/claimdiff-bench.XXXXXX")
if [ -z "${KEEP:-}" ]; then
  trap 'rm -rf "$WORK"' EXIT
fi

if [ ! -x /usr/bin/time ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    apt-get install -y -qq time >/dev/null
  else
    echo "bench.sh: GNU time is needed for peak memory (apt-get install time)" >&2
    exit 2
  fi
fi

cargo build --release --quiet --bin claimdiff --example gen_corpus
BIN=$PWD/target/release/claimdiff
GEN=$PWD/target/release/examples/gen_corpus

# Seconds (with microseconds) the command takes, once.
once() {
  local t0 t1
  t0=$EPOCHREALTIME
  "$@" >/dev/null 2>&1 || true
  t1=$EPOCHREALTIME
  echo "$t1 - $t0" | bc -l
}

# The smaller of two times (the first may be empty).
least() {
  if [ -z "$1" ] || [ "$(echo "$2 < $1" | bc -l)" = 1 ]; then echo "$2"; else echo "$1"; fi
}

# Seconds the command takes, best of $REPS.
best() {
  local best=""
  for _ in $(seq "$REPS"); do
    best=$(least "$best" "$(once "$@")")
  done
  printf '%.3f' "$best"
}

# Peak resident set size of the command, in MB.
peak() {
  /usr/bin/time -f '%M' -o "$WORK/rss" "$@" >/dev/null 2>&1 || true
  echo "scale=1; $(tail -1 "$WORK/rss") / 1024" | bc -l
}

ratio() { printf '%.2f' "$(echo "$1 / $2" | bc -l)"; }

wc_floor() { cat "$1"/*.txt | wc -w; }

git_chain() {
  local prev="" f
  for f in "$1"/*.txt; do
    if [ -n "$prev" ]; then
      git diff --no-index --word-diff=porcelain "$prev" "$f" >/dev/null || true
    fi
    prev=$f
  done
}

check() { "$BIN" check --format json --fail-on none "$1"; }

# One set of the largest size; each smaller set is its first N reports
# (a report depends only on the seed and its number).
largest=$(echo "$SIZES" | tr ' ' '\n' | sort -n | tail -1)
"$GEN" reports "$largest" "$SEED" "$WORK/all"
files=("$WORK"/all/*.txt)
for n in $SIZES; do
  mkdir -p "$WORK/$n"
  ln "${files[@]:0:$n}" "$WORK/$n/"
done

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'); best of $REPS"
echo
printf '%5s %8s %8s %8s %8s %10s %9s %9s %10s\n' N input_MB wc_s git_s check_s check/git check/wc peak_MB budget_MB
# The sizes take turns within each repetition, so a burst of load on the
# machine falls on all of them alike and the ratios between them hold.
declare -A T WC GIT
for _ in $(seq "$REPS"); do
  for n in $SIZES; do
    WC[$n]=$(least "${WC[$n]:-}" "$(once wc_floor "$WORK/$n")")
    GIT[$n]=$(least "${GIT[$n]:-}" "$(once git_chain "$WORK/$n")")
    T[$n]=$(least "${T[$n]:-}" "$(once check "$WORK/$n")")
  done
done
for n in $SIZES; do
  bytes=$(cat "$WORK/$n"/*.txt | wc -c)
  mb=$(printf '%.2f' "$(echo "$bytes / 1000000" | bc -l)")
  t_wc=$(printf '%.3f' "${WC[$n]}")
  t_git=$(printf '%.3f' "${GIT[$n]}")
  t_check=$(printf '%.3f' "${T[$n]}")
  rss=$(peak "$BIN" check --format json --fail-on none "$WORK/$n")
  budget=$(echo "scale=1; 4 * $bytes / 1048576 + 30" | bc -l)
  printf '%5s %8s %8s %8s %8s %10s %9s %9s %10s\n' "$n" "$mb" "$t_wc" "$t_git" "$t_check" \
    "$(ratio "$t_check" "$t_git")" "$(ratio "$t_check" "$t_wc")" "$rss" "$budget"
done
echo
prev=""
for n in $SIZES; do
  if [ -n "$prev" ]; then
    echo "scaling: check($n) / check($prev) = $(ratio "${T[$n]}" "${T[$prev]}")"
  fi
  prev=$n
done

smallest=$(echo "$SIZES" | tr ' ' '\n' | sort -n | head -1)
bytes=$(cat "$WORK/$smallest"/*.txt | wc -c)
claims1() { RAYON_NUM_THREADS=1 "$BIN" claims --format json "$1"; }
t_claims=$(best claims1 "$WORK/$smallest")
echo "claims on one core: $(printf '%.1f' "$(echo "$bytes / 1000000 / $t_claims" | bc -l)") MB/s ($smallest reports, ${t_claims}s)"
# The machine's speed varies by up to 2x between days: REF_BIN (an older
# build, say the one that set the target) is timed in the same run, in
# turns with this one, and the two compared.
if [ -n "${REF_BIN:-}" ]; then
  claims_ref() { RAYON_NUM_THREADS=1 "$REF_BIN" claims --format json "$1"; }
  t_now="" t_ref=""
  for _ in $(seq "$REPS"); do
    t_now=$(least "$t_now" "$(once claims1 "$WORK/$smallest")")
    t_ref=$(least "$t_ref" "$(once claims_ref "$WORK/$smallest")")
  done
  echo "claims on one core, same run: this build $(printf '%.1f' "$(echo "$bytes / 1000000 / $t_now" | bc -l)") MB/s," \
    "REF_BIN $(printf '%.1f' "$(echo "$bytes / 1000000 / $t_ref" | bc -l)") MB/s, time ratio $(ratio "$t_now" "$t_ref")"
fi

echo
echo "pathological inputs (check, best of $REPS):"
"$GEN" pathological "$SEED" "$WORK/patho"
for d in "$WORK"/patho/*/; do
  name=$(basename "$d")
  t=$(best check "$d")
  code=0
  "$BIN" check --format json --fail-on none "$d" >"$WORK/out.json" 2>"$WORK/err" || code=$?
  findings=$(grep -c '"fingerprint"' "$WORK/out.json" || true)
  printf '  %-18s %7ss  exit %s  %s findings  peak %s MB  %s\n' "$name" "$t" "$code" "$findings" \
    "$(peak "$BIN" check --format json --fail-on none "$d")" "$(head -c 120 "$WORK/err")"
done
if [ -n "${KEEP:-}" ]; then
  echo "generated files kept in $WORK"
fi

# Issue 13: inputs built elsewhere. The small-vocabulary sets (quotes and
# filler from ~40 shared words) at the same sizes, against the git chain
# and `wc -w` in the same run; near-duplicate quotes in 300 reports; deep
# and wide HTML, the 10 MB figure-dense line, truncated UTF-16 (exit 2).
echo
echo "issue 13: small-vocabulary reports (best of $REPS)"
"$GEN" small-vocab "$largest" "$SEED" "$WORK/sv-all"
svfiles=("$WORK"/sv-all/*.txt)
for n in $SIZES; do
  mkdir -p "$WORK/sv$n"
  ln "${svfiles[@]:0:$n}" "$WORK/sv$n/"
done
printf '%5s %8s %8s %8s %8s %10s %9s %10s\n' N input_MB wc_s git_s check_s check/git peak_MB budget_MB
declare -A SV SVWC SVGIT
for _ in $(seq "$REPS"); do
  for n in $SIZES; do
    SVWC[$n]=$(least "${SVWC[$n]:-}" "$(once wc_floor "$WORK/sv$n")")
    SVGIT[$n]=$(least "${SVGIT[$n]:-}" "$(once git_chain "$WORK/sv$n")")
    SV[$n]=$(least "${SV[$n]:-}" "$(once check "$WORK/sv$n")")
  done
done
prev=""
for n in $SIZES; do
  bytes=$(cat "$WORK/sv$n"/*.txt | wc -c)
  rss=$(peak "$BIN" check --format json --fail-on none "$WORK/sv$n")
  printf '%5s %8s %8.3f %8.3f %8.3f %10s %9s %10s\n' "$n" "$(printf '%.2f' "$(echo "$bytes / 1000000" | bc -l)")" \
    "${SVWC[$n]}" "${SVGIT[$n]}" "${SV[$n]}" "$(ratio "${SV[$n]}" "${SVGIT[$n]}")" "$rss" \
    "$(echo "scale=1; 4 * $bytes / 1048576 + 30" | bc -l)"
  if [ -n "$prev" ]; then echo "  scaling: check($n) / check($prev) = $(ratio "${SV[$n]}" "${SV[$prev]}")"; fi
  prev=$n
done
"$GEN" near-duplicates 300 "$SEED" "$WORK/near-dup"
"$GEN" hard "$SEED" "$WORK/hard"
echo "issue 13 inputs (check, best of $REPS; exit 2 is a refusal):"
for d in "$WORK/near-dup" "$WORK"/hard/*/; do
  t=$(best check "$d")
  code=0
  "$BIN" check --format json --fail-on none "$d" >"$WORK/out.json" 2>"$WORK/err" || code=$?
  # (a refused input exits 2: its empty output is compared)
  one=$({ RAYON_NUM_THREADS=1 "$BIN" check --format json --fail-on none "$d" 2>/dev/null || true; } | md5sum)
  four=$({ RAYON_NUM_THREADS=4 "$BIN" check --format json --fail-on none "$d" 2>/dev/null || true; } | md5sum)
  same=$([ "$one" = "$four" ] && echo same || echo DIFFERENT)
  printf '  %-20s %7ss  exit %s  1 vs 4 threads: %s  peak %s MB  %s\n' "$(basename "$d")" "$t" "$code" "$same" \
    "$(peak "$BIN" check --format json --fail-on none "$d")" "$(head -c 160 "$WORK/err")"
done

# ---------------------------------------------------------------------------
# BEGIN audit workload (issue 14): `claimdiff audit` on a generated day of
# copy, and `claimdiff batch` on a large input. Its own section so that
# other workloads can be added above without touching it.
#
#   * audit of AUDIT_WIRE wire items + AUDIT_STORIES stories (default 2,000 +
#     5,000, about 30 MB): time (best of $REPS), peak RSS, the scorer's
#     precision/recall, and cost per story at 1,000 stories against the full
#     set (story s is the same text in both: it depends only on the seed,
#     the wire count and s);
#   * batch on the day's groups repeated to BATCH_MB megabytes (default 0:
#     skipped; 1024 for the 1 GB measurement): time and peak RSS.
# env: SKIP_AUDIT=1 skips the section.
# ---------------------------------------------------------------------------
bench_audit() {
  local wire=${AUDIT_WIRE:-2000} stories=${AUDIT_STORIES:-5000} small=1000
  cargo build --release --quiet --example gen_day
  local DAYGEN=$PWD/target/release/examples/gen_day
  "$DAYGEN" write "$wire" "$stories" "$SEED" "$WORK/day"
  mkdir -p "$WORK/day-small"
  ls "$WORK/day/stories" | head -n "$small" | sed "s|^|$WORK/day/stories/|" | xargs ln -t "$WORK/day-small"
  local mb
  mb=$(printf '%.1f' "$(echo "$(cat "$WORK"/day/wire/* "$WORK"/day/stories/* | wc -c) / 1000000" | bc -l)")
  audit_run() { "$BIN" audit --format json --fail-on none --wire "$WORK/day/wire" "$1"; }
  local t_full="" t_small=""
  for _ in $(seq "$REPS"); do
    t_small=$(least "$t_small" "$(once audit_run "$WORK/day-small")")
    t_full=$(least "$t_full" "$(once audit_run "$WORK/day/stories")")
  done
  echo
  echo "audit: $wire wire items + $stories stories ($mb MB), best of $REPS"
  printf '  %s stories: %.3f s   %s stories: %.3f s   peak %s MB\n' "$small" "$t_small" "$stories" "$t_full" \
    "$(peak "$BIN" audit --format json --fail-on none --wire "$WORK/day/wire" "$WORK/day/stories")"
  echo "  cost per story: ($stories) / ($small) = $(ratio "$(echo "$t_full / $stories" | bc -l)" "$(echo "$t_small / $small" | bc -l)")"
  /usr/bin/time -f '  CPU: %U s user, %S s system, %e s wall' "$BIN" audit --format json --fail-on none \
    --wire "$WORK/day/wire" "$WORK/day/stories" >"$WORK/audit.json" 2>"$WORK/audit.err" || true
  tail -1 "$WORK/audit.err"
  "$DAYGEN" score "$WORK/day/truth.json" "$WORK/audit.json" | sed 's/^/  /'
  local batch_mb=${BATCH_MB:-0}
  if [ "$batch_mb" -gt 0 ]; then
    local groups=$WORK/day/groups.jsonl big=$WORK/big.jsonl
    while [ "$(stat -c %s "$big" 2>/dev/null || echo 0)" -lt $((batch_mb * 1000000)) ]; do
      cat "$groups" >>"$big"
    done
    /usr/bin/time -f '%e %M' -o "$WORK/batch.time" "$BIN" batch --fail-on none "$big" >/dev/null 2>&1 || true
    read -r secs kb <"$WORK/batch.time"
    echo "batch: $(($(stat -c %s "$big") / 1000000)) MB, $(wc -l <"$big") groups: ${secs} s, peak $((kb / 1024)) MB"
  fi
}
if [ -z "${SKIP_AUDIT:-}" ]; then
  bench_audit
fi
# END audit workload (issue 14)
