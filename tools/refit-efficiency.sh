#!/usr/bin/env bash
# Refits the performance model's efficiency factors jointly from the offline throughput rows
# (validation/calibration.csv) and the closed-loop serving sweeps (validation/concurrency-sweeps-cases.csv, TTFT and
# TPOT; regenerate it from validation/concurrency-sweeps.csv with tools/sweeps-to-cases.py), with leave-one-model-out
# error bands, and rewrites the bundled efficiency table. Other CSVs of the same layouts may be given instead.
# Rows whose model or accelerator the catalog does not know are skipped (the command says how many).
# Review the printed tables and the accuracy tests (CalibrationAccuracyTest, SweepAccuracyTest) before committing.
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ $# -eq 0 ]]; then
    set -- validation/calibration.csv validation/concurrency-sweeps-cases.csv
fi
./inferplan calibrate "$@" --write model-engine/src/main/resources/io/inferplan/engine/perf/efficiency-profiles.json
# The families that borrow another's efficiencies with fitted scales are refitted against the new profiles, so their
# scales stay relative to what they borrow (AmdInstinctTest checks the bundled scales are what this fits).
./inferplan calibrate validation/amd-instinct-vllm.csv --family-fallback amd-cdna3 \
    --write model-engine/src/main/resources/io/inferplan/engine/perf/efficiency-profiles.json
