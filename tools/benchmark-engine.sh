#!/usr/bin/env bash
# Measures single estimates per second per core with JMH (model-engine's EstimateBenchmark).
# Usage: tools/benchmark-engine.sh [JMH options, e.g. -wi 2 -i 3]
set -euo pipefail
cd "$(dirname "$0")/.."
source tools/use-jdk.sh
./mvnw -B -q -Dinferplan.buildDir=target-bench -pl model-engine test-compile dependency:build-classpath \
    -Dmdep.outputFile="$PWD/model-engine/target-bench/test.classpath" -Dmdep.includeScope=test
cp="model-engine/target-bench/test-classes:model-engine/target-bench/classes:$(cat model-engine/target-bench/test.classpath)"
exec "$JAVA_HOME/bin/java" -cp "$cp" org.openjdk.jmh.Main io.inferplan.engine.bench.EstimateBenchmark "$@"
