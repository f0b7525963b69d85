'use strict';
// A scripted OpenAI-compatible chat-completions server for tests: POST /v1/chat/completions answers
// the next turn of a script (a tool call or a final text), as one JSON body or as SSE chunks when the
// client asks for `stream: true`. Every request is recorded, so a test can assert what the "model"
// received (e.g. the tool result messages). Node built-ins only; loopback only.

const http = require('node:http');

const BODY_LIMIT = 5 * 1024 * 1024;

/** OpenAI's error body; the openai client shows `error.message`. */
function errorBody(message, type = 'invalid_request_error') {
  return { error: { message, type, param: null, code: null } };
}

function sendJson(res, status, body) {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size > BODY_LIMIT) {
        reject(new Error('request body too large'));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** The tools of a request in one flat shape: { name, description, parameters }. */
function offeredTools(body) {
  return (Array.isArray(body.tools) ? body.tools : [])
    .filter((t) => t && t.type === 'function' && t.function)
    .map((t) => ({ name: t.function.name, description: t.function.description ?? '', parameters: t.function.parameters ?? {} }));
}

/** Tool result messages with the name of the tool call they answer (looked up in the history). */
function toolResults(messages) {
  const callNames = new Map();
  for (const m of messages) {
    for (const call of m.tool_calls ?? []) callNames.set(call.id, call.function?.name);
  }
  return messages
    .filter((m) => m.role === 'tool')
    .map((m) => ({
      toolCallId: m.tool_call_id,
      name: callNames.get(m.tool_call_id),
      content: typeof m.content === 'string' ? m.content : JSON.stringify(m.content),
    }));
}

function resolve(value, ctx) {
  return typeof value === 'function' ? value(ctx) : value;
}

/** Turns a script turn into the assistant message it stands for; throws a readable Error on a bad script. */
function planAnswer(turn, ctx, callId) {
  if (turn.text !== undefined) return { kind: 'text', text: String(resolve(turn.text, ctx)) };
  if (turn.tool === undefined) throw new Error('a script turn needs `tool` (and `args`) or `text`');
  const wanted = resolve(turn.tool, ctx);
  const tool = typeof wanted === 'string' ? ctx.tools.find((t) => t.name === wanted) : wanted;
  if (!tool || !ctx.tools.includes(tool)) {
    throw new Error(`the script wants tool ${JSON.stringify(typeof wanted === 'string' ? wanted : wanted?.name)}, offered: ${ctx.tools.map((t) => t.name).join(', ') || 'none'}`);
  }
  const args = resolve(turn.args ?? {}, { ...ctx, tool });
  return { kind: 'tool_call', id: callId, name: tool.name, arguments: args };
}

function completion(answer, meta) {
  const message =
    answer.kind === 'text'
      ? { role: 'assistant', content: answer.text, refusal: null }
      : {
          role: 'assistant',
          content: null,
          refusal: null,
          tool_calls: [{ id: answer.id, type: 'function', function: { name: answer.name, arguments: JSON.stringify(answer.arguments) } }],
        };
  return {
    id: meta.id,
    object: 'chat.completion',
    created: meta.created,
    model: meta.model,
    choices: [{ index: 0, message, logprobs: null, finish_reason: answer.kind === 'text' ? 'stop' : 'tool_calls' }],
    usage: meta.usage,
  };
}

/** The same answer as the chunks a streaming OpenAI endpoint sends (content and arguments in pieces). */
function chunks(answer, meta, includeUsage) {
  const chunk = (delta, finish = null) => ({
    id: meta.id,
    object: 'chat.completion.chunk',
    created: meta.created,
    model: meta.model,
    choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }],
  });
  const pieces = (text, size = 12) => {
    const out = [];
    for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
    return out.length ? out : [''];
  };
  const list = [];
  if (answer.kind === 'text') {
    list.push(chunk({ role: 'assistant', content: '', refusal: null }));
    for (const piece of pieces(answer.text)) list.push(chunk({ content: piece }));
    list.push(chunk({}, 'stop'));
  } else {
    list.push(
      chunk({
        role: 'assistant',
        content: null,
        tool_calls: [{ index: 0, id: answer.id, type: 'function', function: { name: answer.name, arguments: '' } }],
      }),
    );
    for (const piece of pieces(JSON.stringify(answer.arguments))) {
      list.push(chunk({ tool_calls: [{ index: 0, function: { arguments: piece } }] }));
    }
    list.push(chunk({}, 'tool_calls'));
  }
  if (includeUsage) list.push({ id: meta.id, object: 'chat.completion.chunk', created: meta.created, model: meta.model, choices: [], usage: meta.usage });
  return list;
}

/**
 * Starts the server. `script` is a list of turns, one per chat-completions request:
 *   { tool: 'name' | (ctx) => tool, args: {...} | (ctx) => ({...}) }   a tool call
 *   { text: '...' | (ctx) => '...' }                                    a final answer
 * ctx = { tools, messages, toolResults, lastToolResult, request, turnIndex } (+ `tool` for args).
 * Returns { url, baseUrl, port, requests, setScript(), toolResults(), close() }.
 */
async function startChatServer({ script = [], host = '127.0.0.1', port = 0, model = 'scripted-model', onRequest } = {}) {
  const state = { script, next: 0, requests: [], calls: 0 };
  const sockets = new Set();

  async function chatCompletions(req, res) {
    let body;
    try {
      body = JSON.parse(await readBody(req));
    } catch (e) {
      return sendJson(res, 400, errorBody(`body is not JSON: ${e.message}`));
    }
    const messages = Array.isArray(body.messages) ? body.messages : undefined;
    const entry = {
      seq: state.requests.length + 1,
      stream: body.stream === true,
      model: body.model,
      messages: messages ?? [],
      tools: offeredTools(body),
      toolResults: toolResults(messages ?? []),
      turnIndex: state.next,
      answer: undefined,
      error: undefined,
    };
    state.requests.push(entry);
    const fail = (status, message) => {
      entry.error = message;
      onRequest?.(entry);
      sendJson(res, status, errorBody(`chat-server: ${message}`));
    };
    if (!messages) return fail(400, '`messages` must be a list');
    const turn = state.script[state.next];
    if (!turn) return fail(400, `the script has no turn ${state.next + 1} (it has ${state.script.length})`);
    state.next += 1;
    const ctx = {
      tools: entry.tools,
      messages,
      toolResults: entry.toolResults,
      lastToolResult: entry.toolResults[entry.toolResults.length - 1],
      request: body,
      turnIndex: entry.turnIndex,
    };
    let answer;
    try {
      state.calls += 1;
      answer = planAnswer(turn, ctx, `call_${String(state.calls).padStart(4, '0')}`);
    } catch (e) {
      return fail(400, `script turn ${entry.turnIndex + 1}: ${e.message}`);
    }
    entry.answer = answer;
    onRequest?.(entry);
    const promptTokens = JSON.stringify(messages).length >> 2;
    const completionTokens = JSON.stringify(answer).length >> 2;
    const meta = {
      id: `chatcmpl-${entry.seq}`,
      created: Math.floor(Date.now() / 1000),
      model: body.model ?? model,
      usage: { prompt_tokens: promptTokens, completion_tokens: completionTokens, total_tokens: promptTokens + completionTokens },
    };
    if (!entry.stream) return sendJson(res, 200, completion(answer, meta));
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
    for (const c of chunks(answer, meta, body.stream_options?.include_usage === true)) res.write(`data: ${JSON.stringify(c)}\n\n`);
    res.end('data: [DONE]\n\n');
  }

  const server = http.createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0].replace(/\/+$/, '');
    if (req.method === 'POST' && /^(\/v1)?\/chat\/completions$/.test(path)) {
      chatCompletions(req, res).catch((e) => sendJson(res, 500, errorBody(`chat-server: ${e.message}`, 'server_error')));
    } else if (req.method === 'GET' && /^(\/v1)?\/models$/.test(path)) {
      sendJson(res, 200, { object: 'list', data: [{ id: model, object: 'model', created: 0, owned_by: 'chat-server' }] });
    } else {
      sendJson(res, 404, errorBody(`chat-server: no route ${req.method} ${path}`));
    }
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise((ok, ko) => {
    server.once('error', ko);
    server.listen(port, host, ok);
  });
  const actualPort = server.address().port;
  const url = `http://${host}:${actualPort}`;
  return {
    url,
    /** What the OpenAI credential's Base URL should be. */
    baseUrl: `${url}/v1`,
    port: actualPort,
    model,
    /** Every chat-completions request since the last setScript(), in order. */
    get requests() {
      return state.requests;
    },
    /** Turns answered so far in the current script. */
    get turnsUsed() {
      return state.next;
    },
    /** Replaces the script and forgets the record (one conversation at a time). */
    setScript(turns) {
      state.script = turns;
      state.next = 0;
      state.requests = [];
    },
    /** Every tool result message the model received, first time seen, in order. */
    toolResults() {
      const seen = new Map();
      for (const r of state.requests) for (const t of r.toolResults) if (!seen.has(t.toolCallId)) seen.set(t.toolCallId, t);
      return [...seen.values()];
    },
    close() {
      return new Promise((ok) => {
        for (const s of sockets) s.destroy();
        server.close(() => ok());
      });
    },
  };
}

/**
 * Arguments for `tool` from its offered JSON schema: every property gets the value of the first
 * [pattern, value] pair whose pattern matches the property's name (or description). A required
 * property that nothing matches throws, so a script fails loudly when the tool's schema changes.
 */
function fillArguments(tool, pairs) {
  const properties = tool.parameters?.properties ?? {};
  const required = new Set(tool.parameters?.required ?? []);
  const args = {};
  for (const [key, schema] of Object.entries(properties)) {
    const pair = pairs.find(([pattern]) => pattern.test(key)) ?? pairs.find(([pattern]) => pattern.test(schema?.description ?? ''));
    if (pair) args[key] = pair[1];
    else if (required.has(key)) throw new Error(`no value for the required parameter "${key}" of ${tool.name}`);
  }
  return args;
}

module.exports = { startChatServer, fillArguments, toolResults };
