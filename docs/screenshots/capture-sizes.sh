#!/usr/bin/env bash
# Captures the session screen, the comparison and presentation mode at the window sizes and
# scale factors of issue #18 (1024×700 @1.0, 1366×768 @1.5, 1920×1080 @1.0, 2560×1440 @2.0)
# into docs/screenshots/sizes/. The session is the nurse's first visit of a fresh demo
# library; presentation is F11 from it; the comparison is the runner's first and last visits,
# reached by clicking (the positions of the patient and the Compare button at each size are
# listed below). Release build under Xvfb, driven by xdotool; the scale factor is set with
# WINIT_X11_SCALE_FACTOR as a display's scaling would.
# Needs xvfb, xdotool and imagemagick. Usage: docs/screenshots/capture-sizes.sh [BINARY]
set -euo pipefail
cd "$(dirname "$0")/../.."
bin=$(realpath "${1:-target/release/myomap}")
mkdir -p docs/screenshots/sizes
out=$(realpath docs/screenshots/sizes)
. docs/screenshots/run-demo.sh
# size scale  patient(x y)  compare(x y)
while read -r size scale px py cx cy; do
  name="$size@$scale"
  SIZE=$size SCALE=$scale run 103 first "xdotool mousemove 5 5; shot session-$name.png"
  SIZE=$size SCALE=$scale run 103 first "xdotool windowfocus --sync \$win; xdotool key F11; sleep 1.5; xdotool mousemove 5 5; shot presentation-$name.png"
  if [ "$px" != - ]; then
    SIZE=$size SCALE=$scale walk "click $px $py; click $cx $cy; xdotool mousemove 5 5; shot compare-$name.png"
  fi
done <<'SIZES'
1024x700 1 80 190 502 111
1366x768 1.5 120 285 754 165
1920x1080 1 80 190 502 111
2560x1440 2 160 380 1004 222
SIZES
