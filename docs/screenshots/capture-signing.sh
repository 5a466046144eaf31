#!/usr/bin/env bash
# Captures the signing screenshots of issue #16: creating a signing identity at the first
# sign-off, a wrong passphrase refused, a verified signature, and a signature that no longer
# verifies after the file was edited by hand. Needs xvfb, xdotool, imagemagick and python3.
# Usage: docs/screenshots/capture-signing.sh [BINARY]   (default target/release/myomap)
set -euo pipefail
cd "$(dirname "$0")/../.."
bin=$(realpath "${1:-target/release/myomap}")
out=$(realpath docs/screenshots)
home=$(mktemp -d)
export HOME=$home XDG_DATA_HOME=$home/data XDG_CONFIG_HOME=$home/config
export XDG_RUNTIME_DIR=${XDG_RUNTIME_DIR:-$(mktemp -d)}; chmod 700 "$XDG_RUNTIME_DIR"

library=$home/library
"$bin" demo "$library" >/dev/null
visit=$(ls "$library"/patients/*102/sessions/*.ron | head -n 1)
# The runner's first visit, complete but not yet signed.
python3 - "$visit" <<'PY'
import re, sys
path = sys.argv[1]
text = open(path).read()
text = re.sub(r"    signature: Some\(\(.*?\n    \)\),\n", "    signature: None,\n", text, flags=re.S)
text = re.sub(r"    addenda: \[.*?\n    \],\n", "    addenda: [],\n", text, flags=re.S)
open(path, "w").write(text)
PY

run() {
  xvfb-run -a -s "-screen 0 1280x820x24" bash -c "$1" _ "$bin" "$out" "$visit"
}
prelude='
  set -euo pipefail
  bin=$1 out=$2 visit=$3
  shot() { sleep 1.5; /usr/bin/import -window root "$out/$1"; echo "wrote $out/$1"; }
  click() { xdotool mousemove "$1" "$2" click 1; sleep "${3:-1}"; }
  "$bin" open "$visit" 2>/dev/null & pid=$!
  for _ in $(seq 1 100); do xdotool search --name myomap >/dev/null 2>&1 && break; sleep 0.2; done
  sleep 4
  win=$(xdotool search --name myomap | tail -n 1)
  xdotool windowmove "$win" 0 0 windowsize "$win" 1280 820; sleep 2
  xdotool windowfocus --sync "$win" || true
  click 700 808                     # focus the window (status bar)
'
run "$prelude"'
  click 1050 43 1.5                 # Clinical record
  click 1050 43 1.5                 # (again: the first click after start can be lost)
  click 925 360 1.5                 # Sign session…
  click 660 448 1; xdotool type --delay 60 "PT, registration 12345"; sleep 1
  click 660 471 1; xdotool type --delay 60 "correct horse battery"; sleep 1
  click 660 494 1; xdotool type --delay 60 "correct horse battery"; sleep 1
  shot signing-create-identity.png
  click 455 517 3                   # Create identity
  shot signing-dialog.png
  click 545 470 1; xdotool type --delay 60 "wrong horse"; sleep 1
  click 451 494 3                   # Sign and save
  shot signing-wrong-passphrase.png
  click 545 470 1; xdotool type --delay 60 "correct horse battery"; sleep 1
  click 451 494 4                   # Sign and save
  shot signature-verified.png
  kill $pid; wait $pid 2>/dev/null || true
'
# The signed file edited by hand: the signer's name in its signature changed, nothing else.
python3 - "$visit" <<'PY'
import sys
path = sys.argv[1]
text = open(path).read()
text = text.replace('signature: Some((\n        by: "Sam Rivera, PT (demo)"', 'signature: Some((\n        by: "Someone Else"', 1)
open(path, "w").write(text)
PY
rm -f "$visit.lock"   # left by the killed app: its banner would push the panel down
# Opens on the Visit tab, where the signature's status is shown.
run "$prelude"'
  shot signature-not-verified.png
  kill $pid; wait $pid 2>/dev/null || true
'
