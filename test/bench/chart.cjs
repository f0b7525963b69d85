#!/usr/bin/env node
// Draws the rate-limited runs of the bench, (a) OneAll and (b) the HTTP Request node, as one SVG: wall time of
// each run against the rate bound (accepted pushes ÷ OneAll's limit), with what each run published, failed and
// duplicated. Plain SVG text, no dependency.
//
//   node test/bench/chart.cjs [--in=test-output/bench.json] [--out=docs/images/bench-rate-limit.svg]
//                             [--keep-data] [--machine="2 vCPUs shared with other builds"]
//
// --in takes the JSON `npm run bench` writes, or the figures this script kept (`--keep-data` writes them next to
// the SVG, same name, .json), so the committed chart can be redrawn from the repository alone.
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');

function parseArgs(argv) {
  const args = {};
  for (const a of argv) {
    const m = /^--([^=]+)(?:=(.*))?$/.exec(a);
    if (m) args[m[1]] = m[2] ?? true;
  }
  return args;
}

/** The figures drawn: from a bench JSON, or as kept by --keep-data. */
function figures(input, machine) {
  if (Array.isArray(input.runs)) return input;
  if (!input.a || !input.b?.runs) throw new Error('the bench JSON has no (a) and (b) sections: run `node test/bench/bench.cjs --only=a,b`');
  const pick = (node, run) => ({
    node,
    label: run.label.replace(/^OneAll node, |^HTTP Request, /, '').replace(/^OneAll node$/, `Concurrency ${run.options?.concurrency ?? 5}, Max Requests per Second ${run.options?.maxRequestsPerSecond ?? '–'}`),
    wallMs: Math.round(run.wallMs),
    ratio: run.ratio,
    published: run.published,
    failed: run.failed,
    duplicated: run.duplicated,
    rateLimited: run.rateLimited,
  });
  return {
    date: input.date,
    machine,
    engine: `n8n-core ${String(input.engine?.n8nCore ?? '').split(' ')[0]}, n8n-nodes-base ${String(input.engine?.n8nNodesBase ?? '').split(' ')[0]}, Node ${input.engine?.nodeVersion}`,
    pushes: input.config.pushes,
    latencyMs: input.config.latencyMs,
    requestsPerSecond: input.config.requestsPerSecond,
    boundMs: (input.config.pushes / input.config.requestsPerSecond) * 1000,
    runs: [
      pick('OneAll', { ...input.a, options: input.a.options }),
      ...Object.values(input.aVariants ?? {}).map((run) => pick('OneAll', run)),
      ...Object.values(input.b.runs).map((run) => pick('HTTP Request', run)),
    ],
  };
}

const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const num = (n) => n.toLocaleString('en-US');

function svg(data) {
  const W = 1160;
  const left = 370;
  const notesW = 400; // a column for what each run did, right of the plot
  const top = 78;
  const rowH = 38;
  const barH = 20;
  const plotW = W - left - notesW - 20;
  const maxS = Math.max(data.boundMs * 1.3, ...data.runs.map((r) => r.wallMs)) / 1000;
  const scaleMax = Math.ceil(maxS / 10) * 10;
  const x = (s) => left + (s / scaleMax) * plotW;
  const H = top + data.runs.length * rowH + 70;
  const colour = { OneAll: '#1f6feb', 'HTTP Request': '#8b949e' };
  const out = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="Helvetica, Arial, sans-serif" font-size="13">`);
  out.push(`<rect width="${W}" height="${H}" fill="#ffffff"/>`);
  out.push(`<text x="16" y="26" font-size="16" font-weight="bold">${esc(`${num(data.pushes)} Pinterest pins, OneAll limit ${data.requestsPerSecond} requests/s, ${data.latencyMs} ms latency: wall time against the rate bound`)}</text>`);
  out.push(`<text x="16" y="46" fill="#57606a">${esc(`npm run bench, sections (a) and (b), ${String(data.date).slice(0, 10)}; ${data.machine}; ${data.engine}`)}</text>`);
  // Grid and axis.
  for (let s = 0; s <= scaleMax; s += 10) {
    out.push(`<line x1="${x(s)}" y1="${top - 8}" x2="${x(s)}" y2="${top + data.runs.length * rowH}" stroke="#eaeef2"/>`);
    out.push(`<text x="${x(s)}" y="${top + data.runs.length * rowH + 18}" text-anchor="middle" fill="#57606a">${s} s</text>`);
  }
  const bx = x(data.boundMs / 1000);
  out.push(`<line x1="${bx}" y1="${top - 14}" x2="${bx}" y2="${top + data.runs.length * rowH}" stroke="#cf222e" stroke-width="2" stroke-dasharray="6 4"/>`);
  out.push(`<text x="${bx + 6}" y="${top - 16}" fill="#cf222e">${esc(`bound ${data.boundMs / 1000} s = ${num(data.pushes)} ÷ ${data.requestsPerSecond}/s`)}</text>`);
  data.runs.forEach((run, i) => {
    const y = top + i * rowH;
    const complete = run.failed === 0 && run.duplicated === 0 && run.published === data.pushes;
    out.push(`<text x="${left - 10}" y="${y + barH / 2 + 4}" text-anchor="end"><tspan font-weight="bold" fill="${colour[run.node]}">${esc(run.node)}</tspan> ${esc(run.label)}</text>`);
    const w = Math.max(2, x(Math.min(run.wallMs / 1000, scaleMax)) - left);
    out.push(`<rect x="${left}" y="${y}" width="${w}" height="${barH}" fill="${colour[run.node]}"${complete ? '' : ' fill-opacity="0.35" stroke="#cf222e" stroke-width="1.5"'}/>`);
    const note = complete
      ? `${(run.wallMs / 1000).toFixed(1)} s = ${run.ratio.toFixed(2)} × bound; all ${num(run.published)} published once`
      : `${(run.wallMs / 1000).toFixed(1)} s, stopped: ${num(run.published)} published, no output${run.duplicated ? `, ${num(run.duplicated)} sent twice` : ''}`;
    out.push(`<text x="${W - notesW}" y="${y + barH / 2 + 4}" fill="${complete ? '#24292f' : '#cf222e'}">${esc(note)}</text>`);
  });
  const legendY = top + data.runs.length * rowH + 44;
  out.push(`<text x="16" y="${legendY}" fill="#57606a">${esc('Solid bar: every pin published once, no failed item. Pale bar with a red edge: the node stopped on a 429 (n8n gets no output at all), or pins were sent twice.')}</text>`);
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}

if (require.main === module) {
  const args = parseArgs(process.argv.slice(2));
  const input = path.resolve(ROOT, String(args.in ?? path.join('test-output', 'bench.json')));
  const output = path.resolve(ROOT, String(args.out ?? path.join('docs', 'images', 'bench-rate-limit.svg')));
  const machine = String(args.machine ?? `${os.cpus().length} vCPUs, load average ${os.loadavg()[0].toFixed(1)} when drawn`);
  const data = figures(JSON.parse(fs.readFileSync(input, 'utf8')), machine);
  fs.mkdirSync(path.dirname(output), { recursive: true });
  fs.writeFileSync(output, svg(data));
  if (args['keep-data']) fs.writeFileSync(output.replace(/\.svg$/, '.json'), `${JSON.stringify(data, null, 2)}\n`);
  console.log(`${path.relative(ROOT, output)}: ${data.runs.length} runs${args['keep-data'] ? ' (figures kept as .json)' : ''}`);
}

module.exports = { figures, svg };
