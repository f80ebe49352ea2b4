# jctest.py: a private Janus and GLib helpers for the Python suite and the
# Python/GJS examples runner.
#
# SPDX-License-Identifier: LGPL-2.1-or-later
import os
import subprocess
import time

import gi

gi.require_version("GLib", "2.0")
gi.require_version("Gio", "2.0")
gi.require_version("Json", "1.0")
gi.require_version("Gst", "1.0")
gi.require_version("GstPbutils", "1.0")
gi.require_version("JanusClient", "1.0")
from gi.repository import GLib, Gst, GstPbutils  # noqa: E402


class LocalJanus:
    """A Janus started by the build's jc-local-janus-check (in a network
    namespace when root, so media works), stopped when stdin closes."""

    def __init__(self, network="namespace"):
        tool = os.environ.get("JC_LOCAL_JANUS_CHECK")
        if not tool:
            raise RuntimeError("JC_LOCAL_JANUS_CHECK is not set (run through meson test)")
        self.proc = subprocess.Popen(
            [tool, network], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
        )
        first = self.proc.stdout.readline()
        if not first.startswith("ready"):
            rest = self.proc.stdout.read() if self.proc.poll() is not None else ""
            raise RuntimeError("jc-local-janus-check: " + first + rest)
        self.media = first.rstrip().endswith("media 1")
        lines = [self.proc.stdout.readline().strip() for _ in range(8)]
        (self.ws, self.http, self.unix, self.admin_ws, self.admin_http, self.admin_unix) = lines[:6]
        self.work_dir = lines[6].split(" ", 1)[1]
        self.admin_secret = lines[7].split(" ", 1)[1]
        self.host = self.ws.split("//", 1)[1].rsplit(":", 1)[0]
        self.client_address = "127.0.0.1"
        if self.media:
            route = subprocess.run(
                ["ip", "-4", "-o", "route", "get", self.host], capture_output=True, text=True, check=True
            ).stdout.split()
            self.client_address = route[route.index("src") + 1]

    def uri(self, transport):
        return {"ws": self.ws, "http": self.http, "unix": self.unix}[transport]

    def env(self):
        """The environment an example needs to reach this Janus with media."""
        env = dict(os.environ)
        env["JANUS_CLIENT_ICE_ADDRESSES"] = self.client_address
        return env

    def stop(self):
        if self.proc.poll() is None:
            self.proc.stdin.close()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


def iterate_until(predicate, timeout=10.0, what="condition"):
    """Runs GLib's default main context until predicate() is true."""
    ctx = GLib.MainContext.default()
    deadline = time.monotonic() + timeout
    tick = GLib.timeout_add(50, lambda: GLib.SOURCE_CONTINUE)
    try:
        while not predicate():
            if time.monotonic() > deadline:
                raise AssertionError("timed out after {} s waiting for {}".format(timeout, what))
            ctx.iteration(True)
    finally:
        GLib.source_remove(tick)


def run_for(seconds):
    end = time.monotonic() + seconds
    iterate_until(lambda: time.monotonic() >= end, seconds + 5, "time to pass")


def wait(obj, name, *args, timeout=20.0):
    """Calls obj.NAME_async(*args, cancellable=None, callback) and returns
    obj.NAME_finish(result), iterating the main context meanwhile."""
    box = []
    getattr(obj, name + "_async")(*args, cancellable=None, callback=lambda _s, res, *_: box.append(res))
    iterate_until(lambda: box, timeout, name)
    return getattr(obj, name + "_finish")(box[0])


def discover(path):
    """GstPbutils.Discoverer's view of a file: (duration_s, [caps names])."""
    Gst.init(None)
    info = GstPbutils.Discoverer.new(10 * Gst.SECOND).discover_uri(GLib.filename_to_uri(path))
    caps = [s.get_caps().get_structure(0).get_name() for s in info.get_stream_list()]
    return info.get_duration() / Gst.SECOND, caps
