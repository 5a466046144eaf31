#!/usr/bin/env bash
# Captures the README screenshots: the app in a real window on a virtual display, driven by
# xdotool. Needs xvfb, xdotool and imagemagick (apt-get install xvfb xauth xdotool imagemagick).
# Usage: docs/screenshots/capture.sh [BINARY]   (default target/release/myomap)
set -euo pipefail
cd "$(dirname "$0")/../.."
bin=$(realpath "${1:-target/release/myomap}")
out=$(realpath docs/screenshots)
home=$(mktemp -d)
export HOME=$home XDG_DATA_HOME=$home/data XDG_CONFIG_HOME=$home/config
export XDG_RUNTIME_DIR=${XDG_RUNTIME_DIR:-$(mktemp -d)}; chmod 700 "$XDG_RUNTIME_DIR"

xvfb-run -a -s "-screen 0 1280x820x24" bash -c '
  set -euo pipefail
  bin=$1 out=$2
  shot() { sleep 1.5; /usr/bin/import -window root "$out/$1"; echo "wrote $out/$1"; }
  click() { xdotool mousemove "$1" "$2" click 1; sleep 1; }
  "$bin" & pid=$!
  for _ in $(seq 1 100); do xdotool search --name myomap >/dev/null 2>&1 && break; sleep 0.2; done
  sleep 3
  win=$(xdotool search --name myomap | tail -n 1)
  xdotool windowmove "$win" 0 0 windowsize "$win" 1280 820; sleep 1
  shot welcome.png
  click 640 343                     # Explore the demo library
  shot library.png
  click 120 120                     # first patient in the list
  shot patient.png
  eval "$(xdotool getmouselocation --shell)"
  click 272 186                     # Open the first visit
  xdotool mousemove 640 810
  shot session.png
  xdotool mousemove 560 250; sleep 0.5
  for _ in 1 2 3 4 5 6; do xdotool click 4; sleep 0.2; done    # zoom in at the right shoulder
  xdotool mousemove 570 262; sleep 1
  shot session-zoom.png
  click 576 47                      # Muscle layers
  click 584 100                     # Deep
  xdotool mousemove 560 300; sleep 1
  shot session-deep.png
  click 576 47                      # Muscle layers
  click 598 77                      # Superficial
  click 660 47                      # Mirror for patient
  click 90 12                       # View menu
  click 153 94                      # Toggle light/dark theme
  click 31 47                       # Front
  xdotool mousemove 520 420; sleep 1
  shot session-dark-mirrored.png
  kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true
' _ "$bin" "$out"
rm -rf "$home"
