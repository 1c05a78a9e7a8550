#!/usr/bin/env bash
# Long mode of the scenario-file probe (the command line's ScenarioFuzzTest): mutated sample scenarios through the evaluate path.
# Usage: tools/fuzz-scenarios.sh [INPUTS=100000] [SEED=20261201]. Prints the figures that docs/reliability.md quotes.
set -euo pipefail
cd "$(dirname "$0")/.."
source tools/use-jdk.sh
inputs="${1:-100000}"
seed="${2:-20261201}"
./mvnw -B -ntp -pl app/cli -am test -Dtest=ScenarioFuzzTest -Dsurefire.failIfNoSpecifiedTests=false \
    -Dfuzz.inputs="$inputs" -Dfuzz.seed="$seed" | grep -E "^scenario files|^  most rejected|^  defect|Tests run:|BUILD"
