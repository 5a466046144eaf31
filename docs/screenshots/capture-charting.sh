#!/usr/bin/env bash
# Captures the charting screenshots: a demo session charted on the posterior view, and the
# inspector with a needle site selected. Opens the nurse's first visit of a fresh demo library
# in the release build under Xvfb and clicks with xdotool (see run-demo.sh).
# Needs xvfb, xdotool and imagemagick. Usage: docs/screenshots/capture-charting.sh [BINARY]
set -euo pipefail
cd "$(dirname "$0")/../.."
bin=$(realpath "${1:-target/release/myomap}")
out=$(realpath docs/screenshots)
. docs/screenshots/run-demo.sh

run 103 first '
  xdotool mousemove 900 640; sleep 0.5
  shot session-charted.png
  xdotool mousemove 1100 864 click 1; sleep 1          # the first needle site in the marks list
  xdotool mousemove 694 430                             # zoom in on the low back
  for _ in 1 2 3; do xdotool click 4; sleep 0.2; done
  xdotool mousemove 700 700; sleep 1
  shot session-inspector.png
'
