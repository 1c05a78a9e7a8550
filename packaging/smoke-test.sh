#!/usr/bin/env bash
# Smoke test of the built .deb: unpacks it (dpkg-deb -x, no installation), then runs its launcher the way a
# user would: --version, --help, and the desktop app under Xvfb (--smoke-test --screenshot: first dashboard
# drawn, PNG written, one edit timed), then builds and checks the start-up cache in the unpacked tree.
#
#   packaging/smoke-test.sh [path/to/inferplan_*.deb]     (default: the newest under packaging/target*/installer)
#
# Environment: MAX_DEB_MB (default 60) fails the test when the .deb is bigger; MAX_IMAGE_MB (default 90) when the
# installed app (the app image inside the .deb) is.
set -euo pipefail
cd "$(dirname "$0")/.."

deb="${1:-}"
if [[ -z "$deb" ]]; then
    deb="$(ls -t packaging/target*/installer/*.deb 2>/dev/null | head -n 1 || true)"
fi
[[ -n "$deb" && -f "$deb" ]] || { echo "smoke-test: no .deb found; build it with ./mvnw -Ppackage -DskipTests install" >&2; exit 1; }

fail() { echo "smoke-test: FAIL: $*" >&2; exit 1; }
step() { echo "smoke-test: $*"; }

work="$(mktemp -d)"
xvfb_pid=""
cleanup() {
    [[ -n "$xvfb_pid" ]] && kill "$xvfb_pid" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

deb_bytes=$(stat -c %s "$deb")
step "$deb: $((deb_bytes / 1000000)) MB"
(( deb_bytes <= ${MAX_DEB_MB:-60} * 1000000 )) || fail ".deb is larger than ${MAX_DEB_MB:-60} MB"

dpkg-deb -x "$deb" "$work/root"
launcher="$(ls "$work"/root/opt/*/bin/* | head -n 1)"
[[ -x "$launcher" ]] || fail "no launcher under /opt/*/bin in the .deb"
app_dir="$(dirname "$(dirname "$launcher")")"
step "launcher: $launcher ($(du -s --apparent-size -B1 "$app_dir" | awk '{printf "%.1f MB", $1/1e6}') unpacked)"
image_bytes=$(du -s --apparent-size -B1 "$app_dir" | awk '{print $1}')
(( image_bytes <= ${MAX_IMAGE_MB:-90} * 1000000 )) || fail "the app image is larger than ${MAX_IMAGE_MB:-90} MB"

# Package metadata and desktop integration.
control="$(dpkg-deb -f "$deb" Package Version Depends Homepage Section)"
grep -q 'libgtk-3-0' <<<"$control" || fail "the .deb does not depend on libgtk-3-0"
desktop="$(ls "$app_dir"/lib/*.desktop 2>/dev/null | head -n 1)"
[[ -n "$desktop" ]] || fail "no .desktop file in the .deb"
grep -q '^Categories=.\+' "$desktop" || fail "the .desktop file has no Categories"
grep -q '^MimeType=.*inferplan' "$desktop" || fail "the .desktop file declares no scenario mime type"
grep -q '\*\.inferplan\.json' "$app_dir"/lib/*MimeInfo.xml || fail "no *.inferplan.json mime glob"
[[ -s "$app_dir/lib/$(basename "$launcher").png" ]] || fail "no application icon"

# The command line.
out="$("$launcher" --version 2>&1)" || fail "--version exited $?: $out"
grep -q 'InferPlan' <<<"$out" || fail "--version printed: $out"
step "--version: $out"
"$launcher" --help >/dev/null 2>&1 || fail "--help exited $?"
# The report module and PDFBox made it into the image: a small scenario's report, as PDF.
cat >"$work/scenario.json" <<'JSON'
{"schemaVersion": 1, "name": "Smoke test",
 "workload": {"averageRequestsPerSecond": 5, "peakToAverageRatio": 2, "inputTokens": {"mean": 1000}, "outputTokens": {"mean": 200}},
 "deployment": {"accelerator": "H100-SXM", "model": "Llama-3.1-8B", "tensorParallel": 1, "weightPrecision": "FP8"},
 "cost": {"basis": "rent", "term": "on-demand", "usdPerGpuHour": 2.99},
 "pricing": {"tiers": [{"name": "api", "trafficShare": 1.0, "usdPerMillionInputTokens": 0.2, "usdPerMillionCachedInputTokens": 0.1, "usdPerMillionOutputTokens": 0.2}]}}
JSON
out="$(INFERPLAN_HOME="$work/home" "$launcher" report "$work/scenario.json" --out "$work/report.pdf" 2>&1)" || fail "report exited $?: $out"
[[ "$(head -c 5 "$work/report.pdf")" == "%PDF-" ]] || fail "report wrote no PDF: $out"
step "report: $out"

# The desktop app, on a virtual display of its own.
for d in $(seq 90 140); do [[ -e /tmp/.X11-unix/X$d || -e /tmp/.X$d-lock ]] || break; done
Xvfb ":$d" -screen 0 1600x1000x24 -nolisten tcp >/dev/null 2>&1 &
xvfb_pid=$!
export DISPLAY=":$d"
for _ in $(seq 50); do xdpyinfo >/dev/null 2>&1 || xwininfo -root >/dev/null 2>&1 && break; sleep 0.1; done

shot="$work/screenshot.png"
start=$(date +%s%N)
timeout 120 "$launcher" --smoke-test --screenshot "$shot" || fail "--smoke-test exited $?"
step "--smoke-test took $(( ($(date +%s%N) - start) / 1000000 )) ms"
[[ -s "$shot" ]] || fail "no screenshot written"
[[ "$(head -c 8 "$shot" | od -An -tx1 | tr -d ' \n')" == "89504e470d0a1a0a" ]] || fail "the screenshot is not a PNG"
step "screenshot: $(stat -c %s "$shot") bytes"
if [[ -n "${SMOKE_SCREENSHOT_DIR:-}" ]]; then
    mkdir -p "$SMOKE_SCREENSHOT_DIR" && cp "$shot" "$SMOKE_SCREENSHOT_DIR/packaged-app.png"
fi

# The start-up cache: the package builds it after installing (postinst); here the same script builds it in the
# unpacked tree, then the launcher must map it (classes from the "shared objects file") and still work.
dpkg-deb -e "$deb" "$work/control"
grep -q 'lib/build-startup-cache.sh' "$work/control/postinst" || fail "the postinst does not build the start-up cache"
grep -q 'inferplan.aot' "$work/control/prerm" || fail "the prerm does not remove the start-up cache"
grep -q 'update-alternatives --install /usr/bin/' "$work/control/postinst" || fail "the postinst does not put the command on the PATH"
grep -q 'update-alternatives --remove ' "$work/control/prerm" || fail "the prerm does not take the command off the PATH"
"$app_dir/lib/build-startup-cache.sh" || fail "lib/build-startup-cache.sh failed"
[[ -s "$app_dir/lib/app/inferplan.aot" ]] || fail "no start-up cache at lib/app/inferplan.aot"
shared=$(JAVA_TOOL_OPTIONS=-Xlog:class+load=info "$launcher" --version 2>/dev/null | grep -c 'source: shared objects file' || true)
(( shared > 1000 )) || fail "the launcher does not use the start-up cache ($shared classes from it)"
step "start-up cache: $(du -k "$app_dir/lib/app/inferplan.aot" | cut -f1) KiB, $shared classes mapped by --version"
out="$("$launcher" --version 2>&1)" || fail "--version with the start-up cache exited $?: $out"
[[ "$out" == InferPlan* ]] || fail "--version with the start-up cache printed: $out"
start=$(date +%s%N)
timeout 120 "$launcher" --smoke-test --screenshot "$shot" | grep 'first dashboard' || fail "--smoke-test with the start-up cache failed"
step "--smoke-test with the start-up cache took $(( ($(date +%s%N) - start) / 1000000 )) ms"
"$app_dir/lib/build-startup-cache.sh" --remove
[[ ! -e "$app_dir/lib/app/inferplan.aot" ]] || fail "--remove left the start-up cache"
step "OK"
