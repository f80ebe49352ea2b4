#!/usr/bin/python3
# echotest.py: send a test pattern to Janus's EchoTest and record the echo.
# Usage: echotest.py ws://HOST:8188 [--seconds N] [--record FILE.webm]
#
# SPDX-License-Identifier: LGPL-2.1-or-later
import argparse
import asyncio

import gi

gi.require_version("JanusClient", "1.0")
from gi.repository import JanusClient  # noqa: E402

import janusclient_aio as jca  # noqa: E402


async def main(args):
    async with jca.connect(args.uri) as client:
        async with jca.session(client) as session:
            echo = await jca.call(JanusClient.EchoTest, "attach", session, None)
            peer = JanusClient.Peer.new(echo)
            peer.set_source(JanusClient.MediaSource.new(args.source))
            peer.set_sink(JanusClient.MediaSink.new(args.record or "null"))
            up = jca.wait_signal(echo, "webrtcup", timeout=15)

            offer = await jca.call(peer, "create_offer")
            request = JanusClient.EchoTestRequest.new()
            request.set_audio(True)
            request.set_video(True)
            _, answer = await jca.call(echo, "configure", request, offer)
            await jca.call(peer, "set_remote_description", answer)
            await up
            print("webrtcup: media flowing for", args.seconds, "s")
            await asyncio.sleep(args.seconds)

            stats = peer.get_track_stats()
            for i in range(stats.get_length()):
                t = stats.get_object_element(i)
                print("{} {} mid {}: {} frames".format(
                    t.get_string_member("direction"), t.get_string_member("kind"),
                    t.get_string_member("mid"), t.get_int_member("frames")))
            await jca.call(peer, "stop")
    if args.record:
        print("recorded", args.record)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("uri")
    parser.add_argument("--seconds", type=float, default=5)
    parser.add_argument("--source", default="test", help="test, a file, device or pipeline:…")
    parser.add_argument("--record", help="a .webm/.mkv/.mp4 file for the echo")
    jca.run(main(parser.parse_args()))
