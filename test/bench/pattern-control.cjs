// Control for bench (c2): what the sending pattern alone costs in plain Node.js, without n8n or this node.
// A client sends 1,000 POSTs with `http.request` (a fresh agent per request, as n8n's helpers do) to a
// server in a child process that answers after `--latency-ms`; it keeps 5, 50 or all requests in flight
// and reports the client's CPU per request (median of `--reps` alternating rounds).
//   node test/bench/pattern-control.cjs [--items=1000] [--latency-ms=20] [--reps=4]
'use strict';
const http = require('node:http');
const { fork } = require('node:child_process');

const arg = (name, fallback) => {
  const found = process.argv.find((a) => a.startsWith(`--${name}=`));
  return found ? Number(found.split('=')[1]) : fallback;
};
const ITEMS = arg('items', 1000);
const LATENCY_MS = arg('latency-ms', 20);
const REPS = arg('reps', 4);
const PATTERNS = [5, 50, ITEMS];

if (process.argv.includes('--server')) {
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => setTimeout(() => {
      res.setHeader('connection', 'close');
      res.end('{"ok":true}');
    }, LATENCY_MS));
  });
  server.listen(0, '127.0.0.1', () => process.send(server.address().port));
} else {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}

function post(port) {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method: 'POST', path: '/push', agent: new http.Agent(),
      headers: { 'content-type': 'application/json' } }, (res) => {
      res.resume();
      res.on('end', resolve);
    });
    req.on('error', reject);
    req.end('{"request":{}}');
  });
}

/** CPU ms per request with at most `inFlight` requests in flight, refilled one by one as answers come. */
async function run(port, inFlight) {
  let next = 0;
  const worker = async () => {
    while (next < ITEMS) {
      next++;
      await post(port);
    }
  };
  const before = process.cpuUsage();
  await Promise.all(Array.from({ length: Math.min(inFlight, ITEMS) }, worker));
  const used = process.cpuUsage(before);
  await new Promise((resolve) => setTimeout(resolve, 300)); // sockets closed before the next round
  return (used.user + used.system) / 1000 / ITEMS;
}

async function main() {
  const child = fork(__filename, ['--server', `--latency-ms=${LATENCY_MS}`]);
  const port = await new Promise((resolve) => child.once('message', resolve));
  try {
    for (const inFlight of PATTERNS) await run(port, inFlight); // warm-up
    const samples = Object.fromEntries(PATTERNS.map((p) => [p, []]));
    for (let rep = 0; rep < REPS; rep++) {
      const order = rep % 2 === 0 ? PATTERNS : [...PATTERNS].reverse();
      for (const inFlight of order) samples[inFlight].push(await run(port, inFlight));
    }
    const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
    const allAtOnce = median(samples[ITEMS]);
    console.log(`plain Node.js, ${ITEMS} POSTs, ${LATENCY_MS} ms latency, median of ${REPS}: CPU ms per request`);
    for (const inFlight of PATTERNS) {
      const label = inFlight === ITEMS ? 'all at once' : `${inFlight} in flight`;
      const value = median(samples[inFlight]);
      console.log(`  ${label.padEnd(12)} ${value.toFixed(3)}  (${(value / allAtOnce).toFixed(2)} x all at once)`);
    }
  } finally {
    child.kill();
  }
}
