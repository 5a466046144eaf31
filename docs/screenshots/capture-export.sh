#!/usr/bin/env bash
# Sample exports from a fresh demo library: a chart and a difference map (myomap render),
# the session report and the patient handout rendered to PNG pages (myomap report, then
# pdftoppm), the needling log (myomap export-csv), and the app's File → Export menu.
# Needs poppler-utils (pdftoppm), xvfb, xdotool and imagemagick.
# Usage: docs/screenshots/capture-export.sh [BINARY]
set -euo pipefail
cd "$(dirname "$0")/../.."
bin=$(realpath "${1:-target/release/myomap}")
out=$(realpath docs/screenshots)
work=$(mktemp -d)
"$bin" demo "$work/demo" >/dev/null
nurse=$work/demo/patients/00010000-0000-0000-0000-000000000103
sessions=($(ls "$nurse"/sessions/*.ron))

"$bin" render "${sessions[0]}" --view posterior --width 700 -o "$out/export-chart.png" --force
"$bin" render "${sessions[2]}" --view posterior --width 700 --against "${sessions[0]}" \
  -o "$out/export-difference.png" --force
"$bin" report "${sessions[1]}" -o "$work/report.pdf"
"$bin" report "${sessions[1]}" --handout -o "$work/handout.pdf"
"$bin" export-csv "$nurse" -o "$out/export-needling-log.csv" --force
rm -f "$out"/report-page-*.png "$out"/handout-page-*.png
pdftoppm -r 80 -png "$work/report.pdf" "$out/report-page"
pdftoppm -r 80 -png "$work/handout.pdf" "$out/handout-page"
ls "$out"/report-page-*.png "$out"/handout-page-*.png
rm -rf "$work"

. docs/screenshots/run-demo.sh
run 103 first '
  xdotool mousemove 18 12 click 1; sleep 1              # File
  xdotool mousemove 60 301; sleep 1                     # Export ▸
  xdotool mousemove 150 301; sleep 0.3
  xdotool mousemove 260 301; sleep 0.5
  xdotool mousemove 120 301; sleep 0.5                  # back on Export: no item tooltip
  shot export-menu.png
'
