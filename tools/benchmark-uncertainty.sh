#!/usr/bin/env bash
# Prints Monte Carlo speed (app/cli's UncertaintySpeed harness): every bundled sample, 10,000 draws, repeated.
# Usage: tools/benchmark-uncertainty.sh [repeats] [draws] [threads] ; CORES=0,1 pins the JVM to those cores (default
# two cores, the goal's machine); JAVA_OPTS="-XX:TieredStopAtLevel=1" for the launchers' JVM
set -euo pipefail
cd "$(dirname "$0")/.."
source tools/use-jdk.sh
./mvnw -B -q -Dinferplan.buildDir=target-bench -pl app/cli -am test-compile -DskipTests dependency:build-classpath \
    -Dmdep.outputFile="$PWD/app/cli/target-bench/test.classpath" -Dmdep.includeScope=test
cp="app/cli/target-bench/test-classes:app/cli/target-bench/classes:$(cat app/cli/target-bench/test.classpath)"
cores="${CORES:-0,1}"
count=$(( $(tr -cd ',' <<<"$cores" | wc -c) + 1 ))
exec taskset -c "$cores" "$JAVA_HOME/bin/java" -XX:ActiveProcessorCount="$count" -Djava.awt.headless=true ${JAVA_OPTS:-} \
    -cp "$cp" io.inferplan.cli.bench.UncertaintySpeed "$@"
