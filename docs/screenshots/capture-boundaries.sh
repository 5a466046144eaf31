#!/usr/bin/env bash
# Captures the screenshots of issue #17's app-side boundaries: the prompt for marks recorded
# on the side opposite to their drawing, and myomap's own file dialog on a desktop without a
# portal or zenity. Needs xvfb, xdotool, imagemagick and python3.
# Usage: docs/screenshots/capture-boundaries.sh [BINARY]   (default target/release/myomap)
set -euo pipefail
cd "$(dirname "$0")/../.."
bin=$(realpath "${1:-target/release/myomap}")
out=$(realpath docs/screenshots)
home=$(mktemp -d)
export HOME=$home XDG_DATA_HOME=$home/data XDG_CONFIG_HOME=$home/config
export XDG_RUNTIME_DIR=${XDG_RUNTIME_DIR:-$(mktemp -d)}; chmod 700 "$XDG_RUNTIME_DIR"
if command -v zenity >/dev/null; then
  echo "zenity is installed: the in-app dialog would not be shown; run where it is not" >&2
  exit 1
fi

library=$home/library
"$bin" demo "$library" >/dev/null
visit=$(ls "$library"/patients/*103/sessions/*.ron | head -n 1)
# The nurse's first visit, unsigned, its quadratus lumborum and multifidus trigger points
# (drawn on the patient's left) recorded as right.
python3 - "$visit" <<'PY'
import re, sys
path = sys.argv[1]
text = open(path).read()
for muscle in ("quadratus_lumborum", "multifidus"):
    text = text.replace(f'muscle: Some("{muscle}"),\n            side: Left,',
                        f'muscle: Some("{muscle}"),\n            side: Right,', 1)
text = re.sub(r"    signature: Some\(\(.*?\n    \)\),\n", "    signature: None,\n", text, flags=re.S)
text = re.sub(r"    addenda: \[.*?\n    \],\n", "    addenda: [],\n", text, flags=re.S)
open(path, "w").write(text)
PY

xvfb-run -a -s "-screen 0 1280x820x24" bash -c '
  set -euo pipefail
  bin=$1 out=$2 visit=$3
  shot() { sleep 1.5; /usr/bin/import -window root "$out/$1"; echo "wrote $out/$1"; }
  start() {
    "$bin" "$@" & pid=$!
    for _ in $(seq 1 100); do xdotool search --name myomap >/dev/null 2>&1 && break; sleep 0.2; done
    sleep 3
    win=$(xdotool search --name myomap | tail -n 1)
    xdotool windowmove "$win" 0 0 windowsize "$win" 1280 820; sleep 1
  }
  start open "$visit"
  shot side-disagreement.png
  xdotool mousemove 622 478 click 1; sleep 1       # Leave as recorded
  xdotool mousemove 19 12 click 1; sleep 1          # File
  xdotool mousemove 61 85 click 1; sleep 3          # Open session…
  shot in-app-file-dialog.png
  kill $pid; wait $pid 2>/dev/null || true
' _ "$bin" "$out" "$visit"
