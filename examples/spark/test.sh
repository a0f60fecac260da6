#!/usr/bin/env bash
# The Spark example's test (run by .ci/run): generate a day of copy, run
# `claimdiff batch` on it once plainly and once through Spark (local mode,
# RDD.pipe over 4 partitions), and require the same answers line for line
# once both are sorted by id.
#
# Needs a Python with pyspark (PYTHON, default python3) and Java 17.
# Usage: examples/spark/test.sh [RELEASE_OR_DEBUG_BINARY]
set -euo pipefail
cd "$(dirname "$0")/../.."
PYTHON=${PYTHON:-python3}
BIN=${1:-target/release/claimdiff}
GEN=${GEN:-target/release/examples/gen_day}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/claimdiff-spark.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

"$GEN" write 60 300 11 "$WORK/day"
groups="$WORK/day/groups.jsonl"
# One malformed line among the groups: answered, not lost, on both sides.
echo '{"id": "broken", "sources": [' >>"$groups"
lines=$(wc -l <"$groups")

code=0
"$BIN" batch --fail-on none "$groups" >"$WORK/plain.jsonl" || code=$?
[ "$code" = 2 ] || { echo "spark test: plain batch exited $code, expected 2 (one error line)" >&2; exit 1; }

BIN_ABS=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")
"$PYTHON" examples/spark/batch_job.py "$groups" "$WORK/spark" \
  --master 'local[2]' --partitions 4 --claimdiff "$BIN_ABS" 2>"$WORK/spark.log" ||
  { tail -30 "$WORK/spark.log" >&2; exit 1; }
cat "$WORK"/spark/part-* >"$WORK/spark.jsonl"

# Sort each side by id (then by line, for the error line whose id is null).
sort_by_id() {
  "$PYTHON" -c '
import json, sys
rows = [l.rstrip("\n") for l in open(sys.argv[1], encoding="utf-8")]
rows.sort(key=lambda l: (json.dumps(json.loads(l).get("id")), l))
sys.stdout.write("".join(r + "\n" for r in rows))
' "$1"
}
sort_by_id "$WORK/plain.jsonl" >"$WORK/plain.sorted"
sort_by_id "$WORK/spark.jsonl" >"$WORK/spark.sorted"
n_plain=$(wc -l <"$WORK/plain.sorted")
n_spark=$(wc -l <"$WORK/spark.sorted")
if [ "$n_plain" != "$lines" ] || [ "$n_spark" != "$lines" ]; then
  echo "spark test: $lines groups, plain answered $n_plain, spark $n_spark" >&2
  exit 1
fi
if ! cmp -s "$WORK/plain.sorted" "$WORK/spark.sorted"; then
  echo "spark test: Spark's answers differ from plain claimdiff batch:" >&2
  diff <(cut -c1-200 "$WORK/plain.sorted") <(cut -c1-200 "$WORK/spark.sorted") | head -20 >&2
  exit 1
fi
echo "spark test: $lines groups, Spark (local[2], 4 partitions) and plain batch agree line for line"
