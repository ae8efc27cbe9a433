#!/usr/bin/env python3
"""Turns a JMH JSON result (-rf json) into a markdown table: per benchmark and parameter, the
median of the measurement iterations with their interquartile range, as docs/BENCHMARKS.md
quotes them.   usage: jmh-table.py results/windows.json"""
import json
import statistics
import sys


def quantile(values, p):
    s = sorted(values)
    h = (len(s) - 1) * p
    lo = int(h)
    hi = min(lo + 1, len(s) - 1)
    return s[lo] + (h - lo) * (s[hi] - s[lo])


def main(path):
    results = json.load(open(path))
    print("| benchmark | params | median | IQR | iterations | unit |")
    print("|---|---|---:|---|---:|---|")
    for r in results:
        name = r["benchmark"].rsplit(".", 1)[-1]
        params = ", ".join(f"{k}={v}" for k, v in (r.get("params") or {}).items())
        raw = [v for fork in r["primaryMetric"]["rawData"] for v in fork]
        unit = r["primaryMetric"]["scoreUnit"]
        print(f"| {name} | {params} | {statistics.median(raw):,.1f} | {quantile(raw, .25):,.1f}–{quantile(raw, .75):,.1f}"
              f" | {len(raw)} | {unit} |")


if __name__ == "__main__":
    main(sys.argv[1])
