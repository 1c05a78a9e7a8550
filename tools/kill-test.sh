#!/usr/bin/env bash
# Kills real writer processes of the workspace and catalog stores at random moments and checks that every
# acknowledged edit is in the file (WorkspaceKillTest, CatalogKillTest). Usage: tools/kill-test.sh [ROUNDS=25]
set -euo pipefail
cd "$(dirname "$0")/.."
source tools/use-jdk.sh
./mvnw -B -ntp -pl hardware-catalog,app -am test -Dtest='CatalogKillTest,WorkspaceKillTest' -Dsurefire.failIfNoSpecifiedTests=false \
    -Dtest.excludedGroups=none -Dinferplan.killRounds="${1:-25}" | grep -E "Tests run:|round [0-9]+|BUILD"
