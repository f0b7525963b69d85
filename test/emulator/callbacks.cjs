'use strict';
// Delivers async video outcomes to callback_url. Loopback only: the emulator must never call out.

const http = require('node:http');

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

function isLoopbackUrl(u) {
  try {
    const url = new URL(u);
    return url.protocol === 'http:' && LOOPBACK.has(url.hostname);
  } catch {
    return false;
  }
}

/** record: { url, body, delivered, status, error } - updated in place. */
function deliverCallback(record, isClosed) {
  if (!isLoopbackUrl(record.url)) {
    record.error = 'not delivered: only http loopback URLs (127.0.0.1, localhost, [::1]) are called';
    return;
  }
  if (isClosed()) return;
  const url = new URL(record.url);
  const payload = JSON.stringify(record.body);
  const req = http.request(
    {
      hostname: url.hostname.replace(/^\[|\]$/g, ''),
      port: url.port || 80,
      path: url.pathname + url.search,
      method: 'POST',
      agent: false,
      timeout: 5000,
      headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload), 'User-Agent': 'OneAll-Emulator/1.0' },
    },
    (res) => {
      record.status = res.statusCode;
      record.delivered = true;
      res.resume();
    },
  );
  req.on('timeout', () => req.destroy(new Error('callback timed out')));
  req.on('error', (e) => {
    record.error = e.message;
  });
  req.end(payload);
}

module.exports = { deliverCallback, isLoopbackUrl };
