#!/usr/bin/env bash
# The save soak test (docs/reliability.md): a process saves the heavy session over and over
# and is killed with SIGKILL at a random moment, 100 times; after every kill the session file
# and its backup must both exist and read. Release build, about a minute.
# Usage: docs/soak.sh
set -euo pipefail
cd "$(dirname "$0")/.."
cargo test --release --locked --test soak -- --ignored --nocapture kill_during_saves
