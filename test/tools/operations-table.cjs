#!/usr/bin/env node
// Renders the tables of operations in docs/operations.md from the built specs: the pushes, then the updates,
// deletes and Pull API reads, then the operations that describe their request (npm run docs writes them;
// test/engine/docs.test.ts fails when the page is out of date).
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');
const START = '<!-- operations:start -->';
const END = '<!-- operations:end -->';
const CHANGES_START = '<!-- changes:start -->';
const CHANGES_END = '<!-- changes:end -->';
const METHOD = { update: 'PUT', delete: 'DELETE' };
// The retry rule of each kind (nodes/OneAll/transport/retryPolicy.ts).
const AFTER_LOST_ANSWER = {
  update: 're-sent (same body, same result)',
  delete: 're-sent; a 404 after a lost answer (timeout, reset, 502/504) is reported as `deleted: true` with a `note`, after a 503 it is an error',
  pull: 're-sent (a read)',
};
// A caveat on a spec row (nodes/OneAll/actions/common/caveats.ts): the editor shows its notice.
const caveatNote = (spec) => (spec.caveat ? ` · ⚠ ${spec.caveat.label} (notice in the editor)` : '');

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

function renderChangesTable() {
  const { PUSH_RESOURCES } = require(path.join(ROOT, 'dist/nodes/OneAll/actions/registry.js'));
  const rows = [
    '| Resource → Operation | Request (`{param}`: picker or id field, validated and encoded) | Body or query | Certainty | After a lost answer |',
    '|---|---|---|---|---|',
  ];
  for (const resource of PUSH_RESOURCES) {
    for (const spec of resource.specs.filter((s) => s.verb === 'update' || s.verb === 'delete')) {
      const body = spec.fields.filter((f) => !(f.kind === 'pathId' || (f.kind === 'locator' && f.at === 'path')));
      const what = spec.verb === 'delete' ? 'no body' : `\`update.${spec.object}\`: ${body.map(describeField).join('<br>')}`;
      rows.push(`| ${resource.name} → ${spec.name} | \`${METHOD[spec.verb]} /update/identities/<identity>/${spec.path}\` | ${what} | ${CERTAINTY[spec.certainty]}${caveatNote(spec)} | ${AFTER_LOST_ANSWER[spec.verb]} |`);
    }
    for (const pull of resource.pulls) {
      const paging = pull.paging;
      const query = [
        paging.size && paging.page ? `\`${paging.size}\` (${paging.pageSize} a page), \`${paging.page}\`: Return All walks the pages` : '',
        paging.size && !paging.page ? `\`${paging.size}\` = Limit` : '',
        !paging.size && !pull.single ? 'no paging parameter known: one request, Limit trims' : '',
        ...(pull.filters || []).map((f) => `\`${f.key}\` (${f.label})`),
        ...(pull.idFields || []).filter((f) => f.at === 'query').map((f) => `\`${f.key}\` (${f.label}, required)`),
      ].filter(Boolean);
      const answer = pull.single ? 'one item: `result.data`' : `list \`result.data.${pull.collection}\``;
      rows.push(`| ${resource.name} → ${pull.name} | \`GET /pull/identities/<identity>/${pull.path}\` | ${query.join('<br>')}; ${answer} | path ${CERTAINTY[pull.certainty]} (${pull.source}); answer undocumented (read leniently)${caveatNote(pull)} | ${AFTER_LOST_ANSWER.pull} |`);
    }
  }
  return rows.join('\n');
}

function renderTable() {
  const { PUSH_RESOURCES } = require(path.join(ROOT, 'dist/nodes/OneAll/actions/registry.js'));
  const rows = [
    '| Resource → Operation | Path after `/push/identities/<identity>/` | Body `push.<object>`: field → key | Certainty |',
    '|---|---|---|---|',
  ];
  for (const resource of PUSH_RESOURCES) {
    for (const spec of resource.specs.filter((s) => (s.verb ?? 'push') === 'push')) {
      const fields = spec.fields.map(describeField).join('<br>');
      const extra = spec.asynchronous ? ' · async, callback URL' : '';
      rows.push(`| ${resource.name} → ${spec.name} | \`${spec.path}\` | \`${spec.object}\`: ${fields} | ${CERTAINTY[spec.certainty]}${extra}${caveatNote(spec)} |`);
    }
  }
  return rows.join('\n');
}

// Operations that are not push spec rows but describe their request (`docs` on the operation definition).
const DOCS_START = '<!-- described-operations:start -->';
const DOCS_END = '<!-- described-operations:end -->';

const DESCRIBED_CERTAINTY = { ...CERTAINTY, docs: 'documented (OneAll docs page)' };

function renderDescribedTable() {
  const { RESOURCES } = require(path.join(ROOT, 'dist/nodes/OneAll/actions/registry.js'));
  const rows = ['| Resource → Operation | Request | Body `request.…` | Certainty | Source |', '|---|---|---|---|---|'];
  for (const resource of RESOURCES) {
    for (const operation of resource.operations) {
      const d = operation.docs;
      if (!d) continue;
      rows.push(`| ${resource.name} → ${operation.name} | \`${d.request}\` | ${d.body ? `\`${d.body}\`` : '–'} | ${DESCRIBED_CERTAINTY[d.certainty]} | ${d.source} |`);
    }
  }
  return rows.join('\n');
}

const OPERATIONS_PAGE = path.join('docs', 'operations.md');

function replaceBetween(text, start, end, content) {
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < from) throw new Error(`${OPERATIONS_PAGE} lacks the ${start} … ${end} markers`);
  return `${text.slice(0, from + start.length)}\n${content}\n${text.slice(to)}`;
}

/** The page with its three tables rendered from the built specs. */
function withTables(page) {
  const withPushes = replaceBetween(page, START, END, renderTable());
  const withChanges = replaceBetween(withPushes, CHANGES_START, CHANGES_END, renderChangesTable());
  return replaceBetween(withChanges, DOCS_START, DOCS_END, renderDescribedTable());
}

/** Each resource of the node with its number of operations (for the README's one-screen summary). */
function resourceSummary() {
  const { RESOURCES } = require(path.join(ROOT, 'dist/nodes/OneAll/actions/registry.js'));
  return RESOURCES.map((resource) => ({ name: resource.name, operations: resource.operations.length }));
}

const read = (file) => fs.readFileSync(path.join(ROOT, file), 'utf8');

if (require.main === module) {
  fs.writeFileSync(path.join(ROOT, OPERATIONS_PAGE), withTables(read(OPERATIONS_PAGE)));
  console.log(`${OPERATIONS_PAGE}: operations tables updated`);
}

module.exports = {
  renderTable,
  withTables,
  resourceSummary,
  OPERATIONS_PAGE,
  operationsPage: () => read(OPERATIONS_PAGE),
  readme: () => read('README.md'),
};
