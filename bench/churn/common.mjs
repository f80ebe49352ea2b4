// common.mjs: what the two Node churn drivers share — arguments, the
// worker pool, percentiles and the JSON line (the same shape as
// `janus-client --json bench churn`).
//
// SPDX-License-Identifier: LGPL-2.1-or-later

import { parseArgs } from 'node:util';

export function parseOptions(name) {
  const { values } = parseArgs({
    options: {
      server: { type: 'string', default: 'ws://127.0.0.1:8188' },
      n: { type: 'string', short: 'n', default: '1000' },
      c: { type: 'string', short: 'c', default: '8' },
    },
  });
  const total = Number.parseInt(values.n, 10);
  const workers = Number.parseInt(values.c, 10);
  if (!(total >= 1) || !(workers >= 1)) {
    process.stderr.write(`${name}: -n and -c want positive integers\n`);
    process.exit(2);
  }
  return { server: values.server, total, workers };
}

// Runs `iteration()` `total` times, `workers` at once. An iteration that
// throws counts one error and the worker goes on.
export async function runChurn({ total, workers }, iteration) {
  const latencies = [];
  let started = 0;
  let errors = 0;
  let firstError = null;
  const cpu0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();

  async function worker() {
    while (started < total) {
      started++;
      const s = process.hrtime.bigint();
      try {
        await iteration();
        latencies.push(Number(process.hrtime.bigint() - s) / 1e6);
      } catch (e) {
        errors++;
        if (firstError === null) {
          firstError = e;
          process.stderr.write(`iteration failed: ${e && e.message}\n`);
        }
      }
    }
  }
  await Promise.all(Array.from({ length: workers }, worker));

  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  const cpu = process.cpuUsage(cpu0);
  latencies.sort((a, b) => a - b);
  const pct = p => latencies.length === 0 ? 0
    : latencies[Math.min(latencies.length, Math.max(1, Math.ceil(p / 100 * latencies.length))) - 1];
  const r3 = x => Math.round(x * 1000) / 1000;
  return {
    workload: 'churn',
    iterations: total,
    workers,
    wall_s: r3(wall),
    ops_per_s: r3(latencies.length / wall),
    latency_ms: { p50: r3(pct(50)), p99: r3(pct(99)), max: r3(pct(100)) },
    errors,
    completed: latencies.length,
    client_cpu_ms_per_iteration: latencies.length === 0 ? 0
      : r3((cpu.user + cpu.system) / 1000 / latencies.length),
    max_rss_mib: r3(process.resourceUsage().maxRSS / 1024),
  };
}
