"""Median TTFT and TPOT error of the aggregated sweep rows per GPU and serving stack, as a markdown table.

Usage, from the project root, after `./inferplan estimate --cases validation/concurrency-sweeps-cases.csv --out out.csv`:
  python3 tools/sweeps-by-system.py validation/concurrency-sweeps.csv out.csv
A row without a prediction counts in `rows`, not in `predicted` or the medians."""
import csv, statistics, sys


def main(truth_path, predicted_path):
    truth = {r["id"]: r for r in csv.DictReader(open(truth_path))
             if r["mode"] == "agg" and r["silicon_tpot_ms"]}
    predicted = {r["case"]: r for r in csv.DictReader(open(predicted_path))}
    groups = {}
    for case, t in truth.items():
        g = groups.setdefault((t["system"], t["backend"]), {"rows": 0, "ttft": [], "tpot": []})
        g["rows"] += 1
        p = predicted.get(case, {})
        try:
            ttft_ms, tpot_ms = float(p["predicted_ttft_ms"]), float(p["predicted_tpot_ms"])
        except (KeyError, ValueError):
            continue
        g["ttft"].append(abs(ttft_ms / float(t["silicon_ttft_ms"]) - 1) * 100)
        g["tpot"].append(abs(tpot_ms / float(t["silicon_tpot_ms"]) - 1) * 100)
    print("| GPU | stack | rows | predicted | median TTFT error | median TPOT error | TPOT within 20% |")
    print("|---|---|---:|---:|---:|---:|---:|")
    for (system, stack), g in sorted(groups.items()):
        n = len(g["tpot"])
        if n == 0:
            print(f"| {system} | {stack} | {g['rows']} | 0 | - | - | - |")
            continue
        within = 100 * sum(e <= 20 for e in g["tpot"]) / n
        print(f"| {system} | {stack} | {g['rows']} | {n} | {statistics.median(g['ttft']):.1f}% | "
              f"{statistics.median(g['tpot']):.1f}% | {within:.0f}% |")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
