#!/usr/bin/python3
# videoroom_record.py: subscribe to every publisher of a VideoRoom and
# record each feed's tracks into a folder (one file per track).
# Usage: videoroom_record.py ws://HOST:8188 ROOM OUTDIR [--seconds N]
#
# SPDX-License-Identifier: LGPL-2.1-or-later
import argparse
import asyncio
import os

import gi

gi.require_version("JanusClient", "1.0")
from gi.repository import JanusClient  # noqa: E402

import janusclient_aio as jca  # noqa: E402


async def main(args):
    room = JanusClient.Id.parse(args.room)
    async with jca.connect(args.uri) as client:
        async with jca.session(client) as session:
            vr = await jca.call(JanusClient.VideoRoom, "attach", session, None)
            participants = await jca.call(vr, "list_participants", room)
            feeds = [p.get_id() for p in participants if p.is_publisher()]
            if not feeds:
                raise SystemExit("room {} has no publishers".format(room.to_string()))
            for p in participants:
                if p.is_publisher():
                    print("feed {} ({})".format(p.get_id().to_string(), p.get_display()), flush=True)

            sub = await jca.call(JanusClient.VideoRoom, "attach", session, None)
            sink = JanusClient.MediaSink.new(os.path.join(args.outdir, ""))  # a folder: one file per track
            peer = JanusClient.Peer.new(sub)
            peer.set_sink(sink)
            sub.set_peer(peer, sink)  # the subscriber answers Janus's offers itself
            up = jca.wait_signal(sub, "webrtcup", timeout=15)
            streams, _offer = await jca.call(sub, "join_subscriber", room, feeds, None)
            for s in streams:
                print("subscribed mid {}: {} of feed {}".format(s.get_mid(), s.get_kind(),
                                                                 s.get_feed_id().to_string()), flush=True)
            await up
            await asyncio.sleep(args.seconds)
            await jca.call(peer, "stop")
            for f in sink.get_track_files():
                print("recorded", f, flush=True)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("uri")
    parser.add_argument("room")
    parser.add_argument("outdir")
    parser.add_argument("--seconds", type=float, default=10)
    jca.run(main(parser.parse_args()))
