'use strict';
// Self-tests of the OneAll emulator (plain JS, fetch).

const http = require('node:http');
const { startEmulator, DEFAULT_SITE, OTHER_SITE, EMPTY_SITE, FIXTURES, PUSH_SCHEMAS } = require('./index.cjs');

const AUTH_INFO = 'Authentication credentials are missing or incorrect: http://docs.oneall.com/api/basic/authentication/';
const basic = (site) => 'Basic ' + Buffer.from(`${site.publicKey}:${site.privateKey}`).toString('base64');
const PIN_ID = FIXTURES.identities.pinterest;
const pinPath = (board = FIXTURES.pinterest.boardId, identity = PIN_ID) =>
  `/push/identities/${identity}/pinterest/board/${board}/pin.json`;
const pinBody = (pin) => ({ request: { push: { pin } } });
const SEED_PIN = {
  title: 'OneAll',
  picture: 'https://www.oneall.com/logo.jpg',
  description: 'User Integration as a service',
  link: 'https://www.oneall.com/',
};

let emu;
const bodies = []; // every response body, for the private key check at the end
const logs = []; // every test's request log, serialized before reset()

async function call(method, path, { body, auth = basic(DEFAULT_SITE), base, headers = {}, signal } = {}) {
  const h = { ...headers };
  if (auth) h.authorization = auth;
  if (body !== undefined) h['content-type'] = 'application/json';
  const res = await fetch((base ?? emu.url) + path, {
    method,
    headers: h,
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    signal,
  });
  const text = await res.text();
  bodies.push(text);
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, text, json };
}
const info = (r) => r.json.response.request.status.info;

beforeAll(async () => {
  emu = await startEmulator({ port: 0, asyncCallbackDelayMs: 50, seed: 1 });
});
afterAll(async () => {
  await emu.close();
});
beforeEach(() => {
  logs.push(JSON.stringify(emu.requests));
  emu.reset();
});

describe('auth, addressing, envelope', () => {
  test('missing or wrong credentials -> 401 with exactly the documented envelope', async () => {
    for (const auth of [undefined, basic(OTHER_SITE), 'Basic ' + Buffer.from(`${DEFAULT_SITE.publicKey}:nope`).toString('base64')]) {
      const r = await call('GET', '/connections.json', { auth: auth ?? null });
      expect(r.status).toBe(401);
      expect(r.headers.get('content-type')).toBe('application/json');
      expect(Object.keys(r.json.response)).toEqual(['request']);
      expect(r.json.response.request).toEqual({
        date: expect.stringMatching(/^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} \+0200$/),
        resource: '/connections.json',
        status: { flag: 'error', code: 401, info: AUTH_INFO },
      });
    }
    expect(emu.requests.map((e) => [e.authOk, e.outcome])).toEqual([
      [false, 'rejected'], [false, 'rejected'], [false, 'rejected'],
    ]);
  });

  test('ping answers success', async () => {
    const r = await call('GET', '/tools/ping.json');
    expect(r.status).toBe(200);
    expect(r.json.response.request.status).toEqual({ flag: 'success', code: 200, info: 'Your request has been processed successfully' });
  });

  test('named sites, Host routing, unknown subdomain -> 404', async () => {
    expect((await call('GET', '/tools/ping.json', { base: emu.siteUrl('other'), auth: basic(OTHER_SITE) })).status).toBe(200);
    expect((await call('GET', '/tools/ping.json', { base: emu.siteUrl('other') })).status).toBe(401);
    const r = await call('GET', '/tools/ping.json?x=1', { base: emu.siteUrl('nosuchsite') });
    expect(r.status).toBe(404);
    expect(r.json.response.request.resource).toBe('/tools/ping.json?x=1');
    expect(info(r)).toBe('The site nosuchsite does not exist');
    // fetch cannot set Host; node:http can.
    const viaHost = await new Promise((resolve, reject) => {
      const headers = { host: 'other.api.oneall.com', authorization: basic(OTHER_SITE) };
      http.get(emu.url + '/tools/ping.json', { headers }, (res) => resolve(res.resume().statusCode)).on('error', reject);
    });
    expect(viaHost).toBe(200);
    expect(emu.requests.map((e) => e.site)).toEqual(['other', 'other', 'nosuchsite', 'other']);
    // The well-known identities live on the default site only.
    const other = await call('GET', `/identities/${PIN_ID}.json`, { base: emu.siteUrl('other'), auth: basic(OTHER_SITE) });
    expect(other.status).toBe(404);
  });

  test('unknown path -> 404, wrong method -> 405', async () => {
    expect((await call('GET', '/nothing.json')).status).toBe(404);
    const r = await call('GET', pinPath());
    expect(r.status).toBe(405);
    expect(r.headers.get('allow')).toBe('POST');
    expect(r.json.response.request.status.flag).toBe('error');
  });
});

describe('Pinterest pin (seed page)', () => {
  test('seed page body -> exact result shape, echoes, string ids', async () => {
    const r = await call('POST', pinPath(), { body: pinBody({ ...SEED_PIN, board_section_id: FIXTURES.pinterest.boardSectionId }) });
    expect(r.status).toBe(200);
    const { request, result } = r.json.response;
    expect(request.resource).toBe(pinPath());
    expect(request.status).toEqual({ flag: 'success', code: 200, info: 'Your request has been processed successfully' });
    expect(Object.keys(result)).toEqual(['data']);
    expect(Object.keys(result.data)).toEqual([
      'provider', 'object', 'pin_id', 'pin_board_id', 'pin_picture', 'pin_title', 'pin_description', 'pin_created_at', 'pin_link',
    ]);
    expect(result.data).toEqual({
      provider: 'pinterest', object: 'pin', pin_id: expect.stringMatching(/^\d{18}$/), pin_board_id: '98765432101011',
      pin_picture: SEED_PIN.picture, pin_title: 'OneAll', pin_description: SEED_PIN.description,
      pin_created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/), pin_link: SEED_PIN.link,
    });
    expect(emu.pushes()).toHaveLength(1);
    expect(emu.pushes()[0].result.pin_id).toBe(result.data.pin_id);
    expect(emu.stats()).toMatchObject({ received: 1, processedPushes: 1, rejected: 0 });
  });

  test('missing title -> 400 naming it; empty title counts as missing', async () => {
    for (const pin of [{ picture: SEED_PIN.picture }, { title: '  ', picture: SEED_PIN.picture }]) {
      const r = await call('POST', pinPath(), { body: pinBody(pin) });
      expect(r.status).toBe(400);
      expect(info(r)).toContain('Missing required field(s): title');
      expect(r.json.response.result).toBeUndefined();
    }
    expect(emu.pushes()).toHaveLength(0);
  });

  test('unknown key -> 400 (strict), wrong root -> 400, bad URL -> 400, bad JSON -> 400', async () => {
    let r = await call('POST', pinPath(), { body: pinBody({ ...SEED_PIN, board: 'photos' }) });
    expect(r.status).toBe(400);
    expect(info(r)).toContain('Unknown field(s): board');
    expect(emu.requests.at(-1).validation.unknownKeys).toEqual(['request.push.pin.board']);
    r = await call('POST', pinPath(), { body: { request: { push: { post: SEED_PIN } } } });
    expect(r.status).toBe(400);
    expect(info(r)).toMatch(/request\.push\.pin/);
    r = await call('POST', pinPath(), { body: pinBody({ ...SEED_PIN, picture: 'www.oneall.com/logo.jpg', link: '' }) });
    expect(r.status).toBe(400);
    expect(info(r)).toContain('picture must be a fully qualified URL');
    expect(info(r)).toContain('link must be a fully qualified URL');
    r = await call('POST', pinPath(), { body: '{"request":' });
    expect(r.status).toBe(400);
    expect(info(r)).toBe('The request body is not valid JSON');
  });

  test('identity and board checks: 404 unknown identity, 403 wrong provider, 404 board not owned', async () => {
    let r = await call('POST', pinPath(undefined, FIXTURES.unknownIdentity), { body: pinBody(SEED_PIN) });
    expect(r.status).toBe(404);
    r = await call('POST', pinPath(undefined, FIXTURES.identities.facebook), { body: pinBody(SEED_PIN) });
    expect(r.status).toBe(403);
    expect(info(r)).toMatch(/requires a Pinterest identity/);
    r = await call('POST', pinPath('11111111111111'), { body: pinBody(SEED_PIN) });
    expect(r.status).toBe(404);
    r = await call('POST', pinPath(FIXTURES.pinterest.foreignBoardId), { body: pinBody(SEED_PIN) });
    expect(r.status).toBe(404);
    expect(info(r)).toMatch(/does not belong to the identity/);
    r = await call('POST', pinPath(FIXTURES.pinterest.boardIds[119]), { body: pinBody({ title: 't', picture: SEED_PIN.picture }) });
    expect(r.status).toBe(200);
    expect(r.json.response.result.data).toMatchObject({ pin_description: '', pin_link: '' });
  });
});

describe('other pushes', () => {
  const FB = FIXTURES.identities.facebook;
  test('every push path is routed (POST only) and has a schema', async () => {
    expect(PUSH_SCHEMAS).toHaveLength(20);
    for (const s of PUSH_SCHEMAS) {
      const path = `/push/identities/${FIXTURES.unknownIdentity}/${s.path.replace(':board_id', '1').replace(':playlist_id', 'PL1')}`;
      expect([s.n, (await call('POST', path, { body: {} })).status]).toEqual([s.n, 404]);
    }
  });

  test('Facebook picture (docs: strict, typed), page post rules, lenient unknown keys', async () => {
    let r = await call('POST', `/push/identities/${FB}/facebook/picture.json`, {
      body: { request: { push: { picture: { url: 'https://example.com/a.png', description: 'd', create_post: 'false' } } } },
    });
    expect(r.status).toBe(400);
    expect(info(r)).toContain('create_post must be a boolean');
    r = await call('POST', `/push/identities/${FB}/facebook/picture.json`, {
      body: { request: { push: { picture: { url: 'https://example.com/a.png', create_post: false } } } },
    });
    expect(r.status).toBe(200);
    const pictureId = r.json.response.result.data.picture_id;
    expect(pictureId).toMatch(/^\d+$/);
    const pagePost = (page) => call('POST', `/push/identities/${FB}/facebook/page/post.json`, { body: { request: { push: { page } } } });
    r = await pagePost({ id: FIXTURES.facebook.pageIds[0], link: 'https://x.example/', attachments: [pictureId] });
    expect(info(r)).toContain('link and attachments are mutually exclusive');
    r = await pagePost({ id: FIXTURES.facebook.pageIds[0], message: 'hi', attachments: pictureId });
    expect(info(r)).toContain('attachments must be an array of strings');
    r = await pagePost({ id: FIXTURES.facebook.foreignPageId, message: 'hi' });
    expect(r.status).toBe(404);
    r = await pagePost({ id: FIXTURES.facebook.pageIds[0], message: 'hi', privacy: 'x' });
    expect(r.status).toBe(200);
    expect(r.json.response.result.data).toMatchObject({ provider: 'facebook', object: 'post', post_page_id: FIXTURES.facebook.pageIds[0], post_message: 'hi' });
    expect(emu.requests.at(-1).validation.unknownKeys).toEqual(['request.push.page.privacy']);
  });

  test('LinkedIn company ownership, Twitter tweet, YouTube playlist guess', async () => {
    const li = FIXTURES.identities.linkedin;
    let r = await call('POST', `/push/identities/${li}/linkedin/company/post.json`, {
      body: { request: { push: { post: { company: '999', link: 'https://x.example/' } } } },
    });
    expect(r.status).toBe(404);
    r = await call('POST', `/push/identities/${FIXTURES.identities.twitter}/twitter/post.json`, { body: { request: { push: { post: { message: 'Hello' } } } } });
    expect(r.status).toBe(200);
    r = await call('POST', `/push/identities/${FIXTURES.identities.youtube}/youtube/playlist.json`, {
      body: { request: { push: { playlist: { title: 'Mix', privacy_status: 'secret' } } } },
    });
    expect(info(r)).toContain('privacy_status must be one of public, private, unlisted');
  });
});

describe('lists and reads', () => {
  test('walk /users.json to the last page; entries_per_page clamp; desc order', async () => {
    const tokens = [];
    let page = 1;
    for (;;) {
      const r = await call('GET', `/users.json?page=${page}&entries_per_page=500`);
      const users = r.json.response.result.data.users;
      expect(users.count).toBe(users.entries.length);
      tokens.push(...users.entries.map((u) => u.user_token));
      if (users.pagination.current_page === users.pagination.total_pages) break;
      page++;
    }
    expect(page).toBe(3);
    expect(tokens).toHaveLength(1200);
    expect(new Set(tokens).size).toBe(1200);
    expect(tokens[0]).toBe(FIXTURES.users.primary);
    let r = await call('GET', '/users.json?entries_per_page=1000');
    expect(r.json.response.result.data.users.pagination).toEqual({
      current_page: 1, total_pages: 3, entries_per_page: 500, total_entries: 1200, order: { field: 'date_creation', direction: 'asc' },
    });
    r = await call('GET', '/users.json');
    expect(r.json.response.result.data.users.pagination.entries_per_page).toBe(250);
    r = await call('GET', '/users.json?entries_per_page=1&order_direction=desc');
    expect(r.json.response.result.data.users.entries[0].user_token).toBe(tokens.at(-1));
    expect(r.json.response.result.data.users.entries[0].identities[0]).toEqual({ identity_token: expect.any(String), provider: expect.any(String) });
  });

  test('pull boards page through 120 boards; wrong provider -> 403; unknown identity -> 404', async () => {
    let r = await call('GET', `/pull/identities/${PIN_ID}/pinterest/boards.json?entries_per_page=50&page=3`);
    const boards = r.json.response.result.data.boards;
    expect(boards.pagination).toMatchObject({ current_page: 3, total_pages: 3, total_entries: 120 });
    expect(boards.count).toBe(20);
    expect(Object.keys(boards.entries[0])).toEqual(['board_id', 'board_name', 'board_description', 'board_url']);
    r = await call('GET', `/pull/identities/${FIXTURES.identities.twitter}/pinterest/boards.json`);
    expect(r.status).toBe(403);
    expect(info(r)).toMatch(/requires a Pinterest identity/);
    r = await call('GET', `/pull/identities/${FIXTURES.unknownIdentity}/facebook/pages.json`);
    expect(r.status).toBe(404);
    r = await call('GET', `/pull/identities/${FIXTURES.identities.facebook}/facebook/groups.json`);
    expect(r.json.response.result.data.groups.entries.map((g) => g.group_id)).toEqual(FIXTURES.facebook.groupIds);
  });

  test('identity read carries a fake access token; connection read; link and synchronize', async () => {
    let r = await call('GET', `/identities/${FIXTURES.identities.twitter}.json`);
    const identity = r.json.response.result.data.identity;
    expect(identity.source.access_token.key).toContain(FIXTURES.accessTokenMarker);
    expect(identity).toMatchObject({ user_token: FIXTURES.users.primary, provider: 'twitter' });
    r = await call('GET', `/connections/${FIXTURES.connection}.json`);
    expect(r.json.response.result.status.info).toBe('The user successfully authenticated');
    expect(r.json.response.result.data.user.identity.identity_token).toBe(PIN_ID);
    r = await call('PUT', `/identities/${FIXTURES.identities.twitter}/link.json`, { body: { request: { user: { user_token: FIXTURES.users.secondary } } } });
    expect(r.status).toBe(200);
    expect(r.json.response.result.data.user.identities.map((i) => i.provider)).toContain('twitter');
    r = await call('PUT', `/identities/${FIXTURES.identities.twitter}/link.json`, { body: { request: { user: { user_token: FIXTURES.users.primary } } } });
    expect(r.status).toBe(200);
    r = await call('PUT', `/identities/${FIXTURES.identities.twitter}/link.json`, { body: { request: { user: {} } } });
    expect(info(r)).toContain('Missing required field(s): user_token');
    r = await call('PUT', `/identities/${FIXTURES.identities.twitter}/synchronize.json`);
    expect(r.status).toBe(200);
    r = await call('PUT', `/identities/${FIXTURES.identities.twitter}/synchronize.json`, { body: { request: { synchronize: { force_token_update: true, update_user_data: 'false' } } } });
    expect(r.status).toBe(200);
  });

  test('same seed -> same data', async () => {
    const other = await startEmulator({ seed: 1 });
    try {
      expect(other.fixtures.counts).toEqual(emu.fixtures.counts);
      const a = await call('GET', '/identities.json?page=4&entries_per_page=7');
      const b = await call('GET', '/identities.json?page=4&entries_per_page=7', { base: other.url });
      expect(b.json.response.result).toEqual(a.json.response.result);
    } finally {
      await other.close();
    }
  });
});

describe('faults, rate limit, async', () => {
  const ping = (opts) => call('GET', '/tools/ping.json', opts);

  test('status, rateLimit, errorIn200, html, malformed, empty', async () => {
    emu.addFault({ type: 'status', status: 503, path: '/tools', retryAfter: 7 });
    let r = await ping();
    expect([r.status, r.json.response.request.status.code, r.headers.get('retry-after')]).toEqual([503, 503, '7']);
    emu.addFault({ type: 'rateLimit', retryAfter: 2 });
    r = await ping();
    expect([r.status, r.headers.get('retry-after'), r.json.response.request.status.flag]).toEqual([429, '2', 'error']);
    emu.addFault({ type: 'errorIn200', info: 'Twitter: Status is a duplicate' });
    r = await ping();
    expect([r.status, r.json.response.request.status]).toEqual([200, { flag: 'error', code: 400, info: 'Twitter: Status is a duplicate' }]);
    emu.addFault({ type: 'html' });
    r = await ping();
    expect([r.status, r.headers.get('content-type'), r.text.startsWith('<!DOCTYPE html>')]).toEqual([502, 'text/html; charset=utf-8', true]);
    emu.addFault({ type: 'malformed' });
    r = await ping();
    expect([r.status, r.headers.get('content-type'), r.json]).toEqual([200, 'application/json', undefined]);
    emu.addFault({ type: 'empty', status: 204 });
    r = await ping();
    expect([r.status, r.text]).toEqual([204, '']);
    r = await ping(); // faults are used up
    expect(r.status).toBe(200);
    expect(emu.requests.map((e) => e.outcome)).toEqual(['fault', 'fault', 'fault', 'fault', 'fault', 'fault', 'processed']);
    expect(emu.stats().faults).toBe(6);
  });

  test('method/path matching, times, RegExp', async () => {
    emu.addFault({ type: 'status', status: 500, method: 'POST', path: /\/pin\.json$/, times: 2 });
    expect((await ping()).status).toBe(200);
    expect((await call('POST', pinPath(), { body: pinBody(SEED_PIN) })).status).toBe(500);
    expect((await call('POST', pinPath(), { body: pinBody(SEED_PIN) })).status).toBe(500);
    expect((await call('POST', pinPath(), { body: pinBody(SEED_PIN) })).status).toBe(200);
    expect(emu.pushes()).toHaveLength(1);
  });

  test('every: N hits the 1st, (N+1)-th … matching request only; afterProcessing still records the push', async () => {
    emu.addFault({ type: 'afterProcessing', status: 504, method: 'POST', every: 3, times: -1 });
    const statuses = [];
    for (let i = 0; i < 7; i++) statuses.push((await call('POST', pinPath(), { body: pinBody({ ...SEED_PIN, title: `Pin ${i}` }) })).status);
    expect((await ping()).status).toBe(200); // not a POST: not counted
    expect(statuses).toEqual([504, 200, 200, 504, 200, 200, 504]);
    expect(emu.pushes()).toHaveLength(7);
  });

  test('forMs: an outage hits every request for that long, then expires', async () => {
    emu.addFault({ type: 'status', status: 503, forMs: 300 });
    expect([(await ping()).status, (await ping()).status]).toEqual([503, 503]);
    await new Promise((r) => setTimeout(r, 350));
    expect((await ping()).status).toBe(200);
    expect(emu.faults()).toEqual([]);
  });

  test('reset and timeout drop the connection', async () => {
    emu.addFault({ type: 'reset' });
    await expect(ping()).rejects.toThrow();
    emu.addFault({ type: 'timeout' });
    await expect(ping({ signal: AbortSignal.timeout(200) })).rejects.toThrow();
    emu.addFault({ type: 'timeout', delayMs: 100 });
    await expect(ping()).rejects.toThrow();
    await new Promise((r) => setTimeout(r, 50));
    expect(emu.requests.map((e) => [e.fault, e.outcome, e.status])).toEqual([
      ['reset', 'fault', null], ['timeout', 'fault', null], ['timeout', 'fault', null],
    ]);
    expect((await ping()).status).toBe(200);
  });

  test('afterProcessing: the push counts although the client sees a 5xx', async () => {
    emu.addFault({ type: 'afterProcessing', status: 504, path: '/push/' });
    const r = await call('POST', pinPath(), { body: pinBody(SEED_PIN) });
    expect(r.status).toBe(504);
    expect(emu.pushes()).toHaveLength(1);
    expect(emu.requests[0]).toMatchObject({ outcome: 'processed', status: 504, fault: 'afterProcessing' });
    await call('POST', pinPath(), { body: pinBody(SEED_PIN) }); // a naive client re-sends
    expect(emu.duplicates()).toHaveLength(1);
  });

  test('slow fault and latency delay the answer', async () => {
    emu.addFault({ type: 'slow', delayMs: 150 });
    let t = Date.now();
    expect((await ping()).status).toBe(200);
    expect(Date.now() - t).toBeGreaterThanOrEqual(140);
    emu.setLatency(100);
    t = Date.now();
    await ping();
    expect(Date.now() - t).toBeGreaterThanOrEqual(90);
  });

  test('rate limit: 429 + Retry-After: 1, not processed', async () => {
    emu.setRateLimit(5);
    const rs = await Promise.all(Array.from({ length: 8 }, () => call('POST', pinPath(), { body: pinBody(SEED_PIN) })));
    const limited = rs.filter((r) => r.status === 429);
    expect(limited).toHaveLength(3);
    expect(limited[0].headers.get('retry-after')).toBe('1');
    expect(limited[0].json.response.request.status.code).toBe(429);
    expect(emu.pushes()).toHaveLength(5);
    expect(emu.stats().rateLimited).toBe(3);
    await new Promise((r) => setTimeout(r, 1050));
    expect((await ping()).status).toBe(200);
  });

  test('async video: answers queued, POSTs the outcome to a loopback callback_url', async () => {
    const got = [];
    const receiver = http.createServer((req, res) => {
      let s = '';
      req.on('data', (c) => (s += c));
      req.on('end', () => {
        got.push(JSON.parse(s));
        res.end('ok');
      });
    });
    await new Promise((r) => receiver.listen(0, '127.0.0.1', r));
    try {
      const cb = `http://127.0.0.1:${receiver.address().port}/hook`;
      const r = await call('POST', `/push/identities/${FIXTURES.identities.youtube}/youtube/video.json`, {
        body: { request: { push: { video: { video_url: 'https://example.com/v.mp4', title: 'T', callback_url: cb } } } },
      });
      const data = r.json.response.result.data;
      expect(data).toMatchObject({ provider: 'youtube', object: 'video', video_status: 'queued' });
      await new Promise((res) => setTimeout(res, 300));
      expect(got).toHaveLength(1);
      expect(got[0].response.request.status.flag).toBe('success');
      expect(got[0].response.result.data).toMatchObject({ video_id: data.video_id, video_status: 'processed' });
      expect(emu.callbacks[0]).toMatchObject({ url: cb, delivered: true, status: 200 });
      // Non-loopback URLs are never called.
      await call('POST', `/push/identities/${FIXTURES.identities.twitter}/twitter/video.json`, {
        body: { request: { push: { video: { video_url: 'https://example.com/v.mp4', callback_url: 'https://example.com/hook' } } } },
      });
      await new Promise((res) => setTimeout(res, 150));
      expect(emu.callbacks[1]).toMatchObject({ delivered: false, error: expect.stringContaining('loopback') });
    } finally {
      await new Promise((r) => receiver.close(r));
    }
  });
});

describe('Update API deletes and reshaped answers (for npm run check:live)', () => {
  test('a pushed pin, page post and playlist can be deleted once, by their identity only', async () => {
    const pin = (await call('POST', pinPath(), { body: pinBody(SEED_PIN) })).json.response.result.data.pin_id;
    const upd = (identity, rest) => `/update/identities/${identity}/${rest}`;
    expect((await call('DELETE', upd(FIXTURES.foreignIdentities.pinterest, `pinterest/pin/${pin}.json`))).status).toBe(404);
    expect((await call('DELETE', upd(PIN_ID, `pinterest/pin/${pin}.json`))).json.response.request.status.code).toBe(200);
    expect((await call('DELETE', upd(PIN_ID, `pinterest/pin/${pin}.json`))).status).toBe(404);
    expect((await call('DELETE', upd(PIN_ID, 'pinterest/pin/123.json'))).status).toBe(404);

    const fb = FIXTURES.identities.facebook;
    const page = FIXTURES.facebook.pageIds[0];
    const post = await call('POST', `/push/identities/${fb}/facebook/page/post.json`, { body: { request: { push: { page: { id: page, message: 'hi' } } } } });
    const postId = post.json.response.result.data.post_id;
    expect((await call('DELETE', upd(fb, `facebook/page/${FIXTURES.facebook.pageIds[1]}/post/${postId}.json`))).status).toBe(404);
    expect((await call('DELETE', upd(fb, `facebook/page/${page}/post/${postId}.json`))).status).toBe(200);
    // The post is gone: an update of it answers 404 too (updates.cjs keeps what was published and deleted).
    expect((await call('PUT', upd(fb, `facebook/page/${page}/post/${postId}.json`), { body: { request: { update: { post: { message: 'x' } } } } })).status).toBe(404);

    const yt = FIXTURES.identities.youtube;
    const created = await call('POST', `/push/identities/${yt}/youtube/playlist.json`, { body: { request: { push: { playlist: { title: 'T' } } } } });
    const playlist = created.json.response.result.data.playlist_id;
    expect((await call('DELETE', upd(yt, `youtube/playlist/${playlist}.json`))).status).toBe(200);
    // Deleted playlists can no longer take videos.
    const add = await call('POST', `/push/identities/${yt}/youtube/playlist/${playlist}/video.json`, { body: { request: { push: { video: { id: 'dQw4w9WgXcQ' } } } } });
    expect(add.status).toBe(404);
  });

  test('Pull reads list what was pushed, newest first and dated (LinkedIn company posts included); seeded ones are older', async () => {
    const li = FIXTURES.identities.linkedin;
    const company = FIXTURES.linkedin.companyIds[1];
    const pushed = await call('POST', `/push/identities/${li}/linkedin/company/post.json`, {
      body: { request: { push: { post: { company, link: 'https://example.com/a', message: 'Listed' } } } },
    });
    expect(pushed.status).toBe(200);
    const { posts } = (await call('GET', `/pull/identities/${li}/linkedin/company/${company}/posts.json`)).json.response.result.data;
    const [newest, seeded] = posts.entries;
    expect(newest).toMatchObject({ post_id: pushed.json.response.result.data.post_id, post_message: 'Listed', post_link: 'https://example.com/a' });
    expect(Date.parse(`${newest.post_created_at}Z`)).toBeGreaterThan(Date.now() - 60_000);
    expect(seeded.post_message).toMatch(/^Older post number/);
    expect(Date.parse(`${seeded.post_created_at}Z`)).toBeLessThan(Date.now() - 23 * 3600_000);
  });

  test('fault option after: the first N matches pass, then the fault applies', async () => {
    emu.addFault({ type: 'status', path: '/tools/ping.json', status: 503, after: 1 });
    expect((await call('GET', '/tools/ping.json')).status).toBe(200);
    expect((await call('GET', '/tools/ping.json')).status).toBe(503);
    expect((await call('GET', '/tools/ping.json')).status).toBe(200);
  });

  test('reshape fault: drops and replaces keys of one endpoint, leaves the others alone', async () => {
    emu.addFault({
      type: 'reshape', path: '/pull/', times: -1,
      set: { 'response.result.data.boards.entries.*.board_id': 42 }, drop: ['response.result.data.boards.count'],
    });
    const boards = (await call('GET', `/pull/identities/${PIN_ID}/pinterest/boards.json?entries_per_page=3`)).json.response.result.data.boards;
    expect(boards.entries.map((b) => b.board_id)).toEqual([42, 42, 42]);
    expect(boards).not.toHaveProperty('count');
    expect(typeof boards.entries[0].board_name).toBe('string');
    const users = (await call('GET', '/users.json?entries_per_page=1')).json.response.result.data.users;
    expect(users.count).toBe(1);
  });
});

describe('answer profiles', () => {
  const list = async (path, site = DEFAULT_SITE) =>
    (await call('GET', `${site === EMPTY_SITE ? '/sites/empty' : ''}${path}`, { auth: basic(site) })).json.response.result.data;

  test("'public': no pagination, documented entry keys only, pages still apply", async () => {
    emu.setAnswers('public');
    const { identities } = await list('/identities.json?page=2&entries_per_page=3');
    expect(Object.keys(identities)).toEqual(['count', 'entries']);
    expect(identities.count).toBe(3);
    for (const entry of identities.entries) expect(Object.keys(entry).sort()).toEqual(['identity_token', 'user_token']);
    const { users } = await list('/users.json?entries_per_page=1');
    expect(Object.keys(users.entries[0]).sort()).toEqual(['date_creation', 'date_last_login', 'identities', 'num_logins', 'user_token']);
    expect(Object.keys(users.entries[0].identities[0]).sort()).toEqual(['identity_token', 'provider']);
    const { connections } = await list('/connections.json?entries_per_page=2');
    expect(Object.keys(connections.entries[0]).sort()).toEqual(['callback_uri', 'connection_token', 'date_creation', 'status']);
    const { boards } = await list(`/pull/identities/${PIN_ID}/pinterest/boards.json`);
    expect(Object.keys(boards.entries[0]).sort()).toEqual(['board_id', 'board_name']);
  });

  test("an empty list: {count: 0} without entries in 'public', entries: [] in 'generous'", async () => {
    emu.setAnswers('public');
    for (const [path, key] of [['/users.json', 'users'], ['/identities.json', 'identities'], ['/connections.json', 'connections'], ['/shorturls.json', 'shorturls'], ['/sharing/messages.json', 'sharing_messages']]) {
      expect((await list(path, EMPTY_SITE))[key]).toEqual({ count: 0 });
    }
    expect((await list('/users.json?page=99')).users).toEqual({ count: 0 });
    emu.setAnswers('generous');
    expect((await list('/users.json', EMPTY_SITE)).users).toMatchObject({ count: 0, entries: [], pagination: { total_entries: 0 } });
  });

  test('switched by the control endpoint, refused when unknown, restored by reset', async () => {
    const post = (body) => fetch(emu.url + '/__emulator/answers', { method: 'POST', body: JSON.stringify(body) });
    expect(await (await post({ answers: 'public' })).json()).toEqual({ ok: true, answers: 'public' });
    expect(emu.answers).toBe('public');
    expect((await post({ answers: 'lavish' })).status).toBe(400);
    expect(emu.answers).toBe('public');
    emu.reset();
    expect(emu.answers).toBe('generous');
    expect((await list('/users.json?entries_per_page=1')).users.pagination).toBeDefined();
    await expect(startEmulator({ answers: 'lavish' })).rejects.toThrow(/unknown answer profile/);
  });
});

describe('control endpoints and secrets', () => {
  test('control endpoints drive the emulator without auth', async () => {
    const post = (p, b) => fetch(emu.url + p, { method: 'POST', body: JSON.stringify(b) }).then((r) => r.json());
    await post('/__emulator/faults', { type: 'status', status: 500, path: '/tools' });
    expect((await call('GET', '/tools/ping.json')).status).toBe(500);
    await post('/__emulator/faults', { type: 'status', status: 502, pathRegex: 'ping\\.json$' });
    expect((await call('GET', '/tools/ping.json')).status).toBe(502);
    const stats = await fetch(emu.url + '/__emulator/stats').then((r) => r.json());
    expect(stats).toEqual({ received: 2, processedPushes: 0, rejected: 0, faults: 2, rateLimited: 0 });
    const log = await fetch(emu.url + '/__emulator/requests').then((r) => r.json());
    expect(log).toHaveLength(2);
    expect((await post('/__emulator/rate-limit', { requestsPerSecond: 3 })).requestsPerSecond).toBe(3);
    expect((await post('/__emulator/latency', { ms: 5 })).latencyMs).toBe(5);
    const fx = await fetch(emu.url + '/__emulator/fixtures').then((r) => r.json());
    expect(fx.identities.pinterest).toBe(PIN_ID);
    expect(JSON.stringify(fx)).not.toContain(DEFAULT_SITE.privateKey);
    await post('/__emulator/reset', {});
    expect(emu.requests).toHaveLength(0);
  });

  test('the private key never appears in any response or log entry', async () => {
    const pk = DEFAULT_SITE.privateKey;
    // A sloppy client: swapped credentials, key in the query, the body and a header.
    await call('GET', `/users.json?key=${pk}`, { auth: 'Basic ' + Buffer.from(`${pk}:${DEFAULT_SITE.publicKey}`).toString('base64') });
    await call('POST', pinPath(), { body: pinBody({ ...SEED_PIN, description: pk }), headers: { 'x-debug': pk } });
    await call('GET', `/identities/${pk}.json`);
    expect(bodies.length).toBeGreaterThan(50);
    for (const b of bodies) {
      expect(b).not.toContain(pk);
      expect(b).not.toContain(OTHER_SITE.privateKey);
    }
    logs.push(JSON.stringify(emu.requests));
    for (const log of logs) expect(log).not.toContain(pk);
    expect(logs.at(-1)).toContain('[redacted]');
  });
});
