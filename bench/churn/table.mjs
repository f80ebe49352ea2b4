// table.mjs: medians of the runs in a results file (one JSON object a
// line, written by run.sh) and each figure's ratio to janus-client's.
//
//   node table.mjs results.jsonl
//
// SPDX-License-Identifier: LGPL-2.1-or-later

import { readFileSync } from 'node:fs';

const rows = readFileSync(process.argv[2], 'utf8').split('\n').filter(l => l.trim() !== '').map(l => JSON.parse(l));
const clients = ['janus-client', 'janode', 'raw-ws'];
const figures = [
  ['it/s', 'ops_per_s', 0],
  ['client CPU ms/it (process)', 'cpu_ms_per_it', 3],
  ['client CPU ms/it (loop)', 'loop_cpu_ms_per_it', 3],
  ['Janus CPU ms/it', 'janus_cpu_ms_per_it', 3],
  ['peak RSS MiB', 'max_rss_mib', 1],
  ['p50 ms', 'p50_ms', 2],
  ['p99 ms', 'p99_ms', 2],
  ['errors (sum)', 'errors', 0],
];

const median = xs => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

const value = {};
for (const c of clients) {
  const mine = rows.filter(r => r.client === c);
  value[c] = {};
  for (const [, key] of figures)
    value[c][key] = mine.length === 0 ? NaN
      : key === 'errors' ? mine.reduce((a, r) => a + r.errors, 0) : median(mine.map(r => r[key]));
  value[c].runs = mine.length;
}

const runs = clients.map(c => `${c} ${value[c].runs}`).join(', ');
console.log(`Medians of ${runs} runs (ratio to janus-client in parentheses).\n`);
console.log(`| figure | ${clients.join(' | ')} |`);
console.log(`|---|${clients.map(() => '---:').join('|')}|`);
for (const [label, key, digits] of figures) {
  const base = value['janus-client'][key];
  const cells = clients.map(c => {
    const v = value[c][key];
    if (Number.isNaN(v)) return 'n/a';
    if (c === 'janus-client' || key === 'errors' || !(base > 0)) return v.toFixed(digits);
    return `${v.toFixed(digits)} (${(v / base).toFixed(2)}×)`;
  });
  console.log(`| ${label} | ${cells.join(' | ')} |`);
}
