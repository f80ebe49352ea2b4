# test_aio.py: janusclient_aio, asyncio over GLib's main context.
#
# SPDX-License-Identifier: LGPL-2.1-or-later
import asyncio
import socket
import threading
import time

import pytest

import janusclient_aio as jca
from jctest import wait
from gi.repository import Gio, GLib, JanusClient, Json


def test_call_awaits_a_gio_pair(janus):
    async def main():
        client = JanusClient.Client.new_for_uri(janus.ws)
        assert await jca.call(client, "connect") is True
        info = await jca.call(client, "info")
        assert isinstance(info, Json.Object)
        # many calls in flight at once, each resolved by its own reply
        pongs = await asyncio.gather(*(jca.Async(client).ping() for _ in range(10)))
        assert pongs == [True] * 10
        # a static function pair (EchoTest.attach_async / attach_finish)
        session = await jca.call(client, "create_session", 0)
        echo = await jca.call(JanusClient.EchoTest, "attach", session, None)
        assert isinstance(echo, JanusClient.EchoTest)
        # out parameters come back as a tuple, like the synchronous call
        vr = await jca.call(JanusClient.VideoRoom, "attach", session, None)
        ok, exists = await jca.call(vr, "exists", JanusClient.Id.new_number(424242))
        assert ok is True and exists is False
        await jca.call(session, "destroy")
        client.close()
        return info.get_string_member("name")

    assert jca.run(main()) == "Janus WebRTC Server"


def test_errors_raise_glib_errors(janus):
    async def main():
        async with jca.connect(janus.ws) as client:
            async with jca.session(client) as session:
                with pytest.raises(GLib.Error) as exc:
                    await jca.call(session, "attach", "janus.plugin.nope")
                assert exc.value.matches(JanusClient.ServerError.quark(), 460)
                # the session still works after a failed call
                handle = await jca.call(session, "attach", "janus.plugin.echotest")
                assert handle.is_attached()

    jca.run(main())


def test_async_with_session_creates_and_destroys(janus):
    admin = JanusClient.Admin.new_for_uri(janus.admin_http, janus.admin_secret)
    assert wait(admin, "connect")

    async def main():
        async with jca.connect(janus.ws) as client:
            async with jca.session(client) as session:
                assert session.is_alive()
                sid = session.get_id()
                assert sid in await jca.call(admin, "list_sessions")
            assert not session.is_alive()
            assert sid not in await jca.call(admin, "list_sessions")
            assert client.is_connected()
        # leaving `async with connect(...)` closed the client
        for _ in range(50):
            if not client.is_connected():
                break
            await asyncio.sleep(0.02)
        assert not client.is_connected()

    jca.run(main())


def test_session_is_destroyed_when_the_body_raises(janus):
    kept = []

    async def main():
        async with jca.connect(janus.ws) as client:
            with pytest.raises(ZeroDivisionError):
                async with jca.session(client) as session:
                    kept.append(session)
                    1 / 0
            assert not kept[0].is_alive()

    jca.run(main())


class SilentServer:
    """Accepts TCP connections and never answers: calls to it hang."""

    def __init__(self):
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        self.conns = []
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self):
        while True:
            try:
                self.conns.append(self.sock.accept()[0])
            except OSError:
                return

    def close(self):
        self.sock.close()
        for c in self.conns:
            c.close()


def test_cancelling_the_task_cancels_the_gcancellable():
    server = SilentServer()
    cancellable = Gio.Cancellable()

    async def main():
        client = JanusClient.Client.new_for_uri("ws://127.0.0.1:{}".format(server.port))
        client.set_reconnect(False)
        task = asyncio.ensure_future(jca.call(client, "connect", cancellable=cancellable))
        await asyncio.sleep(0.2)
        assert not task.done()
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        assert cancellable.is_cancelled()
        # GIO still completes the call (with G_IO_ERROR_CANCELLED, which
        # call() swallows): the client did not connect.
        await asyncio.sleep(0.2)
        assert not client.is_connected()

    try:
        jca.run(main())
    finally:
        server.close()


def test_wait_for_timeout_cancels_too():
    server = SilentServer()
    cancellable = Gio.Cancellable()

    async def main():
        client = JanusClient.Client.new_for_uri("ws://127.0.0.1:{}".format(server.port))
        client.set_reconnect(False)
        with pytest.raises(asyncio.TimeoutError):
            await asyncio.wait_for(jca.call(client, "connect", cancellable=cancellable), 0.2)
        assert cancellable.is_cancelled()

    try:
        jca.run(main())
    finally:
        server.close()


def test_glib_and_asyncio_timers_interleave():
    order = []

    async def main():
        GLib.timeout_add(50, lambda: order.append("glib") or GLib.SOURCE_REMOVE)
        t0 = time.monotonic()
        await asyncio.sleep(0.1)
        order.append("asyncio")
        # a GLib idle source runs while asyncio waits for nothing else
        done = asyncio.get_running_loop().create_future()
        GLib.idle_add(lambda: done.set_result("idle") or GLib.SOURCE_REMOVE)
        assert await asyncio.wait_for(done, 1) == "idle"
        return time.monotonic() - t0

    elapsed = jca.run(main())
    assert order == ["glib", "asyncio"]
    assert 0.09 < elapsed < 1.0


def test_other_threads_wake_the_loop():
    async def main():
        loop = asyncio.get_running_loop()
        fut = loop.create_future()
        threading.Timer(0.1, lambda: loop.call_soon_threadsafe(fut.set_result, 42)).start()
        # nothing else is scheduled: the GLib poll must wake on asyncio's self-pipe
        return await asyncio.wait_for(fut, 2)

    assert jca.run(main()) == 42


def test_asyncio_sockets_work_on_the_glib_selector():
    async def main():
        async def echo(reader, writer):
            writer.write(await reader.readline())
            await writer.drain()
            writer.close()

        server = await asyncio.start_server(echo, "127.0.0.1", 0)
        port = server.sockets[0].getsockname()[1]
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        writer.write(b"hello\n")
        line = await reader.readline()
        writer.close()
        server.close()
        await server.wait_closed()
        return line

    assert jca.run(main()) == b"hello\n"


def test_wait_signal():
    async def main():
        c = Gio.Cancellable()
        GLib.timeout_add(20, lambda: c.cancel() or GLib.SOURCE_REMOVE)
        assert await jca.wait_signal(c, "cancelled", timeout=2) == ()
        with pytest.raises(asyncio.TimeoutError):
            await jca.wait_signal(Gio.Cancellable(), "cancelled", timeout=0.05)

    jca.run(main())


def test_ctrl_c_interrupts_a_loop_waiting_in_glib():
    # asyncio's SIGINT handler writes to its wakeup fd, which is one of the
    # fds GLib polls: the loop wakes at once, not at its next timer.
    import signal
    import subprocess
    import sys

    code = "import asyncio, janusclient_aio as jca\n" \
           "async def main():\n    print('waiting', flush=True)\n    await asyncio.sleep(30)\n" \
           "jca.run(main())\n"
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    assert proc.stdout.readline() == "waiting\n"
    time.sleep(0.2)
    t0 = time.monotonic()
    proc.send_signal(signal.SIGINT)
    assert proc.wait(10) != 0
    assert time.monotonic() - t0 < 2
    assert "KeyboardInterrupt" in proc.stderr.read()


def test_echotest_media_with_asyncio(media_janus, tmp_path):
    from jctest import discover

    out = str(tmp_path / "aio-echo.webm")

    async def main():
        async with jca.connect(media_janus.ws) as client:
            async with jca.session(client) as session:
                echo = await jca.call(JanusClient.EchoTest, "attach", session, None)
                peer = JanusClient.Peer.new(echo)
                peer.set_local_addresses([media_janus.client_address])
                peer.set_source(JanusClient.MediaSource.new("test"))
                peer.set_sink(JanusClient.MediaSink.new(out))
                up = jca.wait_signal(echo, "webrtcup", timeout=15)
                offer = await jca.call(peer, "create_offer")
                ok, answer = await jca.call(echo, "configure", JanusClient.EchoTestRequest.new(), offer)
                assert ok
                assert await jca.call(peer, "set_remote_description", answer)
                assert await up == ()
                await asyncio.sleep(1.5)  # media flows while asyncio sleeps
                assert peer.is_webrtcup()
                assert await jca.call(peer, "stop")

    jca.run(main())
    duration, caps = discover(out)
    assert duration > 0.8
    assert {c.split("/")[0] for c in caps} == {"audio", "video"}


def test_call_takes_a_positional_cancellable_too(janus):
    server = SilentServer()
    mine = Gio.Cancellable()

    async def main():
        async with jca.connect(janus.ws) as client:
            # every argument spelled out, cancellable None: call() puts its own there
            session = await jca.call(client, "create_session", 0, None)
            handle = await jca.call(session, "attach", "janus.plugin.echotest", None, None)
            assert handle.get_plugin() == "janus.plugin.echotest"
            await jca.call(session, "destroy", None)
        hanging = JanusClient.Client.new_for_uri("ws://127.0.0.1:{}".format(server.port))
        hanging.set_reconnect(False)
        with pytest.raises(asyncio.TimeoutError):
            await asyncio.wait_for(jca.call(hanging, "connect", mine), 0.2)
        assert mine.is_cancelled()  # the positional one is the one cancelled

    try:
        jca.run(main())
    finally:
        server.close()
