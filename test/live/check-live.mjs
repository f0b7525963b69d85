#!/usr/bin/env node
// npm run check:live [-- --report <file>] [--publish-to <identity_token>]
//
// Compares a real OneAll site's answers with what the emulator (test/emulator) serves for the same calls:
// keys present and value types, list entries included (docs/oneall-api.md §12). The site and its keys come
// from the environment only, and are masked in every line printed and in the report:
//   ONEALL_SUBDOMAIN, ONEALL_PUBLIC_KEY, ONEALL_PRIVATE_KEY, optional ONEALL_API_BASE_URL ({subdomain} allowed).
// Read-only unless --publish-to is given AND the identity token (or "publish") is typed on a terminal.
// Exit codes: 0 every endpoint matches (extra keys allowed); 1 a mismatch, an error or a rejected push;
// 2 bad usage, missing environment, or publishing refused.

import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const { startEmulator, DEFAULT_SITE, FIXTURES } = require('../emulator/index.cjs');
const { shapeOf, compareShapes, verdict } = require('./shape.cjs');
const { loadPushSpecs, loadResolveBaseUrl } = require('./pushSpecs.cjs');
const { runPushes, sampleValues, pushOrder } = require('./publish.cjs');

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const VERSION = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version;
const DOC = 'docs/oneall-api.md';
const NETWORKS = ['facebook', 'linkedin', 'pinterest', 'twitter', 'youtube'];
// The node's pickers (docs/oneall-api.md §6); `kind` is the id they provide to pushes.
const PICKERS = [
  { network: 'pinterest', path: 'pinterest/boards.json', list: 'boards', kind: 'board', section: '§6.3' },
  { network: 'facebook', path: 'facebook/pages.json', list: 'pages', kind: 'page', section: '§6.1' },
  { network: 'facebook', path: 'facebook/groups.json', list: 'groups', kind: 'group', section: '§6.1' },
  { network: 'linkedin', path: 'linkedin/companies.json', list: 'companies', kind: 'company', section: '§6.2' },
  { network: 'youtube', path: 'youtube/playlists.json', list: 'playlists', kind: 'playlist', section: '§6.4' },
];
// The node's read-only Pull API operations without an id to pick (docs/oneall-api.md §6.6), with the query the
// node sends for a first page.
const READS = [
  { network: 'facebook', path: 'facebook/likes.json', query: { num_likes: 25, page: 1 } },
  { network: 'facebook', path: 'facebook/posts.json', query: { num_posts: 50, page: 1 } },
  { network: 'linkedin', path: 'linkedin/user/posts.json', query: { num_posts: 50, page: 1 } },
  { network: 'steam', path: 'steam/games.json', query: { num_games: 50, page: 1 } },
  { network: 'tiktok', path: 'tiktok/videos.json' },
  ...['broadcaster/subscriptions', 'channels', 'clips', 'streams', 'videos'].map((what) => ({ network: 'twitch', path: `twitch/${what}.json` })),
  { network: 'youtube', path: 'youtube/channels.json' },
  { network: 'youtube', path: 'youtube/videos.json' },
];
const TOKEN = /^[A-Za-z0-9-]{1,128}$/;
// A shared page the emulator serves on every site with users (test/emulator/accounts.cjs).
const SHARING_PAGE = require('../emulator/accounts.cjs').SHARING_PAGES[0].token;

class UsageError extends Error {}
// Set as soon as the site is known; also applied to the last-resort error message.
let mask = (text) => String(text);

function parseArgs(argv) {
  const args = { report: path.join('test-output', 'live-check.json'), publishTo: undefined };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--report') args.report = argv[++i];
    else if (a === '--publish-to') args.publishTo = argv[++i];
    else if (a === '--help' || a === '-h') args.help = true;
    else throw new UsageError(`unknown argument ${a} (keys and subdomain are read from the environment only)`);
  }
  if (args.report === undefined || args.report === '') throw new UsageError('--report needs a file name');
  if (args.publishTo !== undefined && !TOKEN.test(args.publishTo)) throw new UsageError('--publish-to needs an identity token');
  return args;
}

function siteFromEnv(env) {
  const missing = ['ONEALL_SUBDOMAIN', 'ONEALL_PUBLIC_KEY', 'ONEALL_PRIVATE_KEY'].filter((k) => !env[k]);
  if (missing.length) throw new UsageError(`set ${missing.join(', ')} in the environment (see docs/development.md, "Checking a real OneAll site")`);
  const resolveBaseUrl = loadResolveBaseUrl();
  let baseUrl;
  try {
    baseUrl = resolveBaseUrl({ subdomain: env.ONEALL_SUBDOMAIN, apiBaseUrl: env.ONEALL_API_BASE_URL || '' });
  } catch (e) {
    throw new UsageError(`ONEALL_SUBDOMAIN / ONEALL_API_BASE_URL: ${e.message.replace(env.ONEALL_SUBDOMAIN, '<subdomain>')}`);
  }
  return { subdomain: env.ONEALL_SUBDOMAIN.trim(), publicKey: env.ONEALL_PUBLIC_KEY, privateKey: env.ONEALL_PRIVATE_KEY, baseUrl };
}

/** Replaces the keys, the subdomain, the base URL and every token the check used, in any text. */
function createMasker(site) {
  const rules = [];
  const add = (value, label, wholeWord = false) => {
    if (!value) return;
    const escaped = value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    rules.push([new RegExp(wholeWord ? `(?<![A-Za-z0-9-])${escaped}(?![A-Za-z0-9-])` : escaped, 'gi'), label]);
  };
  add(site.privateKey, '<private key>');
  add(site.publicKey, '<public key>');
  add(site.baseUrl, '<site>');
  add(site.subdomain, '<subdomain>', true);
  const mask = (text) => rules.reduce((t, [re, label]) => t.replace(re, label), String(text));
  mask.token = (value, label) => add(value, label, true);
  return mask;
}

function createClient({ baseUrl, publicKey, privateKey }) {
  const authorization = 'Basic ' + Buffer.from(`${publicKey}:${privateKey}`).toString('base64');
  return async function call(method, p, body, query) {
    const url = new URL(baseUrl + p);
    for (const [k, v] of Object.entries(query || {})) url.searchParams.set(k, String(v));
    try {
      const res = await fetch(url, {
        method,
        headers: {
          authorization,
          accept: 'application/json',
          'user-agent': `n8n-nodes-oneall-check-live/${VERSION}`,
          ...(body ? { 'content-type': 'application/json' } : {}),
        },
        body: body ? JSON.stringify(body) : undefined,
        redirect: 'error', // the keys go to this host only
        signal: AbortSignal.timeout(method === 'GET' ? 30000 : 120000),
      });
      const text = await res.text();
      let json;
      try {
        json = JSON.parse(text);
      } catch {
        json = undefined;
      }
      return { status: res.status, json };
    } catch (e) {
      return { status: undefined, error: e.name === 'TimeoutError' ? 'timed out' : `network error: ${e.cause?.code ?? e.message}` };
    }
  };
}

const first = (list) => (Array.isArray(list) && list.length ? list[0] : undefined);
const entriesOf = (json, list) => {
  const data = json?.response?.result?.data?.[list];
  return Array.isArray(data) ? data : Array.isArray(data?.entries) ? data.entries : [];
};

/** First identity per network: from the users list (documented) or the identities list (provider is a guess). */
function identitiesByNetwork(users, identities) {
  const found = {};
  for (const u of users) for (const i of Array.isArray(u.identities) ? u.identities : []) if (i.provider && !found[i.provider]) found[i.provider] = i.identity_token;
  for (const i of identities) if (i.provider && !found[i.provider]) found[i.provider] = i.identity_token;
  return found;
}

const short = (token) => (typeof token === 'string' ? `${token.slice(0, 4)}…` : '-');

function compareRow(endpoint, section, expected, actual) {
  const row = { endpoint, section: `${DOC} ${section}`, http: actual.status ?? null, expectedHttp: expected.status };
  if (actual.error) return { ...row, result: 'error', note: actual.error, diffs: [] };
  if (actual.json === undefined) return { ...row, result: 'error', note: 'the answer is not JSON', diffs: [] };
  if (actual.status !== expected.status) {
    const s = actual.json?.response?.request?.status;
    return { ...row, result: 'error', note: `HTTP ${actual.status}${s ? `, OneAll ${s.code}: ${s.info}` : ''}`, diffs: [] };
  }
  const diffs = compareShapes(shapeOf(expected.json), shapeOf(actual.json));
  return { ...row, result: verdict(diffs), diffs };
}

/** Missing keys and type changes by name; extra keys counted (all of them are in the report). */
function details(row) {
  if (row.note) return row.note;
  const named = row.diffs.filter((d) => d.kind !== 'extra').map((d) => `${d.kind} ${d.path} (${d.expected} -> ${d.actual})`);
  const extra = row.diffs.filter((d) => d.kind === 'extra').length;
  return [...named, ...(extra ? [`${extra} extra key(s)`] : [])].join('; ');
}

function printTable(rows, say) {
  const cols = [
    ['Result', (r) => r.result.toUpperCase()],
    ['Endpoint', (r) => r.endpoint],
    ['Reference', (r) => r.section.replace(`${DOC} `, '')],
    ['Details', details],
  ];
  const cells = rows.map((r) => cols.map(([, f]) => String(f(r))));
  const widths = cols.map(([h], i) => Math.min(70, Math.max(h.length, ...cells.map((c) => c[i].length))));
  const line = (vals) => vals.map((v, i) => (i === vals.length - 1 ? v : v.padEnd(widths[i]))).join('  ');
  say(line(cols.map(([h]) => h)));
  say(line(widths.map((w) => '-'.repeat(w))));
  for (const c of cells) say(line(c));
}

async function confirm(token, plan, say) {
  if (!process.stdin.isTTY) {
    throw new UsageError('publishing needs a terminal: type the confirmation yourself (stdin is not a TTY); nothing was sent');
  }
  say(`About to publish ${plan.length} post(s) for identity ${short(token)} and remove them again where OneAll allows:`);
  for (const spec of plan) say(`  - ${spec.name} (${spec.certainty}): POST /push/identities/{identity_token}/${spec.path}`);
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
  const answer = await new Promise((resolve) => {
    rl.question('Type the identity token, or "publish", to confirm: ', resolve);
    rl.once('close', () => resolve(''));
  });
  rl.close();
  if (answer.trim() !== token && answer.trim() !== 'publish') throw new UsageError('not confirmed; nothing was published');
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (args.help) {
    console.log('usage: ONEALL_SUBDOMAIN=… ONEALL_PUBLIC_KEY=… ONEALL_PRIVATE_KEY=… npm run check:live [-- --report file] [--publish-to <identity_token>]');
    return 0;
  }
  if (args.publishTo && !process.stdin.isTTY) {
    throw new UsageError('publishing needs a terminal: type the confirmation yourself (stdin is not a TTY); nothing was sent');
  }
  const site = siteFromEnv(process.env);
  mask = createMasker(site);
  const say = (text) => console.log(mask(text));
  const target = createClient(site);
  const reference = await startEmulator({ port: 0, seed: 1, userCount: 60, connectionCount: 30 });
  const expectedCall = createClient({ baseUrl: reference.url, publicKey: DEFAULT_SITE.publicKey, privateKey: DEFAULT_SITE.privateKey });
  const rows = [];
  let pushes = [];
  try {
    say(`check:live ${VERSION}: comparing <site> with the emulator (${DOC} §12)${args.publishTo ? ', then publishing' : ', read-only'}`);
    const check = async (endpoint, section, p, refPath, query, extra = {}) => {
      const [expected, actual] = [await expectedCall('GET', refPath, undefined, query), await target('GET', p, undefined, query)];
      const row = { ...compareRow(endpoint, section, expected, actual), ...extra };
      rows.push(row);
      say(`  ${row.result.padEnd(8)} ${endpoint}${extra.identity ? ` (${extra.network} identity ${extra.identity})` : ''}`);
      return actual;
    };
    const listQuery = { page: 1, entries_per_page: 500 };
    await check('GET /tools/ping.json', '§7.5', '/tools/ping.json', '/tools/ping.json');
    const identities = entriesOf((await check('GET /identities.json', '§7.1', '/identities.json', '/identities.json', listQuery)).json, 'identities');
    const users = entriesOf((await check('GET /users.json', '§7.2', '/users.json', '/users.json', listQuery)).json, 'users');
    const connections = entriesOf((await check('GET /connections.json', '§7.4', '/connections.json', '/connections.json', { page: 1, entries_per_page: 50 })).json, 'connections');
    for (const i of identities) mask.token(i.identity_token, '{identity_token}');
    for (const u of users) {
      mask.token(u.user_token, '{user_token}');
      for (const i of Array.isArray(u.identities) ? u.identities : []) mask.token(i.identity_token, '{identity_token}');
    }
    for (const c of connections) mask.token(c.connection_token, '{connection_token}');
    if (args.publishTo) mask.token(args.publishTo, '{identity_token}');

    const skip = (endpoint, section, note) => {
      rows.push({ endpoint, section: `${DOC} ${section}`, result: 'skipped', note, diffs: [] });
      say(`  skipped  ${endpoint}: ${note}`);
    };
    const detail = async (endpoint, section, token, refToken, build) =>
      token ? check(endpoint, section, build(token), build(refToken)) : skip(endpoint, section, 'the list is empty');
    await detail('GET /identities/{identity_token}.json', '§7.1', first(identities)?.identity_token, FIXTURES.identities.pinterest, (t) => `/identities/${encodeURIComponent(t)}.json`);
    await detail('GET /users/{user_token}.json', '§7.2', first(users)?.user_token, FIXTURES.user, (t) => `/users/${encodeURIComponent(t)}.json`);
    await detail('GET /connections/{connection_token}.json', '§7.4', first(connections)?.connection_token, FIXTURES.connection, (t) => `/connections/${encodeURIComponent(t)}.json`);
    // §8.8: reads of the site's settings and sessions (a site without Single Sign-On may answer an error here).
    await check('GET /site/allowed-domains.json', '§8.8', '/site/allowed-domains.json', '/site/allowed-domains.json');
    const ssoSessions = entriesOf((await check('GET /sso/sessions.json', '§8.8', '/sso/sessions.json', '/sso/sessions.json', { page: 1, entries_per_page: 50 })).json, 'sso_sessions');
    for (const s of ssoSessions) mask.token(s.sso_session_token, '{sso_session_token}');

    // Other reads (§6.5, §7.1, §7.2, §8.4): read-only; contacts from OneAll's cache (disable_cache=false).
    await check('GET /providers.json', '§6.5', '/providers.json', '/providers.json');
    const pages = entriesOf((await check('GET /sharing/pages.json', '§8.4', '/sharing/pages.json', '/sharing/pages.json', listQuery)).json, 'sharing_pages');
    for (const p of pages) mask.token(p.sharing_page_token, '{sharing_page_token}');
    await detail('GET /sharing/pages/{sharing_page_token}.json', '§8.4', first(pages)?.sharing_page_token, SHARING_PAGE, (t) => `/sharing/pages/${encodeURIComponent(t)}.json`);
    await check('GET /search/twitter/tweets.json', '§6.5', '/search/twitter/tweets.json', '/search/twitter/tweets.json', { search_text: 'oneall', num_tweets: 5 });
    const cached = { disable_cache: 'false' };
    const contactsOf = identitiesByNetwork(users, identities);
    const contactsIdentity = contactsOf.twitter ?? contactsOf.facebook ?? contactsOf.linkedin;
    if (contactsIdentity) await check('GET /identities/{identity_token}/contacts.json', '§7.1', `/identities/${encodeURIComponent(contactsIdentity)}/contacts.json`, `/identities/${FIXTURES.identities.twitter}/contacts.json`, cached);
    else skip('GET /identities/{identity_token}/contacts.json', '§7.1', 'no Twitter, Facebook or LinkedIn identity on the site');
    if (first(users)) await check('GET /users/{user_token}/contacts.json', '§7.2', `/users/${encodeURIComponent(first(users).user_token)}/contacts.json`, `/users/${FIXTURES.user}/contacts.json`, cached);
    else skip('GET /users/{user_token}/contacts.json', '§7.2', 'the list is empty');

    // Publishing: the identity's network decides which pushes go out; its pickers provide the ids.
    const byNetwork = identitiesByNetwork(users, identities);
    let publishNetwork;
    if (args.publishTo) {
      const read = await target('GET', `/identities/${encodeURIComponent(args.publishTo)}.json`);
      publishNetwork = read.json?.response?.result?.data?.identity?.provider;
      if (!NETWORKS.includes(publishNetwork)) {
        throw new UsageError(`cannot publish: the identity could not be read or is of no network the node publishes to (HTTP ${read.status ?? read.error})`);
      }
      byNetwork[publishNetwork] = args.publishTo;
    }
    const ids = {};
    for (const picker of PICKERS) {
      const endpoint = `GET /pull/identities/{identity_token}/${picker.path}`;
      const token = byNetwork[picker.network];
      if (!token) {
        skip(endpoint, picker.section, `no ${picker.network} identity on the site`);
        continue;
      }
      const build = (t) => `/pull/identities/${encodeURIComponent(t)}/${picker.path}`;
      const answer = await check(endpoint, picker.section, build(token), build(FIXTURES.identities[picker.network]), { page: 1, entries_per_page: 100 }, { network: picker.network, identity: short(token) });
      if (picker.network === publishNetwork) {
        const entry = first(entriesOf(answer.json, picker.list));
        const id = entry?.[`${picker.kind}_id`] ?? entry?.id;
        if (id !== undefined) ids[picker.kind] = String(id);
      }
    }

    for (const read of READS) {
      const endpoint = `GET /pull/identities/{identity_token}/${read.path}`;
      const token = byNetwork[read.network];
      if (!token) {
        skip(endpoint, '§6.6', `no ${read.network} identity on the site`);
        continue;
      }
      const build = (t) => `/pull/identities/${encodeURIComponent(t)}/${read.path}`;
      await check(endpoint, '§6.6', build(token), build(FIXTURES.identities[read.network]), read.query, { network: read.network, identity: short(token) });
    }

    if (args.publishTo) {
      const specs = pushOrder(loadPushSpecs().filter((s) => s.network === publishNetwork));
      if (specs.length === 0) throw new UsageError(`no push operations for ${publishNetwork} found in dist/: run npm run build`);
      await confirm(args.publishTo, specs, say);
      say(`Publishing for identity ${short(args.publishTo)} (${publishNetwork}):`);
      pushes = await runPushes({
        specs,
        identity: encodeURIComponent(args.publishTo),
        ids,
        sample: sampleValues(process.env),
        call: (method, p, body) => target(method, p, body),
        say,
      });
    }
  } finally {
    await reference.close();
  }

  say('');
  printTable(rows, say);
  const count = (r) => rows.filter((row) => row.result === r).length;
  const summary = {
    match: count('match'), extra: count('extra'), partial: count('partial'), mismatch: count('mismatch'), error: count('error'), skipped: count('skipped'),
    pushesAccepted: pushes.filter((p) => p.outcome === 'accepted').length,
    pushesRejected: pushes.filter((p) => p.outcome === 'rejected').length,
    pushesSkipped: pushes.filter((p) => p.outcome === 'skipped').length,
    removed: pushes.filter((p) => p.removal?.removed).length,
  };
  const failed = summary.mismatch + summary.error + summary.pushesRejected > 0;
  const report = {
    tool: 'n8n-nodes-oneall check:live',
    version: VERSION,
    date: new Date().toISOString(),
    site: '<masked>',
    reference: `${DOC} §12; expected shapes = the emulator's answers (test/emulator)`,
    mode: args.publishTo ? 'publish' : 'read-only',
    verdict: failed ? 'differences found' : 'matches the emulator',
    legend: {
      match: 'same keys and types as the emulator',
      extra: 'keys the emulator does not send; not an error',
      partial: 'a list is empty on one side, so its entries were not compared; not an error',
      mismatch: 'a key the emulator sends is missing, or a value has another type',
      error: 'another HTTP status than the emulator, a non-JSON answer, or a network error',
    },
    summary,
    endpoints: rows,
    pushes,
  };
  const reportPath = path.resolve(ROOT, args.report);
  fs.mkdirSync(path.dirname(reportPath), { recursive: true });
  fs.writeFileSync(reportPath, mask(JSON.stringify(report, null, 2)) + '\n');
  say('');
  say(`${summary.match} match, ${summary.extra} extra keys only, ${summary.partial} partial, ${summary.mismatch} mismatch, ${summary.error} error, ${summary.skipped} skipped` +
    (args.publishTo ? `; pushes: ${summary.pushesAccepted} accepted, ${summary.pushesRejected} rejected, ${summary.pushesSkipped} skipped, ${summary.removed} removed` : ''));
  say(`Report: ${path.relative(ROOT, reportPath)}`);
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(mask(e instanceof UsageError ? `check:live: ${e.message}` : `check:live failed: ${e.stack}`));
    process.exit(e instanceof UsageError ? 2 : 1);
  },
);
