#!/usr/bin/env bash
# Captures the presentation-mode screenshots: a headache pattern (upper trapezius) over the
# desk worker's drawing, a low-back pattern (quadratus lumborum) for the nurse, and the reverse
# lookup of the runner's pain drawing with its best match ghosted over it. Writes a fresh demo
# library per shot and drives the release build under Xvfb with xdotool.
# Needs xvfb, xdotool and imagemagick. Usage: docs/screenshots/capture-education.sh [BINARY]
set -euo pipefail
cd "$(dirname "$0")/../.."
bin=$(realpath "${1:-target/release/myomap}")
out=$(realpath docs/screenshots)
export XDG_RUNTIME_DIR=${XDG_RUNTIME_DIR:-$(mktemp -d)}; chmod 700 "$XDG_RUNTIME_DIR"

# run PATIENT first|last SCRIPT: opens the patient's first or latest visit of a fresh demo
# library, with a fresh home, in a 1400 × 900 window and runs SCRIPT (shell, with `shot`).
run() {
  local home; home=$(mktemp -d)
  export HOME=$home XDG_DATA_HOME=$home/data XDG_CONFIG_HOME=$home/config
  "$bin" demo "$home/demo" >/dev/null
  local dir=$home/demo/patients/00010000-0000-0000-0000-000000000$1/sessions session
  if [ "$2" = first ]; then session=$(ls "$dir"/*.ron | head -n 1); else session=$(ls "$dir"/*.ron | tail -n 1); fi
  xvfb-run -a -s "-screen 0 1400x900x24" bash -c '
    set -euo pipefail
    bin=$1 out=$2 library=$3 session=$4 script=$5
    shot() { sleep 1.5; /usr/bin/import -window root "$out/$1"; echo "wrote $out/$1"; }
    "$bin" --library "$library" open "$session" 2>/dev/null & pid=$!
    for _ in $(seq 1 100); do xdotool search --name myomap >/dev/null 2>&1 && break; sleep 0.2; done
    sleep 3
    win=$(xdotool search --name myomap | tail -n 1)
    xdotool windowmove "$win" 0 0 windowsize "$win" 1400 900; sleep 1
    eval "$script"
    kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true
  ' _ "$bin" "$out" "$home/demo" "$session" "$3"
  rm -rf "$home"
}
present="xdotool mousemove 1308 12 click 1; sleep 1.5;"   # Present to the patient
# find TEXT: types into the muscle search and picks the first muscle listed.
find() { echo "xdotool mousemove 163 176 click 1; sleep 0.3; xdotool type --delay 60 '$1'; sleep 0.8; xdotool mousemove 89 300 click 1; sleep 1.5;"; }

run 101 first "$present $(find 'upper trap') shot presentation-headache.png"
run 103 first "$present $(find 'quadratus lum') shot presentation-low-back.png"
run 102 first "$present xdotool mousemove 120 102 click 1; sleep 1; xdotool mousemove 155 205 click 1; sleep 1.5; shot presentation-lookup.png"
