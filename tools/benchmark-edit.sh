#!/usr/bin/env bash
# Prints where an edit's time goes on the dashboard (the app's EditSpeed harness): the evaluation's two phases,
# building the first phase's charts and drawing them. The desktop's own figure, edit to redrawn charts, is printed
# by `./inferplan --smoke-test`.
# Usage: tools/benchmark-edit.sh [edits] [sample name prefix] ; JAVA_OPTS="-XX:TieredStopAtLevel=1" for the launchers' JVM
set -euo pipefail
cd "$(dirname "$0")/.."
source tools/use-jdk.sh
./mvnw -B -q -Dinferplan.buildDir=target-bench -pl app -am test-compile -DskipTests dependency:build-classpath \
    -Dmdep.outputFile="$PWD/app/target-bench/test.classpath" -Dmdep.includeScope=test
cp="app/target-bench/test-classes:app/target-bench/classes:$(cat app/target-bench/test.classpath)"
exec "$JAVA_HOME/bin/java" -Djava.awt.headless=true ${JAVA_OPTS:-} -cp "$cp" io.inferplan.app.bench.EditSpeed "$@"
