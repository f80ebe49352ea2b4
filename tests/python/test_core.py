# test_core.py: the client, sessions, handles, errors, admin, reconnection
# and object lifetimes through PyGObject.
#
# SPDX-License-Identifier: LGPL-2.1-or-later
import gc
import socket
import threading

import pytest

from jctest import iterate_until, wait
from gi.repository import GLib, GObject, JanusClient, Json


@pytest.mark.parametrize("transport", ["ws", "http", "unix"])
def test_info_and_ping(janus, transport):
    client = JanusClient.Client.new_for_uri(janus.uri(transport))
    assert client.get_uri() == janus.uri(transport)
    assert wait(client, "connect") is True
    assert client.is_connected()
    info = wait(client, "info")
    assert isinstance(info, Json.Object)
    assert info.get_string_member("name") == "Janus WebRTC Server"
    assert info.get_string_member("version_string") == "1.1.2"
    assert "janus.plugin.echotest" in info.get_object_member("plugins").get_members()
    # connect fetched info already: the client keeps it as a Json.Object
    assert client.get_server_info().get_int_member("version") == 1102
    assert wait(client, "ping") is True
    session = wait(client, "create_session", 0)
    assert isinstance(session, JanusClient.Session)
    assert session.get_id() > 0 and session.is_alive()
    assert session.get_client() is client
    handle = wait(session, "attach", "janus.plugin.echotest")
    assert isinstance(handle, JanusClient.Handle)
    assert handle.get_plugin() == "janus.plugin.echotest"
    assert session.lookup_handle(handle.get_id()) is handle
    assert session.get_handles() == [handle]
    assert wait(session, "destroy") is True
    assert not session.is_alive()
    client.close()
    iterate_until(lambda: not client.is_connected(), 5, "closed")


def test_bad_uri_is_our_error():
    with pytest.raises(GLib.Error) as exc:
        JanusClient.Client.new_for_uri("ftp://nowhere")
    assert exc.value.matches(JanusClient.Error.quark(), JanusClient.Error.INVALID_ARGUMENT)
    assert exc.value.domain == "jc-error-quark"


def test_connect_refused_is_our_error():
    client = JanusClient.Client.new_for_uri("ws://127.0.0.1:9")
    client.set_reconnect(False)
    with pytest.raises(GLib.Error) as exc:
        wait(client, "connect")
    assert exc.value.matches(JanusClient.Error.quark(), JanusClient.Error.CONNECT)
    assert "127.0.0.1:9" in exc.value.message


def test_janus_codes_arrive_as_server_errors(session):
    with pytest.raises(GLib.Error) as exc:
        wait(session, "attach", "janus.plugin.nope")
    err = exc.value
    assert err.matches(JanusClient.ServerError.quark(), JanusClient.ServerError.PLUGIN_NOT_FOUND)
    assert err.code == 460 and err.domain == "jc-server-error-quark"
    assert JanusClient.server_error_describe(460)


def test_plugin_errors_arrive_as_plugin_errors(session):
    vr = wait(JanusClient.VideoRoom, "attach", session, None)
    # an out parameter: PyGObject returns (return value, out values)
    ok, exists = wait(vr, "exists", JanusClient.Id.new_number(987654321))
    assert ok is True and exists is False
    with pytest.raises(GLib.Error) as exc:
        wait(vr, "destroy", JanusClient.Id.new_number(987654321), None)
    assert exc.value.matches(JanusClient.PluginError.quark(), exc.value.code)
    assert exc.value.domain == "jc-plugin-error-quark"
    assert exc.value.code == 426  # JANUS_VIDEOROOM_ERROR_NO_SUCH_ROOM


def test_json_arguments_are_json_objects(client, session):
    # Transport::message carries every message Janus sends, as Json.Object
    messages = []
    client.get_transport().connect("message", lambda _t, msg: messages.append(msg))
    handle = wait(session, "attach", "janus.plugin.echotest")
    body = Json.from_string('{"audio": true}').get_object()
    reply, jsep = wait(handle, "send", body, None, JanusClient.TIMEOUT_DEFAULT)
    assert isinstance(reply, Json.Object) and jsep is None
    assert reply.get_string_member("result") == "ok"
    assert messages and all(isinstance(m, Json.Object) for m in messages)
    assert "event" in [m.get_string_member("janus") for m in messages]


def test_admin_sessions_and_handles(janus, session):
    handle = wait(session, "attach", "janus.plugin.echotest")
    for uri in (janus.admin_ws, janus.admin_http, janus.admin_unix):
        admin = JanusClient.Admin.new_for_uri(uri, janus.admin_secret)
        assert wait(admin, "connect") is True
        assert wait(admin, "ping") is True
        sessions = wait(admin, "list_sessions")
        assert session.get_id() in sessions
        handles = wait(admin, "list_handles", session.get_id())
        assert handles == [handle.get_id()]
        info = wait(admin, "handle_info", session.get_id(), handle.get_id(), False)
        assert isinstance(info, Json.Object)
        assert info.get_string_member("plugin") == "janus.plugin.echotest"
        admin.close()


def test_admin_wrong_secret_is_unauthorized(janus):
    admin = JanusClient.Admin.new_for_uri(janus.admin_http, "wrong")
    assert wait(admin, "connect") is True  # connecting asks for nothing secret
    with pytest.raises(GLib.Error) as exc:
        wait(admin, "list_sessions")
    assert exc.value.matches(JanusClient.ServerError.quark(), JanusClient.ServerError.UNAUTHORIZED)


class CuttableProxy:
    """A TCP forwarder on 127.0.0.1 whose open connections can be cut,
    standing in for a network that drops the link (the C test uses a
    private API for that)."""

    def __init__(self, host, port):
        self.target = (host, port)
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.conns = []
        self.lock = threading.Lock()
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    def _accept(self):
        while True:
            try:
                down, _ = self.listener.accept()
            except OSError:
                return
            up = socket.create_connection(self.target)
            with self.lock:
                self.conns += [down, up]
            for a, b in ((down, up), (up, down)):
                threading.Thread(target=self._pump, args=(a, b), daemon=True).start()

    @staticmethod
    def _pump(a, b):
        try:
            while True:
                data = a.recv(65536)
                if not data:
                    break
                b.sendall(data)
        except OSError:
            pass
        for s in (a, b):
            try:
                s.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

    def cut(self):
        with self.lock:
            conns, self.conns = self.conns, []
        for s in conns:
            try:
                s.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            s.close()

    def close(self):
        self.listener.close()
        self.cut()


def test_reconnection_signals(janus):
    host, port = janus.ws.split("//", 1)[1].rsplit(":", 1)
    proxy = CuttableProxy(host, int(port))
    try:
        client = JanusClient.Client.new_for_uri("ws://127.0.0.1:{}".format(proxy.port))
        client.set_reconnect_backoff(50, 200, 0)
        got = {"disconnected": [], "reconnected": 0, "closed": [], "session_closed": []}
        client.connect("disconnected", lambda _c, err: got["disconnected"].append(err))
        client.connect("reconnected", lambda _c: got.__setitem__("reconnected", got["reconnected"] + 1))
        client.connect("closed", lambda _c, err: got["closed"].append(err))
        assert wait(client, "connect")
        session = wait(client, "create_session", 0)
        session.connect("closed", lambda _s, err: got["session_closed"].append(err))

        proxy.cut()
        iterate_until(lambda: got["reconnected"] == 1, 10, "reconnected")
        assert len(got["disconnected"]) == 1
        err = got["disconnected"][0]
        assert isinstance(err, GLib.Error)
        assert err.matches(JanusClient.Error.quark(), JanusClient.Error.CLOSED)
        assert client.is_connected() and got["closed"] == []
        # This Janus does not keep sessions (reclaim_session_timeout 0):
        # the claim fails and the session says why, with Janus's code.
        iterate_until(lambda: got["session_closed"], 10, "session closed")
        serr = got["session_closed"][0]
        assert serr.matches(JanusClient.ServerError.quark(), JanusClient.ServerError.SESSION_NOT_FOUND)
        assert not session.is_alive()
        assert wait(client, "ping") is True
        client.close()
    finally:
        proxy.close()


def finalized(obj, flags, name):
    obj.weak_ref(lambda: flags.append(name))


def test_objects_are_finalized_when_dropped(janus):
    gone = []
    client = JanusClient.Client.new_for_uri(janus.ws)
    finalized(client, gone, "client")
    assert wait(client, "connect")
    session = wait(client, "create_session", 0)
    finalized(session, gone, "session")
    handle = wait(session, "attach", "janus.plugin.echotest")
    finalized(handle, gone, "handle")
    echo = wait(JanusClient.EchoTest, "attach", session, None)
    finalized(echo, gone, "echotest")
    info = wait(client, "info")
    assert info.get_size() > 0
    assert wait(session, "destroy")
    client.close()
    del client, session, handle, echo, info
    gc.collect()
    iterate_until(lambda: len(gone) == 4, 5, "every object finalized")
    assert sorted(gone) == ["client", "echotest", "handle", "session"]


def test_session_dropped_alive_is_finalized(janus, client):
    gone = []
    session = wait(client, "create_session", 0)
    finalized(session, gone, "session")
    sid = session.get_id()
    del session
    gc.collect()
    iterate_until(lambda: gone, 5, "session finalized")
    # Janus no longer has it, or it times out: either way no Python
    # reference kept it alive.
    assert sid > 0


def test_signal_handlers_do_not_keep_objects(janus, client):
    gone = []
    session = wait(client, "create_session", 0)
    finalized(session, gone, "session")
    session.connect("timeout", lambda *_: None)
    assert wait(session, "destroy")
    del session
    gc.collect()
    iterate_until(lambda: gone, 5, "session finalized")


def test_types_are_introspectable():
    # Every class registers a GType PyGObject can wrap.
    for name in ("Client", "Session", "Handle", "Peer", "MediaSource", "MediaSink", "EchoTest",
                 "VideoRoom", "VideoCall", "AudioBridge", "TextRoom", "RecordPlay", "Streaming",
                 "Admin", "DataChannel", "Transport"):
        cls = getattr(JanusClient, name)
        assert issubclass(cls, GObject.Object), name
    rid = JanusClient.Id.new_string("lobby")
    assert rid.to_string() == "lobby" and rid.is_string()
    assert JanusClient.Id.parse("1234").equal(JanusClient.Id.new_number(1234))
