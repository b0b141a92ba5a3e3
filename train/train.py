#!/usr/bin/env python3
"""Learns the classifier's weights from the labelled corpus.

usage: train.py FEATURES.jsonl [--out MODEL.tsv] [--check MODEL.tsv] [--report]

FEATURES.jsonl is what `cargo run -p bowout-core --example features -- corpus/*/` writes: a
header line naming the rules and the number of hash buckets, then one line per labelled
message with its batch, its kind and its sparse features. The features are computed by the
Rust code that also runs them at inference, so training and use can never disagree.

The model is a multinomial logistic regression (scikit-learn, L2, lbfgs) over three kinds:
invitation, scam, other. Everything that is chosen is chosen on held-out batches, never on
the batch being predicted: leave-one-batch-out cross-validation picks the regularisation,
fits a temperature that calibrates the probabilities, and sets the two thresholds of the
review tier. The final weights are fitted on every batch, capped so that no single feature
can decide a message alone, rounded, and written as text in a fixed order: the same corpus
always gives the same file.

--check MODEL.tsv retrains and compares with the committed model (weights within 0.002,
thresholds and temperature within 0.002); exit 1 when they differ.
"""
import json
import math
import sys

import modelfile

import numpy as np
from scipy.sparse import csr_matrix
from sklearn.linear_model import LogisticRegression

KINDS = ["invitation", "scam", "other"]
CANDIDATE_C = [3.0, 10.0, 30.0]
# No single feature may decide a message alone: every weight is capped in logit units.
CAP = 4.0
# The review tier: of the true invitations, at most this share may fall below the lower
# threshold (missed). The upper threshold is the one that classifies the held-out batches
# best while at least this share of the messages at or above it truly are invitations.
MAX_MISSED = 0.02
MIN_PRECISION = 0.90
DIGITS = 4


def load(path):
    with open(path, encoding="utf-8") as f:
        header = json.loads(f.readline())
        rows = [json.loads(line) for line in f if line.strip()]
    rows.sort(key=lambda r: r["file"])
    n_rules, buckets = len(header["rules"]), header["buckets"]
    width = n_rules + buckets
    data, indices, indptr = [], [], [0]
    for r in rows:
        for i, v in sorted(r["features"]):
            indices.append(i)
            data.append(v)
        indptr.append(len(indices))
    x = csr_matrix((np.array(data, dtype=np.float64), np.array(indices), np.array(indptr)),
                   shape=(len(rows), width))
    y = np.array([KINDS.index(r["kind"]) for r in rows])
    groups = np.array([r["group"] for r in rows])
    return header, rows, x, y, groups


def fit(x, y, c):
    model = LogisticRegression(C=c, max_iter=10000, tol=1e-6, solver="lbfgs")
    model.fit(x, y)
    return model


def logits(model, x):
    return x @ model.coef_.T + model.intercept_


def softmax(z, t=1.0):
    z = z / t
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def out_of_fold(x, y, groups, c):
    """Logits for every message from a model that never saw its batch."""
    z = np.zeros((x.shape[0], len(KINDS)))
    for g in sorted(set(groups)):
        test = groups == g
        model = fit(x[~test], y[~test], c)
        z[test] = logits(capped(model), x[test])
    return z


def capped(model):
    model.coef_ = np.clip(model.coef_, -CAP, CAP)
    return model


def nll(z, y, t):
    p = softmax(z, t)
    return -np.mean(np.log(np.maximum(p[np.arange(len(y)), y], 1e-12)))


def temperature(z, y):
    """The temperature that minimises the held-out negative log-likelihood (golden section)."""
    lo, hi = 0.2, 5.0
    g = (math.sqrt(5) - 1) / 2
    for _ in range(80):
        a, b = hi - g * (hi - lo), lo + g * (hi - lo)
        if nll(z, y, a) < nll(z, y, b):
            hi = b
        else:
            lo = a
    return (lo + hi) / 2


def thresholds(p, y):
    """The review band [low, high): below it a message is surely not an invitation, at or
    above it surely one; in between the user is asked."""
    p_inv, is_inv = p[:, 0], y == 0
    inv_scores = np.sort(p_inv[is_inv])
    missed = int(math.floor(MAX_MISSED * len(inv_scores)))
    low = float(inv_scores[missed]) if len(inv_scores) else 0.5
    best = (-1.0, 0.5)
    for t in np.linspace(0.30, 0.95, 66):
        called = p_inv >= t
        if not called.sum() or is_inv[called].mean() < MIN_PRECISION:
            continue
        kinds, _ = decide(p, 0.0, float(t))
        acc = float((kinds == y).mean())
        if acc >= best[0]:
            best = (acc, float(t))
    high = best[1]
    low = min(low, high)
    return round(low, DIGITS), round(high, DIGITS)


def decide(p, low, high):
    """The kind and the review flag, as core decides them."""
    kinds, review = [], []
    for p_inv, p_scam, p_other in p:
        if p_scam >= p_inv and p_scam >= p_other:
            kinds.append(1)
            review.append(False)
        elif p_inv >= high:
            kinds.append(0)
            review.append(False)
        else:
            kinds.append(2)
            review.append(bool(p_inv >= low))
    return np.array(kinds), np.array(review)


def scores(y, kinds, review):
    inv = y == 0
    called = kinds == 0
    return {
        "accuracy": float((kinds == y).mean()),
        "invitations_found": float(((kinds == 0) | review)[inv].mean()) if inv.any() else 1.0,
        "precision": float(inv[called].mean()) if called.any() else 1.0,
        "scams_found": float((kinds[y == 1] == 1).mean()) if (y == 1).any() else 1.0,
        "review_share": float(review.mean()),
    }


def calibration(p_inv, is_inv):
    rows = []
    for d in range(10):
        lo, hi = d / 10, (d + 1) / 10
        sel = (p_inv >= lo) & ((p_inv < hi) if d < 9 else (p_inv <= hi))
        if sel.sum():
            rows.append((lo, hi, int(sel.sum()), float(p_inv[sel].mean()), float(is_inv[sel].mean())))
    return rows


OOF_PATH = None


def train(path, report, fixed_c=None):
    header, rows, x, y, groups = load(path)
    best = None
    for c in ([fixed_c] if fixed_c else CANDIDATE_C):
        z = out_of_fold(x, y, groups, c)
        loss = nll(z, y, 1.0)
        if report:
            print(f"C={c}: held-out log-loss {loss:.4f}", file=sys.stderr)
        if best is None or loss < best[1]:
            best = (c, loss, z)
    c, _, z = best
    t = temperature(z, y)
    p = softmax(z, t)
    low, high = thresholds(p, y)
    kinds, review = decide(p, low, high)
    if OOF_PATH:
        with open(OOF_PATH, "w", encoding="utf-8") as f:
            for r, probs in zip(rows, p):
                f.write(json.dumps({"file": r["file"], "group": r["group"], "kind": r["kind"],
                                    "p": [round(float(v), 4) for v in probs]}) + "\n")
    if report:
        print(f"chosen C={c}, temperature {t:.3f}, review band [{low}, {high})", file=sys.stderr)
        print("leave-one-batch-out scores (each batch predicted by a model that never saw it):",
              file=sys.stderr)
        for g in sorted(set(groups)):
            sel = groups == g
            s = scores(y[sel], kinds[sel], review[sel])
            print(f"  {g:10} n={sel.sum():4} " + " ".join(f"{k} {v:.3f}" for k, v in s.items()),
                  file=sys.stderr)
        s = scores(y, kinds, review)
        print("  all        " + " ".join(f"{k} {v:.3f}" for k, v in s.items()), file=sys.stderr)
        print("calibration of p(invitation), held out: decile, n, mean score, share true",
              file=sys.stderr)
        for lo, hi, n, mean, share in calibration(p[:, 0], y == 0):
            flag = "" if abs(mean - share) <= 0.1 else "  <- off by more than 0.1"
            print(f"  [{lo:.1f},{hi:.1f}) n={n:4} mean {mean:.3f} true {share:.3f}{flag}",
                  file=sys.stderr)
    model = capped(fit(x, y, c))
    return header, model, t, low, high, c


def render(header, model, t, low, high, c):
    n_rules = len(header["rules"])
    r = lambda v: f"{round(float(v), DIGITS):.{DIGITS}f}".replace("-0.0000", "0.0000")
    lines = [
        "# bowout's interview-mail classifier: multinomial logistic regression, written by",
        "# train/train.py from the labelled corpus. Do not edit by hand: retrain.",
        f"version\t1",
        f"classes\t{chr(9).join(KINDS)}",
        f"buckets\t{header['buckets']}",
        f"regularisation\t{c}",
        f"temperature\t{r(t)}",
        f"review\t{r(low)}\t{r(high)}",
        f"bias\t{chr(9).join(r(b) for b in model.intercept_)}",
    ]
    coef = model.coef_
    for i, name in enumerate(header["rules"]):
        lines.append("rule\t" + name + "\t" + "\t".join(r(coef[k, i]) for k in range(len(KINDS))))
    for b in range(header["buckets"]):
        col = coef[:, n_rules + b]
        if np.all(np.abs(col) < 0.5 * 10 ** -DIGITS):
            continue
        lines.append(f"hash\t{b}\t" + "\t".join(r(v) for v in col))
    return "\n".join(lines) + "\n"


def set_oof(path):
    global OOF_PATH
    OOF_PATH = path


def main(argv):
    modelfile.main(argv, __doc__, lambda path, report, c: render(*train(path, report, c)),
                   {"--oof": set_oof})


if __name__ == "__main__":
    main(sys.argv[1:])
