#!/usr/bin/env bash
# Manual crash test (docs/reliability.md): edit a session in a real window, kill -9 the app,
# start it again, and check the work is offered, compared, restored and saved.
# Needs xvfb, xauth, xdotool, imagemagick. Usage: docs/kill9-test.sh [BINARY] [OUT_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$(realpath "${1:-target/release/myomap}")
out=$(realpath -m "${2:-docs/screenshots}")
home=$(mktemp -d); export HOME=$home XDG_DATA_HOME=$home/data XDG_CONFIG_HOME=$home/config
export XDG_RUNTIME_DIR=$(mktemp -d); chmod 700 "$XDG_RUNTIME_DIR"
"$bin" demo "$home/lib" >/dev/null
session=$(ls "$home"/lib/patients/*/sessions/*.ron | head -1)
echo "session: $session"
xvfb-run -a -s "-screen 0 1280x820x24" bash -c '
  set -euo pipefail
  bin=$1 out=$2 session=$3
  start() {
    "$bin" "$@" & pid=$!
    for _ in $(seq 1 100); do xdotool search --name myomap >/dev/null 2>&1 && break; sleep 0.2; done
    sleep 3
    win=$(xdotool search --name myomap | tail -n 1)
    xdotool windowmove "$win" 0 0 windowsize "$win" 1280 820 windowfocus --sync "$win"; sleep 1
  }
  start open "$session"
  xdotool mousemove 520 120 click 1; sleep 0.5          # the Clinician field
  xdotool key End; xdotool type --delay 50 " + covering clinician Jo"; sleep 0.5
  xdotool key Tab; sleep 4                              # a pause: the recovery copy is written
  /usr/bin/import -window root "$out/crash-before-kill.png"
  kill -9 "$pid"; sleep 1
  echo "after kill -9, recovery folder:"; ls -l "$XDG_DATA_HOME/myomap/recovery/"
  echo "lock left behind: $(ls "$(dirname "$session")" | grep -c lock)"
  start
  /usr/bin/import -window root "$out/crash-recovery-offer.png"
  xdotool mousemove 630 443 click 1; sleep 1.5         # Compare with the file on disk
  /usr/bin/import -window root "$out/crash-recovery-compare.png"
  xdotool mousemove 500 471 click 1; sleep 1.5         # Open recovered copy
  echo "title after recovery: $(xdotool getwindowname "$win")"
  /usr/bin/import -window root "$out/crash-recovered.png"
  xdotool key ctrl+s; sleep 1.5
  echo "title after saving: $(xdotool getwindowname "$win")"
  echo "recovery files left: $(ls "$XDG_DATA_HOME/myomap/recovery/" | wc -l)"
  kill "$pid"; wait "$pid" 2>/dev/null || true
' _ "$bin" "$out" "$session"
if grep -q "covering clinician Jo" "$session"; then
  echo "PASS: the recovered edit is in the saved file"
else
  echo "FAIL: the recovered edit is not in the saved file"; exit 1
fi
rm -rf "$home"
