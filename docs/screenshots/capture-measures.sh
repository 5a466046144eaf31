#!/usr/bin/env bash
# Captures the outcome-measure screenshots from the demo library: Margaret Oduya's progress
# (each measure against its measurement error and MCID: her ODI change within measurement
# error), Claire Bennett's right upper trapezius followed across her visits (PPT and status),
# and the Measures tab of a new visit for Claire (an NDI score, last visit's PSFS activities
# brought in by name, two of them scored today, neck rotation both sides). Release build
# under Xvfb, driven by xdotool; a fresh home and demo library for each walk.
# Needs xvfb, xdotool and imagemagick. Usage: docs/screenshots/capture-measures.sh [BINARY]
set -euo pipefail
cd "$(dirname "$0")/../.."
bin=$(realpath "${1:-target/release/myomap}")
out=$(realpath docs/screenshots)
. docs/screenshots/run-demo.sh

claire="click 80 110"
margaret="click 85 146"
progress="click 376 111"
away="xdotool mousemove 700 880"
fold='xdotool windowfocus --sync "$win"; xdotool key F8; sleep 1'   # fold the patient list (F8)

# Margaret Oduya's outcome measures over her three visits.
walk "$margaret; $progress; $away; shot progress-measures.png"
# Claire Bennett's trigger points: the right upper trapezius chosen in the list, then the
# patient list folded so that the map beside it has room for its view bar.
walk "$claire; $progress; click 537 68; click 330 312; $fold; $away; shot progress-trigger-point.png"
# A new visit for Claire: New session, the Measures tab, + NDI, last visit's PSFS activities
# (two scored, one left to score), cervical rotation right then left.
walk "$claire; click 290 111; sleep 0.5; click 1118 43; click 1154 156; enter 6;
  click 1239 316; enter 9; enter 9; click 700 880;
  click 1143 555; enter 74; enter 76; $away; shot record-measures.png"
