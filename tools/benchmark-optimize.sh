#!/usr/bin/env bash
# Prints the configuration search's speed (the app's OptimizeSpeed harness): the whole-catalog search for each
# bundled sample (or those whose file name starts with the prefix), repeated (first runs include JIT warm-up), with
# configurations searched per second, without and with the Pareto frontier.
# Usage: tools/benchmark-optimize.sh [repeats] [sample file prefix] ; JAVA_OPTS="-XX:TieredStopAtLevel=1" for the launchers' JVM
set -euo pipefail
cd "$(dirname "$0")/.."
source tools/use-jdk.sh
./mvnw -B -q -Dinferplan.buildDir=target-bench -pl app/cli -am test-compile -DskipTests dependency:build-classpath \
    -Dmdep.outputFile="$PWD/app/cli/target-bench/test.classpath" -Dmdep.includeScope=test
cp="app/cli/target-bench/test-classes:app/cli/target-bench/classes:$(cat app/cli/target-bench/test.classpath)"
exec "$JAVA_HOME/bin/java" -Djava.awt.headless=true ${JAVA_OPTS:-} -cp "$cp" io.inferplan.cli.bench.OptimizeSpeed "$@"
