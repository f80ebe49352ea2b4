# test_media.py: EchoTest and VideoRoom with real media, from Python.
#
# SPDX-License-Identifier: LGPL-2.1-or-later
import os
import random

from jctest import discover, iterate_until, run_for, wait
from gi.repository import Gst, JanusClient, Json


def new_peer(janus, handle, source=None, sink=None):
    peer = JanusClient.Peer.new(handle)
    peer.set_local_addresses([janus.client_address])
    if source is not None:
        peer.set_source(JanusClient.MediaSource.new(source))
    if sink is not None:
        peer.set_sink(sink)
    return peer


def received_frames(peer, kind):
    """Frames received per mid, from the peer's Json.Array of track stats."""
    frames = {}
    stats = peer.get_track_stats()
    for i in range(stats.get_length()):
        track = stats.get_object_element(i)
        if track.get_string_member("direction") == "received" and track.get_string_member("kind") == kind:
            frames[track.get_string_member("mid")] = track.get_int_member("frames")
    return frames


def test_echotest_records_to_a_file(media_janus, session, tmp_path):
    out = str(tmp_path / "echo.webm")
    echo = wait(JanusClient.EchoTest, "attach", session, None)
    assert isinstance(echo, JanusClient.EchoTest) and isinstance(echo, JanusClient.Handle)
    peer = new_peer(media_janus, echo, "test", JanusClient.MediaSink.new(out))
    up = []
    echo.connect("webrtcup", lambda _h: up.append(True))

    media = []
    echo.connect("media", lambda _h, kind, mid, receiving: media.append((kind, receiving)))

    offer = wait(peer, "create_offer")
    assert isinstance(offer, Json.Object) and offer.get_string_member("type") == "offer"
    request = JanusClient.EchoTestRequest.new()
    request.set_audio(True)
    request.set_video(True)
    ok, answer = wait(echo, "configure", request, offer)
    assert ok and answer.get_string_member("type") == "answer"
    assert wait(peer, "set_remote_description", answer)
    iterate_until(lambda: up, 15, "webrtcup")
    assert peer.is_webrtcup()
    iterate_until(lambda: sum(received_frames(peer, "video").values()) > 30, 15, "echoed video")
    assert ("video", True) in media or ("audio", True) in media
    run_for(1)
    assert wait(peer, "stop")

    duration, caps = discover(out)
    assert duration > 1.0
    assert any(c.startswith("video/") for c in caps), caps
    assert any(c.startswith("audio/") for c in caps), caps


def test_callback_sink_hands_out_gst_samples(media_janus, session):
    echo = wait(JanusClient.EchoTest, "attach", session, None)
    sink = JanusClient.MediaSink.new_callback()
    assert sink.get_kind() == JanusClient.MediaSinkKind.CALLBACK
    frames = []
    sink.connect("frame", lambda _s, kind, mid, sample: frames.append((kind, mid, sample)))
    peer = new_peer(media_janus, echo, "test", sink)
    offer = wait(peer, "create_offer")
    ok, answer = wait(echo, "configure", JanusClient.EchoTestRequest.new(), offer)
    assert ok and wait(peer, "set_remote_description", answer)
    iterate_until(lambda: {k for k, _, _ in frames} >= {"audio", "video"}, 15, "audio and video frames")
    assert wait(peer, "stop")
    kind, mid, sample = next(f for f in frames if f[0] == "video")
    assert isinstance(sample, Gst.Sample)
    assert sample.get_caps().get_structure(0).get_name().startswith("video/x-raw")
    assert sample.get_buffer().get_size() > 0


def test_videoroom_create_list_publish_subscribe(media_janus, session, tmp_path):
    admin = wait(JanusClient.VideoRoom, "attach", session, None)
    pub = wait(JanusClient.VideoRoom, "attach", session, None)
    sub = wait(JanusClient.VideoRoom, "attach", session, None)
    wanted = JanusClient.Id.new_number(8000000 + random.randrange(100000))
    create = JanusClient.VideoRoomRequest.new()
    create.set_description("python room")
    create.set_codecs("opus", "vp8")
    room = wait(admin, "create", wanted, create)
    assert isinstance(room, JanusClient.Id) and room.equal(wanted)

    rooms = wait(admin, "list")
    assert all(isinstance(r, JanusClient.VideoRoomInfo) for r in rooms)
    mine = [r for r in rooms if r.get_room().equal(room)]
    assert len(mine) == 1 and mine[0].get_description() == "python room"

    # The `publishers` signal hands Python typed participants.
    seen = []
    assert wait(admin, "join_publisher", room, None)
    admin.connect("publishers", lambda _vr, publishers: seen.extend(publishers))
    events = []
    admin.connect("event", lambda _h, data, jsep: events.append((data, jsep)))

    options = JanusClient.VideoRoomRequest.new()
    options.set_display("py-publisher")
    pub_peer = new_peer(media_janus, pub, "test")
    assert wait(pub, "publish_media", room, pub_peer, options)
    iterate_until(lambda: pub_peer.is_webrtcup(), 15, "publisher webrtcup")
    iterate_until(lambda: seen, 10, "publishers event")
    p = seen[0]
    assert isinstance(p, JanusClient.VideoRoomParticipant), type(p)
    assert p.get_display() == "py-publisher"
    assert p.get_id().equal(pub.get_participant_id())
    streams = p.get_streams()
    assert streams and all(isinstance(s, JanusClient.VideoRoomStream) for s in streams)
    assert {s.get_kind() for s in streams} == {"audio", "video"}
    assert isinstance(p.get_json(), Json.Object)
    # the same news as Handle::event: (Json.Object data, Json.Object-or-None jsep)
    assert events and all(isinstance(d, Json.Object) and j is None for d, j in events)
    assert events[0][0].get_string_member("videoroom") == "event"

    listed = wait(admin, "list_participants", room)
    assert [x.get_display() for x in listed if x.is_publisher()] == ["py-publisher"]

    out_dir = str(tmp_path / "feeds") + "/"
    sink = JanusClient.MediaSink.new(out_dir)
    sub_peer = new_peer(media_janus, sub, sink=sink)
    sub.set_peer(sub_peer, sink)
    # out parameter `offer`: None, since the peer set with set_peer answered it
    sub_streams, offer = wait(sub, "join_subscriber", room, [pub.get_participant_id()], None)
    assert offer is None
    assert all(isinstance(s, JanusClient.VideoRoomStream) for s in sub_streams)
    assert {s.get_feed_id().get_number() for s in sub_streams} == {pub.get_participant_id().get_number()}
    iterate_until(lambda: sum(received_frames(sub_peer, "video").values()) > 30, 20, "subscribed video")
    run_for(1)
    assert wait(sub_peer, "stop")
    assert wait(pub_peer, "stop")

    files = sink.get_track_files()
    assert len(files) == 2, files  # one per track of the feed
    kinds = set()
    for f in files:
        assert os.path.getsize(f) > 0
        duration, caps = discover(f)
        assert duration > 0.5, f
        kinds.update(c.split("/")[0] for c in caps)
    assert kinds == {"audio", "video"}
    assert wait(admin, "destroy", room, None)
