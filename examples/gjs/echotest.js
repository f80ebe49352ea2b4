#!/usr/bin/gjs -m
// echotest.js: a test pattern through Janus's EchoTest, from GJS.
// Usage: gjs -m echotest.js ws://HOST:8188 [SECONDS] [RECORD.webm]
//
// SPDX-License-Identifier: LGPL-2.1-or-later
import GLib from 'gi://GLib';
import Gio from 'gi://Gio';
import JanusClient from 'gi://JanusClient?version=1.0';
import system from 'system';

// Turn the GIO async pairs we use into promises.
Gio._promisify(JanusClient.Client.prototype, 'connect_async', 'connect_finish');
Gio._promisify(JanusClient.Client.prototype, 'create_session_async', 'create_session_finish');
Gio._promisify(JanusClient.Session.prototype, 'destroy_async', 'destroy_finish');
Gio._promisify(JanusClient.EchoTest, 'attach_async', 'attach_finish');
Gio._promisify(JanusClient.EchoTest.prototype, 'configure_async', 'configure_finish');
Gio._promisify(JanusClient.Peer.prototype, 'create_offer_async', 'create_offer_finish');
Gio._promisify(JanusClient.Peer.prototype, 'set_remote_description_async', 'set_remote_description_finish');
Gio._promisify(JanusClient.Peer.prototype, 'stop_async', 'stop_finish');

const sleep = ms => new Promise(resolve => GLib.timeout_add(GLib.PRIORITY_DEFAULT, ms, () => {
    resolve();
    return GLib.SOURCE_REMOVE;
}));

async function main([uri, seconds = '5', record = 'null']) {
    const client = JanusClient.Client.new_for_uri(uri);
    await client.connect_async(null);
    const session = await client.create_session_async(0, null);
    const echo = await JanusClient.EchoTest.attach_async(session, null, null);
    const peer = JanusClient.Peer.new(echo);
    peer.set_source(JanusClient.MediaSource.new('test'));
    peer.set_sink(JanusClient.MediaSink.new(record));
    const up = new Promise(resolve => echo.connect('webrtcup', () => resolve()));

    const offer = await peer.create_offer_async(null);
    const request = JanusClient.EchoTestRequest.new();
    request.set_audio(true);
    request.set_video(true);
    // configure_finish returns (TRUE, answer); Gio._promisify drops the
    // leading TRUE and resolves with [answer].
    const [answer] = await echo.configure_async(request, offer, null);
    await peer.set_remote_description_async(answer, null);
    await up;
    print(`webrtcup: media flowing for ${seconds} s`);
    await sleep(Number(seconds) * 1000);

    const stats = peer.get_track_stats();
    for (let i = 0; i < stats.get_length(); i++) {
        const t = stats.get_object_element(i);
        print(`${t.get_string_member('direction')} ${t.get_string_member('kind')}: ` +
              `${t.get_int_member('frames')} frames`);
    }
    await peer.stop_async(null);
    await session.destroy_async(null);
    client.close();
}

const loop = new GLib.MainLoop(null, false);
let status = 0;
main(ARGV).catch(e => {
    printerr(`echotest.js: ${e.message ?? e}`);
    status = 1;
}).finally(() => loop.quit());
loop.run();
system.exit(status);
