#!/usr/bin/env python3
"""Runs the contenders on the mboxes of each profile and prints them side by side.

Each command runs as a child whose own rusage (os.wait4) gives its peak RSS. For every
profile: `rg -c '^From '`, `bowout scan`, `bowout scan --jsonl --all` (its lines go to
/dev/null, as they would to a file), the Python stdlib baseline, and bowout's peak RSS on
the quarter-size prefix of the same mbox (flat memory: the two should match).

Usage: measure.py BOWOUT NAME=MBOX[,PREFIX] [NAME=MBOX[,PREFIX] ...]
"""
import os
import re
import subprocess
import sys
import threading
import time

RG_TARGET, ALL_TARGET, PY_TARGET, RSS_TARGET = 0.5, 0.35, 300, 100


def reap(argv, stdout=subprocess.PIPE):
    """Runs argv and reaps the child with wait4 itself so its own peak RSS is known."""
    start = time.perf_counter()
    p = subprocess.Popen(argv, stdout=stdout, stderr=subprocess.PIPE)
    chunks = {}
    streams = [("err", p.stderr)] + ([("out", p.stdout)] if p.stdout else [])
    readers = [threading.Thread(target=lambda k, f: chunks.__setitem__(k, f.read()), args=(k, f)) for k, f in streams]
    for t in readers:
        t.start()
    _, status, usage = os.wait4(p.pid, 0)
    for t in readers:
        t.join()
    secs = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    out, err = chunks.get("out", b""), chunks.get("err", b"")
    if code not in (0, 3):
        sys.exit(f"{argv[0]} failed with status {code}: {err.decode(errors='replace')[-2000:]}")
    return secs, usage.ru_maxrss / 1024, out.decode(errors="replace"), err.decode(errors="replace")


def bowout(exe, mbox, *flags):
    with open(os.devnull, "wb") as null:
        secs, rss, _, err = reap([exe, "scan", "--no-progress", *flags, mbox], stdout=null)
    m = re.search(r"scanned (\d+) message.*?(\d+) invitation\(s\), (\d+) to review, (\d+) scam", err)
    if not m:
        sys.exit(f"no closing line from bowout: {err[-2000:]}")
    return secs, rss, int(m.group(1)), f"{m.group(2)} inv, {m.group(3)} review, {m.group(4)} scam"


def profile(exe, name, mbox, prefix):
    mb = os.path.getsize(mbox) / 1e6
    rows = []
    secs, rss, out, _ = reap(["rg", "-c", "^From ", mbox])
    msgs = int(out.strip() or 0)
    rows.append(("ripgrep: rg -c '^From '", secs, rss, msgs, "-"))
    secs, rss, n, found = bowout(exe, mbox)
    rows.append(("bowout scan", secs, rss, n, found))
    secs, rss, n, found = bowout(exe, mbox, "--jsonl", "--all")
    rows.append(("bowout scan --jsonl --all", secs, rss, n, found))
    secs, rss, out, _ = reap([sys.executable, os.path.join(os.path.dirname(__file__), "baseline.py"), mbox])
    parts = out.split()
    rows.append(("python mailbox+email+re", secs, rss, int(parts[0]) if parts else 0, f"{parts[1]} hits" if len(parts) > 1 else "?"))
    print(f"\n{name}: {mb:.0f} MB mbox, {msgs} messages, {1e3 * mb / max(msgs, 1):.1f} kB each ({os.path.basename(mbox)})\n")
    print(f"{'contender':28} {'seconds':>8} {'MB/s':>8} {'msgs/s':>10} {'peak RSS MiB':>13}  found")
    for label, s, r, n, f in rows:
        print(f"{label:28} {s:8.2f} {mb / s:8.0f} {n / s:10.0f} {r:13.1f}  {f}")
    result = {"name": name, "mb": mb, "msgs": msgs, "rg": rows[0][1], "scan": rows[1][1], "all": rows[2][1],
              "py": rows[3][1], "rss_scan": rows[1][2], "rss_all": rows[2][2], "found": rows[1][4]}
    if prefix:
        _, result["rss_prefix"], _, _ = bowout(exe, prefix)
        _, result["rss_prefix_all"], _, _ = bowout(exe, prefix, "--jsonl", "--all")
        result["prefix_mb"] = os.path.getsize(prefix) / 1e6
    return result


def main():
    exe = sys.argv[1]
    results = []
    for arg in sys.argv[2:]:
        name, paths = arg.split("=", 1)
        mbox, _, prefix = paths.partition(",")
        results.append(profile(exe, name, mbox, prefix or None))
    cols = results
    print("\n| | " + " | ".join(f"{r['name']}: {r['mb']:.0f} MB, {r['msgs']} msgs ({1e3 * r['mb'] / max(r['msgs'], 1):.1f} kB each)" for r in cols) + " |")
    print("|---|" + "---|" * len(cols))
    line = lambda label, f: print(f"| {label} | " + " | ".join(f(r) for r in cols) + " |")
    line("`rg -c '^From '`", lambda r: f"{r['rg']:.2f} s ({r['mb'] / r['rg']:.0f} MB/s)")
    line("`bowout scan`", lambda r: f"{r['scan']:.2f} s ({r['mb'] / r['scan']:.0f} MB/s, {r['msgs'] / r['scan']:,.0f} msgs/s)")
    line("`bowout scan --jsonl --all`", lambda r: f"{r['all']:.2f} s ({r['mb'] / r['all']:.0f} MB/s, {r['msgs'] / r['all']:,.0f} msgs/s)")
    line("Python stdlib baseline", lambda r: f"{r['py']:.1f} s ({r['mb'] / r['py']:.1f} MB/s)")
    line(f"scan / ripgrep (target ≥ {RG_TARGET})", lambda r: f"{r['rg'] / r['scan']:.2f} ×")
    line(f"scan --jsonl --all / ripgrep (target ≥ {ALL_TARGET})", lambda r: f"{r['rg'] / r['all']:.2f} ×")
    line(f"scan / Python (target ≥ {PY_TARGET})", lambda r: f"{r['py'] / r['scan']:.0f} ×")
    line(f"peak RSS, scan (target < {RSS_TARGET} MiB)", lambda r: f"{r['rss_scan']:.1f} MiB" + (f" ({r['rss_prefix']:.1f} on {r['prefix_mb']:.0f} MB)" if "rss_prefix" in r else ""))
    line("peak RSS, scan --jsonl --all", lambda r: f"{r['rss_all']:.1f} MiB" + (f" ({r['rss_prefix_all']:.1f} on {r['prefix_mb']:.0f} MB)" if "rss_prefix_all" in r else ""))
    line("found by `bowout scan`", lambda r: r["found"])


if __name__ == "__main__":
    main()
