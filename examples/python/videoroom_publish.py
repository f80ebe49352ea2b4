#!/usr/bin/python3
# videoroom_publish.py: publish a test pattern (or a file) into a VideoRoom
# and print who else publishes there.
# Usage: videoroom_publish.py ws://HOST:8188 ROOM [--create] [--seconds N]
#        [--source test|FILE] [--display NAME]
#
# SPDX-License-Identifier: LGPL-2.1-or-later
import argparse
import asyncio

import gi

gi.require_version("JanusClient", "1.0")
from gi.repository import JanusClient  # noqa: E402

import janusclient_aio as jca  # noqa: E402


def on_publishers(_vr, publishers):
    # publishers: a list of JanusClient.VideoRoomParticipant
    for p in publishers:
        kinds = ", ".join(s.get_kind() for s in p.get_streams())
        print("publisher {} ({}): {}".format(p.get_id().to_string(), p.get_display(), kinds), flush=True)


async def main(args):
    room = JanusClient.Id.parse(args.room)
    async with jca.connect(args.uri) as client:
        async with jca.session(client) as session:
            vr = await jca.call(JanusClient.VideoRoom, "attach", session, None)
            if args.create:
                create = JanusClient.VideoRoomRequest.new()
                create.set_description("created by videoroom_publish.py")
                create.set_codecs("opus", "vp8")
                room = await jca.call(vr, "create", room, create)
            vr.connect("publishers", on_publishers)
            vr.connect("unpublished", lambda _vr, feed: print("unpublished", feed.to_string(), flush=True))

            peer = JanusClient.Peer.new(vr)
            peer.set_source(JanusClient.MediaSource.new(args.source))
            options = JanusClient.VideoRoomRequest.new()
            options.set_display(args.display)
            up = jca.wait_signal(vr, "webrtcup", timeout=15)
            await jca.call(vr, "publish_media", room, peer, options)
            await up
            print("publishing into room {} as {}".format(room.to_string(), vr.get_participant_id().to_string()),
                  flush=True)
            await asyncio.sleep(args.seconds)
            await jca.call(peer, "stop")
            await jca.call(vr, "leave")
            if args.create:
                await jca.call(vr, "destroy", room, None)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("uri")
    parser.add_argument("room", help="a number, or a string for string_ids rooms")
    parser.add_argument("--create", action="store_true", help="create the room first (destroyed at the end)")
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--source", default="test")
    parser.add_argument("--display", default="python")
    jca.run(main(parser.parse_args()))
