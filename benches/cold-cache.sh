#!/usr/bin/env bash
# Cold- and warm-cache figures for listing and searching a large library (issue #20): runs
# `myomap find` on the libraries `cargo bench --bench library_index` generated under
# target/bench-libraries, once to bring each index up to date, then after dropping the page
# cache (needs root), then warm. Prints wall time and peak memory of the whole command
# (process start, the body map, the index compared with the folders, the search).
#
#   MYOMAP_INDEX_SIZES=1000,10000,50000,200000 cargo bench --bench library_index
#   cargo build --release && benches/cold-cache.sh
set -euo pipefail
cd "$(dirname "$0")/.."
bin=target/release/myomap
query=(--muscle upper_trapezius --side right --status active --since 2021-01-01)
for n in ${SIZES:-1000 10000 50000 200000}; do
  lib=target/bench-libraries/$n
  if [ ! -f "$lib/.generated" ]; then
    echo "$n: no generated library (run the library_index benchmark with this size)"
    continue
  fi
  "$bin" find "$lib" "${query[@]}" >/dev/null # the index brought up to date
  sync
  if ! echo 3 >/proc/sys/vm/drop_caches 2>/dev/null; then
    echo "cannot drop the page cache (not root): cold figures skipped"
  else
    /usr/bin/time -f "$n visits, cold cache: %e s, peak %M kB" "$bin" find "$lib" "${query[@]}" >/dev/null
  fi
  /usr/bin/time -f "$n visits, warm cache: %e s, peak %M kB" "$bin" find "$lib" "${query[@]}" >/dev/null
  /usr/bin/time -f "$n visits, warm, pain over the right lateral thigh: %e s, peak %M kB" \
    "$bin" find "$lib" --region right_lateral_thigh >/dev/null
done
