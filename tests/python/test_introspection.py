# test_introspection.py: the typelib's surface as Python sees it.
#
# SPDX-License-Identifier: LGPL-2.1-or-later
import random

from jctest import iterate_until, wait
from gi.repository import GObject, JanusClient


def janus_classes():
    for name in dir(JanusClient):
        obj = getattr(JanusClient, name)
        if isinstance(obj, type) and issubclass(obj, GObject.Object):
            yield name, obj


def test_no_signal_argument_is_an_opaque_pointer():
    checked = 0
    for name, cls in janus_classes():
        GObject.TypeClass.ref(cls.__gtype__)  # signals exist once the class is
        for sid in GObject.signal_list_ids(cls.__gtype__):
            query = GObject.signal_query(sid)
            for i, t in enumerate(query.param_types):
                assert t != GObject.TYPE_POINTER, "{}::{} argument {} is a gpointer".format(
                    name, query.signal_name, i)
                checked += 1
    assert checked > 100  # every plugin's signals were seen


def test_no_property_is_an_opaque_pointer():
    count = 0
    for name, cls in janus_classes():
        for pspec in cls.list_properties():
            assert pspec.value_type != GObject.TYPE_POINTER, "{}:{}".format(name, pspec.name)
            count += 1
    assert count > 50


def test_every_async_call_has_its_finish():
    pairs = 0
    for name, cls in janus_classes():
        for attr in dir(cls):
            if attr.endswith("_async"):
                assert hasattr(cls, attr[:-6] + "_finish"), "{}.{} has no finish".format(name, attr)
                pairs += 1
    assert pairs > 150


def test_audiobridge_joined_gets_typed_participants(session):
    ab_admin = wait(JanusClient.AudioBridge, "attach", session, None)
    room = wait(ab_admin, "create", JanusClient.Id.new_number(9000000 + random.randrange(100000)), None)
    first = wait(JanusClient.AudioBridge, "attach", session, None)
    second = wait(JanusClient.AudioBridge, "attach", session, None)
    opts = JanusClient.AudioBridgeRequest.new()
    opts.set_display("first")
    fid, _answer = wait(first, "join", room, opts, None)
    assert isinstance(fid, JanusClient.Id)

    joined = []
    second.connect("joined", lambda _ab, r, me, participants: joined.append((r, me, participants)))
    others = []
    first.connect("participant-joined", lambda _ab, p: others.append(p))
    opts = JanusClient.AudioBridgeRequest.new()
    opts.set_display("second")
    sid, _answer = wait(second, "join", room, opts, None)
    assert len(joined) == 1  # emitted before the call completed
    r, me, participants = joined[0]
    assert r.equal(room) and me.equal(sid)
    assert [type(p) for p in participants] == [JanusClient.AudioBridgeParticipant]
    assert participants[0].get_display() == "first" and participants[0].get_id().equal(fid)
    iterate_until(lambda: others, 5, "participant-joined")
    assert isinstance(others[0], JanusClient.AudioBridgeParticipant)
    assert others[0].get_display() == "second"
    assert wait(ab_admin, "destroy", room, None)
