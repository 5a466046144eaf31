#!/usr/bin/env bash
# Captures the screenshots of issue #20: a sync engine's conflict copy on the patient's
# timeline, the reconcile screen, and the find-by-location window. Needs xvfb, xdotool,
# imagemagick and python3.
# Usage: docs/screenshots/capture-sync.sh [BINARY]   (default target/release/myomap)
set -euo pipefail
cd "$(dirname "$0")/../.."
bin=$(realpath "${1:-target/release/myomap}")
out=$(realpath docs/screenshots)
home=$(mktemp -d)
export HOME=$home XDG_DATA_HOME=$home/data XDG_CONFIG_HOME=$home/config
export XDG_RUNTIME_DIR=${XDG_RUNTIME_DIR:-$(mktemp -d)}; chmod 700 "$XDG_RUNTIME_DIR"

# A clinic library synced by Syncthing, where room 1 and room 2 both changed Claire
# Bennett's last visit while apart: room 1 the notes and a trigger point's PPT, room 2 the
# plan and the same trigger point's notes (a clash), and Syncthing kept room 2's as a copy.
mkdir -p "$home/clinic/.stfolder"
library=$home/clinic/library
"$bin" demo "$library" >/dev/null
visit=$(ls "$library"/patients/*101/sessions/*.ron | sort | tail -n 1)
python3 - "$visit" <<'PY'
import re, shutil, sys
path = sys.argv[1]
text = open(path).read()
shutil.copy(path, path + ".bak")  # the version both rooms began from
copy = path[:-4] + ".sync-conflict-20261130-101112-R2DEVIC.ron"
ours = re.sub(r'^    notes: "', '    notes: "Room 1: home exercises reviewed. ', text, count=1, flags=re.M)
ours = re.sub(r'pressure_pain_threshold: Some\(([0-9.]+)\)', 'pressure_pain_threshold: Some(3.1)', ours, count=1)
theirs = re.sub(r'    plan: "[^"]*"', '    plan: "Room 2: add thoracic mobility; review in two weeks."', text, count=1)
theirs = re.sub(r'^            notes: "', '            notes: "Room 2: tender again after gardening. ', theirs, count=1, flags=re.M)
open(path, "w").write(ours)
open(copy, "w").write(theirs)
PY

xvfb-run -a -s "-screen 0 1280x820x24" bash -c '
  set -euo pipefail
  bin=$1 out=$2 library=$3
  shot() { sleep 1.5; /usr/bin/import -window root "$out/$1"; echo "wrote $out/$1"; }
  start() {
    "$bin" "$@" & pid=$!
    for _ in $(seq 1 100); do xdotool search --name myomap >/dev/null 2>&1 && break; sleep 0.2; done
    sleep 3
    win=$(xdotool search --name myomap | tail -n 1)
    xdotool windowmove "$win" 0 0 windowsize "$win" 1280 820; sleep 1
  }
  start --library "$library"
  xdotool mousemove 80 110 click 1; sleep 1        # Claire Bennett
  xdotool mousemove 1230 717 click 1; sleep 0.5     # Dismiss the warning
  shot conflict-timeline.png
  xdotool mousemove 354 186 click 1; sleep 2        # Reconcile…
  shot reconcile.png
  xdotool mousemove 263 301 click 1; sleep 0.5      # R2DEVIC: the other room version of the trigger point
  xdotool mousemove 330 363 click 1; sleep 2        # Keep the reconciled visit
  xdotool mousemove 1230 724 click 1; sleep 0.5     # Dismiss the message
  xdotool windowfocus --sync "$win"; xdotool key ctrl+shift+f; sleep 1.5
  xdotool mousemove 296 145 click 1; sleep 1        # Needle site in the zone
  xdotool mousemove 318 402 click 1; sleep 0.5      # Lung apex
  xdotool mousemove 43 220 click 1; sleep 1.5       # Find
  shot find-by-location.png
  kill $pid; wait $pid 2>/dev/null || true
' _ "$bin" "$out" "$library"
