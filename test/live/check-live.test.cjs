'use strict';
// `npm run check:live` run as a user would (a child process, keys in the environment) against the emulator
// standing in for a real OneAll site: it must pass against the emulator itself, flag an endpoint whose answer
// has another shape (exit 1 + a MISMATCH row), refuse to publish without a typed confirmation on a terminal,
// and, confirmed through a pseudo-terminal (`script`, util-linux), publish and remove again.
// Needs the build (dist/): `npm test` builds first.

const { spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { startEmulator, DEFAULT_SITE, FIXTURES } = require('../emulator/index.cjs');

const ROOT = path.resolve(__dirname, '..', '..');
const SCRIPT = path.join('test', 'live', 'check-live.mjs');
const OUT = path.join(ROOT, 'test-output');

jest.setTimeout(90000); // child processes; CI runs other suites beside this one

let emu;
beforeAll(async () => {
  emu = await startEmulator({ port: 0 });
});
afterAll(async () => {
  await emu.close();
});
beforeEach(() => emu.reset());

const shellQuote = (s) => `'${s.replace(/'/g, `'\\''`)}'`;

/** Runs the check; `typed` = a line typed on a pseudo-terminal after the prompt (publishing). */
function runCheck(name, { args = [], typed, env = {} } = {}) {
  const report = path.join(OUT, `live-check-test-${name}.json`);
  fs.rmSync(report, { force: true });
  const argv = [SCRIPT, '--report', path.relative(ROOT, report), ...args];
  const childEnv = {
    ...process.env,
    ONEALL_SUBDOMAIN: DEFAULT_SITE.subdomain,
    ONEALL_PUBLIC_KEY: DEFAULT_SITE.publicKey,
    ONEALL_PRIVATE_KEY: DEFAULT_SITE.privateKey,
    ONEALL_API_BASE_URL: emu.url,
    ONEALL_CHECK_VIDEO_URL: 'https://media.example.com/clip.mp4',
    ...env,
  };
  const [command, commandArgs] = typed === undefined
    ? [process.execPath, argv]
    : ['script', ['-qec', [process.execPath, ...argv].map(shellQuote).join(' '), '/dev/null']];
  return new Promise((resolve, reject) => {
    const child = spawn(command, commandArgs, { cwd: ROOT, env: childEnv, stdio: ['pipe', 'pipe', 'pipe'] });
    let output = '';
    let answered = false;
    const onData = (chunk) => {
      output += chunk;
      if (typed !== undefined && !answered && output.includes('to confirm:')) {
        answered = true;
        child.stdin.write(`${typed}\n`);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    if (typed === undefined) child.stdin.end();
    const timer = setTimeout(() => child.kill('SIGKILL'), 60000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      const json = fs.existsSync(report) ? fs.readFileSync(report, 'utf8') : undefined;
      resolve({ code, output, reportText: json, report: json && JSON.parse(json) });
    });
  });
}

const secrets = () => [DEFAULT_SITE.privateKey, DEFAULT_SITE.publicKey, emu.url];
function expectNoSecrets(...texts) {
  for (const text of texts.filter(Boolean)) for (const s of secrets()) expect(text).not.toContain(s);
}

test('against the emulator: every endpoint matches, exit 0, report written, keys masked', async () => {
  const run = await runCheck('pass');
  expect(run.code).toBe(0);
  expect(run.report.mode).toBe('read-only');
  expect(run.report.endpoints.map((r) => [r.endpoint, r.result])).toEqual([
    ['GET /tools/ping.json', 'match'],
    ['GET /identities.json', 'match'],
    ['GET /users.json', 'match'],
    ['GET /connections.json', 'match'],
    ['GET /identities/{identity_token}.json', 'match'],
    ['GET /users/{user_token}.json', 'match'],
    ['GET /connections/{connection_token}.json', 'match'],
    ['GET /site/allowed-domains.json', 'match'],
    ['GET /sso/sessions.json', 'match'],
    ['GET /providers.json', 'match'],
    ['GET /sharing/pages.json', 'match'],
    ['GET /sharing/pages/{sharing_page_token}.json', 'match'],
    ['GET /search/twitter/tweets.json', 'match'],
    ['GET /identities/{identity_token}/contacts.json', 'match'],
    ['GET /users/{user_token}/contacts.json', 'match'],
    ['GET /pull/identities/{identity_token}/pinterest/boards.json', 'match'],
    ['GET /pull/identities/{identity_token}/facebook/pages.json', 'match'],
    ['GET /pull/identities/{identity_token}/facebook/groups.json', 'match'],
    ['GET /pull/identities/{identity_token}/linkedin/companies.json', 'match'],
    ['GET /pull/identities/{identity_token}/youtube/playlists.json', 'match'],
    ...['facebook/likes', 'facebook/posts', 'linkedin/user/posts', 'steam/games', 'tiktok/videos', 'twitch/broadcaster/subscriptions',
      'twitch/channels', 'twitch/clips', 'twitch/streams', 'twitch/videos', 'youtube/channels', 'youtube/videos']
      .map((read) => [`GET /pull/identities/{identity_token}/${read}.json`, 'match']),
  ]);
  expect(run.output).toContain('Report: test-output/live-check-test-pass.json');
  // Read-only: nothing but GETs reached the site.
  expect(new Set(emu.requests.map((r) => r.method))).toEqual(new Set(['GET']));
  expect(emu.pushes()).toHaveLength(0);
  expectNoSecrets(run.output, run.reportText);
  expect(run.reportText).not.toContain(FIXTURES.identities.pinterest);
});

test('an endpoint answering with another shape is reported: MISMATCH row naming the key, exit 1', async () => {
  emu.addFault({
    type: 'reshape', path: /\/pinterest\/boards\.json$/, times: -1,
    set: { 'response.result.data.boards.entries.*.board_id': 98765432101011 },
    drop: ['response.result.data.boards.entries.*.board_name'],
  });
  const run = await runCheck('reshaped');
  expect(run.code).toBe(1);
  const rows = run.report.endpoints;
  const boards = rows.find((r) => r.endpoint.endsWith('/pinterest/boards.json'));
  expect(boards.result).toBe('mismatch');
  expect(boards.diffs).toEqual(
    expect.arrayContaining([
      { path: 'response.result.data.boards.entries[].board_id', kind: 'type', expected: 'string', actual: 'number' },
      { path: 'response.result.data.boards.entries[].board_name', kind: 'missing', expected: 'string', actual: 'absent' },
    ]),
  );
  expect(rows.filter((r) => r !== boards).every((r) => r.result === 'match')).toBe(true);
  expect(run.output).toMatch(/MISMATCH\s+GET \/pull\/identities\/\{identity_token\}\/pinterest\/boards\.json/);
  expect(run.report.verdict).toBe('differences found');
});

test('an extra key is listed and an empty list noted without failing; another HTTP status is an error', async () => {
  emu.addFault({ type: 'reshape', path: '/users.json', times: -1, set: { 'response.result.status': { flag: 'success' } } });
  emu.addFault({ type: 'status', status: 403, path: /\/facebook\/groups\.json$/, times: -1, info: 'Groups permission not granted' });
  emu.addFault({ type: 'reshape', path: /\/facebook\/pages\.json$/, times: -1, set: { 'response.result.data.pages.entries': [] } });
  const run = await runCheck('extra');
  const byEndpoint = Object.fromEntries(run.report.endpoints.map((r) => [r.endpoint, r]));
  expect(byEndpoint['GET /users.json'].result).toBe('extra');
  expect(byEndpoint['GET /users.json'].diffs).toEqual([{ path: 'response.result.status', kind: 'extra', expected: 'absent', actual: 'object' }]);
  // A Facebook user without pages: the list's entries cannot be compared; said, not failed.
  expect(byEndpoint['GET /pull/identities/{identity_token}/facebook/pages.json']).toMatchObject({
    result: 'partial', diffs: [{ path: 'response.result.data.pages.entries[]', kind: 'unchecked', expected: 'entries', actual: 'empty list' }],
  });
  expect(byEndpoint['GET /pull/identities/{identity_token}/facebook/groups.json']).toMatchObject({
    result: 'error', http: 403, note: 'HTTP 403, OneAll 403: Groups permission not granted',
  });
  expect(run.code).toBe(1);
});

test('keys are never taken from arguments; missing environment is a usage error', async () => {
  const run = await runCheck('noenv', { env: { ONEALL_PRIVATE_KEY: '' } });
  expect(run.code).toBe(2);
  expect(run.output).toContain('set ONEALL_PRIVATE_KEY in the environment');
  const arg = await runCheck('arg', { args: ['--private-key', 'x'] });
  expect(arg.code).toBe(2);
  expect(emu.requests).toHaveLength(0);
});

test('--publish-to without a terminal is refused before any request', async () => {
  const run = await runCheck('notty', { args: ['--publish-to', FIXTURES.identities.pinterest] });
  expect(run.code).toBe(2);
  expect(run.output).toContain('publishing needs a terminal');
  expect(emu.requests).toHaveLength(0);
});

test('--publish-to on a terminal: a wrong confirmation publishes nothing', async () => {
  const run = await runCheck('wrong', { args: ['--publish-to', FIXTURES.identities.pinterest], typed: 'yes' });
  expect(run.output).toContain('not confirmed; nothing was published');
  expect(run.code).toBe(2);
  expect(emu.requests.filter((r) => r.method !== 'GET')).toHaveLength(0);
});

test('--publish-to confirmed: one push per operation, bodies from the node, removed where OneAll allows', async () => {
  const identity = FIXTURES.identities.facebook;
  const run = await runCheck('publish', { args: ['--publish-to', identity], typed: identity });
  expect(run.code).toBe(0);
  const pushes = run.report.pushes;
  expect(pushes).toHaveLength(9); // Facebook's 9 push operations
  expect(pushes.every((p) => p.outcome === 'accepted')).toBe(true);
  expect(emu.pushes()).toHaveLength(9);
  expect(emu.duplicates()).toHaveLength(0);
  // The emulator's schemas (written from docs/oneall-api.md, not from the node) found no unknown key.
  expect(emu.pushes().flatMap((p) => p.validation.unknownKeys)).toEqual([]);
  const removed = pushes.filter((p) => p.removal?.removed).map((p) => p.name).sort();
  expect(removed).toEqual(['Publish Page Post', 'Upload Page Picture', 'Upload Page Video']);
  expect(emu.requests.filter((r) => r.method === 'DELETE').map((r) => r.status)).toEqual([200, 200, 200]);
  const userPost = pushes.find((p) => p.name === 'Publish User Post');
  expect(userPost.removal).toMatchObject({ possible: false });
  expectNoSecrets(run.output, run.reportText);
  expect(run.reportText).not.toContain(identity);
});

test('every push body the node builds (all 5 networks, 20 operations) is accepted by the emulator; deletable ones are deleted', async () => {
  const { loadPushSpecs } = require('./pushSpecs.cjs');
  const { runPushes, sampleValues } = require('./publish.cjs');
  const auth = 'Basic ' + Buffer.from(`${DEFAULT_SITE.publicKey}:${DEFAULT_SITE.privateKey}`).toString('base64');
  const call = async (method, p, body) => {
    const res = await fetch(emu.url + p, {
      method, body: body && JSON.stringify(body), headers: { authorization: auth, 'content-type': 'application/json' },
    });
    return { status: res.status, json: await res.json() };
  };
  const specs = loadPushSpecs();
  const outcomes = {};
  for (const network of ['facebook', 'linkedin', 'pinterest', 'twitter', 'youtube']) {
    const ids = {
      board: FIXTURES.pinterest.boardId, page: FIXTURES.facebook.pageIds[0], group: FIXTURES.facebook.groupIds[0],
      company: FIXTURES.linkedin.companyIds[0], playlist: FIXTURES.youtube.playlistIds[0],
    };
    const results = await runPushes({
      specs: specs.filter((s) => s.network === network), identity: FIXTURES.identities[network], ids,
      sample: sampleValues({ ONEALL_CHECK_VIDEO_URL: 'https://media.example.com/clip.mp4' }), call, say: () => {},
    });
    outcomes[network] = results.map((r) => `${r.outcome}${r.removal?.removed ? '+removed' : ''}`);
  }
  expect(Object.values(outcomes).flat()).toHaveLength(20);
  expect(Object.values(outcomes).flat().filter((o) => !o.startsWith('accepted'))).toEqual([]);
  expect(emu.pushes().flatMap((p) => p.validation.unknownKeys)).toEqual([]);
  // Update API deletes: 3 Facebook page objects, the pin, the tweet, YouTube playlist item, section and playlist.
  expect(Object.values(outcomes).flat().filter((o) => o.endsWith('+removed'))).toHaveLength(8);
  expect(emu.duplicates()).toHaveLength(0);
});

test('22 #14: ids read from the live site go into paths only through the node\'s path rules (no "..", no "/")', async () => {
  const { loadPushSpecs } = require('./pushSpecs.cjs');
  const { runPushes, sampleValues, removalFor } = require('./publish.cjs');
  const calls = [];
  const call = async (method, p) => {
    calls.push(`${method} ${p}`);
    return { status: 200, json: { response: { request: { status: { flag: 'success', code: 200 } }, result: { data: { object: 'pin', pin_id: '..' } } } } };
  };
  const specs = loadPushSpecs().filter((s) => s.network === 'pinterest');
  const hostile = await runPushes({
    specs, identity: FIXTURES.identities.pinterest, ids: { board: '..' }, sample: sampleValues({}), call, say: () => {},
  });
  // The pin needs the board in its path: skipped, saying why; nothing went to a path with "..".
  expect(hostile.find((r) => r.operation === 'publishPin')).toMatchObject({ outcome: 'skipped', note: expect.stringMatching(/not a valid id/) });
  expect(calls.filter((c) => c.includes('..') || c.includes('%2E'))).toEqual([]);
  // A pin id of ".." in OneAll's answer is never deleted by path.
  const pinSpec = specs.find((s) => s.operation === 'publishPin');
  expect(removalFor(pinSpec, { object: 'pin', pin_id: '..' }, {}, { board: '1' })).toMatchObject({ possible: false });
  expect(removalFor(pinSpec, { object: 'pin', pin_id: 'a/../b' }, {}, { board: '1' })).toMatchObject({ possible: false });
  expect(removalFor(pinSpec, { object: 'pin', pin_id: '700' }, {}, { board: '1' })).toMatchObject({ possible: true, rest: 'pinterest/pin/700.json' });
  const sectionSpec = loadPushSpecs().find((s) => s.path === 'youtube/channel/section.json');
  expect(removalFor(sectionSpec, { object: 'section', section_id: 'UC1.abc' }, {}, {})).toMatchObject({ possible: true });
  expect(removalFor(sectionSpec, { object: 'section', section_id: 'UC1..x' }, {}, {})).toMatchObject({ possible: false });
});
