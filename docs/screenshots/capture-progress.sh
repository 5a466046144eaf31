#!/usr/bin/env bash
# Captures the comparison and progress screenshots from the demo library: the runner's first
# and last visits side by side, as a difference map and as an overlay, and his progress
# (the pain drawings page: pain trends and the frequency map; capture-measures.sh takes the
# outcome measures and trigger points pages). Release build under Xvfb, driven by xdotool.
# Needs xvfb, xdotool and imagemagick. Usage: docs/screenshots/capture-progress.sh [BINARY]
set -euo pipefail
cd "$(dirname "$0")/../.."
bin=$(realpath "${1:-target/release/myomap}")
out=$(realpath docs/screenshots)
home=$(mktemp -d)
export HOME=$home XDG_DATA_HOME=$home/data XDG_CONFIG_HOME=$home/config
export XDG_RUNTIME_DIR=${XDG_RUNTIME_DIR:-$(mktemp -d)}; chmod 700 "$XDG_RUNTIME_DIR"
"$bin" demo "$home/demo" >/dev/null

xvfb-run -a -s "-screen 0 1400x900x24" bash -c '
  set -euo pipefail
  bin=$1 out=$2 library=$3
  shot() { sleep 1.5; /usr/bin/import -window root "$out/$1"; echo "wrote $out/$1"; }
  click() { xdotool mousemove "$1" "$2" click 1; sleep 1; }
  zoom_at() { xdotool mousemove "$1" "$2"; for _ in 1 2 3 4; do xdotool click 4; sleep 0.2; done; }
  "$bin" --library "$library" 2>/dev/null & pid=$!
  for _ in $(seq 1 100); do xdotool search --name myomap >/dev/null 2>&1 && break; sleep 0.2; done
  sleep 3
  win=$(xdotool search --name myomap | tail -n 1)
  xdotool windowmove "$win" 0 0 windowsize "$win" 1400 900; sleep 1
  click 100 184                     # Tomás Ferreira (demo)
  click 502 111                     # Compare first and last visit
  xdotool mousemove 700 860
  shot compare-side-by-side.png
  click 460 67                      # Difference map
  zoom_at 800 485                   # at the right buttock
  xdotool mousemove 700 860
  shot compare-difference.png
  click 369 67                      # Overlay
  xdotool mousemove 700 860
  shot compare-overlay.png
  click 852 43                      # Close comparison
  click 376 111                     # Progress
  click 432 67                      # its Pain drawings page
  xdotool windowfocus --sync "$win"; xdotool key F8; sleep 1   # fold the patient list: the frequency map gets room for its toolbar
  xdotool mousemove 700 860
  shot progress.png
  kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true
' _ "$bin" "$out" "$home/demo"
rm -rf "$home"
