#!/usr/bin/env bash
# Start-up time of an InferPlan launcher, with its start-up cache (AOT cache) and without.
#
#   packaging/measure-startup.sh [app-image-dir | launcher] [runs]
#       default: the newest packaging/target*/app-image/*; runs: 5
#
# GUI: a normal start on a workspace made by an earlier start (as a user sees it every day), timed by the app
# itself (INFERPLAN_TIMING=1: launch to window shown, launch to first dashboard drawn), then the app is closed.
# The two variants alternate, so load on the machine hits both alike. CLI: hyperfine over --version.
# The cache variant builds the cache first when the image has lib/build-startup-cache.sh and no cache.
# Runs on its own Xvfb display; needs Xvfb and hyperfine (apt-get install xvfb hyperfine).
set -euo pipefail
cd "$(dirname "$0")/.."
target="${1:-$(ls -dt packaging/target*/app-image/* 2>/dev/null | head -n 1)}"
runs="${2:-5}"
if [[ -d "$target" ]]; then
    launcher="$(ls "$target"/bin/* | head -n 1)"
    script="$target/lib/build-startup-cache.sh"
    cache="$target/lib/app/inferplan.aot"
else
    launcher="$target"; script=""; cache=""
fi
[[ -x "$launcher" ]] || { echo "no launcher at $target" >&2; exit 1; }

for d in $(seq 150 199); do [[ -e /tmp/.X11-unix/X$d || -e /tmp/.X$d-lock ]] || break; done
Xvfb ":$d" -screen 0 1600x1000x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
home="$(mktemp -d)"
parked=""
cleanup() {
    kill $xvfb 2>/dev/null || true
    [[ -n "$parked" && -f "$parked" ]] && mv -f "$parked" "$cache"
    rm -rf "$home"
}
trap cleanup EXIT
export DISPLAY=":$d" INFERPLAN_HOME="$home"
sleep 1

if [[ -n "$script" && -x "$script" && ! -f "$cache" ]]; then
    "$script" >/dev/null
fi
with_cache() { [[ -n "$parked" ]] && mv -f "$parked" "$cache"; parked=""; }
without_cache() { [[ -n "$cache" && -f "$cache" ]] && { parked="$cache.parked"; mv -f "$cache" "$parked"; }; true; }

# One normal start: prints "window_ms dashboard_ms".
start_once() {
    local log pid i
    log="$(mktemp)"
    INFERPLAN_TIMING=1 "$launcher" >"$log" 2>&1 &
    pid=$!
    for i in $(seq 600); do
        grep -q "first dashboard drawn" "$log" && break
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.05
    done
    kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true
    awk '/window shown/ {w=$4} /first dashboard drawn/ {f=$5} END {print w, f}' "$log"
    rm -f "$log"
}
stats() { sort -n | awk '{a[NR]=$1; s+=$1} END {printf "min %d, median %d, max %d ms (%d runs)", a[1], a[int((NR+1)/2)], a[NR], NR}'; }

echo "# $launcher ($(nproc) CPUs, load $(cut -d' ' -f1-3 /proc/loadavg))"
start_once >/dev/null   # makes the workspace, so the measured starts are normal starts
: >"$home/with" ; : >"$home/without"
for _ in $(seq "$runs"); do
    with_cache; start_once >>"$home/with"
    [[ -n "$cache" ]] && { without_cache; start_once >>"$home/without"; }
done
with_cache
echo "GUI, start-up cache:    window $(cut -d' ' -f1 "$home/with" | stats); first dashboard $(cut -d' ' -f2 "$home/with" | stats)"
[[ -s "$home/without" ]] &&
    echo "GUI, no start-up cache: window $(cut -d' ' -f1 "$home/without" | stats); first dashboard $(cut -d' ' -f2 "$home/without" | stats)"

if command -v hyperfine >/dev/null; then
    hyperfine -N -w 2 -r 10 -n 'CLI --version, start-up cache' "$launcher --version" 2>/dev/null | grep -E "^Bench|Time|Range"
    if [[ -n "$cache" ]]; then
        without_cache
        hyperfine -N -w 2 -r 10 -n 'CLI --version, no start-up cache' "$launcher --version" 2>/dev/null | grep -E "^Bench|Time|Range"
        with_cache
    fi
fi
