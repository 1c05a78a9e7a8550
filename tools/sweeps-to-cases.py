"""Turns validation/concurrency-sweeps.csv (AIConfigurator's silicon sample layout) into the cases layout that
`inferplan estimate --cases` and `inferplan calibrate` read, with the measured figures as measured_ttft_ms and
measured_tpot_ms. Aggregated rows (mode agg) first, in the column mapping ../shared/tools/score-sweeps.py uses; then the
disaggregated rows (mode disagg) with the prefill_* and decode_* pool columns (`batch` = the concurrency; a row that
states no worker counts is read as one prefill and one decode worker). The aggregated rows' cells are as before: the
pool columns come after the original ones and aggregated rows leave them out (a missing trailing cell reads as
empty).

Usage, from the project root:
  python3 tools/sweeps-to-cases.py validation/concurrency-sweeps.csv validation/concurrency-sweeps-cases.csv"""
import csv, re, sys

SYSTEMS = {"h100_sxm": "H100-SXM-80GB", "h200_sxm": "H200-SXM-141GB", "b200_sxm": "B200-SXM-180GB",
           "gb200": "GB200-186GB", "b300_sxm": "B300-SXM-288GB", "gb300": "GB300-288GB"}
STACKS = {"trtllm": "tensorrt-llm", "vllm": "vllm", "sglang": "sglang"}
QUANT = {"fp8": "fp8", "fp8_block": "fp8", "nvfp4": "fp4", "w4a16_mxfp4": "fp4", "mxfp4": "fp4", "w4afp8": "int4",
         "int4_wo": "int4", "float16": "bf16", "bf16": "bf16", "fp4": "fp4", "int4": "int4"}
COLS = ("case,model,accelerator,gpus,tensor_parallel,pipeline_parallel,expert_parallel,attention_data_parallel,"
        "weight_precision,kv_precision,input_tokens,output_tokens,scenario,batch,serving_stack,"
        "measured_ttft_ms,measured_tpot_ms").split(",")
POOL_COLS = ("prefill_workers,prefill_tensor_parallel,prefill_expert_parallel,prefill_attention_data_parallel,"
             "decode_workers,decode_tensor_parallel,decode_expert_parallel,decode_attention_data_parallel,"
             "workers_stated").split(",")


def model_name(path):
    name = path.split("/")[-1]
    return name[:-4] if name.endswith("-FP8") else name


def weights(r):
    p = r["precision"] or QUANT.get(r["moe_quant_mode"], "") or QUANT.get(r["gemm_quant_mode"], "")
    return QUANT.get(p, p) or "bf16"


def concurrency(r):
    """The closed loop's users: silicon_concurrency in the provenance, else the _cN_ of the id, else the decode pool's
    batch (decode_batch_size x decode_num_workers)."""
    m = re.search(r"silicon_concurrency=(\d+)", r["silicon_data_source"]) or re.search(r"_c(\d+)_", r["id"])
    if m:
        return int(m.group(1))
    return int(r["decode_batch_size"]) * int(r["decode_num_workers"] or 1)


def pool(r, side):
    tp = int(r[side + "_tp_size"] or 1)
    dp = max(1, int(r[side + "_attention_dp_size"] or 1))
    return [int(r[side + "_num_workers"] or 1), tp, max(1, int(r[side + "_moe_ep_size"] or 1)), dp], tp * dp


def disagg_row(r):
    prefill, prefill_gpus = pool(r, "prefill")
    decode, decode_gpus = pool(r, "decode")
    wp = weights(r)
    gpus = prefill[0] * prefill_gpus + decode[0] * decode_gpus
    return [r["id"], model_name(r["model_path"]), SYSTEMS[r["system"]], gpus, "", "", "", "", wp,
            "bf16" if wp == "bf16" else "fp8", r["isl"], r["osl"], "batch", concurrency(r), STACKS[r["backend"]],
            r["silicon_ttft_ms"], r["silicon_tpot_ms"]] + prefill + decode + [1 if r["prefill_num_workers"] else 0]


def main(src, dst):
    everything = list(csv.DictReader(open(src)))
    rows = [r for r in everything if r["mode"] == "agg" and r["silicon_tpot_ms"]]
    disagg = [r for r in everything if r["mode"] == "disagg" and r["silicon_tpot_ms"] and r["system"] in SYSTEMS]
    with open(dst, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(COLS + POOL_COLS)
        for r in rows:
            tp, pp = int(r["tp_size"] or 1), int(r["pp_size"] or 1)
            dp = max(1, int(r["attention_dp_size"] or 1))
            wp = weights(r)
            w.writerow([r["id"], model_name(r["model_path"]), SYSTEMS[r["system"]], tp * pp * dp, tp, pp,
                        max(1, int(r["moe_ep_size"] or 1)), dp, wp, "bf16" if wp == "bf16" else "fp8", r["isl"], r["osl"],
                        "batch", r["batch_size"], STACKS[r["backend"]], r["silicon_ttft_ms"], r["silicon_tpot_ms"]])
        for r in disagg:
            w.writerow(disagg_row(r))
    print(len(rows), "aggregated,", len(disagg), "disaggregated")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
