// npm run test:agent (second half; the first is tool-schema.test.mjs)
//
// n8n's AI Agent uses the OneAll node as a tool in a real n8n 2.41.1, offline: the OpenAI Chat Model
// credential's Base URL points at test/chat-server (a scripted model), the OneAll credential at the
// emulator. Row 1 runs examples/ai-agent-pin-from-product-url.json with `n8n execute` (the client
// asks for plain JSON); row 2 runs a webhook variant with streaming on through `n8n start` (the
// client asks for SSE) where the model first sends a title that is too long.
//
// Options (after `--`): --skip-build (pack the existing dist/).

import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import * as H from '../real-n8n/n8n-env.mjs';

H.ensureN8nNode();
const require = createRequire(import.meta.url);
const { startChatServer, fillArguments } = require('../chat-server/index.cjs');

const skipBuild = process.argv.includes('--skip-build');
const USER_FOLDER = path.join(H.CACHE_DIR, 'agent-user');
const EXAMPLE = path.join(H.ROOT, 'examples', 'ai-agent-pin-from-product-url.json');
const SETUP_TIMEOUT = 40 * 60_000; // a first run installs n8n
const CASE_TIMEOUT = 4 * 60_000;
const OPENAI_CREDENTIAL = { id: 'openAiAccount0001', name: 'OpenAI account' };
const STREAM_WEBHOOK = 'oneall-agent-pin-stream';
const PIN_TOOL = 'Publish_Pin'; // the tool node's name, as n8n turns it into a tool name

const example = JSON.parse(fs.readFileSync(EXAMPLE, 'utf8'));
const product = Object.fromEntries(
  example.nodes.find((n) => n.name === 'Product').parameters.assignments.assignments.map((a) => [a.name, a.value]),
);

let env;
let emu;
let FIXTURES;
let chat;
let server; // { url, api } once n8n start is up

/** The example with test settings: no client retries (a script turn is answered once). */
function exampleForTest() {
  const wf = structuredClone(example);
  wf.nodes.find((n) => n.name === 'OpenAI Chat Model').parameters.options = { maxRetries: 0 };
  return wf;
}

/**
 * Webhook variant: streaming response, agent streaming on, and the identity and board left to the
 * model as well (identity as a plain token in "By Token" mode, board as a plain id in "From List" mode).
 */
function streamingVariant() {
  const wf = exampleForTest();
  wf.id = 'oneallAgentPin02';
  wf.name = `${example.name} [webhook, streaming]`;
  const trigger = wf.nodes.find((n) => n.type === 'n8n-nodes-base.manualTrigger');
  Object.assign(trigger, {
    name: 'Webhook',
    type: 'n8n-nodes-base.webhook',
    typeVersion: 2.1,
    webhookId: '0b6f3f8e-3a0c-4d38-9b55-5a6e8a000002',
    parameters: { httpMethod: 'POST', path: STREAM_WEBHOOK, responseMode: 'streaming', options: {} },
  });
  const manualName = Object.keys(wf.connections).find((from) => from.startsWith('When clicking'));
  wf.connections.Webhook = wf.connections[manualName];
  delete wf.connections[manualName];
  for (const n of wf.nodes) n.id = randomUUID(); // node ids are unique per workflow copy
  wf.nodes.find((n) => n.name === 'AI Agent').parameters.options.enableStreaming = true;
  wf.nodes
    .find((n) => n.name === 'Product')
    .parameters.assignments.assignments.push({ id: 'a6', name: 'identity', value: '={{ $json.body.identity }}', type: 'string' });
  const tool = wf.nodes.find((n) => n.name === 'Publish Pin').parameters;
  tool.identity = { __rl: true, mode: 'id', value: "={{ $fromAI('Identity', `OneAll identity token of the Pinterest account`, 'string') }}" };
  tool.board = { __rl: true, mode: 'list', value: tool.board.value };
  wf.nodes.find((n) => n.name === 'AI Agent').parameters.text += '\nPinterest identity token: {{ $json.identity }}';
  return wf;
}

/** The example with n8n's Retry On Fail (3 tries) on the tool node. */
function retryVariant() {
  const wf = exampleForTest();
  wf.id = 'oneallAgentPin03';
  wf.name = `${example.name} [tool with Retry On Fail]`;
  for (const n of wf.nodes) n.id = randomUUID();
  Object.assign(wf.nodes.find((n) => n.name === 'Publish Pin'), { retryOnFail: true, maxTries: 3, waitBetweenTries: 100 });
  return wf;
}

const PIN_PATH = () => `/push/identities/${FIXTURES.identities.pinterest}/pinterest/board/${FIXTURES.pinterest.boardId}/pin.json`;
const pinTool = ({ tools }) => tools.find((t) => t.name === PIN_TOOL);
const TITLE = 'Trail Runner 2: 240 g of grip for weekend trails';
const DESCRIPTION = 'Light, grippy and made with a recycled mesh upper: the Trail Runner 2 is built for weekend trail runners.';
const pinValues = (title) => [
  [/^identity/i, FIXTURES.identities.pinterest],
  [/^board/i, FIXTURES.pinterest.boardId],
  [/^title/i, title],
  [/^picture/i, product.pictureUrl],
  [/^description/i, DESCRIPTION],
];

/** Parses a tool result message: n8n sends the tool's output items as JSON text. */
function parseToolContent(content) {
  try {
    return JSON.parse(content);
  } catch {
    return content;
  }
}
const flat = (value) => (Array.isArray(value) ? value.flat(Infinity) : [value]);

function describeChat() {
  return chat.requests
    .map((r) => `#${r.seq} stream=${r.stream} tools=[${r.tools.map((t) => t.name)}] toolResults=${JSON.stringify(r.toolResults.map((t) => t.content.slice(0, 300)))} answer=${JSON.stringify(r.answer ?? r.error).slice(0, 300)}`)
    .join('\n');
}

const flatted = () => createRequire(path.join(H.N8N_DIR, 'node_modules', 'n8n', 'package.json'))('flatted');

async function startServer() {
  if (server) return server;
  const srv = await H.startN8n(env, { logName: 'n8n-agent-start.log' });
  await H.setupOwner(srv.url);
  server = { url: srv.url, api: await H.restLogin(srv.url) };
  return server;
}

/** POSTs to the webhook, reads the whole streamed answer, then loads the finished execution. */
async function runStreamingWebhook(workflowId, body) {
  const { url, api } = await startServer();
  const startedAt = Date.now();
  // n8n registers webhooks a moment after it reports healthy; a 404 "not registered" started nothing,
  // so the same POST is sent again until the webhook exists.
  let res;
  let streamed;
  for (const registeredBy = Date.now() + 60_000; ; await H.sleep(500)) {
    res = await fetch(`${url}/webhook/${STREAM_WEBHOOK}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(120_000),
    });
    streamed = await res.text();
    if (!(res.status === 404 && streamed.includes('is not registered') && Date.now() < registeredBy)) break;
  }
  assert.equal(res.status, 200, `webhook answered ${res.status}: ${streamed.slice(0, 300)}`);
  const filter = encodeURIComponent(JSON.stringify({ workflowId }));
  const deadline = Date.now() + 60_000;
  let summary;
  while (!summary) {
    const list = await api(`/rest/executions?filter=${filter}&limit=10`);
    summary = (list.json?.data?.results ?? []).find(
      (e) => ['success', 'error', 'crashed', 'canceled'].includes(e.status) && Date.parse(e.startedAt ?? e.createdAt) >= startedAt - 2000,
    );
    if (!summary) {
      assert.ok(Date.now() < deadline, `no finished execution of ${workflowId} within 60s (${list.status}: ${list.text.slice(0, 300)})`);
      await H.sleep(500);
    }
  }
  const full = await api(`/rest/executions/${summary.id}`);
  assert.equal(full.status, 200, full.text.slice(0, 300));
  const data = typeof full.json.data.data === 'string' ? flatted().parse(full.json.data.data) : full.json.data.data;
  return { ok: summary.status === 'success' && !data?.resultData?.error, status: summary.status, run: { data }, streamed, ms: Date.now() - startedAt };
}

describe(`AI Agent + OneAll tool in a real n8n ${H.N8N_VERSION} (scripted chat model)`, () => {
  before(
    async () => {
      H.exitOnSignals();
      const step = H.stepper(6);
      const s = await H.setupInstance({ userFolder: USER_FOLDER, port: await H.pickPort(5698), step, skipBuild });
      ({ env, emu, FIXTURES } = s);
      step('Starting the scripted chat-completions server and importing the OpenAI credential');
      chat = await startChatServer();
      H.onCleanup(() => chat.close());
      await H.importCredentials(env, [
        { ...OPENAI_CREDENTIAL, type: 'openAiApi', data: { apiKey: 'sk-scripted-test-key', url: chat.baseUrl } },
      ]);
      H.info(`chat server: ${chat.baseUrl} (credential "${OPENAI_CREDENTIAL.name}", type openAiApi)`);
      step('Importing the example and its webhook/streaming variant; publishing the variant');
      await H.importWorkflows(env, [exampleForTest(), streamingVariant(), retryVariant()]);
      await H.publishWorkflow(env, 'oneallAgentPin02');
    },
    { timeout: SETUP_TIMEOUT },
  );

  after(async () => {
    await H.cleanupAll();
  });

  test('the example: the model asks for a pin with title, picture and board; OneAll gets exactly that pin; the model gets its result', { timeout: CASE_TIMEOUT }, async () => {
    assert.ok(env, 'setup failed (see the before hook)');
    emu.reset();
    chat.setScript([
      { tool: pinTool, args: ({ tool }) => fillArguments(tool, pinValues(TITLE)) },
      { text: ({ lastToolResult }) => `Published: ${lastToolResult.content}` },
    ]);
    const result = await H.executeWorkflow(env, example.id);
    assert.equal(result.ok, true, `the execution failed: ${result.error?.message ?? ''}\n${describeChat()}\n${result.stdout.slice(-2000)}\n${result.stderr.slice(-1500)}`);

    // What the model was offered: one tool, the node's manual description, the $fromAI keys with their descriptions.
    assert.equal(chat.requests.length, 2, describeChat());
    assert.deepEqual(chat.requests.map((r) => r.stream), [false, false]);
    const [offered] = chat.requests[0].tools;
    assert.equal(offered.name, PIN_TOOL);
    assert.match(offered.description, /at most 100 characters/);
    assert.deepEqual(Object.keys(offered.parameters.properties).sort(), ['Board', 'Description', 'Picture_URL', 'Title']);
    for (const [key, p] of Object.entries(offered.parameters.properties)) assert.ok(p.description, `parameter ${key} has no description`);

    // OneAll received exactly the pin the model asked for (the link is fixed by the workflow).
    const pushes = emu.pushes();
    assert.equal(pushes.length, 1, `pushes: ${pushes.map((p) => p.path).join(', ')}`);
    assert.equal(pushes[0].path, PIN_PATH());
    assert.deepEqual(pushes[0].body, {
      request: { push: { pin: { title: TITLE, picture: product.pictureUrl, description: DESCRIPTION, link: product.productUrl } } },
    });

    // The model received the pin's result as the tool's answer.
    const results = chat.toolResults();
    assert.equal(results.length, 1, describeChat());
    assert.equal(results[0].name, PIN_TOOL);
    const pin = flat(parseToolContent(results[0].content)).find((x) => x && typeof x === 'object' && 'pin_id' in x);
    assert.ok(pin, `no pin in the tool answer: ${results[0].content.slice(0, 500)}`);
    assert.equal(String(pin.pin_id), String(pushes[0].result.pin_id));
    assert.equal(pin.pin_title, TITLE);
    assert.equal(pin.pin_board_id, FIXTURES.pinterest.boardId);

    const [agentOut] = H.nodeItems(result.run, 'AI Agent');
    assert.match(String(agentOut.output), new RegExp(`"pin_id":"?${pin.pin_id}`));
    H.info(`tool answer the model received: ${results[0].content.slice(0, 200)}${results[0].content.length > 200 ? '…' : ''}`);
  });

  test('tool with Retry On Fail, the answer to the push lost after OneAll recorded it: the pin is posted once, the model is told the outcome is unknown', { timeout: CASE_TIMEOUT }, async () => {
    assert.ok(env, 'setup failed (see the before hook)');
    emu.reset();
    emu.addFault({ type: 'afterProcessing', path: /\/pin\.json$/, status: 504 });
    chat.setScript([
      { tool: pinTool, args: ({ tool }) => fillArguments(tool, pinValues(TITLE)) },
      { text: ({ lastToolResult }) => `Tool said: ${lastToolResult.content}` },
    ]);
    const result = await H.executeWorkflow(env, 'oneallAgentPin03');
    const pushes = emu.pushes();
    const results = chat.toolResults();
    H.info(`execution ok=${result.ok}; tool answers: ${results.map((r) => r.content.slice(0, 300)).join(' | ')}`);
    assert.equal(pushes.length, 1, `n8n tried the tool 3 times; pushes: ${pushes.length}\n${describeChat()}`);
    assert.equal(emu.requests.filter((r) => r.method === 'POST').length, 1);
    assert.ok(results.length >= 1, describeChat());
    assert.match(results.at(-1).content, /Outcome unknown, not re-sent/);
  });

  test('streaming, too-long title: the model reads which field and limit, corrects it, and the pin is published once', { timeout: CASE_TIMEOUT }, async () => {
    assert.ok(env, 'setup failed (see the before hook)');
    emu.reset();
    const longTitle = `${TITLE} - ${'ultralight trail shoe for rocky, muddy and wet weekend runs '.repeat(2)}`.trim();
    assert.ok(longTitle.length > 100);
    let errorSeen;
    chat.setScript([
      { tool: pinTool, args: ({ tool }) => fillArguments(tool, pinValues(longTitle)) },
      {
        // A model that acts only on what the error says: the field it names and the limit it gives.
        tool: pinTool,
        args: ({ tool, lastToolResult }) => {
          errorSeen = lastToolResult.content;
          const limit = Number(/(\d+)\D*$/.exec(/allows? (?:at most )?(\d+)/i.exec(errorSeen)?.[0] ?? '')?.[1]);
          if (!/title/i.test(errorSeen) || !Number.isFinite(limit)) throw new Error(`the error does not say which field and limit: ${errorSeen}`);
          return fillArguments(tool, pinValues(longTitle.slice(0, limit).trim()));
        },
      },
      { text: ({ lastToolResult }) => `Published: ${lastToolResult.content}` },
    ]);
    const run = await runStreamingWebhook('oneallAgentPin02', { identity: FIXTURES.identities.pinterest });
    assert.equal(run.ok, true, `the execution ended ${run.status}: ${JSON.stringify(run.run.data?.resultData?.error ?? {}).slice(0, 500)}\n${describeChat()}`);
    assert.ok(chat.requests.length === 3 && chat.requests.every((r) => r.stream), `expected 3 streamed requests:\n${describeChat()}`);

    const results = chat.toolResults();
    assert.equal(results.length, 2, describeChat());
    const errorText = results[0].content;
    H.info(`error text the model received: ${JSON.stringify(errorText)}`);
    assert.equal(errorSeen, errorText);
    assert.match(errorText, /Title/);
    assert.match(errorText, /100/);
    assert.match(errorText, new RegExp(String(Array.from(longTitle).length)));
    assert.doesNotMatch(errorText, /\n\s+at |NodeOperationError|node_modules|\.js:\d+/, 'a stack trace reached the model');
    assert.ok(errorText.length < 400, `the error the model got is ${errorText.length} characters long`);

    const pushes = emu.pushes();
    assert.equal(pushes.length, 1, `OneAll got ${pushes.length} pushes`);
    assert.equal(pushes[0].path, PIN_PATH());
    assert.equal(pushes[0].body.request.push.pin.title, longTitle.slice(0, 100).trim());
    const pin = flat(parseToolContent(results[1].content)).find((x) => x && typeof x === 'object' && 'pin_id' in x);
    assert.equal(String(pin?.pin_id), String(pushes[0].result.pin_id));
    // n8n streams JSON lines; the agent's text arrives in pieces as "item" lines.
    const streamedText = run.streamed
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line))
      .filter((chunk) => chunk.type === 'item')
      .map((chunk) => chunk.content)
      .join('');
    assert.match(streamedText, new RegExp(`"pin_id":"?${pin.pin_id}`), 'the streamed answer carries the final text');
  });
});
