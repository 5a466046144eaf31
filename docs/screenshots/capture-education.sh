#!/usr/bin/env bash
# Captures the presentation-mode screenshots: a headache pattern (upper trapezius) over the
# desk worker's drawing, a low-back pattern (quadratus lumborum) for the nurse, and the reverse
# lookup of the runner's pain drawing with its best match ghosted over it. Writes a fresh demo
# library per shot and drives the release build under Xvfb with xdotool.
# Needs xvfb, xdotool and imagemagick. Usage: docs/screenshots/capture-education.sh [BINARY]
set -euo pipefail
cd "$(dirname "$0")/../.."
bin=$(realpath "${1:-target/release/myomap}")
out=$(realpath docs/screenshots)
. docs/screenshots/run-demo.sh
present='xdotool windowfocus --sync "$win"; xdotool key F11; sleep 1.5;'   # Present to the patient (F11)
# find TEXT: types into the muscle search and picks the first muscle listed.
find() { echo "xdotool mousemove 163 218 click 1; sleep 0.3; xdotool type --delay 60 '$1'; sleep 0.8; xdotool mousemove 89 343 click 1; sleep 1.5;"; }

run 101 first "$present $(find 'upper trap') shot presentation-headache.png"
run 103 first "$present $(find 'quadratus lum') shot presentation-low-back.png"
run 102 first "$present xdotool mousemove 120 145 click 1; sleep 1; xdotool mousemove 155 247 click 1; sleep 1.5; shot presentation-lookup.png"
