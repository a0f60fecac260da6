#!/usr/bin/env python3
"""Which real findings of one run does another run still report?

usage: still_found.py BASE_RUN_DIR NEW_RUN_DIR [--verdicts FILE] [--events dev|heldout|all]

A finding of BASE judged `real` (docs/realnews/basil-verdicts.tsv) is still
found when NEW has a finding of the same kind in the same event whose claims
include at least two of its claims (same source, same text). Prints one line
per real base finding (found / LOST) and the count.
"""
import argparse
import json
import os

from precision import DOCS, load_verdicts


def claims(f):
    return {(c["source"], c["text"]) for c in f["claims"]}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("base")
    ap.add_argument("new")
    ap.add_argument("--verdicts", default=os.path.join(DOCS, "basil-verdicts.tsv"))
    ap.add_argument("--events", choices=("dev", "heldout", "all"), default="dev")
    a = ap.parse_args()
    verdicts = load_verdicts(a.verdicts)
    with open(os.path.join(DOCS, "basil-heldout.txt"), encoding="utf-8") as fh:
        heldout = {l.split()[0] for l in fh if l.strip() and not l.startswith("#")}
    found = total = 0
    for name in sorted(os.listdir(a.base)):
        event = name[:-5]
        part = "heldout" if event in heldout else "dev"
        if a.events != "all" and part != a.events:
            continue
        base = json.load(open(os.path.join(a.base, name), encoding="utf-8"))["findings"]
        new_path = os.path.join(a.new, name)
        new = json.load(open(new_path, encoding="utf-8"))["findings"] if os.path.exists(new_path) else []
        for f in base:
            if verdicts.get((event, f["fingerprint"]), ("",))[0] != "real":
                continue
            total += 1
            hit = any(g["kind"] == f["kind"] and len(claims(f) & claims(g)) >= 2 for g in new)
            found += hit
            print(f"{event}\t{f['fingerprint']}\t{f['kind']}\t{'found' if hit else 'LOST'}")
    print(f"{found} of {total} real base findings still found")


if __name__ == "__main__":
    main()
