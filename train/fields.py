#!/usr/bin/env python3
"""Learns a field ranker's weights (job title, employer) from the labelled corpus.

usage: fields.py CANDIDATES.jsonl [--out MODEL.tsv] [--check MODEL.tsv] [--report]

CANDIDATES.jsonl is what `cargo run -p bowout-core --example fields -- FIELD corpus/*/`
writes: a header line naming the field, its features and the number of hash buckets, then one
line per labelled invitation or scam with its batch, its labelled value and its candidate
phrases, each with its sparse features. The features are computed by the Rust code that also runs them at
inference, so training and use can never disagree.

A candidate is right when it equals the labelled value (trimmed, case-folded). The model is a
binary logistic regression over candidates (scikit-learn, L2, lbfgs); core keeps the most
likely candidate of a message when its probability reaches a threshold. The regularisation
and the threshold are chosen on held-out batches (leave one batch out), never on the batch
being predicted; the held-out accuracy, beside that of the hand-written rules on the same
messages, is the report. The final weights are fitted on every batch, rounded and
written in a fixed order: the same corpus always gives the same file.

--check MODEL.tsv retrains and compares with the committed model (weights within 0.002);
exit 1 when they differ.
"""
import json
import sys

import modelfile

import numpy as np
from scipy.sparse import csr_matrix
from sklearn.linear_model import LogisticRegression

CANDIDATE_C = [0.03, 0.1, 0.3, 1.0]
THRESHOLDS = [round(t, 2) for t in np.linspace(0.0, 0.8, 17)]
DIGITS = 4


def norm(s):
    return s.strip().lower() if isinstance(s, str) else None


def load(path):
    with open(path, encoding="utf-8") as f:
        header = json.loads(f.readline())
        rows = [json.loads(line) for line in f if line.strip()]
    rows.sort(key=lambda r: r["file"])
    width = len(header["features"]) + header["buckets"]
    data, indices, indptr, y, msg = [], [], [0], [], []
    for m, r in enumerate(rows):
        want = norm(r["value"])
        for c in r["candidates"]:
            for i, v in sorted(c["features"]):
                indices.append(i)
                data.append(v)
            indptr.append(len(indices))
            y.append(int(norm(c["text"]) == want))
            msg.append(m)
    x = csr_matrix((np.array(data, dtype=np.float64), np.array(indices, dtype=np.int64),
                    np.array(indptr)), shape=(len(y), width))
    return header, rows, x, np.array(y), np.array(msg)


def fit(x, y, c):
    model = LogisticRegression(C=c, max_iter=10000, tol=1e-6, solver="lbfgs")
    model.fit(x, y)
    return model


def chosen(rows, msg, p, threshold):
    """Per message: the text of its most likely candidate, or None below the threshold."""
    best = {}
    for k, (m, q) in enumerate(zip(msg, p)):
        if m not in best or q > best[m][0]:
            best[m] = (q, k)
    out = []
    texts = [c["text"] for r in rows for c in r["candidates"]]
    for m in range(len(rows)):
        if m in best and best[m][0] >= threshold:
            out.append(texts[best[m][1]])
        else:
            out.append(None)
    return out


def accuracy(rows, picks, groups=None):
    hits = [norm(p) == norm(r["value"]) for r, p in zip(rows, picks)]
    if groups is None:
        return float(np.mean(hits)) if hits else 0.0
    out = {}
    for g in sorted(set(groups)):
        sel = [h for h, gg in zip(hits, groups) if gg == g]
        out[g] = float(np.mean(sel))
    return out


def out_of_fold(x, y, msg, groups_of_msg, c):
    p = np.zeros(len(y))
    cand_group = groups_of_msg[msg]
    for g in sorted(set(groups_of_msg)):
        test = cand_group == g
        if y[~test].sum() == 0:
            continue
        p[test] = fit(x[~test], y[~test], c).predict_proba(x[test])[:, 1]
    return p


def rules_picks(header, rows):
    rule = header["features"].index("rule" if "rule" in header["features"] else "rules_pick")
    return [next((c["text"] for c in r["candidates"]
                  if any(i == rule for i, _ in c["features"])), None) for r in rows]


def train(path, report, fixed_c=None):
    header, rows, x, y, msg = load(path)
    groups = np.array([r["group"] for r in rows])
    best = None
    for c in ([fixed_c] if fixed_c else CANDIDATE_C):
        p = out_of_fold(x, y, msg, groups, c)
        for t in THRESHOLDS:
            acc = accuracy(rows, chosen(rows, msg, p, t))
            if best is None or acc > best[0] + 1e-12:
                best = (acc, c, t, p)
    acc, c, t, p = best
    if report:
        held = accuracy(rows, chosen(rows, msg, p, t), list(groups))
        ruled = accuracy(rows, rules_picks(header, rows), list(groups))
        reach = float(np.mean([any(norm(cd["text"]) == norm(r["value"])
                                   for cd in r["candidates"]) or r["value"] is None
                               for r in rows]))
        print(f"{header['field']}, held out by batch: learned {acc:.3f}, rules "
              f"{accuracy(rows, rules_picks(header, rows)):.3f} on {len(rows)} invitations and "
              f"scams (C={c}, threshold {t}); the right phrase is a candidate in {reach:.3f}",
              file=sys.stderr)
        for g in sorted(held):
            print(f"  {g}: learned {held[g]:.3f}  rules {ruled[g]:.3f}", file=sys.stderr)
    model = fit(x, y, c)
    return header, model, t, c


def render(header, model, t, c):
    r = lambda v: f"{round(float(v), DIGITS):.{DIGITS}f}".replace("-0.0000", "0.0000")
    n = len(header["features"])
    lines = [
        f"# bowout's {header['field'].replace('_', ' ')} ranker: binary logistic regression over "
        "each candidate,",
        "# written by train/fields.py from the labelled corpus. Do not edit by hand: retrain.",
        "version\t1",
        f"field\t{header['field']}",
        f"buckets\t{header['buckets']}",
        f"regularisation\t{c}",
        f"bias\t{r(model.intercept_[0])}",
        f"threshold\t{r(t)}",
    ]
    coef = model.coef_[0]
    for i, name in enumerate(header["features"]):
        lines.append(f"feature\t{name}\t{r(coef[i])}")
    for b in range(header["buckets"]):
        if abs(coef[n + b]) >= 0.5 * 10 ** -DIGITS:
            lines.append(f"hash\t{b}\t{r(coef[n + b])}")
    return "\n".join(lines) + "\n"


def main(argv):
    modelfile.main(argv, __doc__, lambda path, report, c: render(*train(path, report, c)))


if __name__ == "__main__":
    main(sys.argv[1:])
