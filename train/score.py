#!/usr/bin/env python3
"""Scores `bowout scan` on a labelled batch (a folder of .eml files beside labels.json).

usage: score.py [--bowout PATH] [--json] DIR...

Runs `bowout scan --jsonl --all DIR` and compares each line with its label: the kind, whether
an invitation was found (called an invitation, or sent to review), and every extracted field.
A field is scored on every message that is an invitation or a scam by its label or by the
prediction, so a wrong classification costs every field too. Strings compare trimmed and
case-folded; contacts by name and email (roles are free text and not scored).
"""
import json, os, subprocess, sys

FIELDS = ["employer", "agency", "job_title", "requisition", "round", "primary_contact",
          "other_contacts", "phone", "scheduling_link"]


def norm(v):
    return v.strip().lower() if isinstance(v, str) else v


def same(name, got, want):
    if name == "primary_contact":
        if got is None or want is None:
            return got is None and want is None
        return norm(got.get("name")) == norm(want.get("name")) and \
            norm(got.get("email")) == norm(want.get("email"))
    if name == "other_contacts":
        key = lambda cs: sorted((str(norm(c.get("name"))), str(norm(c.get("email")))) for c in (cs or []))
        return key(got) == key(want)
    return norm(got) == norm(want)


def scan(bowout, folder):
    out = subprocess.run([bowout, "scan", "--jsonl", "--all", folder], capture_output=True,
                         check=False)
    if out.returncode not in (0, 3):
        sys.exit(f"bowout scan failed ({out.returncode}): {out.stderr.decode()}")
    rows = {}
    for line in out.stdout.decode().splitlines():
        row = json.loads(line)
        rows[os.path.basename(row["source"].split(":")[0])] = row
    return rows


def score(bowout, folder):
    labels = json.load(open(os.path.join(folder, "labels.json"), encoding="utf-8"))
    rows = scan(bowout, folder)
    n = len(labels)
    right = found = inv = called = called_right = scams = scams_found = scored = reviewed = 0
    hits = {f: 0 for f in FIELDS}
    misses = []
    for l in labels:
        got = rows.get(l["file"]) or {"kind": "other", "review": False}
        want = l["kind"]
        kind = got.get("kind")
        review = bool(got.get("review"))
        reviewed += review
        right += kind == want
        if kind != want:
            misses.append(f"{l['file']} kind: got {kind}{' (review)' if review else ''} "
                          f"score {got.get('score')} want {want}")
        if want == "invitation":
            inv += 1
            found += kind == "invitation" or review
        if kind == "invitation":
            called += 1
            called_right += want == "invitation"
        if want == "scam":
            scams += 1
            scams_found += kind == "scam"
        if want == "other" and kind == "other":
            continue
        scored += 1
        for f in FIELDS:
            if same(f, got.get(f), l.get(f)):
                hits[f] += 1
            else:
                misses.append(f"{l['file']} {f}: got {json.dumps(got.get(f), ensure_ascii=False)} "
                              f"want {json.dumps(l.get(f), ensure_ascii=False)}")
    return {
        "folder": folder, "messages": n,
        "accuracy": right / max(n, 1),
        "invitations_found": found / max(inv, 1),
        "invitation_precision": called_right / max(called, 1),
        "scams_found": scams_found / max(scams, 1),
        "review_share": reviewed / max(n, 1),
        "fields": {f: hits[f] / max(scored, 1) for f in FIELDS},
        "misses": misses,
    }


def main(argv):
    bowout, as_json, dirs = "bowout", False, []
    it = iter(argv)
    for a in it:
        if a == "--bowout":
            bowout = next(it)
        elif a == "--json":
            as_json = True
        else:
            dirs.append(a)
    if not dirs:
        sys.exit(__doc__)
    for d in dirs:
        s = score(bowout, d)
        if as_json:
            print(json.dumps(s, ensure_ascii=False))
            continue
        print(f"{d}: {s['messages']} messages, accuracy {s['accuracy']:.3f}, invitations found "
              f"{s['invitations_found']:.3f}, precision {s['invitation_precision']:.3f}, scams found "
              f"{s['scams_found']:.3f}, review {s['review_share']:.3f}")
        print("  " + ", ".join(f"{f} {v:.3f}" for f, v in s["fields"].items()))


if __name__ == "__main__":
    main(sys.argv[1:])
