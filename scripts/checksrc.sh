#!/bin/sh
# Ban calls the library must not use (STYLE.md §6, §7, §11), in the spirit
# of curl's checksrc.
#
#   scripts/checksrc.sh [SOURCE_ROOT]
#
# SOURCE_ROOT defaults to this script's parent directory.  Only the library
# (janus-client/) is checked.  Prints file:line: text for every hit and
# exits 1 if there is any.
#
#   strcpy strcat sprintf strtok atoi    unbounded / unchecked C string calls
#   g_idle_add g_timeout_add             attach to the global default context;
#   g_main_context_default               use the caller's thread-default one
#   json_object_get_*_member             only janus-client/core/jc-json.c reads
#                                        server JSON (typed accessors)
set -eu

root=${1:-$(cd "$(dirname "$0")/.." && pwd)}
cd "$root"

if [ ! -d janus-client ]; then
  echo "checksrc: no janus-client/ under $root" >&2
  exit 1
fi

# \b keeps snprintf, g_strlcpy, g_idle_add_full's relatives etc. apart from
# the banned names; "\s*(" means a call (or a function-like use).
# g_idle_add_full / g_timeout_add_full / g_timeout_add_seconds are banned for
# the same reason as the short forms.
BANNED='\b(strcpy|strcat|sprintf|strtok|atoi|g_idle_add(_full)?|g_timeout_add(_full|_seconds|_seconds_full)?|g_main_context_default)\s*\('
JSON='\bjson_object_get_[a-z_]*_member\s*\('

hits=$(
  {
    grep -rnE --include='*.c' --include='*.h' "$BANNED" janus-client || true
    grep -rnE --include='*.c' --include='*.h' "$JSON" janus-client |
      grep -v '^janus-client/core/jc-json\.c:' || true
  } | sort -t: -k1,1 -k2,2n
)

if [ -n "$hits" ]; then
  echo "checksrc: banned calls in the library:"
  echo "$hits"
  exit 1
fi

echo "checksrc: OK"
