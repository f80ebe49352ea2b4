// janode-churn.mjs: the churn workload through janode 1.8.0.
//
//   node janode-churn.mjs --server ws://127.0.0.1:8188 -n 3200 -c 16
//
// One connection; each iteration: connection.create () → session.attach
// (EchoTest) → handle.message ({audio: true}) (resolved by the plugin's
// event, as EchoTestHandle.start () does; start () itself cannot be used
// without a JSEP in 1.8.0: it reads `jsep.type` of its default null) →
// handle.detach () → session.destroy (). Prints one JSON line like
// `janus-client --json bench churn`.
//
// SPDX-License-Identifier: LGPL-2.1-or-later

import Janode from 'janode';
import EchoTestPlugin from 'janode/plugins/echotest';
import { parseOptions, runChurn } from './common.mjs';

const options = parseOptions('janode-churn');
// Janode logs every create/attach at "info" (and, at "warning", its own
// detach race: Janus's "detached" event beats the detach reply); logging
// would be measured too. Failures still reject the promises: counted.
Janode.Logger.setLevel('none');

const connection = await Janode.connect({ address: { url: options.server }, max_retries: 1 });
const result = await runChurn(options, async () => {
  const session = await connection.create();
  let handle = null;
  try {
    handle = await session.attach(EchoTestPlugin);
    const reply = await handle.message({ audio: true });
    const data = reply && reply.plugindata && reply.plugindata.data;
    if (!data || data.result !== 'ok')
      throw new Error(`unexpected reply ${JSON.stringify(reply)}`);
  } finally {
    try {
      if (handle !== null)
        await handle.detach();
    } finally {
      await session.destroy();
    }
  }
});
result.client = 'janode';
process.stdout.write(JSON.stringify(result) + '\n');
await connection.close();
process.exit(result.errors === 0 ? 0 : 1);
