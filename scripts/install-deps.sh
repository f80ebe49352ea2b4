#!/bin/sh
# Install the Debian packages that janus-client's build, tests and demo need.
#
# Idempotent: every package is checked with dpkg-query first; apt-get update
# and apt-get install run only when something is missing.  Works as root and
# uses sudo otherwise.  Target: Debian 12 (bookworm).
set -eu

PACKAGES="
  gcc
  make
  pkg-config
  git
  meson
  ninja-build
  libglib2.0-dev
  libsoup-3.0-dev
  libjson-glib-dev
  glib-networking
  gobject-introspection
  libgirepository1.0-dev
  gi-docgen
  gcovr
  clang-format
  libclang-rt-14-dev
  libasan8
  libubsan1
  janus
  janus-tools
  iproute2
  python3
  procps
  openssl
  libgstreamer1.0-dev
  libgstreamer-plugins-base1.0-dev
  libgstreamer-plugins-bad1.0-dev
  gstreamer1.0-plugins-base
  gstreamer1.0-plugins-good
  gstreamer1.0-plugins-bad
  gstreamer1.0-plugins-ugly
  gstreamer1.0-libav
  gstreamer1.0-nice
  gstreamer1.0-plugins-base-apps
  libnice-dev
  python3-gi
  python3-pytest
  gir1.2-glib-2.0
  gir1.2-json-1.0
  gir1.2-gstreamer-1.0
  gir1.2-gst-plugins-base-1.0
  gir1.2-gst-plugins-bad-1.0
  gir1.2-soup-3.0
  gjs
"

if ! command -v dpkg-query >/dev/null 2>&1; then
  echo "install-deps: dpkg-query not found; this script supports Debian 12 only" >&2
  exit 1
fi

missing=""
for pkg in $PACKAGES; do
  status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
  if [ "$status" != "install ok installed" ]; then
    missing="$missing $pkg"
  fi
done

if [ -z "$missing" ]; then
  echo "install-deps: all dependencies present"
  exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
  SUDO=""
elif command -v sudo >/dev/null 2>&1; then
  SUDO="sudo"
else
  echo "install-deps: missing packages:$missing" >&2
  echo "install-deps: not root and sudo is not available; install them as root" >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
log=$(mktemp "${TMPDIR:-/tmp}/install-deps.XXXXXX")
trap 'rm -f "$log"' EXIT
# apt's chatter goes to a log that is shown only when something fails.
# shellcheck disable=SC2086  # word splitting of the package list is intended
if ! $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -q >"$log" 2>&1 ||
   ! $SUDO env DEBIAN_FRONTEND=noninteractive \
       apt-get install -y -q --no-install-recommends $missing >>"$log" 2>&1; then
  cat "$log" >&2
  echo "install-deps: failed to install:$missing" >&2
  exit 1
fi

echo "install-deps: installed$missing"
