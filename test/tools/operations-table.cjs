#!/usr/bin/env node
// Renders the README's table of push operations from the built specs (npm run docs writes it into
// README.md; test/engine/docs.test.ts fails when the README is out of date).
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');
const START = '<!-- operations:start -->';
const END = '<!-- operations:end -->';
const CERTAINTY = {
  'seed-page': '**documented** (OneAll page, exact)',
  docs: 'documented (older OneAll page)',
  sdk: "from OneAll's SDK",
  guess: 'best guess',
};

function describeField(field) {
  if (field.kind === 'locator' && field.at === 'path') return `${field.param} (picker, in the path)`;
  const flags = [];
  if (field.required) flags.push('required');
  if (field.maxLength) flags.push(`≤ ${field.maxLength}${field.counter === 'twitter' ? ' (X weighting)' : ''}`);
  if (field.maxItems) flags.push(`≤ ${field.maxItems} ids`);
  const where = field.required || field.primary ? '' : ' *(additional)*';
  return `${field.label} → \`${field.key}\`${flags.length ? ` (${flags.join(', ')})` : ''}${where}`;
}

function renderTable() {
  const { PUSH_RESOURCES } = require(path.join(ROOT, 'dist/nodes/OneAll/actions/registry.js'));
  const rows = [
    '| Resource → Operation | Path after `/push/identities/<identity>/` | Body `push.<object>`: field → key | Certainty |',
    '|---|---|---|---|',
  ];
  for (const resource of PUSH_RESOURCES) {
    for (const spec of resource.specs) {
      const fields = spec.fields.map(describeField).join('<br>');
      const extra = spec.asynchronous ? ' · async, callback URL' : '';
      rows.push(`| ${resource.name} → ${spec.name} | \`${spec.path}\` | \`${spec.object}\`: ${fields} | ${CERTAINTY[spec.certainty]}${extra} |`);
    }
  }
  return rows.join('\n');
}

function readmeWithTable(readme) {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`README.md lacks the ${START} … ${END} markers`);
  return `${readme.slice(0, start + START.length)}\n${renderTable()}\n${readme.slice(end)}`;
}

if (require.main === module) {
  const file = path.join(ROOT, 'README.md');
  fs.writeFileSync(file, readmeWithTable(fs.readFileSync(file, 'utf8')));
  console.log('README.md operations table updated');
}

module.exports = { renderTable, readmeWithTable, readme: () => fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8') };
