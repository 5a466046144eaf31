# Sourced by the capture scripts. Expects $bin (the myomap binary) and $out (where
# screenshots go).
#
# run PATIENT first|last SCRIPT: opens the patient's first or latest visit of a fresh demo
# library, with a fresh home (a killed app leaves its lock and recovery copy behind), in a
# 1400 × 900 window under Xvfb and runs SCRIPT (shell, with `shot NAME.png`).
# walk SCRIPT: the same on the library itself, no visit open.
# SCRIPT may also use `click X Y` and `enter TEXT` (typed into the field that has the
# keyboard, then Return). SIZE (default 1400x900) sets the screen and window size, SCALE
# (default 1) the UI scale factor (as a 150 % display setting would).
export XDG_RUNTIME_DIR=${XDG_RUNTIME_DIR:-$(mktemp -d)}; chmod 700 "$XDG_RUNTIME_DIR"
run() {
  local home; home=$(mktemp -d)
  export HOME=$home XDG_DATA_HOME=$home/data XDG_CONFIG_HOME=$home/config
  "$bin" demo "$home/demo" >/dev/null
  local dir=$home/demo/patients/00010000-0000-0000-0000-000000000$1/sessions session
  if [ "$2" = first ]; then session=$(ls "$dir"/*.ron | head -n 1); else session=$(ls "$dir"/*.ron | tail -n 1); fi
  launch "$home" "$3" open "$session"
  rm -rf "$home"
}
walk() {
  local home; home=$(mktemp -d)
  export HOME=$home XDG_DATA_HOME=$home/data XDG_CONFIG_HOME=$home/config
  "$bin" demo "$home/demo" >/dev/null
  launch "$home" "$1"
  rm -rf "$home"
}
# launch HOME SCRIPT [ARGS...]: the app on HOME's demo library (with ARGS) under Xvfb.
launch() {
  local home=$1 script=$2; shift 2
  local size=${SIZE:-1400x900}
  WINIT_X11_SCALE_FACTOR=${SCALE:-1} xvfb-run -a -s "-screen 0 ${size}x24" bash -c '
    set -euo pipefail
    bin=$1 out=$2 library=$3 script=$4 size=$5; shift 5
    shot() { sleep 1.5; /usr/bin/import -window root "$out/$1"; echo "wrote $out/$1"; }
    click() { xdotool mousemove "$1" "$2" click 1; sleep 1; }
    enter() { xdotool windowfocus --sync "$win"; xdotool type --delay 80 "$1"; sleep 0.3; xdotool key Return; sleep 0.8; }
    "$bin" --library "$library" "$@" 2>/dev/null & pid=$!
    for _ in $(seq 1 100); do xdotool search --name myomap >/dev/null 2>&1 && break; sleep 0.2; done
    sleep 3
    win=$(xdotool search --name myomap | tail -n 1)
    xdotool windowmove "$win" 0 0 windowsize "$win" ${size%x*} ${size#*x}; sleep 1
    eval "$script"
    kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true
  ' _ "$bin" "$out" "$home/demo" "$script" "$size" "$@"
}
