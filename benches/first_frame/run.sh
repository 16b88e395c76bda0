#!/usr/bin/env bash
# First frame of the window against eframe's hello world, built from the same lockfile, under
# Xvfb, alternating, on the demo workbook and (when built) the full Kolada dump workbook.
#   bash benches/first_frame/run.sh [ROUNDS]
# Needs: apt-get install xvfb; pip install python-xlib; the full-dump workbook comes from
# `cargo bench --bench signals` (target/bench-data/full.styrsnurra).
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds=${1:-10}
cargo build --release --quiet --bin styrsnurra --example hello
data=$(mktemp -d)
export STYRSNURRA_DATA_DIR=$data
# Build the demo workbook once, outside the measurement.
./target/release/styrsnurra demo "$data/demo.styrsnurra" >/dev/null
runs=(
  "hello-world=./target/release/examples/hello"
  "styrsnurra-demo=./target/release/styrsnurra $data/demo.styrsnurra"
)
full=target/bench-data/full.styrsnurra
if [ -f "$full" ]; then
  cp "$full" "$data/full.styrsnurra"
  runs+=("styrsnurra-full-dump=./target/release/styrsnurra $data/full.styrsnurra")
fi
xvfb-run -a -s "-screen 0 1920x1080x24 -br" python3 benches/first_frame/poll.py "$rounds" "${runs[@]}"
rm -rf "$data"
