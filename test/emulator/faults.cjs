'use strict';
// Fault injection queue. A fault matches on method (optional), path (string prefix or RegExp, optional)
// and site (optional); the first matching fault with uses left is taken.

const TYPES = new Set([
  'status', // answer `status` with an error envelope
  'rateLimit', // 429 (+ Retry-After when retryAfter is given)
  'html', // HTML page (default 502), text/html
  'malformed', // truncated JSON (default 200)
  'empty', // empty body (default 200)
  'reset', // destroy the socket, no answer
  'timeout', // never answer (until the client gives up, or delayMs then drop the connection)
  'errorIn200', // HTTP 200 carrying flag:error (code default 400)
  'afterProcessing', // process the request, then answer `status` (default 502), or then:'reset'|'timeout'
  'slow', // wait delayMs (default 1000), then answer normally
  'asyncFailure', // process an async video push normally; its callback reports a failure
  'reshape', // answer normally, but with keys dropped or values replaced (drop, set): a changed contract
  'redirect', // answer `status` (default 302) with Location: `location`
  'drip', // 200 success envelope sent one byte every delayMs (default 1000)
  'echoAuth', // envelope (HTTP `status`, default 401) whose status.info and result.data repeat the Authorization header and the private key
  'body', // answer `status` (default 200) with `body` as the JSON body, verbatim
]);

function createFaults(now = () => Date.now()) {
  let queue = [];
  return {
    add(spec) {
      if (!spec || !TYPES.has(spec.type)) {
        throw new Error(`Unknown fault type ${spec && spec.type}; expected one of ${[...TYPES].join(', ')}`);
      }
      // times: default 1 (Infinity with forMs); -1 or Infinity = every matching request until reset().
      // forMs: the fault expires that long after it was added (an outage of a given length).
      const times = spec.times === undefined ? (spec.forMs ? Infinity : 1) : spec.times < 0 ? Infinity : spec.times;
      const expiresAt = spec.forMs ? now() + Number(spec.forMs) : Infinity;
      // every: N = the fault applies to the 1st, (N+1)-th, (2N+1)-th … matching request only (a share of 1/N);
      // the others pass untouched and do not use up `times`.
      const every = spec.every === undefined ? 1 : Math.max(1, Math.floor(Number(spec.every)));
      // after: N = the first N matching requests pass untouched (e.g. the 2nd read of a list fails, not the 1st).
      const after = spec.after === undefined ? 0 : Math.max(0, Math.floor(Number(spec.after)));
      queue.push({ ...spec, method: spec.method && spec.method.toUpperCase(), times, expiresAt, every, after, matched: 0 });
    },
    take(method, path, site) {
      const passes = (q) => {
        const n = q.matched++;
        return n >= q.after && (n - q.after) % q.every === 0;
      };
      const t = now();
      queue = queue.filter((q) => q.expiresAt > t);
      const f = queue.find(
        (q) =>
          q.times > 0 &&
          (!q.method || q.method === method) &&
          (!q.site || q.site === site) &&
          (q.path === undefined || (q.path instanceof RegExp ? q.path.test(path) : path.startsWith(q.path))) &&
          passes(q),
      );
      if (!f) return null;
      f.times--;
      queue = queue.filter((q) => q.times > 0);
      return f;
    },
    list: () => queue.filter((q) => q.expiresAt > now()).map(({ matched: _matched, ...q }) => ({ ...q, path: q.path instanceof RegExp ? String(q.path) : q.path })),
    clear() {
      queue = [];
    },
  };
}

module.exports = { createFaults, FAULT_TYPES: TYPES };
