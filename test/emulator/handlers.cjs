'use strict';
// API routes and their handlers. A handler gets a context and returns
// { status, json, outcome, kind, validation?, result?, error?, async? }; server.cjs does the HTTP side.

const { successEnvelope, errorEnvelope, oneallDate, isoNoZone } = require('./envelope.cjs');
const { PUSH_SCHEMAS, WRITE_SCHEMAS } = require('./schemas.cjs');
const { validateBody } = require('./validate.cjs');
const { SOURCE_NAMES } = require('./fixtures.cjs');
const { updateRoutes, recordPublished } = require('./updates.cjs');
const { sharingRoutes } = require('./sharing.cjs');
const { accountRoutes } = require('./accounts.cjs');
const { storageRoutes } = require('./storage.cjs');
const { ssoRoutes } = require('./sso.cjs');
const { loudvoiceRoutes } = require('./loudvoice.cjs');
const { publicList } = require('./profiles.cjs');

const NO_VALIDATION = Object.freeze({ errors: Object.freeze([]), unknownKeys: Object.freeze([]) });

// ---------- presenters (fixture record -> API shape) ----------

function identityFull(i) {
  return {
    user_token: i.user_token,
    identity_token: i.identity_token,
    provider: i.provider,
    source: { name: SOURCE_NAMES[i.provider], key: i.provider, access_token: { key: i.accessToken.key, secret: i.accessToken.secret } },
    id: i.id,
    displayName: i.displayName,
    name: { ...i.name },
    preferredUsername: i.preferredUsername,
    emails: i.emails.map((e) => ({ ...e })),
    thumbnailUrl: i.thumbnailUrl,
    profileUrl: i.profileUrl,
    date_creation: oneallDate(i.date_creation),
  };
}

// List entry keys beyond user_token/identity_token are a GUESS (docs/oneall-api.md §7.1, §11).
const identityEntry = (i) => ({
  identity_token: i.identity_token,
  user_token: i.user_token,
  provider: i.provider,
  displayName: i.displayName,
  date_creation: oneallDate(i.date_creation),
});

const userEntry = (data) => (u) => ({
  user_token: u.user_token,
  date_creation: oneallDate(u.date_creation),
  date_last_login: oneallDate(u.date_last_login),
  num_logins: u.num_logins,
  identities: u.identities.map((t) => ({ identity_token: t, provider: data.identities.get(t).provider })),
});

const userFull = (data, u) => ({
  user_token: u.user_token,
  date_creation: oneallDate(u.date_creation),
  date_last_login: oneallDate(u.date_last_login),
  num_logins: u.num_logins,
  identities: u.identities.map((t) => {
    const i = data.identities.get(t);
    return {
      identity_token: i.identity_token, provider: i.provider, id: i.id, displayName: i.displayName, name: { ...i.name },
      gender: i.gender, birthday: i.birthday, utcOffset: i.utcOffset, emails: i.emails.map((e) => ({ ...e })),
    };
  }),
});

const connectionEntry = (c) => ({
  connection_token: c.connection_token,
  callback_uri: c.callback_uri,
  status: c.status,
  date_creation: oneallDate(c.date_creation),
});

// Pull list entries (GUESS: result structures are undocumented, docs/oneall-api.md §6, §11).
const PULL = {
  'pinterest/boards': { provider: 'pinterest', list: 'boards', entry: (id, n) => ({ board_id: id, board_name: `Board ${n}`, board_description: `Emulated board number ${n}`, board_url: `https://www.pinterest.com/emulator/board-${n}/` }) },
  'facebook/pages': { provider: 'facebook', list: 'pages', entry: (id, n) => ({ page_id: id, page_name: `Page ${n}`, page_url: `https://www.facebook.com/${id}` }) },
  'facebook/groups': { provider: 'facebook', list: 'groups', entry: (id, n) => ({ group_id: id, group_name: `Group ${n}` }) },
  'linkedin/companies': { provider: 'linkedin', list: 'companies', entry: (id, n) => ({ company_id: id, company_name: `Company ${n}` }) },
  'youtube/playlists': { provider: 'youtube', list: 'playlists', entry: (id, n) => ({ playlist_id: id, playlist_title: `Playlist ${n}`, playlist_description: `Emulated playlist number ${n}` }) },
  'youtube/channels': { provider: 'youtube', list: 'channels', entry: (id, n) => ({ channel_id: id, channel_title: `Channel ${n}` }) },
};

// ---------- helpers ----------

const ok = (ctx, data, extra = {}, resultStatus) => ({
  status: 200,
  json: successEnvelope(ctx.resource, data, ctx.now, resultStatus),
  outcome: 'processed',
  ...extra,
});
const fail = (ctx, status, info, extra = {}) => ({
  status,
  json: errorEnvelope(ctx.resource, status, info, ctx.now),
  outcome: 'rejected',
  error: info,
  ...extra,
});

/**
 * docs/oneall-api.md §2.5: page (1-based), entries_per_page (default 250, > 500 -> 500, invalid -> 250), order_direction
 * asc|desc. The 'public' answer profile (profiles.cjs) pages the same way but answers without `pagination`.
 */
function paginate(ctx, list, plural, mapEntry) {
  const q = ctx.query;
  let epp = Number.parseInt(q.entries_per_page, 10);
  if (!Number.isFinite(epp) || epp < 1) epp = 250;
  if (epp > 500) epp = 500;
  let page = Number.parseInt(q.page, 10);
  if (!Number.isFinite(page) || page < 1) page = 1;
  const direction = q.order_direction === 'desc' ? 'desc' : 'asc';
  const total = list.length;
  const totalPages = Math.max(1, Math.ceil(total / epp));
  const start = (page - 1) * epp;
  const slice = [];
  for (let k = start; k < Math.min(start + epp, total); k++) {
    const idx = direction === 'asc' ? k : total - 1 - k;
    slice.push(mapEntry(list[idx], idx + 1));
  }
  if (ctx.answers === 'public') return { [plural]: publicList(plural, slice) };
  return {
    [plural]: {
      pagination: {
        current_page: page,
        total_pages: totalPages,
        entries_per_page: epp,
        total_entries: total,
        order: { field: 'date_creation', direction },
      },
      count: slice.length,
      entries: slice,
    },
  };
}

function parseJsonBody(ctx) {
  if (ctx.rawBody === '') return { body: undefined };
  try {
    return { body: JSON.parse(ctx.rawBody) };
  } catch {
    return { error: 'The request body is not valid JSON' };
  }
}

const providerName = (p) => SOURCE_NAMES[p] || p;

function findIdentity(ctx, token, provider) {
  const identity = ctx.data.identities.get(token);
  if (!identity) return { err: fail(ctx, 404, `The identity ${token} does not exist`) };
  if (provider && identity.provider !== provider) {
    return {
      err: fail(ctx, 403, `This resource requires a ${providerName(provider)} identity, but the identity ${token} is a ${providerName(identity.provider)} identity`),
    };
  }
  return { identity };
}

// Which fixture list a `ref` names, and how to say it in an error.
const REF_TEXT = {
  boards: 'board', pages: 'Facebook page', groups: 'Facebook group', companies: 'LinkedIn company', playlists: 'YouTube playlist',
};

// ---------- push ----------

function makeId(ctx, style) {
  const n = ++ctx.state.idCounter;
  switch (style) {
    case 'youtube-video':
      return 'yt' + n.toString(36).padStart(9, '0');
    case 'youtube-playlist':
      return 'PLemu' + n.toString(36).padStart(29, '0');
    case 'youtube-section':
      return 'UCemu' + n.toString(36).padStart(17, '0') + '.' + n.toString(36).padStart(11, '0');
    default:
      return String(700000000000000000n + BigInt(n)); // numeric string like the seed page's pin_id
  }
}

function buildResult(ctx, schema, obj, params) {
  const r = schema.result;
  const id = makeId(ctx, r.idStyle);
  const data = { provider: schema.provider, object: r.object, [`${r.object}_id`]: id };
  const created = isoNoZone(ctx.now);
  if (r.fields) {
    for (const [key, src] of Object.entries(r.fields)) {
      if (src === 'now') data[key] = created;
      else if (src.startsWith('path.')) data[key] = params[src.slice(5)];
      else data[key] = obj[src.slice(5)] ?? '';
    }
    return { data, id };
  }
  const source = r.echoFrom ? obj[r.echoFrom] : obj;
  const fields = r.echoFrom ? schema.fields[r.echoFrom].fields : schema.fields;
  for (const key of Object.keys(fields)) {
    if (source[key] !== undefined) data[`${r.object}_${(r.rename && r.rename[key]) || key}`] = source[key];
  }
  for (const [key, src] of Object.entries(r.extra || {})) data[`${r.object}_${key}`] = params[src.slice(5)];
  if (schema.async) data[`${r.object}_status`] = 'queued';
  data[`${r.object}_created_at`] = created;
  return { data, id };
}

function pushHandler(schema) {
  return (ctx) => {
    const params = ctx.params;
    const parsed = parseJsonBody(ctx);
    const validation = parsed.error
      ? { errors: [parsed.error], unknownKeys: [] }
      : validateBody(schema, parsed.body, ['push', schema.object]);
    const extra = { kind: 'push', validation: { errors: validation.errors, unknownKeys: validation.unknownKeys } };
    // Path resources first (as a REST server would), then the body.
    const { identity, err } = findIdentity(ctx, params.identity_token, schema.provider);
    if (err) return { ...err, ...extra };
    for (const [param, list] of Object.entries(schema.pathRefs || {})) {
      if (!identity[list].includes(params[param])) {
        return fail(ctx, 404, `The ${REF_TEXT[list]} ${params[param]} does not exist or does not belong to the identity ${identity.identity_token}`, extra);
      }
    }
    if (validation.errors.length) return fail(ctx, 400, validation.errors.join('; '), extra);
    const obj = validation.object;
    for (const [key, spec] of Object.entries(schema.fields)) {
      if (spec.ref && obj[key] !== undefined && !identity[spec.ref].includes(obj[key])) {
        return fail(ctx, 404, `The ${REF_TEXT[spec.ref]} ${obj[key]} does not exist or is not managed by the identity ${identity.identity_token}`, extra);
      }
    }
    const { data, id } = buildResult(ctx, schema, obj, params);
    recordPublished(ctx, schema, identity, obj, data, id); // updates.cjs: it can now be updated, listed, deleted
    // Created containers become usable at once (pin to a new board, add to a new playlist).
    if (schema.n === 13) identity.boards.push(id);
    if (schema.n === 19) identity.playlists.push(id);
    const out = ok(ctx, data, { ...extra, result: data });
    if (schema.async && obj.callback_url) out.async = { url: obj.callback_url, data };
    return out;
  };
}

// Update API, Pull API lists of published objects and account deletes: updates.cjs (docs/oneall-api.md §5–§7).

// ---------- reads and writes ----------

const ping = (ctx) => ok(ctx, { ping: 'pong' }, { kind: 'read' }); // GUESS: body undocumented (docs/oneall-api.md §7.5)

const listUsers = (ctx) => ok(ctx, paginate(ctx, ctx.data.userList, 'users', userEntry(ctx.data)), { kind: 'read' });
const listIdentities = (ctx) => ok(ctx, paginate(ctx, ctx.data.identityList, 'identities', identityEntry), { kind: 'read' });
const listConnections = (ctx) => ok(ctx, paginate(ctx, ctx.data.connectionList, 'connections', connectionEntry), { kind: 'read' });

function readUser(ctx) {
  const u = ctx.data.users.get(ctx.params.user_token);
  if (!u) return fail(ctx, 404, `The user ${ctx.params.user_token} does not exist`, { kind: 'read' });
  return ok(ctx, { user: userFull(ctx.data, u) }, { kind: 'read' });
}

function readIdentity(ctx) {
  const { identity, err } = findIdentity(ctx, ctx.params.identity_token);
  if (err) return { ...err, kind: 'read' };
  return ok(ctx, { identity: identityFull(identity) }, { kind: 'read' });
}

/**
 * An encrypted site's user data: OneAll's scheme is not public (README: encrypted site), so this is
 * only opaque text that no client can read, never a real cipher.
 */
function opaque(value) {
  return 'encrypted:' + Buffer.from(JSON.stringify(value)).toString('base64').split('').reverse().join('');
}

function readConnection(ctx) {
  const c = ctx.data.connections.get(ctx.params.connection_token);
  if (!c) return fail(ctx, 404, `The connection ${ctx.params.connection_token} does not exist`, { kind: 'read' });
  const identity = ctx.data.identities.get(c.identity_token);
  const user = { user_token: identity.user_token, identity: identityFull(identity) };
  const data = {
    connection: { connection_token: c.connection_token, date: oneallDate(c.date_creation), plugin: c.plugin },
    user: ctx.encryptedSite ? opaque(user) : user,
  };
  return ok(ctx, data, { kind: 'read' }, { flag: 'success', code: 200, info: 'The user successfully authenticated' });
}

function writeBody(ctx, schemaName) {
  const schema = WRITE_SCHEMAS[schemaName];
  const parsed = parseJsonBody(ctx);
  if (parsed.error) return { validation: { errors: [parsed.error], unknownKeys: [] } };
  const v = validateBody(schema, parsed.body, [schema.root]);
  return { validation: { errors: v.errors, unknownKeys: v.unknownKeys }, object: v.object };
}

function linkIdentity(ctx) {
  const { validation, object } = writeBody(ctx, 'link');
  const extra = { kind: 'write', validation };
  const { identity, err } = findIdentity(ctx, ctx.params.identity_token);
  if (err) return { ...err, ...extra };
  if (validation.errors.length) return fail(ctx, 400, validation.errors.join('; '), extra);
  const target = ctx.data.users.get(object.user_token);
  if (!target) return fail(ctx, 404, `The user ${object.user_token} does not exist`, extra);
  const previous = ctx.data.users.get(identity.user_token);
  if (previous !== target) {
    previous.identities = previous.identities.filter((t) => t !== identity.identity_token);
    target.identities.push(identity.identity_token);
    identity.user_token = target.user_token;
  }
  return ok(ctx, { user: userFull(ctx.data, target) }, extra, {
    flag: 'success', code: 200, info: 'The identity has successfully been linked to the specified user',
  });
}

function synchronizeIdentity(ctx) {
  const { validation, object } = writeBody(ctx, 'synchronize');
  const extra = { kind: 'write', validation };
  const { identity, err } = findIdentity(ctx, ctx.params.identity_token);
  if (err) return { ...err, ...extra };
  if (validation.errors.length) return fail(ctx, 400, validation.errors.join('; '), extra);
  const force = object.force_token_update === true || object.force_token_update === 'true';
  if (force) {
    // A new fake token, still carrying the marker so redaction tests keep working.
    const n = ++ctx.state.idCounter;
    identity.accessToken = { ...identity.accessToken, key: `${identity.accessToken.key.split('~')[0]}~${n}` };
  }
  return ok(ctx, { identity: identityFull(identity) }, extra);
}

function pullList(key) {
  const spec = PULL[key];
  return (ctx) => {
    const { identity, err } = findIdentity(ctx, ctx.params.identity_token, spec.provider);
    if (err) return { ...err, kind: 'read' };
    return ok(ctx, paginate(ctx, identity[spec.list], spec.list, spec.entry), { kind: 'read' });
  };
}

// ---------- routing table ----------

function compile(method, pattern, handler) {
  const names = [];
  const re = new RegExp(
    '^' +
      pattern
        .replace(/[.]/g, '\\.')
        .replace(/:([a-z_]+)/g, (_, n) => {
          names.push(n);
          return '([^/]+)';
        }) +
      '$',
  );
  return { method, pattern, re, names, handler };
}

const ROUTES = [
  compile('GET', '/tools/ping.json', ping),
  compile('GET', '/connections.json', listConnections),
  compile('GET', '/connections/:connection_token.json', readConnection),
  compile('GET', '/identities.json', listIdentities),
  compile('GET', '/identities/:identity_token.json', readIdentity),
  compile('PUT', '/identities/:identity_token/link.json', linkIdentity),
  compile('PUT', '/identities/:identity_token/synchronize.json', synchronizeIdentity),
  compile('GET', '/users.json', listUsers),
  compile('GET', '/users/:user_token.json', readUser),
  ...Object.keys(PULL).map((k) => compile('GET', `/pull/identities/:identity_token/${k}.json`, pullList(k))),
  ...PUSH_SCHEMAS.map((s) => compile('POST', `/push/identities/:identity_token/${s.path}`, pushHandler(s))),
  ...updateRoutes().map(([method, pattern, handler]) => compile(method, pattern, handler)),
  ...sharingRoutes({ ok, fail, paginate, parseJsonBody }).map(([method, pattern, handler]) => compile(method, pattern, handler)),
  ...accountRoutes({ ok, fail, paginate, parseJsonBody, identityFull, userFull: (data, u) => userFull(data, u) })
    .map(([method, pattern, handler]) => compile(method, pattern, handler)),
  ...storageRoutes({ ok, fail, paginate, parseJsonBody }).map(([method, pattern, handler]) => compile(method, pattern, handler)),
  ...ssoRoutes({ ok, fail, paginate, parseJsonBody }).map(([method, pattern, handler]) => compile(method, pattern, handler)),
  ...loudvoiceRoutes({ ok, fail }).map(([method, pattern, handler]) => compile(method, pattern, handler)),
];

/** -> { route, params } | { allowed: [methods] } (path known, method not) | null (unknown path) */
function matchRoute(method, path) {
  const allowed = [];
  for (const route of ROUTES) {
    const m = route.re.exec(path);
    if (!m) continue;
    if (route.method !== method) {
      allowed.push(route.method);
      continue;
    }
    const params = {};
    route.names.forEach((n, i) => {
      try {
        params[n] = decodeURIComponent(m[i + 1]);
      } catch {
        params[n] = m[i + 1];
      }
    });
    return { route, params };
  }
  return allowed.length ? { allowed } : null;
}

module.exports = { matchRoute, ROUTES, NO_VALIDATION, identityFull };
