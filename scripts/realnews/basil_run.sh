#!/usr/bin/env bash
# Run `claimdiff check` on every exported BASIL development event.
# usage: basil_run.sh RUN_NAME [BIN]
# Reads $CLAIMDIFF_REALNEWS/basil-txt/<event>/*.txt (made by basil_export.py)
# and writes $CLAIMDIFF_REALNEWS/runs/RUN_NAME/<event>.json (JSON reports).
# Texts and reports stay outside the repository.
set -euo pipefail
: "${CLAIMDIFF_REALNEWS:?set CLAIMDIFF_REALNEWS to the folder holding basil-txt/}"
run=${1:?usage: basil_run.sh RUN_NAME [BIN]}
bin=${2:-target/release/claimdiff}
out="$CLAIMDIFF_REALNEWS/runs/$run"
mkdir -p "$out"
for dir in "$CLAIMDIFF_REALNEWS"/basil-txt/*/; do
  event=$(basename "$dir")
  rc=0
  "$bin" check --format json --fail-on none -o "$out/$event.json" "$dir" || rc=$?
  [ "$rc" -eq 0 ] || echo "check failed on $event: exit $rc" >&2
done
echo "reports in $out" >&2
