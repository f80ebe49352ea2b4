#!/bin/sh
# Runs the EchoTest peers matrix and prints one Markdown table.
#
#   bench/run-echo.sh [BUILD_DIR]        (as root: a private Janus runs in a network namespace)
#
# Environment: PEERS (default "1 10 20 30"), DURATION (measured seconds,
# default 20). First the pass-through file source (a VP8/Opus WebM made
# here once: 320x240@15 VP8 ~230 kbit/s + Opus 32 kbit/s, long enough for
# the whole run), then the test source (videotestsrc/audiotestsrc encoded
# with vp8enc/opusenc). Each row is a fresh process and a fresh Janus.
set -eu

root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
bin=$build/bench/echo-peers
peers=${PEERS:-1 10 20 30}
duration=${DURATION:-20}

if [ ! -x "$bin" ]; then
  echo "run-echo: $bin is missing: ninja -C $build" >&2
  exit 1
fi
if [ "$(id -u)" != 0 ]; then
  echo "run-echo: needs root (the private Janus runs in a network namespace)" >&2
  exit 1
fi

tmp=$(mktemp -d /tmp/jc-bench-echo-XXXXXX)
trap 'rm -rf "$tmp"' EXIT INT TERM
file=$tmp/vp8-opus.webm
# Warm-up call + peer start-up (~0.1 s each) + 2 s settle + the window.
seconds=$((duration + 30))
gst-launch-1.0 -q \
  videotestsrc pattern=ball num-buffers=$((seconds * 15)) ! video/x-raw,width=320,height=240,framerate=15/1 ! \
  vp8enc deadline=1 cpu-used=8 end-usage=cbr target-bitrate=230000 keyframe-max-dist=60 ! webmmux name=mux ! \
  filesink location="$file" \
  audiotestsrc wave=sine freq=440 volume=0.2 num-buffers=$((seconds * 50)) samplesperbuffer=960 ! \
  audio/x-raw,rate=48000,channels=2 ! opusenc bitrate=32000 ! mux.

echo "# $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), ${duration} s per row"
header=--header
for source in "$file" test; do
  for k in $peers; do
    G_MESSAGES_DEBUG= "$bin" --peers "$k" --duration "$duration" --source "$source" $header
    header=
  done
done
