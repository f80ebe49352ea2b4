#!/usr/bin/python3
# check-example.py: runs one of the Python/GJS examples against a private
# Janus and checks what it did (the 'examples' suite).
# Usage: check-example.py echotest|gjs-echotest|videoroom|admin-top
#
# SPDX-License-Identifier: LGPL-2.1-or-later
import os
import subprocess
import sys
import tempfile
import time

import jctest

HERE = os.path.dirname(os.path.abspath(__file__))
PY = "/usr/bin/python3"


def run(janus, argv, timeout=60):
    print("$", " ".join(argv), flush=True)
    proc = subprocess.run(argv, env=janus.env(), capture_output=True, text=True, timeout=timeout)
    sys.stdout.write(proc.stdout)
    sys.stderr.write(proc.stderr)
    assert proc.returncode == 0, "exit status {}".format(proc.returncode)
    return proc.stdout


def check_media_file(path, kinds=("audio", "video")):
    duration, caps = jctest.discover(path)
    print("{}: {:.1f} s, {}".format(path, duration, caps))
    assert duration > 0.5, path
    for kind in kinds:
        assert any(c.startswith(kind + "/") for c in caps), (path, caps)


def echotest(janus, tmp):
    out = os.path.join(tmp, "echo.webm")
    stdout = run(janus, [PY, os.path.join(HERE, "echotest.py"), janus.ws, "--seconds", "2", "--record", out])
    assert "webrtcup" in stdout and "received video" in stdout
    check_media_file(out)


def gjs_echotest(janus, tmp):
    out = os.path.join(tmp, "echo.webm")
    script = os.path.join(HERE, "..", "gjs", "echotest.js")
    stdout = run(janus, ["gjs", "-m", script, janus.ws, "2", out])
    assert "webrtcup" in stdout and "received video" in stdout
    check_media_file(out)


def start_publisher(janus, room, seconds):
    argv = [PY, os.path.join(HERE, "videoroom_publish.py"), janus.ws, room, "--create",
            "--seconds", str(seconds), "--display", "example"]
    print("$", " ".join(argv), "&", flush=True)
    pub = subprocess.Popen(argv, env=janus.env(), stdout=subprocess.PIPE, text=True)
    line = pub.stdout.readline()
    print(line, end="")
    assert line.startswith("publishing into room " + room), line
    return pub


def finish(pub):
    rest = pub.stdout.read()
    print(rest, end="")
    assert pub.wait(30) == 0
    return rest


def videoroom(janus, tmp):
    room = str(5000000 + os.getpid() % 100000)
    pub = start_publisher(janus, room, 5)
    outdir = os.path.join(tmp, "feeds")
    stdout = run(janus, [PY, os.path.join(HERE, "videoroom_record.py"), janus.ws, room, outdir, "--seconds", "2"])
    assert "(example)" in stdout
    files = [line.split(" ", 1)[1] for line in stdout.splitlines() if line.startswith("recorded ")]
    assert len(files) == 2, files
    for f in files:
        check_media_file(f, kinds=())
    kinds = set()
    for f in files:
        kinds.update(c.split("/")[0] for c in jctest.discover(f)[1])
    assert kinds == {"audio", "video"}, kinds
    finish(pub)


def admin_top(janus, tmp):
    room = str(6000000 + os.getpid() % 100000)
    pub = start_publisher(janus, room, 3)
    stdout = run(janus, [PY, os.path.join(HERE, "admin_top.py"), janus.admin_ws, janus.admin_secret,
                         "--iterations", "2", "--interval", "0.3"])
    assert stdout.startswith("Janus WebRTC Server 1.1.2")
    assert stdout.count("--- 1 session(s)") == 2, stdout
    assert "janus.plugin.videoroom (webrtc up)" in stdout
    finish(pub)


SCENARIOS = {"echotest": echotest, "gjs-echotest": gjs_echotest, "videoroom": videoroom, "admin-top": admin_top}

if __name__ == "__main__":
    scenario = SCENARIOS[sys.argv[1]]
    janus = jctest.LocalJanus()
    try:
        if not janus.media:
            print("1..0 # SKIP media needs Janus in a network namespace (root)")
            sys.exit(77)
        t0 = time.monotonic()
        with tempfile.TemporaryDirectory(prefix="jc-example-") as tmp:
            scenario(janus, tmp)
        print("{}: ok in {:.1f} s".format(sys.argv[1], time.monotonic() - t0))
    finally:
        janus.stop()
