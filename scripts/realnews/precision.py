#!/usr/bin/env python3
"""Join a run of `check` on BASIL events with the committed verdicts.

usage: precision.py RUN_DIR [--verdicts FILE] [--show-unreviewed] [--events dev|heldout|all]

RUN_DIR holds one JSON report per event (basil_run.sh). Verdicts are lines
`event<TAB>fingerprint<TAB>kind<TAB>verdict<TAB>cause` (verdict real, false or
unsure; cause: a few words for a false one). Prints, for the 40 development
events and the 10 set-aside ones (docs/realnews/basil-heldout.txt), the
findings per kind, how many are reviewed, real, false and unsure, and the
precision real / (real + false). `--show-unreviewed` prints each finding that
has no verdict yet (its claims and sentences) for a reviewer, and
`--list` prints every finding's id line with its verdict. Texts are read from
the reports only and are never written to the repository.
"""
import argparse
import collections
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DOCS = os.path.join(HERE, "..", "..", "docs", "realnews")


def load_verdicts(path):
    verdicts = {}
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            parts = line.split("\t")
            if len(parts) < 4 or parts[3] not in ("real", "false", "unsure"):
                sys.exit(f"{path}:{n}: expected event, fingerprint, kind, verdict, cause")
            verdicts[(parts[0], parts[1])] = (parts[3], parts[4] if len(parts) > 4 else "")
    return verdicts


def show(event, f):
    print(f"== {event}\t{f['fingerprint']}\t{f['kind']}\t{f['message']}")
    for c in f["claims"]:
        extra = {k: c[k] for k in ("speaker", "value", "unit", "qualifier", "polarity", "date") if k in c}
        print(f"   [{c['source']}] text: {c['text']!r} {extra}")
        print(f"       sentence: {c['sentence']}")
    print()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("run_dir")
    ap.add_argument("--verdicts", default=os.path.join(DOCS, "basil-verdicts.tsv"))
    ap.add_argument("--show-unreviewed", action="store_true")
    ap.add_argument("--list", action="store_true")
    ap.add_argument("--events", choices=("dev", "heldout", "all"), default="all")
    a = ap.parse_args()
    verdicts = load_verdicts(a.verdicts) if os.path.exists(a.verdicts) else {}
    with open(os.path.join(DOCS, "basil-heldout.txt"), encoding="utf-8") as fh:
        heldout = {l.split()[0] for l in fh if l.strip() and not l.startswith("#")}
    table = collections.defaultdict(collections.Counter)  # (part, kind) -> counts
    for name in sorted(os.listdir(a.run_dir)):
        if not name.endswith(".json"):
            continue
        event = name[:-5]
        part = "heldout" if event in heldout else "dev"
        if a.events != "all" and part != a.events:
            continue
        with open(os.path.join(a.run_dir, name), encoding="utf-8") as fh:
            report = json.load(fh)
        for f in report["findings"]:
            v = verdicts.get((event, f["fingerprint"]))
            for kind in (f["kind"], "ALL"):
                t = table[(part, kind)]
                t["findings"] += 1
                t[v[0] if v else "unreviewed"] += 1
            if a.list:
                print(f"{event}\t{f['fingerprint']}\t{f['kind']}\t{v[0] if v else '-'}\t{v[1] if v else ''}")
            if a.show_unreviewed and not v:
                show(event, f)
    if a.show_unreviewed or a.list:
        return
    for part in ("dev", "heldout"):
        rows = sorted(k for (p, k) in table if p == part)
        if not rows:
            continue
        print(f"{part} events" + (" (40)" if part == "dev" else " (10, set aside)"))
        print(f"  {'kind':<18} {'found':>5} {'real':>5} {'false':>5} {'unsure':>6} {'unrev':>5} {'precision':>9}")
        for kind in sorted(rows, key=lambda k: (k == "ALL", k)):
            t = table[(part, kind)]
            judged = t["real"] + t["false"]
            p = f"{t['real'] / judged:.2f}" if judged else "-"
            print(f"  {kind:<18} {t['findings']:>5} {t['real']:>5} {t['false']:>5} {t['unsure']:>6} "
                  f"{t['unreviewed']:>5} {p:>9}")


if __name__ == "__main__":
    main()
