#!/usr/bin/env bash
# Captures the session-record screenshots: the record in the session panel (screening open),
# a safety-zone warning for a needle placed over the lung with the safety overlay on, and a
# signed session with its addendum. Writes a demo library into a temporary folder and drives
# the release build under Xvfb with xdotool.
# Needs xvfb, xdotool and imagemagick. Usage: docs/screenshots/capture-record.sh [BINARY]
set -euo pipefail
cd "$(dirname "$0")/../.."
bin=$(realpath "${1:-target/release/myomap}")
out=$(realpath docs/screenshots)
. docs/screenshots/run-demo.sh

tab="xdotool mousemove 1224 45 click 1; sleep 0.8;"   # the Clinical record page
# The record, with the consent opened.
run 103 last "$tab xdotool mousemove 1060 103 click 1; sleep 0.5; shot session-record.png"
# Safety overlay on, needle tool, a site over the right lung from behind.
run 103 last "xdotool mousemove 823 66 click 1; sleep 0.5; xdotool mousemove 653 89 click 1; sleep 0.5; xdotool mousemove 659 359 click 1; sleep 1; shot safety-warning.png"
# A signed visit: read-only, with the signature and its addendum.
run 101 first "$tab shot session-signed.png"
