// Tool schema check (node --test): the OneAll node as n8n 2.41.1 offers it to an AI Agent, per
// operation (see tool-schema.cjs). Fails on what confuses a model: an empty or generic description,
// two operations with one tool name, a name n8n would truncate, a parameter without a description,
// a parameter key used twice, a content field the model cannot be given. The exact texts live in
// tool-schema.snapshot.json for review; a stale snapshot is reported, not failed:
//   npm run tool-schema:update   (rewrites it; commit it with the change to the operations)

import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { before, describe, test } from 'node:test';

import * as H from '../real-n8n/n8n-env.mjs';

H.ensureN8nNode();
const require = createRequire(import.meta.url);
const { buildToolSchemas, snapshotText, readSnapshot } = require('./tool-schema.cjs');

const MAX_TOOL_NAME = 64; // OpenAI's limit; n8n's nodeNameToToolName cuts longer names

let schemas;
before(async () => {
  await H.ensureN8n();
  schemas = buildToolSchemas();
});

describe(`OneAll as an AI Agent tool in n8n ${H.N8N_VERSION}`, () => {
  test('n8n builds the tool variant n8n-nodes-oneall.oneAllTool with an ai_tool output', () => {
    assert.equal(schemas.nodeType, 'n8n-nodes-oneall.oneAllTool');
    assert.deepEqual(schemas.outputs, ['ai_tool']);
    assert.ok(schemas.operations.length >= 20, `only ${schemas.operations.length} operations`);
  });

  test('every operation has its own tool name, short enough not to be cut', () => {
    const seen = new Map();
    for (const op of schemas.operations) {
      const where = `${op.resource}/${op.operation}`;
      assert.match(op.toolName, /^[a-zA-Z0-9_-]+$/, where);
      assert.ok(op.toolName.length < MAX_TOOL_NAME, `${where}: tool name "${op.toolName}" reaches ${MAX_TOOL_NAME} characters and is cut`);
      assert.ok(!seen.has(op.toolName), `${where} and ${seen.get(op.toolName)} are both offered as "${op.toolName}"`);
      seen.set(op.toolName, where);
    }
  });

  test('every operation has a description that names what it does (not the generic fallback)', () => {
    for (const op of schemas.operations) {
      const where = `${op.resource}/${op.operation}`;
      const what = op.description.replace(/ in OneAll$/, '').trim();
      assert.ok(what.length >= 10, `${where}: description "${op.description}" says nothing`);
      // n8n's fallback when an operation has no action text: "<operation> <resource> in OneAll".
      assert.notEqual(op.description, `${op.operation} ${op.resource} in OneAll`, `${where}: the operation has no action text`);
    }
  });

  test('every parameter the model can be given has a described, unique key and the schema builds', () => {
    for (const op of schemas.operations) {
      const where = `${op.resource}/${op.operation}`;
      assert.equal(op.schemaError, undefined, `${where}: n8n cannot build the tool: ${op.schemaError}`);
      const keys = op.fields.map((f) => f.key);
      const twice = keys.filter((k, i) => keys.indexOf(k) !== i);
      assert.deepEqual(twice, [], `${where}: parameters share the $fromAI key(s) ${twice.join(', ')} (n8n rejects a tool whose two keys differ)`);
      for (const [key, property] of Object.entries(op.parameters.properties)) {
        assert.ok(String(property.description ?? '').trim().length >= 8, `${where}: parameter "${key}" has no description`);
      }
    }
  });

  const NETWORKS = ['facebook', 'linkedin', 'pinterest', 'twitter', 'youtube'];

  test('identity, boards/pages/playlists, texts and URLs of every push can be left to the model', () => {
    for (const op of schemas.operations.filter((o) => /^(publish|upload|add|create)/i.test(o.operation) || /publish|upload|create|add/i.test(o.toolName))) {
      const where = `${op.resource}/${op.operation}`;
      if (op.resource === 'customApiCall') continue;
      const params = op.fields.map((f) => f.param);
      // A network's operations act for an identity; Sharing publishes for a user or an identity; short URLs
      // and analytics act for the site.
      if (NETWORKS.includes(op.resource)) {
        assert.ok(params.includes('identity'), `${where}: the identity cannot come from the model`);
      } else if (op.resource === 'sharingMessage') {
        assert.ok(params.includes('identity') || params.includes('user'), `${where}: neither the user nor the identity can come from the model`);
      }
      // Dropdowns and the Options collection stay choices of the workflow's author (the editor offers no $fromAI there);
      // so does Multi-Network's list of networks and their overrides (its base text and link come from the model).
      const authorChoices = op.resource === 'multiNetwork' ? ['options', 'collection', 'fixedCollection'] : ['options', 'collection'];
      for (const fixed of op.fixed) {
        assert.ok(authorChoices.includes(fixed.type), `${where}: "${fixed.param}" (${fixed.type}) is visible but cannot be given to the model`);
      }
      if (op.resource === 'multiNetwork') assert.ok(params.includes('text'), `${where}: the base text cannot come from the model`);
    }
  });

  test('the committed snapshot is current (reported, not failed: npm run tool-schema:update)', (t) => {
    const current = snapshotText(schemas);
    const committed = readSnapshot();
    if (committed === current) return;
    const was = committed ? JSON.parse(committed).operations.map((o) => o.toolName) : [];
    const now = schemas.operations.map((o) => o.toolName);
    const added = now.filter((n) => !was.includes(n));
    const removed = was.filter((n) => !now.includes(n));
    t.diagnostic(
      `test/agent/tool-schema.snapshot.json is ${committed ? 'stale' : 'missing'}` +
        `${added.length ? `; new tools: ${added.join(', ')}` : ''}${removed.length ? `; gone: ${removed.join(', ')}` : ''}` +
        '. Run npm run tool-schema:update and review the diff.',
    );
    process.stdout.write('NOTE: tool-schema.snapshot.json differs from what n8n builds now: run npm run tool-schema:update and review the diff\n');
  });
});
