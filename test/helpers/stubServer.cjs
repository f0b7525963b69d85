// A one-answer HTTP server on 127.0.0.1 for shapes the emulator never produces.
'use strict';
const http = require('node:http');

async function startStub(body, status = 200) {
  const server = http.createServer((req, res) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((r) => server.close(r)) };
}

/**
 * A server whose answer depends on the request: `answer({ path, query })` returns the JSON body (status 200).
 * `requests` lists what arrived.
 */
async function startAnswerStub(answer) {
  const requests = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://stub.invalid');
    const request = { path: url.pathname, query: Object.fromEntries(url.searchParams) };
    requests.push(request);
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(answer(request)));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${server.address().port}`, requests, close: () => new Promise((r) => server.close(r)) };
}

/**
 * A server that takes every request and never answers. `received` lists each request's arrival and,
 * once the client hangs up, when it did (`closedAt`).
 */
async function startSilentServer() {
  const received = [];
  const waiting = [];
  const server = http.createServer((req) => {
    const entry = { at: Date.now(), closedAt: undefined };
    received.push(entry);
    req.socket.on('close', () => (entry.closedAt = Date.now()));
    for (const wait of waiting.filter((w) => received.length >= w.count)) wait.resolve();
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    received,
    /** Resolves once `count` requests have arrived. */
    receivedCount: (count) => new Promise((resolve) => {
      if (received.length >= count) resolve();
      else waiting.push({ count, resolve });
    }),
    close: () => {
      server.closeAllConnections();
      return new Promise((r) => server.close(r));
    },
  };
}

/**
 * A server for odd bytes: `answer(req, res)` writes whatever it likes (endless bodies, wrong encodings,
 * dropped sockets). Settable per test with `serve(answer)`; `requests` counts what arrived.
 */
async function startRawServer() {
  let answer = (_req, res) => res.end();
  const requests = [];
  const server = http.createServer((req, res) => {
    requests.push({ method: req.method, path: req.url });
    req.resume();
    answer(req, res);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    requests,
    serve: (next) => {
      answer = next;
      requests.length = 0;
    },
    close: () => {
      server.closeAllConnections();
      return new Promise((r) => server.close(r));
    },
  };
}

/** Writes `chunk` to `res` every `everyMs` until the client hangs up; `onClose` is told when (ms since epoch). */
function drip(res, chunk, everyMs, onClose = () => {}) {
  const timer = setInterval(() => res.write(chunk), everyMs);
  res.on('close', () => {
    clearInterval(timer);
    onClose(Date.now());
  });
}

/** `content` gzip-compressed (for answers with Content-Encoding: gzip). */
const gzip = (content) => require('node:zlib').gzipSync(content);

module.exports = { startAnswerStub, startStub, startSilentServer, startRawServer, gzip, drip };
