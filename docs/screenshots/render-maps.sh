#!/usr/bin/env bash
# Renders every view of the standard body map (superficial and deep layer, light theme, and
# one dark) into docs/screenshots/maps/, and the montages the README shows. No display or GPU
# needed: myomap render-map rasterises on the CPU. Montages need ImageMagick (`convert`).
# Usage: docs/screenshots/render-maps.sh [BINARY]   (default target/release/myomap)
set -euo pipefail
cd "$(dirname "$0")/../.."
bin=$(realpath "${1:-target/release/myomap}")
out=docs/screenshots/maps
mkdir -p "$out"
views="anterior posterior left_lateral right_lateral head_anterior head_posterior head_left_lateral head_right_lateral feet_plantar hands_palmar hands_dorsal feet_dorsal feet_medial"
for view in $views; do
  "$bin" render-map --view "$view" --height 1000 --force -o "$out/$view.png"
  "$bin" render-map --view "$view" --height 1000 --force --layer deep -o "$out/$view-deep.png"
done
"$bin" render-map --view posterior --height 1000 --force --layer both --dark -o "$out/posterior-both-dark.png"
"$bin" render-map --view anterior --height 1000 --force --mirrored -o "$out/anterior-mirrored.png"
m=docs/screenshots
convert "$out/anterior.png" "$out/posterior.png" "$out/left_lateral.png" "$out/right_lateral.png" \
  -resize x760 -bordercolor "#fbfaf8" -border 14x0 +append "$m/body-maps.png"
convert "$out/anterior-deep.png" "$out/posterior-deep.png" "$out/right_lateral-deep.png" "$out/posterior-both-dark.png" \
  -resize x760 -bordercolor "#fbfaf8" -border 14x0 +append "$m/body-maps-deep.png"
convert "$out/head_anterior.png" "$out/head_posterior.png" "$out/head_right_lateral.png" "$out/head_posterior-deep.png" \
  -resize x420 -bordercolor "#fbfaf8" -border 14x0 +append "$m/head-and-neck.png"
echo "wrote $out/*.png and $m/body-maps*.png, $m/head-and-neck.png"
