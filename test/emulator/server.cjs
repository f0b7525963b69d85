'use strict';
// HTTP side of the emulator: site addressing, auth, faults, rate limit, latency, request log, control endpoints.

const http = require('node:http');
const { errorEnvelope, envelope, infoFor, AUTH_INFO } = require('./envelope.cjs');
const { matchRoute, NO_VALIDATION } = require('./handlers.cjs');
const { buildSiteData, FIXTURES, DEFAULT_SITE, OTHER_SITE, EMPTY_SITE } = require('./fixtures.cjs');
const { checkProfile } = require('./profiles.cjs');
const { createFaults } = require('./faults.cjs');
const { deliverCallback } = require('./callbacks.cjs');
const { emulatorFile } = require('./sharing.cjs');
const { reshape } = require('./reshape.cjs');
const { addEvents } = require('./events.cjs');

const RAW_LIMIT = 10 * 1024;
const REDACTED = '[redacted]';
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function parseBasic(header) {
  const m = /^Basic\s+(\S+)\s*$/i.exec(header || '');
  if (!m) return null;
  const s = Buffer.from(m[1], 'base64').toString('utf8');
  const i = s.indexOf(':');
  return i < 0 ? { user: s, pass: '' } : { user: s.slice(0, i), pass: s.slice(i + 1) };
}

async function startEmulator(opts = {}) {
  const {
    port = 0,
    host = '127.0.0.1',
    latencyMs = 0,
    rateLimit,
    asyncCallbackDelayMs = 200,
    seed = 1,
    userCount = 1200,
    connectionCount = 600,
    networkUserCount = 0,
    now = () => Date.now(),
    onRequest,
    answers = 'generous',
    encryptedSite = false,
  } = opts;
  checkProfile(answers);

  const sites = new Map([
    [DEFAULT_SITE.subdomain, { ...DEFAULT_SITE, data: buildSiteData({ seed, userCount, connectionCount, wellKnown: true, networkUserCount }) }],
    [OTHER_SITE.subdomain, { ...OTHER_SITE, data: buildSiteData({ seed: seed + 7, userCount: 40, connectionCount: 20, wellKnown: false }) }],
    [EMPTY_SITE.subdomain, { ...EMPTY_SITE, data: buildSiteData({ seed, userCount: 0, connectionCount: 0, wellKnown: false }) }],
  ]);
  const privateKeys = [...sites.values()].map((s) => s.privateKey);
  // The private key must never reach a response or the log, even if a client puts it somewhere odd.
  const scrub = (str) => {
    let out = str;
    for (const k of privateKeys) if (out.includes(k)) out = out.split(k).join(REDACTED);
    return out;
  };

  const state = {
    idCounter: 0,
    seq: 0,
    log: [],
    callbacks: [],
    latency: latencyMs,
    rps: rateLimit?.requestsPerSecond,
    windows: new Map(), // site -> timestamps of requests let through in the last second
    stats: { received: 0, processedPushes: 0, rejected: 0, faults: 0, rateLimited: 0 },
    timers: new Set(),
    closed: false,
    callbackDelay: asyncCallbackDelayMs,
    answers, // answer profile (profiles.cjs)
    encryptedSite, // data encryption on: connection user data answered as opaque text (README)
  };
  const faults = createFaults(now);

  const later = (ms, fn) => {
    const t = setTimeout(() => {
      state.timers.delete(t);
      fn();
    }, ms);
    state.timers.add(t);
  };

  function overRateLimit(sub) {
    if (!state.rps) return false;
    const t = now();
    let w = state.windows.get(sub);
    if (!w) state.windows.set(sub, (w = []));
    while (w.length && w[0] <= t - 1000) w.shift();
    if (w.length >= state.rps) return true;
    w.push(t);
    return false;
  }

  function resolveSite(req, url) {
    let path = url.pathname;
    let sub = DEFAULT_SITE.subdomain;
    const m = /^\/sites\/([^/]+)(\/.*)?$/.exec(path);
    if (m) {
      sub = decodeURIComponent(m[1]);
      path = m[2] || '/';
    } else {
      const h = /^([a-z0-9-]+)\.(?:api\.oneall\.com|localhost)(?::\d+)?$/i.exec(req.headers.host || '');
      if (h) sub = h[1].toLowerCase();
    }
    return { sub, path, site: sites.get(sub) };
  }

  function send(res, a) {
    if (res.destroyed || res.writableEnded) return;
    const headers = { ...(a.headers || {}) };
    let body = a.text;
    if (a.json !== undefined) {
      body = JSON.stringify(a.json);
      headers['Content-Type'] = 'application/json';
    }
    body = body ?? '';
    headers['Content-Length'] = Buffer.byteLength(body);
    res.writeHead(a.status, headers);
    res.end(body);
  }

  async function handleApi(req, res, url, rawFull) {
    const received = now();
    const { sub, path, site } = resolveSite(req, url);
    const query = Object.fromEntries(url.searchParams);
    const qs = url.search || '';
    const resource = path + qs;
    const headers = { ...req.headers };
    const creds = parseBasic(req.headers.authorization);
    if ('authorization' in headers) headers.authorization = REDACTED;
    for (const k of Object.keys(headers)) if (typeof headers[k] === 'string') headers[k] = scrub(headers[k]);
    const rawBody = rawFull.length > RAW_LIMIT ? rawFull.slice(0, RAW_LIMIT) : rawFull;
    let body = null;
    if (rawFull) {
      try {
        body = JSON.parse(rawFull);
      } catch {
        body = null;
      }
    }
    const authUser = creds ? (privateKeys.includes(creds.user) ? REDACTED : creds.user) : null;
    const authOk = Boolean(site && creds && creds.user === site.publicKey && creds.pass === site.privateKey);
    const entry = {
      seq: ++state.seq, site: sub, method: req.method, path, query, headers, authUser, authOk, body, rawBody,
      status: null, outcome: null, kind: null, fault: null, validation: NO_VALIDATION, error: null, result: null,
      receivedAt: new Date(received).toISOString(),
    };
    state.log.push(entry);
    state.stats.received++;
    const ctxNow = received;

    const finish = (a, outcome) => {
      entry.status = a ? a.status : null;
      entry.outcome = outcome;
      if (outcome === 'rejected') state.stats.rejected++;
      if (outcome === 'fault') state.stats.faults++;
      if (outcome === 'rate-limited') state.stats.rateLimited++;
      if (onRequest) onRequest(entry);
    };
    const reply = async (a, outcome) => {
      if (state.latency > 0) await sleep(state.latency);
      send(res, a);
      finish(a, outcome);
    };
    const errorReply = (status, info, extraHeaders) => ({
      status, json: errorEnvelope(resource, status, info, ctxNow), headers: extraHeaders,
    });

    if (!site) return reply(errorReply(404, `The site ${sub} does not exist`), 'rejected');

    // Faults come before auth and rate limiting: they simulate what is in front of the API.
    const fault = faults.take(req.method, path, sub);
    if (fault) {
      entry.fault = fault.type;
      if (!['afterProcessing', 'slow', 'asyncFailure', 'reshape'].includes(fault.type)) {
        return applyFault(fault, { req, res, resource, ctxNow, reply, finish, errorReply });
      }
      if (fault.type === 'slow') await sleep(fault.delayMs ?? 1000);
    }

    if (overRateLimit(sub)) {
      return reply(errorReply(429, 'Too many requests: the rate limit of this emulated site has been exceeded', { 'Retry-After': '1' }), 'rate-limited');
    }
    if (!authOk) return reply(errorReply(401, AUTH_INFO), 'rejected');

    const match = matchRoute(req.method, path);
    if (!match) return reply(errorReply(404, `The resource ${path} does not exist`), 'rejected');
    if (match.allowed) {
      return reply(
        errorReply(405, `The method ${req.method} is not allowed for ${path}; use ${match.allowed.join(', ')}`, { Allow: match.allowed.join(', ') }),
        'rejected',
      );
    }

    const ctx = { data: site.data, params: match.params, query, rawBody: rawFull, resource, now: ctxNow, state, asyncCallbackDelayMs, answers: state.answers, encryptedSite: state.encryptedSite };
    const out = match.route.handler(ctx);
    entry.kind = out.kind;
    entry.outcome = out.outcome; // set now: a push that is never answered (afterProcessing) still counts
    if (out.validation) entry.validation = out.validation;
    entry.error = out.error || null;
    if (out.result) entry.result = out.result;
    if (out.kind === 'push' && out.outcome === 'processed') state.stats.processedPushes++;
    if (out.async) scheduleCallback(entry, resource, out.async, fault?.type === 'asyncFailure');

    if (fault && fault.type === 'afterProcessing') {
      // The push is done; the client only sees a failure. A client that re-sends creates a duplicate.
      const then = fault.then || 'status';
      if (then === 'reset') {
        req.socket.destroy();
        return finish(null, out.outcome);
      }
      if (then === 'timeout') return hang(req, res, fault, () => finish(null, out.outcome));
      const status = fault.status ?? 502;
      return reply(errorReply(status, fault.info ?? infoFor(status), retryHeader(fault)), out.outcome);
    }
    const json = fault && fault.type === 'reshape' ? reshape(out.json, fault) : out.json;
    return reply({ status: out.status, json }, out.outcome);
  }

  const retryHeader = (f) => (f.retryAfter !== undefined ? { 'Retry-After': String(f.retryAfter) } : undefined);

  function hang(req, res, fault, done) {
    // Never answer; the client gives up (socket closes) or delayMs passes (then we drop the connection).
    let finished = false;
    const end = () => {
      if (!finished) {
        finished = true;
        done();
      }
    };
    res.on('close', end);
    if (fault.delayMs !== undefined) {
      later(fault.delayMs, () => {
        req.socket.destroy();
        end();
      });
    }
  }

  function drip(req, res, fault, onEnd, body) {
    // Headers at once, then the body byte by byte: a client with an idle timeout waits forever.
    let finished = false;
    const done = () => {
      if (!finished) {
        finished = true;
        onEnd();
      }
    };
    res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) });
    let sent = 0;
    const tick = () => {
      if (res.destroyed || res.writableEnded || state.closed) return done();
      res.write(body[sent++]);
      if (sent >= body.length) {
        res.end();
        return done();
      }
      later(fault.delayMs ?? 1000, tick);
    };
    res.on('close', done);
    tick();
  }

  function applyFault(f, { req, res, resource, ctxNow, reply, finish, errorReply }) {
    const status = f.status;
    switch (f.type) {
      case 'status':
        return reply(errorReply(status ?? 500, f.info ?? infoFor(status ?? 500), retryHeader(f)), 'fault');
      case 'rateLimit':
        return reply(errorReply(429, f.info ?? infoFor(429), retryHeader(f)), 'fault');
      case 'errorIn200':
        return reply({
          status: 200,
          json: envelope({ resource, flag: 'error', code: status ?? 400, info: f.info ?? 'The provider returned an error: the access token has expired', now: ctxNow }),
        }, 'fault');
      case 'html':
        return reply({
          status: status ?? 502,
          text: `<!DOCTYPE html>\n<html><head><title>${status ?? 502} Bad Gateway</title></head><body><center><h1>${status ?? 502} Bad Gateway</h1></center><hr><center>nginx</center></body></html>\n`,
          headers: { 'Content-Type': 'text/html; charset=utf-8', ...retryHeader(f) },
        }, 'fault');
      case 'malformed': {
        const full = JSON.stringify(envelope({ resource, flag: 'success', code: 200, now: ctxNow, result: { data: {} } }));
        return reply({ status: status ?? 200, text: full.slice(0, Math.floor(full.length / 2)), headers: { 'Content-Type': 'application/json' } }, 'fault');
      }
      case 'empty':
        return reply({ status: status ?? 200, text: '', headers: retryHeader(f) }, 'fault');
      case 'reset':
        req.socket.destroy();
        return finish(null, 'fault');
      case 'timeout':
        return hang(req, res, f, () => finish(null, 'fault'));
      case 'redirect':
        return reply({ status: status ?? 302, text: `Moved to ${f.location}`, headers: { Location: f.location } }, 'fault');
      case 'body':
        return reply({ status: status ?? 200, json: f.body, headers: retryHeader(f) }, 'fault');
      case 'echoAuth': {
        // A misbehaving gateway: repeats what the client sent, inside a OneAll-shaped answer.
        const authorization = req.headers.authorization ?? '';
        const key = parseBasic(authorization)?.pass ?? '';
        const code = status ?? 401;
        return reply({
          status: code,
          json: envelope({
            resource,
            flag: code >= 400 ? 'error' : 'success',
            code,
            info: `Rejected header "Authorization: ${authorization}" (private key ${key})`,
            now: ctxNow,
            result: { data: { echo: { authorization, private_key: key, note: `key=${key}` }, list: [authorization] } },
          }),
        }, 'fault');
      }
      case 'drip':
        return drip(req, res, f, () => finish({ status: 200 }, 'fault'), JSON.stringify(envelope({ resource, flag: 'success', code: 200, now: ctxNow, result: { data: {} } })));
      default:
        return reply(errorReply(500, `Unknown emulator fault type ${f.type}`), 'fault');
    }
  }

  function scheduleCallback(entry, resource, { url, data }, failed) {
    const record = { pushSeq: entry.seq, url, delivered: false, status: null, error: null, body: null, sentAt: null };
    state.callbacks.push(record);
    later(state.callbackDelay, () => {
      const object = data.object;
      const result = { ...data, [`${object}_status`]: failed ? 'failed' : 'processed' };
      record.body = failed
        ? envelope({ resource, flag: 'error', code: 400, info: 'The video could not be processed by the provider', now: now(), result: { data: result } })
        : envelope({ resource, flag: 'success', code: 200, now: now(), result: { data: result } });
      record.sentAt = new Date(now()).toISOString();
      deliverCallback(record, () => state.closed);
    });
  }

  // ---------- control endpoints (no auth; for tests driving n8n in another process) ----------

  function publicFixtures() {
    const site = sites.get(DEFAULT_SITE.subdomain);
    return {
      ...FIXTURES,
      counts: { users: site.data.userList.length, identities: site.data.identityList.length, connections: site.data.connectionList.length },
    };
  }

  function control(req, res, url, raw) {
    let body = {};
    try {
      body = raw ? JSON.parse(raw) : {};
    } catch {
      return send(res, { status: 400, json: { error: 'invalid JSON' } });
    }
    const route = `${req.method} ${url.pathname}`;
    const okJson = (json) => send(res, { status: 200, json });
    switch (route) {
      case 'GET /__emulator/requests': {
        const since = Number(url.searchParams.get('since') || 0);
        return okJson(since ? state.log.filter((e) => e.seq > since) : state.log);
      }
      case 'GET /__emulator/pushes':
        return okJson(api.pushes());
      case 'GET /__emulator/callbacks':
        return okJson(state.callbacks);
      case 'GET /__emulator/stats':
        return okJson(api.stats());
      case 'GET /__emulator/fixtures':
        return okJson(publicFixtures());
      case 'POST /__emulator/reset':
        api.reset();
        return okJson({ ok: true });
      case 'POST /__emulator/faults':
        try {
          api.addFault(body.pathRegex ? { ...body, path: new RegExp(body.pathRegex) } : body);
        } catch (e) {
          return send(res, { status: 400, json: { error: e.message } });
        }
        return okJson({ ok: true, faults: faults.list() });
      case 'POST /__emulator/latency':
        api.setLatency(Number(body.ms) || 0);
        return okJson({ ok: true, latencyMs: state.latency });
      case 'POST /__emulator/events':
        try {
          return okJson(addEvents(sites.get(body.site || DEFAULT_SITE.subdomain).data, body));
        } catch (e) {
          return send(res, { status: 400, json: { error: e.message } });
        }
      case 'POST /__emulator/answers':
        try {
          api.setAnswers(body.answers);
        } catch (e) {
          return send(res, { status: 400, json: { error: e.message } });
        }
        return okJson({ ok: true, answers: state.answers });
      case 'POST /__emulator/encrypted-site':
        api.setEncryptedSite(body.encryptedSite === true);
        return okJson({ ok: true, encryptedSite: state.encryptedSite });
      case 'POST /__emulator/rate-limit':
        api.setRateLimit(body.requestsPerSecond ?? undefined);
        return okJson({ ok: true, requestsPerSecond: state.rps ?? null });
      default: {
        const file = /^GET \/__emulator\/files\/([\w.-]+)$/.exec(route);
        if (file) {
          const content = emulatorFile(file[1], url.searchParams.get('bytes'));
          res.writeHead(200, { 'Content-Type': 'image/png', 'Content-Length': content.length });
          return res.end(content);
        }
        return send(res, { status: 404, json: { error: `unknown control endpoint ${route}` } });
      }
    }
  }

  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('error', () => {});
    req.on('end', () => {
      const raw = scrub(Buffer.concat(chunks).toString('utf8'));
      // Concatenate rather than resolve: a path like //x must stay a path, not become a host.
      const url = new URL('http://emulator.invalid' + scrub(req.url));
      const run = url.pathname.startsWith('/__emulator/') ? control(req, res, url, raw) : handleApi(req, res, url, raw);
      Promise.resolve(run).catch((e) => {
        if (!res.headersSent) send(res, { status: 500, json: errorEnvelope(url.pathname, 500, `Emulator bug: ${e.message}`, now()) });
      });
    });
  });
  server.keepAliveTimeout = 30000;
  server.headersTimeout = 31000;
  server.requestTimeout = 0; // 'timeout' faults hold requests open on purpose

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const addr = server.address();
  const base = `http://${addr.family === 'IPv6' ? `[${addr.address}]` : addr.address}:${addr.port}`;

  const api = {
    url: base,
    port: addr.port,
    sites: Object.freeze([...sites.keys()]),
    siteUrl: (sub) => `${base}/sites/${encodeURIComponent(sub)}`,
    requests: state.log,
    callbacks: state.callbacks,
    get fixtures() {
      return publicFixtures();
    },
    pushes: () => state.log.filter((e) => e.kind === 'push' && e.outcome === 'processed'),
    duplicates() {
      // Pushes with the same site, path and body: usually a client re-sending after an error.
      const seen = new Map();
      for (const e of api.pushes()) {
        const k = `${e.site} ${e.path} ${e.rawBody}`;
        if (seen.has(k)) seen.get(k).push(e);
        else seen.set(k, [e]);
      }
      return [...seen.values()].filter((g) => g.length > 1);
    },
    addFault: (spec) => faults.add(spec),
    addEvents: (body) => addEvents(sites.get(body.site || DEFAULT_SITE.subdomain).data, body),
    /** How long an async video takes to "process" before its callback (a Wait node must be waiting by then). */
    setCallbackDelay(ms) {
      state.callbackDelay = Math.max(0, Number(ms) || 0);
    },
    /** The answer profile of list answers from now on: 'generous' or 'public' (profiles.cjs); reset() restores the start option. */
    setAnswers(profile) {
      state.answers = checkProfile(profile);
    },
    get answers() {
      return state.answers;
    },
    /** Data encryption on the site from now on (README: encrypted site); reset() restores the start option. */
    setEncryptedSite(on) {
      state.encryptedSite = Boolean(on);
    },
    setLatency(ms) {
      state.latency = Math.max(0, Number(ms) || 0);
    },
    setRateLimit(rps) {
      state.rps = rps && Number(rps) > 0 ? Number(rps) : undefined;
      state.windows.clear();
    },
    reset() {
      state.log.length = 0; // same array object: emu.requests stays valid
      state.callbacks.length = 0;
      state.seq = 0;
      state.latency = 0;
      state.callbackDelay = asyncCallbackDelayMs;
      state.answers = answers;
      state.encryptedSite = encryptedSite;
      state.rps = undefined;
      state.windows.clear();
      faults.clear();
      Object.keys(state.stats).forEach((k) => (state.stats[k] = 0));
    },
    stats: () => ({ ...state.stats }),
    faults: () => faults.list(),
    async close() {
      state.closed = true;
      for (const t of state.timers) clearTimeout(t);
      state.timers.clear();
      await new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
  return api;
}

module.exports = { startEmulator };
