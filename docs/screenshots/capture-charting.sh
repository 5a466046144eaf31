#!/usr/bin/env bash
# Captures the charting screenshots: a demo session charted on the posterior view, and the
# inspector with a needle site selected. Writes a demo library into a temporary folder, opens
# the nurse's first visit in the release build under Xvfb and clicks with xdotool.
# Needs xvfb, xdotool and imagemagick. Usage: docs/screenshots/capture-charting.sh [BINARY]
set -euo pipefail
cd "$(dirname "$0")/../.."
bin=$(realpath "${1:-target/release/myomap}")
out=$(realpath docs/screenshots)
home=$(mktemp -d)
export HOME=$home XDG_DATA_HOME=$home/data XDG_CONFIG_HOME=$home/config
export XDG_RUNTIME_DIR=${XDG_RUNTIME_DIR:-$(mktemp -d)}; chmod 700 "$XDG_RUNTIME_DIR"
"$bin" demo "$home/demo" >/dev/null
session=$(ls "$home"/demo/patients/00010000-0000-0000-0000-000000000103/sessions/*.ron | head -n 1)

xvfb-run -a -s "-screen 0 1400x900x24" bash -c '
  set -euo pipefail
  bin=$1 out=$2 library=$3 session=$4
  shot() { sleep 1.5; /usr/bin/import -window root "$out/$1"; echo "wrote $out/$1"; }
  "$bin" --library "$library" open "$session" 2>/dev/null & pid=$!
  for _ in $(seq 1 100); do xdotool search --name myomap >/dev/null 2>&1 && break; sleep 0.2; done
  sleep 3
  win=$(xdotool search --name myomap | tail -n 1)
  xdotool windowmove "$win" 0 0 windowsize "$win" 1400 900; sleep 1
  xdotool mousemove 760 620; sleep 0.5
  shot session-charted.png
  xdotool mousemove 1122 822 click 1; sleep 1          # the first needle site in the marks list
  xdotool mousemove 580 430                             # zoom in on the low back
  for _ in 1 2 3; do xdotool click 4; sleep 0.2; done
  xdotool mousemove 700 700; sleep 1
  shot session-inspector.png
  kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true
' _ "$bin" "$out" "$home/demo" "$session"
rm -rf "$home"
