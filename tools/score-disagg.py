"""Scores `inferplan estimate --cases` output on the disaggregated rows (prefill_workers set) of
validation/concurrency-sweeps-cases.csv: median absolute TTFT and TPOT error per system and backend, overall, and
split by whether the published row states its worker counts (rows that do not are read as one prefill and one
decode worker).

Usage, from the project root:
  ./inferplan estimate --cases validation/concurrency-sweeps-cases.csv --out /tmp/out.csv
  python3 tools/score-disagg.py /tmp/out.csv"""
import csv, statistics, sys
from collections import defaultdict


def err(predicted, measured):
    return abs(float(predicted) / float(measured) - 1) * 100


def main(path):
    rows = [r for r in csv.DictReader(open(path)) if r.get("prefill_workers")]
    groups = defaultdict(lambda: ([], []))
    failed = 0
    for r in rows:
        if r.get("error") or not r.get("predicted_ttft_ms"):
            failed += 1
            continue
        key = (r["accelerator"], r["serving_stack"])
        stated = "workers stated" if r.get("workers_stated") != "0" else "workers not stated (read as 1 + 1)"
        t, p = err(r["predicted_ttft_ms"], r["measured_ttft_ms"]), err(r["predicted_tpot_ms"], r["measured_tpot_ms"])
        for k in (key, ("all", ""), (stated, "")):
            groups[k][0].append(t)
            groups[k][1].append(p)
    print(f"{len(rows)} disaggregated rows, {failed} not evaluated")
    print("| system | backend | rows | median TTFT error | median TPOT error |")
    print("|---|---|---:|---:|---:|")
    for k in sorted(groups, key=lambda k: (k[0] in ("all",) or k[1] == "", k)):
        t, p = groups[k]
        print(f"| {k[0]} | {k[1]} | {len(t)} | {statistics.median(t):.1f}% | {statistics.median(p):.1f}% |")


if __name__ == "__main__":
    main(sys.argv[1])
