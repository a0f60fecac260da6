#!/usr/bin/env python3
"""Export BASIL development events as plain-text report sets (one folder per event).

usage: basil_export.py BASIL_ROOT OUT_DIR

BASIL_ROOT is a local copy of marshallwhiteorg/emnlp19-media-bias (see
../shared/REAL-NEWS.md). Only the development years are read; the reserved years
are refused. Each article becomes `OUT_DIR/<event>/<outlet>.txt`: the title, a
blank line, then the paragraphs separated by blank lines, each paragraph's
sentences joined by one space (the faithful export of REAL-NEWS.md). The event
id is the first 8 hex digits of the triplet uuid. Texts stay outside the
repository: never commit OUT_DIR.
"""
import json
import os
import sys

DEV_YEARS = ("2011", "2013", "2014", "2016", "2017")


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__.strip().splitlines()[2])
    root, out = sys.argv[1], sys.argv[2]
    events = {}
    for year in DEV_YEARS:
        folder = os.path.join(root, "data", "articles", year)
        for name in sorted(os.listdir(folder)):
            with open(os.path.join(folder, name), encoding="utf-8") as fh:
                art = json.load(fh)
            event = art["triplet-uuid"][:8]
            outlet = art["source"].lower()
            paras = [" ".join(s.strip() for s in p) for p in art["body-paragraphs"]]
            text = art["title"].strip() + "\n\n" + "\n\n".join(p for p in paras if p) + "\n"
            events.setdefault(event, {})[outlet] = text
    for event, outlets in sorted(events.items()):
        d = os.path.join(out, event)
        os.makedirs(d, exist_ok=True)
        for outlet, text in outlets.items():
            with open(os.path.join(d, outlet + ".txt"), "w", encoding="utf-8") as fh:
                fh.write(text)
    print(f"{len(events)} events written to {out}", file=sys.stderr)


if __name__ == "__main__":
    main()
