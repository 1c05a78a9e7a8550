#!/bin/sh
# Builds this InferPlan installation's start-up cache: a JDK AOT cache (JEP 483/514) recorded from one headless
# run of the app (the smoke test on a throw-away workspace). With it the window and first dashboard appear in
# about two thirds of the time. The .deb and .rpm run this after installing; run it by hand after unpacking an
# app image somewhere new (a cache only maps at the exact path it was made at, so it cannot be built with the
# package). Without a cache, or with a stale one, the app starts normally, only slower.
#
#   lib/build-startup-cache.sh            build or rebuild it (needs write access to lib/app)
#   lib/build-startup-cache.sh --remove   delete it
set -eu

root=$(cd "$(dirname "$0")/.." && pwd -P)
app="$root/lib/app"
java="$root/lib/runtime/bin/java"
cache="$app/inferplan.aot"

if [ "${1:-}" = "--remove" ]; then
    rm -f "$cache" "$cache.new"
    exit 0
fi

cfg=$(ls "$app"/*.cfg 2>/dev/null | head -n 1)
if [ -z "$cfg" ] || [ ! -x "$java" ]; then
    echo "InferPlan: no launcher configuration or runtime under $root; start-up cache not built" >&2
    exit 1
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/inferplan-aot.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM

# The launcher's own JVM options, read from its .cfg, so that the cache matches what the launcher runs; the
# options that read the cache and silence its messages are left out of the recording run.
main=$(sed -n 's/^app\.mainmodule=//p' "$cfg")
set --
while IFS= read -r line; do
    case "$line" in
        java-options=-XX:AOTCache=*|java-options=-Xlog:*) ;;
        java-options=*) set -- "$@" "$(printf '%s\n' "${line#java-options=}" | sed "s|\\\$APPDIR|$app|g")" ;;
    esac
done < "$cfg"

echo "InferPlan: preparing the start-up cache (about 15 seconds)..."
rm -f "$cache"
# Headless JavaFX (no display is needed, none is touched) and a private HOME, so nothing of the user's changes.
if env -u DISPLAY -u WAYLAND_DISPLAY -u JAVA_TOOL_OPTIONS -u JDK_JAVA_OPTIONS HOME="$work" TMPDIR="$work" \
        "$java" "$@" -Djava.io.tmpdir="$work" -Dglass.platform=Headless -Dprism.order=sw \
        -XX:AOTCacheOutput="$work/inferplan.aot" -m "$main" --smoke-test --screenshot "$work/training.png" \
        >"$work/training.log" 2>&1 && [ -s "$work/inferplan.aot" ]; then
    # Copied beside the target first, so a launcher never maps a half-written cache.
    cp "$work/inferplan.aot" "$cache.new"
    chmod 644 "$cache.new"
    mv -f "$cache.new" "$cache"
    echo "InferPlan: start-up cache ready ($(du -k "$cache" | cut -f1) KiB at $cache)"
else
    echo "InferPlan: the start-up cache could not be built; the app works without it, only starts slower." >&2
    grep -v '^\[' "$work/training.log" | tail -n 5 >&2 || true
    exit 1
fi
