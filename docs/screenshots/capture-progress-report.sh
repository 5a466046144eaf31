#!/usr/bin/env bash
# The progress report's first two pages, from a fresh demo library: Claire Bennett's period of
# care (myomap progress-report, then pdftoppm at 80 dpi). Needs poppler-utils (pdftoppm).
# Usage: docs/screenshots/capture-progress-report.sh [BINARY]
set -euo pipefail
cd "$(dirname "$0")/../.."
bin=$(realpath "${1:-target/release/myomap}")
out=$(realpath docs/screenshots)
work=$(mktemp -d)
"$bin" demo "$work/demo" >/dev/null
claire=$work/demo/patients/00010000-0000-0000-0000-000000000101
"$bin" progress-report "$claire" --from 2026-09-01 --to 2026-10-31 -o "$work/progress.pdf"
pdftoppm -r 80 -png -f 1 -l 2 "$work/progress.pdf" "$work/page"
cp "$work/page-1.png" "$out/progress-report-1.png"
cp "$work/page-2.png" "$out/progress-report-2.png"
ls "$out"/progress-report-*.png
rm -rf "$work"
