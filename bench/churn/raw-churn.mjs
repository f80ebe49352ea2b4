// raw-churn.mjs: the churn workload over a bare `ws` WebSocket — the
// protocol floor: no library, just transactions matched to replies.
//
//   node raw-churn.mjs --server ws://127.0.0.1:8188 -n 3200 -c 16
//
// Each iteration: create → attach janus.plugin.echotest → message
// {"audio": true} (ack, then the event that carries the transaction) →
// detach → destroy. Prints one JSON line like `janus-client --json bench churn`.
//
// SPDX-License-Identifier: LGPL-2.1-or-later

import WebSocket from 'ws';
import { parseOptions, runChurn } from './common.mjs';

const options = parseOptions('raw-churn');
const ws = new WebSocket(options.server, 'janus-protocol');
await new Promise((resolve, reject) => {
  ws.once('open', resolve);
  ws.once('error', reject);
});

const pending = new Map(); // transaction → { resolve, reject }
let nextTransaction = 1;

ws.on('message', raw => {
  const message = JSON.parse(raw);
  const waiter = pending.get(message.transaction);
  if (waiter === undefined)
    return; // detached, keepalive acks, …
  switch (message.janus) {
    case 'ack':
      if (waiter.event)
        return; // a plugin message: its event follows
      break;
    case 'error':
      pending.delete(message.transaction);
      waiter.reject(new Error(`${message.error.code} ${message.error.reason}`));
      return;
    default:
      break;
  }
  pending.delete(message.transaction);
  waiter.resolve(message);
});

function request(body, event = false) {
  const transaction = String(nextTransaction++);
  return new Promise((resolve, reject) => {
    pending.set(transaction, { resolve, reject, event });
    ws.send(JSON.stringify({ ...body, transaction }));
  });
}

const result = await runChurn(options, async () => {
  const created = await request({ janus: 'create' });
  const session_id = created.data.id;
  try {
    const attached = await request({ janus: 'attach', session_id, plugin: 'janus.plugin.echotest' });
    const handle_id = attached.data.id;
    try {
      const reply = await request({ janus: 'message', session_id, handle_id, body: { audio: true } }, true);
      const data = reply.plugindata && reply.plugindata.data;
      if (!data || data.result !== 'ok')
        throw new Error(`unexpected reply ${JSON.stringify(reply)}`);
    } finally {
      await request({ janus: 'detach', session_id, handle_id });
    }
  } finally {
    await request({ janus: 'destroy', session_id });
  }
});
result.client = 'raw-ws';
process.stdout.write(JSON.stringify(result) + '\n');
ws.close();
process.exit(result.errors === 0 ? 0 : 1);
