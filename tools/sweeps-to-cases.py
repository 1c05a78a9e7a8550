"""Turns validation/concurrency-sweeps.csv (AIConfigurator's silicon sample layout) into the cases layout that
`inferplan estimate --cases` and `inferplan calibrate` read, with the measured figures as measured_ttft_ms and
measured_tpot_ms. Aggregated rows only (mode agg); the column mapping is the one ../shared/tools/score-sweeps.py uses.

Usage, from the project root:
  python3 tools/sweeps-to-cases.py validation/concurrency-sweeps.csv validation/concurrency-sweeps-cases.csv"""
import csv, sys

SYSTEMS = {"h100_sxm": "H100-SXM-80GB", "h200_sxm": "H200-SXM-141GB", "b200_sxm": "B200-SXM-180GB",
           "gb200": "GB200-186GB", "b300_sxm": "B300-SXM-288GB", "gb300": "GB300-288GB"}
STACKS = {"trtllm": "tensorrt-llm", "vllm": "vllm", "sglang": "sglang"}
QUANT = {"fp8": "fp8", "fp8_block": "fp8", "nvfp4": "fp4", "w4a16_mxfp4": "fp4", "mxfp4": "fp4", "w4afp8": "int4",
         "int4_wo": "int4", "float16": "bf16", "bf16": "bf16", "fp4": "fp4", "int4": "int4"}
COLS = ("case,model,accelerator,gpus,tensor_parallel,pipeline_parallel,expert_parallel,attention_data_parallel,"
        "weight_precision,kv_precision,input_tokens,output_tokens,scenario,batch,serving_stack,"
        "measured_ttft_ms,measured_tpot_ms").split(",")


def model_name(path):
    name = path.split("/")[-1]
    return name[:-4] if name.endswith("-FP8") else name


def weights(r):
    p = r["precision"] or QUANT.get(r["moe_quant_mode"], "") or QUANT.get(r["gemm_quant_mode"], "")
    return QUANT.get(p, p) or "bf16"


def main(src, dst):
    rows = [r for r in csv.DictReader(open(src)) if r["mode"] == "agg" and r["silicon_tpot_ms"]]
    with open(dst, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(COLS)
        for r in rows:
            tp, pp = int(r["tp_size"] or 1), int(r["pp_size"] or 1)
            dp = max(1, int(r["attention_dp_size"] or 1))
            wp = weights(r)
            w.writerow([r["id"], model_name(r["model_path"]), SYSTEMS[r["system"]], tp * pp * dp, tp, pp,
                        max(1, int(r["moe_ep_size"] or 1)), dp, wp, "bf16" if wp == "bf16" else "fp8", r["isl"], r["osl"],
                        "batch", r["batch_size"], STACKS[r["backend"]], r["silicon_ttft_ms"], r["silicon_tpot_ms"]])
    print(len(rows))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
