"""What the aggregated sweep rows allow any model to reach, from the measurements alone (no predictions needed).

Usage, from the project root:
  python3 tools/sweeps-noise-floor.py validation/concurrency-sweeps.csv [out.csv]

1. Repeats: the same configuration (GPU, stack, model, precision, lengths, concurrency, parallelism) measured more
   than once, split by whether the serving stack's version differs. A case row carries no version, so where versions
   disagree the best any model can do is their geometric mean: half the log ratio of each pair.
2. Labels: rows whose numbers are byte-identical to a row of another parallelism label (the same run published
   twice), and rows with tp_size above the 8 GPUs of an HGX board.
3. With out.csv (`estimate --cases` output): the median error left if every group of rows got its own free scale
   factor, by increasingly fine groups. A model with one factor per GPU, stack and model could not score better than
   the first line; the measurements' structure within a series is what the last one measures.
4. With out.csv: the context cost, measured against predicted. Between the 8192/1024 and 1024/1024 rows of one
   configuration at one concurrency (16 users or more) the TPOT difference is what 7,168 more tokens of context cost
   each step (KV reads and attention, plus the longer prefills' stalls). The ratio is 1 where the engine reads the
   KV cache as the run did; about 2 where the run kept a BF16 cache and the case row, as the scoring writes it for
   every non-BF16 row, says FP8.
"""
import csv, itertools, math, statistics, sys
from collections import defaultdict

CONFIG = ("system", "backend", "precision", "isl", "osl", "batch_size", "tp_size", "pp_size", "attention_dp_size",
          "moe_ep_size", "moe_tp_size")


def model_name(row):
    return row["model_path"].split("/")[-1].replace("-Instruct", "")


def percent(log_ratio):
    return (math.exp(log_ratio) - 1) * 100


def median_percent(logs):
    return percent(statistics.median(logs)) if logs else float("nan")


def repeats(rows):
    groups = defaultdict(list)
    for r in rows:
        groups[(model_name(r),) + tuple(r[c] for c in CONFIG)].append(r)
    pairs = defaultdict(lambda: ([], []))
    for group in groups.values():
        for a, b in itertools.combinations(group, 2):
            if (a["silicon_ttft_ms"], a["silicon_tpot_ms"]) == (b["silicon_ttft_ms"], b["silicon_tpot_ms"]):
                continue  # the same run listed twice
            kind = "different stack version" if a["backend_version"] != b["backend_version"] else "same stack version"
            pairs[kind][0].append(abs(math.log(float(a["silicon_ttft_ms"]) / float(b["silicon_ttft_ms"]))))
            pairs[kind][1].append(abs(math.log(float(a["silicon_tpot_ms"]) / float(b["silicon_tpot_ms"]))))
    print("## Repeated measurements of one configuration\n")
    print("| pairs | count | median TTFT difference | median TPOT difference | floor for a model without the version (TTFT / TPOT) |")
    print("|---|---:|---:|---:|---:|")
    for kind in sorted(pairs):
        ttft, tpot = pairs[kind]
        print(f"| {kind} | {len(ttft)} | {median_percent(ttft):.1f}% | {median_percent(tpot):.1f}% | "
              f"{median_percent([x / 2 for x in ttft]):.1f}% / {median_percent([x / 2 for x in tpot]):.1f}% |")


def labels(rows):
    by_numbers = defaultdict(list)
    for r in rows:
        by_numbers[(r["system"], r["backend"], model_name(r), r["precision"], r["isl"], r["osl"],
                    r["silicon_ttft_ms"], r["silicon_tpot_ms"])].append(r)
    relabelled = sum(1 for group in by_numbers.values() for r in group
                     if len({(x["tp_size"], x["attention_dp_size"], x["moe_ep_size"], x["batch_size"]) for x in group}) > 1)
    wide = [r for r in rows if int(r["tp_size"] or 1) > 8 and r["system"] in ("b200_sxm", "h200_sxm", "h100_sxm")]
    wide_dup = sum(1 for r in wide if len({x["tp_size"] for x in by_numbers[(r["system"], r["backend"], model_name(r),
                   r["precision"], r["isl"], r["osl"], r["silicon_ttft_ms"], r["silicon_tpot_ms"])]}) > 1)
    print("\n## Labels\n")
    print(f"- {relabelled} rows share their exact TTFT and TPOT with a row of another parallelism or concurrency label "
          "(one run published under two configurations).")
    print(f"- {len(wide)} rows on 8-GPU HGX systems give tp_size above 8 (16 or 64, with moe_tp x moe_ep = tp_size); "
          f"{wide_dup} of them repeat, number for number, a run labelled tp_size = moe_ep_size (4 or 8 GPUs).")


def oracle(rows, predicted_path):
    truth = {r["id"]: r for r in rows}
    joined = []
    for p in csv.DictReader(open(predicted_path)):
        t = truth.get(p["case"])
        if t is None or not p.get("predicted_ttft_ms"):
            continue
        joined.append((t, math.log(float(p["predicted_ttft_ms"]) / float(t["silicon_ttft_ms"])),
                       math.log(float(p["predicted_tpot_ms"]) / float(t["silicon_tpot_ms"]))))
    levels = [
        ("none (the predictions as they are)", lambda t: ()),
        ("GPU, stack, model", lambda t: (t["system"], t["backend"], model_name(t))),
        ("GPU, stack, model, lengths", lambda t: (t["system"], t["backend"], model_name(t), t["isl"], t["osl"])),
        ("GPU, stack, model, precision, parallelism", lambda t: (t["system"], t["backend"], model_name(t), t["precision"],
                                                                 t["tp_size"], t["attention_dp_size"], t["moe_ep_size"])),
        ("one series (all but concurrency)", lambda t: (t["system"], t["backend"], model_name(t), t["precision"], t["isl"],
                                                        t["osl"], t["tp_size"], t["attention_dp_size"], t["moe_ep_size"])),
    ]
    print("\n## Median error left with one free scale factor per group\n")
    print("| free factor per | groups | TTFT | TPOT |")
    print("|---|---:|---:|---:|")
    for name, key in levels:
        groups = defaultdict(list)
        for row in joined:
            groups[key(row[0])].append(row)
        errors = ([], [])
        for group in groups.values():
            for metric in (0, 1):
                shift = statistics.median(r[1 + metric] for r in group) if key(group[0][0]) else 0.0
                errors[metric].extend(abs(percent(r[1 + metric] - shift)) for r in group)
        print(f"| {name} | {len(groups)} | {statistics.median(errors[0]):.1f}% | {statistics.median(errors[1]):.1f}% |")


def context_cost(rows, predicted_path):
    predicted = {p["case"]: p for p in csv.DictReader(open(predicted_path)) if p.get("predicted_tpot_ms")}
    series = defaultdict(dict)
    for r in rows:
        if r["id"] not in predicted or int(r["tp_size"] or 1) > 8 or (r["attention_dp_size"] or "1") not in ("0", "1"):
            continue
        if int(r["batch_size"]) < 16:
            continue
        key = (r["system"], r["backend"], model_name(r).replace("DeepSeek-V3", "DeepSeek-R1"), r["precision"] or "bf16",
               r["tp_size"], r["moe_ep_size"], r["batch_size"], r["backend_version"])
        series[key].setdefault((r["isl"], r["osl"]), r)
    ratios = defaultdict(list)
    for key, by_shape in series.items():
        long, short = by_shape.get(("8192", "1024")), by_shape.get(("1024", "1024"))
        if not long or not short:
            continue
        measured = float(long["silicon_tpot_ms"]) - float(short["silicon_tpot_ms"])
        modelled = float(predicted[long["id"]]["predicted_tpot_ms"]) - float(predicted[short["id"]]["predicted_tpot_ms"])
        if modelled > 0:
            ratios[key[:4]].append(measured / modelled)
    print("\n## Context cost, measured / predicted (7,168 more tokens of context per sequence, 16+ users)\n")
    print("| GPU | stack | model | weights | pairs | median ratio |")
    print("|---|---|---|---|---:|---:|")
    for (system, stack, model, precision), values in sorted(ratios.items()):
        if len(values) >= 3:
            print(f"| {system} | {stack} | {model} | {precision} | {len(values)} | {statistics.median(values):.2f} |")


def main(args):
    rows = [r for r in csv.DictReader(open(args[0])) if r["mode"] == "agg" and r["silicon_tpot_ms"]]
    repeats(rows)
    labels(rows)
    if len(args) > 1:
        oracle(rows, args[1])
        context_cost(rows, args[1])


if __name__ == "__main__":
    main(sys.argv[1:])
