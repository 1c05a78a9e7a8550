#!/usr/bin/env bash
# Renders the hand-drawn SVG icons into the PNG/ICO/ICNS files that jpackage and the app use.
# Needs rsvg-convert (librsvg2-bin) and ImageMagick; png2icns (icnsutils) for the macOS .icns.
# The outputs are committed, so a normal build never runs this.
set -euo pipefail
cd "$(dirname "$0")"
sizes=(16 24 32 48 64 128 256 512)
mkdir -p png
for name in inferplan scenario; do
    for s in "${sizes[@]}"; do
        rsvg-convert -w "$s" -h "$s" "$name.svg" -o "png/$name-$s.png"
    done
done
# Windows: one .ico with the usual sizes.
convert png/inferplan-16.png png/inferplan-24.png png/inferplan-32.png png/inferplan-48.png \
        png/inferplan-64.png png/inferplan-128.png png/inferplan-256.png inferplan.ico
convert png/scenario-16.png png/scenario-32.png png/scenario-48.png png/scenario-256.png scenario.ico
# macOS: .icns (png2icns takes the sizes it knows: 16, 32, 48, 128, 256, 512).
if command -v png2icns >/dev/null; then
    png2icns inferplan.icns png/inferplan-16.png png/inferplan-32.png png/inferplan-48.png \
             png/inferplan-128.png png/inferplan-256.png png/inferplan-512.png >/dev/null
    png2icns scenario.icns png/scenario-16.png png/scenario-32.png png/scenario-128.png \
             png/scenario-256.png png/scenario-512.png >/dev/null
fi
# Window icons for the app (Stage.getIcons()).
app_icons=../../../../app/src/main/resources/io/inferplan/app/icons
mkdir -p "$app_icons"
for s in 16 32 48 64 128 256; do cp "png/inferplan-$s.png" "$app_icons/inferplan-$s.png"; done
