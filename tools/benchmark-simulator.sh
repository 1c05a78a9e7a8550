#!/usr/bin/env bash
# Prints the serving simulator's speed figures (model-engine's SimulatorSpeed harness): one simulated hour at
# 100 requests/s and one capacity search, each repeated (first runs include JIT warm-up).
# Usage: tools/benchmark-simulator.sh [repeats] ; JAVA_OPTS="-XX:TieredStopAtLevel=1" for the launchers' C1-only JVM
set -euo pipefail
cd "$(dirname "$0")/.."
source <(sed -n "/^java_major()/,/^}/p; /^find_jdk()/,/^}/p" inferplan)
required_major=25
JAVA_HOME="$(find_jdk)" || { echo "needs a JDK 25" >&2; exit 1; }
export JAVA_HOME
./mvnw -B -q -Dinferplan.buildDir=target-bench -pl model-engine test-compile dependency:build-classpath \
    -Dmdep.outputFile="$PWD/model-engine/target-bench/test.classpath" -Dmdep.includeScope=test
cp="model-engine/target-bench/test-classes:model-engine/target-bench/classes:$(cat model-engine/target-bench/test.classpath)"
# One core: the figures are per core.
exec taskset -c 0 "$JAVA_HOME/bin/java" -XX:ActiveProcessorCount=1 ${JAVA_OPTS:-} -cp "$cp" io.inferplan.engine.bench.SimulatorSpeed "$@"
