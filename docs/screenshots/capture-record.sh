#!/usr/bin/env bash
# Captures the session-record screenshots: the record in the session panel (screening open),
# a needle over the lung with the safety overlay on (refused: the consent lacks the
# pneumothorax risk), and a
# signed session with its addendum. Writes a demo library into a temporary folder and drives
# the release build under Xvfb with xdotool.
# Needs xvfb, xdotool and imagemagick. Usage: docs/screenshots/capture-record.sh [BINARY]
set -euo pipefail
cd "$(dirname "$0")/../.."
bin=$(realpath "${1:-target/release/myomap}")
out=$(realpath docs/screenshots)
. docs/screenshots/run-demo.sh

tab="xdotool mousemove 1210 43 click 1; sleep 0.8;"   # the Clinical record page
# The record.
run 103 last "$tab xdotool mousemove 700 880; shot session-record.png"
# Safety overlay on, needle tool, a site over the right lung from behind: refused, as the
# consent does not record the pneumothorax risk.
run 101 last "xdotool mousemove 318 47 click 1; sleep 0.5; xdotool mousemove 902 48 click 1; sleep 0.5; xdotool mousemove 474 79 click 1; sleep 0.5; xdotool mousemove 778 340 click 1; sleep 1; shot safety-warning.png"
# A signed visit: read-only, with the signature and its addendum.
run 101 first "$tab shot session-signed.png"
