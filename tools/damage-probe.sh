#!/usr/bin/env bash
# Damages a real workspace in N random ways (truncations, zeroed runs, flipped bytes) besides the 24 fixed ones and
# checks that the user's scenarios survive each (DamagedWorkspaceProbeTest). Usage: tools/damage-probe.sh [N=200]
set -euo pipefail
cd "$(dirname "$0")/.."
source tools/use-jdk.sh
./mvnw -B -ntp -pl hardware-catalog,app -am test -Dtest='DamagedWorkspaceProbeTest' -Dsurefire.failIfNoSpecifiedTests=false \
    -Dinferplan.damageRounds="${1:-200}" | grep -E "Tests run:|FAIL|expected|BUILD"
