#!/usr/bin/env bash
# Start-up time of the packaged app, with the image's class-data-sharing archive and without (-Xshare:off).
#
#   packaging/measure-startup.sh [app-image-dir] [runs]
#       default dir: the newest packaging/target*/app-image/*; runs: 10
#
# GUI: with --smoke-test in the app, the time of `--smoke-test --screenshot` (start, first dashboard drawn,
# PNG written, exit) through hyperfine; without it, the time until a window titled InferPlan is mapped.
# CLI: hyperfine over --version. Runs on its own Xvfb display. Needs hyperfine (apt-get install hyperfine),
# Xvfb and xwininfo (x11-utils).
set -euo pipefail
cd "$(dirname "$0")/.."
app="${1:-$(ls -dt packaging/target*/app-image/* 2>/dev/null | head -n 1)}"
runs="${2:-10}"
launcher="$(ls "$app"/bin/* | head -n 1)"
[[ -x "$launcher" ]] || { echo "no launcher in $app/bin" >&2; exit 1; }

for d in $(seq 150 199); do [[ -e /tmp/.X11-unix/X$d || -e /tmp/.X$d-lock ]] || break; done
Xvfb ":$d" -screen 0 1600x1000x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null || true' EXIT
export DISPLAY=":$d"
sleep 1

echo "# $launcher ($(nproc) CPUs, load $(cut -d' ' -f1-3 /proc/loadavg))"
hyperfine -N -w 2 -r "$runs" -n 'CLI --version, CDS' "$launcher --version" \
    -n 'CLI --version, -Xshare:off' "env JAVA_TOOL_OPTIONS=-Xshare:off $launcher --version" 2>/dev/null ||
hyperfine -w 2 -r "$runs" -n 'CLI --version, CDS' "$launcher --version" \
    -n 'CLI --version, -Xshare:off' "JAVA_TOOL_OPTIONS=-Xshare:off $launcher --version"

if (( $(unzip -p "$app"/lib/app/mods/app-*.jar '*.class' | grep -a -c -- '--smoke-test') > 0 )); then
    shot="$(mktemp --suffix=.png)"
    hyperfine -w 1 -r "$runs" -n 'GUI to first dashboard (--smoke-test), CDS' "$launcher --smoke-test --screenshot $shot" \
        -n 'GUI to first dashboard (--smoke-test), -Xshare:off' "JAVA_TOOL_OPTIONS=-Xshare:off $launcher --smoke-test --screenshot $shot"
    rm -f "$shot"
else
    window_ms() {
        local t0 t1 pid
        t0=$(date +%s%N)
        "$launcher" >/dev/null 2>&1 &
        pid=$!
        until xwininfo -root -tree 2>/dev/null | grep -q '"InferPlan"'; do
            sleep 0.01
            kill -0 "$pid" 2>/dev/null || { echo "app exited" >&2; return 1; }
        done
        t1=$(date +%s%N)
        kill "$pid"; wait "$pid" 2>/dev/null || true
        echo $(( (t1 - t0) / 1000000 ))
    }
    stats() { sort -n | awk '{a[NR]=$1; s+=$1} END {printf "min %d ms, median %d ms, mean %d ms (%d runs)\n", a[1], a[int((NR+1)/2)], s/NR, NR}'; }
    echo "GUI until the window is mapped (no --smoke-test in this build), CDS:"
    for _ in $(seq "$runs"); do window_ms; done | stats
    echo "GUI until the window is mapped, -Xshare:off:"
    for _ in $(seq "$runs"); do JAVA_TOOL_OPTIONS=-Xshare:off window_ms; done | stats
fi
