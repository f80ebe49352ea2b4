#!/usr/bin/env python3
"""Sum up one or more meson testlog.json files into one line.

    scripts/test-summary.py build/meson-logs/testlog.json [more.json ...]

prints "N passed, N failed, N skipped" and exits 1 when anything failed,
when nothing passed, or when a log file is missing or unreadable.

meson (1.0.1) writes one JSON object per test program, with "name",
"result" (OK, FAIL, SKIP, EXPECTEDFAIL, UNEXPECTEDPASS, TIMEOUT, ERROR) and
"stdout", but no protocol and no per-subtest results.  For tests that meson
runs with `protocol: 'tap'` (looked up in the build directory's
meson-info/intro-tests.json) the TAP lines of "stdout" are counted instead,
so a GTest program with 12 test cases counts as 12, parsed the way meson's
own TAPParser does:

    ok            -> passed          ok # SKIP      -> skipped
    not ok        -> failed          not ok # TODO  -> passed (expected fail)
    ok # TODO     -> failed (unexpected pass)        Bail out!  -> failed

A TAP program whose overall result is a failure (crash, timeout, too few
tests run) but whose output shows no failing line adds one failure, so a
crash half-way through is never hidden.  Every other test program counts
as one: passed = OK + EXPECTEDFAIL, failed = FAIL + TIMEOUT + ERROR +
UNEXPECTEDPASS, skipped = SKIP.
"""

import json
import os
import re
import sys

PASSED = {"OK", "EXPECTEDFAIL"}
FAILED = {"FAIL", "TIMEOUT", "ERROR", "UNEXPECTEDPASS"}
SKIPPED = {"SKIP"}

# Same shapes as mesonbuild/mtest.py TAPParser (matched at column 0, so
# indented subtests and YAML blocks are not counted twice).
_DIRECTIVE = r"(?:\s*\#\s*([Ss][Kk][Ii][Pp]\S*|[Tt][Oo][Dd][Oo])\b\s*(.*))?"
RE_TEST = re.compile(r"((?:not )?ok)\s*(?:([0-9]+)\s*)?([^#]*)" + _DIRECTIVE)
RE_BAILOUT = re.compile(r"Bail out!")


def tap_counts(stdout):
    """Return (passed, failed, skipped, seen_any) for TAP text."""
    passed = failed = skipped = 0
    seen = False
    for line in stdout.splitlines():
        if RE_BAILOUT.match(line):
            failed += 1
            seen = True
            continue
        m = RE_TEST.match(line)
        if not m:
            continue
        seen = True
        ok = m.group(1) == "ok"
        directive = (m.group(4) or "").upper()
        if directive.startswith("SKIP") and ok:
            skipped += 1
        elif directive == "TODO":
            if ok:
                failed += 1  # unexpected pass
            else:
                passed += 1  # expected failure
        elif ok:
            passed += 1
        else:
            failed += 1
    return passed, failed, skipped, seen


def load_protocols(logfile):
    """Map test name -> protocol from the build dir's intro-tests.json."""
    builddir = os.path.dirname(os.path.dirname(os.path.abspath(logfile)))
    intro = os.path.join(builddir, "meson-info", "intro-tests.json")
    try:
        with open(intro, encoding="utf-8") as f:
            tests = json.load(f)
    except (OSError, ValueError):
        return None
    return {t.get("name"): t.get("protocol", "exitcode") for t in tests}


def is_tap(entry, protocols):
    stdout = entry.get("stdout") or ""
    if protocols is not None:
        # testlog names read "project:suite / name"; intro-tests has "name".
        name = entry.get("name", "")
        short = name.split(" / ", 1)[1] if " / " in name else name
        proto = protocols.get(short, protocols.get(name))
        if proto is not None:
            return proto == "tap"
    # Unknown protocol: treat output that carries a TAP plan as TAP.
    return re.search(r"^1\.\.[0-9]+", stdout, re.M) is not None


def count_file(path):
    passed = failed = skipped = 0
    protocols = load_protocols(path)
    with open(path, encoding="utf-8", errors="replace") as f:
        for lineno, line in enumerate(f, 1):
            line = line.strip()
            if not line:
                continue
            try:
                entry = json.loads(line)
            except ValueError:
                print(f"test-summary: {path}:{lineno}: not JSON, skipped",
                      file=sys.stderr)
                continue
            result = entry.get("result", "ERROR")

            if result == "EXPECTEDFAIL":
                # A should_fail test: its own failing subtests are expected.
                passed += 1
                continue

            if is_tap(entry, protocols):
                p, fl, s, seen = tap_counts(entry.get("stdout") or "")
                if result in FAILED and fl == 0:
                    fl = 1  # crashed, timed out or stopped short
                if not seen:
                    # e.g. "1..0 # SKIP reason", or no output at all
                    if result in SKIPPED:
                        s = max(s, 1)
                    elif result in PASSED:
                        p = max(p, 1)
                passed += p
                failed += fl
                skipped += s
                continue

            if result in PASSED:
                passed += 1
            elif result in SKIPPED:
                skipped += 1
            else:  # FAILED, or anything meson may add later
                failed += 1
    return passed, failed, skipped


def main(argv):
    if len(argv) < 2:
        print(f"usage: {argv[0]} TESTLOG.json [TESTLOG.json ...]",
              file=sys.stderr)
        return 2
    passed = failed = skipped = 0
    broken = False
    for path in argv[1:]:
        try:
            p, f, s = count_file(path)
        except OSError as e:
            print(f"test-summary: cannot read {path}: {e.strerror}",
                  file=sys.stderr)
            broken = True
            continue
        passed += p
        failed += f
        skipped += s
    print(f"{passed} passed, {failed} failed, {skipped} skipped")
    return 1 if failed > 0 or passed == 0 or broken else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
