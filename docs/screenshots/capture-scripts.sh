#!/usr/bin/env bash
# Names in any script: the demo runner renamed "王秀英 · ليلى حداد · अनीता", their chart
# (myomap render) and the first page of their session report (myomap report, pdftoppm), and
# the app's patient list with the name. Needs the Noto fonts (fonts-noto-core,
# fonts-noto-cjk), poppler-utils (pdftoppm), xvfb and imagemagick.
# Usage: docs/screenshots/capture-scripts.sh [BINARY]
set -euo pipefail
cd "$(dirname "$0")/../.."
bin=$(realpath "${1:-target/release/myomap}")
out=$(realpath docs/screenshots)
work=$(mktemp -d)
"$bin" demo "$work/demo" >/dev/null
runner=$work/demo/patients/00010000-0000-0000-0000-000000000102
sed -i 's/display_name: ".*"/display_name: "王秀英 · ليلى حداد · अनीता"/' "$runner/patient.ron"
session=$(ls "$runner"/sessions/*.ron | sed -n 2p)

"$bin" render "$session" --view anterior --width 700 -o "$out/render-scripts.png" --force
"$bin" report "$session" -o "$work/report.pdf"
pdftoppm -r 80 -png -f 1 -l 1 -singlefile "$work/report.pdf" "$out/report-scripts"

export XDG_RUNTIME_DIR=${XDG_RUNTIME_DIR:-$(mktemp -d)}; chmod 700 "$XDG_RUNTIME_DIR"
export HOME=$work/home XDG_DATA_HOME=$work/home/data XDG_CONFIG_HOME=$work/home/config
xvfb-run -a -s "-screen 0 1400x900x24" bash -c '
  set -euo pipefail
  "$1" --library "$2" 2>/dev/null & pid=$!
  for _ in $(seq 1 100); do xdotool search --name myomap >/dev/null 2>&1 && break; sleep 0.2; done
  sleep 4
  win=$(xdotool search --name myomap | tail -n 1)
  xdotool windowmove "$win" 0 0 windowsize "$win" 1400 900; sleep 1.5
  /usr/bin/import -window root -crop 420x300+0+0 +repage "$3/app-scripts.png"
  kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true
' _ "$bin" "$work/demo" "$out"
ls -l "$out"/render-scripts.png "$out"/report-scripts.png "$out"/app-scripts.png
rm -rf "$work"
