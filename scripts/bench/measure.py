#!/usr/bin/env python3
"""Runs the three contenders on one mbox and prints them side by side.

Each command runs as a child whose own rusage (os.wait4) gives its peak RSS.
Usage: measure.py MBOX BOWOUT [PREFIX_MBOX]
"""
import os
import re
import subprocess
import sys
import threading
import time


def reap(argv):
    """Like run, but reaps the child with wait4 itself so its own peak RSS is known."""
    start = time.perf_counter()
    if True:
        p = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        chunks = {}
        readers = [threading.Thread(target=lambda k, f: chunks.__setitem__(k, f.read()), args=(k, f)) for k, f in (("out", p.stdout), ("err", p.stderr))]
        for t in readers:
            t.start()
        _, status, usage = os.wait4(p.pid, 0)
        for t in readers:
            t.join()
        out, err = chunks.get("out", b""), chunks.get("err", b"")
        p.returncode = os.waitstatus_to_exitcode(status)
    secs = time.perf_counter() - start
    return secs, usage.ru_maxrss / 1024, out.decode(errors="replace"), err.decode(errors="replace"), p.returncode


def main():
    mbox, bowout = sys.argv[1], sys.argv[2]
    prefix = sys.argv[3] if len(sys.argv) > 3 else None
    mb = os.path.getsize(mbox) / 1e6
    rows = []

    secs, rss, out, err, code = reap(["rg", "-c", "^From ", mbox])
    msgs = int(out.strip() or 0)
    rows.append(("ripgrep: rg -c '^From '", secs, rss, msgs, "-"))

    secs, rss, out, err, code = reap([bowout, "scan", "--jsonl", "--no-progress", mbox])
    m = re.search(r"scanned (\d+) message.*?(\d+) invitation\(s\), (\d+) scam", err)
    found = f"{m.group(2)} inv, {m.group(3)} scam" if m else "?"
    rows.append(("bowout scan", secs, rss, int(m.group(1)) if m else msgs, found))
    bowout_secs = secs

    secs, rss, out, err, code = reap([sys.executable, os.path.join(os.path.dirname(__file__), "baseline.py"), mbox])
    parts = out.split()
    rows.append(("python mailbox+email+re", secs, rss, int(parts[0]) if parts else 0, f"{parts[1]} hits" if len(parts) > 1 else "?"))

    print(f"\n{mb:.0f} MB mbox, {msgs} messages ({os.path.basename(mbox)})\n")
    print(f"{'contender':28} {'seconds':>8} {'MB/s':>8} {'msgs/s':>10} {'peak RSS MiB':>13}  found")
    for name, s, r, n, f in rows:
        print(f"{name:28} {s:8.2f} {mb / s:8.0f} {n / s:10.0f} {r:13.1f}  {f}")
    rg, bo, py = rows[0][1], rows[1][1], rows[2][1]
    print(f"\nbowout throughput = {100 * rg / bo:.0f} % of ripgrep's (target >= 25 %), {py / bo:.0f}x the Python baseline (target >= 50x)")
    if prefix:
        secs, rss, out, err, code = reap([bowout, "scan", "--jsonl", "--no-progress", prefix])
        print(f"bowout peak RSS on a {os.path.getsize(prefix) / 1e6:.0f} MB prefix: {rss:.1f} MiB (flat as the mailbox grows: compare with the full run)")


if __name__ == "__main__":
    main()
