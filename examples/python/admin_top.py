#!/usr/bin/python3
# admin_top.py: a tiny "top" for Janus over the Admin API: sessions, their
# handles and plugins, refreshed every INTERVAL seconds.
# Usage: admin_top.py ws://HOST:7188 SECRET [--interval S] [--iterations N]
#
# SPDX-License-Identifier: LGPL-2.1-or-later
import argparse
import asyncio

import gi

gi.require_version("JanusClient", "1.0")
from gi.repository import JanusClient  # noqa: E402

import janusclient_aio as jca  # noqa: E402


async def snapshot(admin):
    lines = []
    sessions = await jca.call(admin, "list_sessions")  # a list of ints
    for sid in sessions:
        handles = await jca.call(admin, "list_handles", sid)
        lines.append("session {}: {} handle(s)".format(sid, len(handles)))
        for hid in handles:
            info = await jca.call(admin, "handle_info", sid, hid, False)  # a Json.Object
            plugin = info.get_string_member("plugin") if info.has_member("plugin") else "?"
            webrtc = info.get_object_member("flags").get_boolean_member("ready") if info.has_member("flags") else False
            lines.append("  handle {} {}{}".format(hid, plugin, " (webrtc up)" if webrtc else ""))
    return len(sessions), lines


async def main(args):
    admin = JanusClient.Admin.new_for_uri(args.uri, args.secret)
    await jca.call(admin, "connect")
    try:
        info = await jca.call(admin, "info")
        print("{} {}".format(info.get_string_member("name"), info.get_string_member("version_string")))
        n = 0
        while args.iterations == 0 or n < args.iterations:
            count, lines = await snapshot(admin)
            print("--- {} session(s)".format(count))
            print("\n".join(lines), flush=True)
            n += 1
            if args.iterations == 0 or n < args.iterations:
                await asyncio.sleep(args.interval)
    finally:
        admin.close()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("uri", help="the Admin API: ws://HOST:7188, http://HOST:7088/admin or unix://…")
    parser.add_argument("secret", help="admin_secret")
    parser.add_argument("--interval", type=float, default=2)
    parser.add_argument("--iterations", type=int, default=0, help="0: until interrupted")
    jca.run(main(parser.parse_args()))
