#!/usr/bin/env bash
# Seed the fuzz corpora from the case corpus (cases/**/*.txt). The copies
# land in fuzz/corpus/<target>/ and are not committed (fuzz/.gitignore).
#   segment, extract: one seed per case text file
#   check:            one seed per case: a flag byte, then the case's text
#                     files joined by the 0xFF separator byte
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cases="$here/../cases"
for t in segment extract check; do mkdir -p "$here/corpus/$t"; done
n=0
while IFS= read -r -d '' f; do
    name="$(basename "$(dirname "$f")")-$(basename "$f" .txt)"
    cp "$f" "$here/corpus/segment/$name"
    cp "$f" "$here/corpus/extract/$name"
    n=$((n + 1))
done < <(find "$cases" -name '*.txt' -print0 | sort -z)
m=0
for dir in "$cases"/*/; do
    mapfile -d '' texts < <(find "$dir" -maxdepth 1 -name '*.txt' -print0 | sort -z)
    [ "${#texts[@]}" -ge 2 ] || continue
    case_name="$(basename "$dir")"
    for flag in 0 1; do
        out="$here/corpus/check/$case_name-$flag"
        printf "\\x0$flag" > "$out"
        first=1
        for f in "${texts[@]:0:3}"; do
            [ "$first" = 1 ] || printf '\xff' >> "$out"
            cat "$f" >> "$out"
            first=0
        done
        m=$((m + 1))
    done
done
echo "seeded $n text files (segment, extract) and $m check inputs from $cases"
