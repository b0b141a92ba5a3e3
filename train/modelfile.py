"""What train.py and fields.py share: reading a committed model file, comparing two, and the
command line both take (FEATURES.jsonl [--out MODEL.tsv] [--check MODEL.tsv] [--report])."""
import sys

TOLERANCE = 0.002
# Lines that carry an id before their values: keyed by kind and id.
KEYED = ("rule", "feature", "hash")


def parse(text):
    out = {}
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        parts = line.split("\t")
        if parts[0] in KEYED:
            out[parts[0] + ":" + parts[1]] = parts[2:]
        else:
            out[parts[0]] = parts[1:]
    return out


def same(a, b):
    """The differences between two model files, weights compared within TOLERANCE."""
    pa, pb = parse(a), parse(b)
    problems = []
    for key in sorted(set(pa) | set(pb)):
        va, vb = pa.get(key), pb.get(key)
        if va is None or vb is None:
            # A weight rounded to zero on one side may be just above zero on the other.
            present = va or vb
            if key.startswith("hash:") and all(abs(float(v)) <= TOLERANCE for v in present):
                continue
            problems.append(f"{key}: only in one model")
            continue
        for u, v in zip(va, vb):
            try:
                if abs(float(u) - float(v)) > TOLERANCE:
                    problems.append(f"{key}: {u} vs {v}")
            except ValueError:
                if u != v:
                    problems.append(f"{key}: {u} vs {v}")
    return problems


def main(argv, doc, train_and_render, options=None):
    """Trains from argv[0] and writes (--out) or checks (--check) the model file.
    `train_and_render(path, report, fixed_c)` returns the model's text; `options` maps other
    flags that take a value to a function receiving it."""
    if not argv:
        sys.exit(doc)
    path, out, check, report = argv[0], None, None, False
    rest = iter(argv[1:])
    for a in rest:
        if a == "--out":
            out = next(rest)
        elif a == "--check":
            check = next(rest)
        elif a == "--report":
            report = True
        elif options and a in options:
            options[a](next(rest))
        else:
            sys.exit(f"unknown argument {a}\n{doc}")
    fixed_c = None
    if check:
        with open(check, encoding="utf-8") as f:
            committed = parse(f.read())
        # The check retrains with the regularisation the committed model chose: choosing it
        # again would only repeat the same search.
        fixed_c = float(committed["regularisation"][0]) if "regularisation" in committed else None
    text = train_and_render(path, report, fixed_c)
    if out:
        with open(out, "w", encoding="utf-8") as f:
            f.write(text)
    if check:
        with open(check, encoding="utf-8") as f:
            problems = same(f.read(), text)
        for p in problems[:20]:
            print(f"model differs: {p}", file=sys.stderr)
        if problems:
            print(f"the committed {check} is not the one the committed corpus produces "
                  f"({len(problems)} difference(s)); retrain with scripts/train", file=sys.stderr)
            sys.exit(1)
        print(f"the committed {check} is the one the committed corpus produces", file=sys.stderr)
