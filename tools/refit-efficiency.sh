#!/usr/bin/env bash
# Refits the performance model's efficiency factors from validation/calibration.csv (or a CSV you give)
# and rewrites the bundled efficiency table. Review the printed table and the accuracy test before committing.
set -euo pipefail
cd "$(dirname "$0")/.."
data="${1:-validation/calibration.csv}"
./inferplan calibrate "$data" --write model-engine/src/main/resources/io/inferplan/engine/perf/efficiency-profiles.json
