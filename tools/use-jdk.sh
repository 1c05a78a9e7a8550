# Sourced by the tools: sets JAVA_HOME to a JDK 25 the same way the launcher finds one, or exits.
source <(sed -n "/^java_major()/,/^}/p; /^find_jdk()/,/^}/p" "$(dirname "${BASH_SOURCE[0]}")/../inferplan")
required_major=25
JAVA_HOME="$(find_jdk)" || { echo "needs a JDK 25" >&2; exit 1; }
export JAVA_HOME
