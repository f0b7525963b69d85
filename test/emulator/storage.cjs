'use strict';
// User Cloud Storage, the Site API and SSO sessions of the emulator (docs/oneall-api.md §8.8). Bodies are
// checked against storage-schemas.cjs. GUESSES (no public answer shows them): the stored user's keys beyond
// user_token/externalid/login/date_creation (its storage identity under `identities`), 409 for an external ID
// or login already taken, 201/200 for a synchronize that created/updated, the 401 text of a wrong password,
// the answer of the allowed-domains calls (`allowed_domains` as a list; a PUT replaces the list), and the
// answer of a recorded form login.

const crypto = require('node:crypto');
const { envelope, oneallDate } = require('./envelope.cjs');
const { STORAGE_SCHEMAS } = require('./storage-schemas.cjs');
const { validateBody } = require('./validate.cjs');

const FIRST_EXTERNAL_ID = 100000001; // docs create-user: generated external ids start here
const WRONG_PASSWORD = 'The credentials do not match'; // GUESS: the examples only name the case

function store(ctx) {
  ctx.data.storage ??= { users: new Map(), nextExternalId: FIRST_EXTERNAL_ID, allowedDomains: ['www.example.com'], formLogins: [] };
  return ctx.data.storage;
}

const counterToken = (prefix, n) => `${prefix}-0000-4000-8000-${String(n).padStart(12, '0')}`;
// Only a one-way hash is kept (as OneAll says it does), so nothing can echo a password.
const hash = (password) => crypto.createHash('sha256').update(String(password)).digest('hex');

function checkBody(ctx, helpers, schema) {
  const parsed = helpers.parseJsonBody(ctx);
  if (parsed.error) return { validation: { errors: [parsed.error], unknownKeys: [] } };
  const v = validateBody(schema, parsed.body, schema.root);
  return { validation: { errors: v.errors, unknownKeys: v.unknownKeys }, object: v.object };
}

const userFull = (u) => ({
  user_token: u.user_token,
  externalid: u.externalid,
  login: u.login ?? null,
  date_creation: oneallDate(u.created),
  date_last_update: oneallDate(u.updated),
  identities: u.identity ? [{ identity_token: u.identity_token, provider: 'storage', ...u.identity }] : [],
});

/** replace: given values replace (null/"" removes), absent stay; append: lists get the new elements added. */
function merge(stored, given, mode) {
  const out = { ...stored };
  for (const [key, value] of Object.entries(given)) {
    if (value === null || value === '') delete out[key];
    else if (Array.isArray(value)) out[key] = mode === 'append' && Array.isArray(stored[key]) ? [...stored[key], ...value] : value;
    else if (typeof value === 'object' && typeof stored[key] === 'object' && stored[key] !== null && !Array.isArray(stored[key])) out[key] = merge(stored[key], value, mode);
    else out[key] = value;
  }
  return out;
}

const created = (ctx, data, extra) => ({
  status: 201, json: envelope({ resource: ctx.resource, flag: 'success', code: 201, now: ctx.now, result: { data } }), outcome: 'processed', result: data, ...extra,
});

function routes(helpers) {
  const { ok, fail } = helpers;
  const taken = (s, field, value, except) => value !== undefined && [...s.users.values()].some((u) => u !== except && String(u[field]) === String(value));

  /** Applies a user object to a stored user (new or existing); an error answer when a unique value is taken. */
  function apply(ctx, s, target, given, mode, extra) {
    for (const field of ['externalid', 'login']) {
      if (taken(s, field, given[field], target)) return fail(ctx, 409, `The ${field} is already used by another user`, extra);
    }
    if (given.externalid !== undefined) target.externalid = given.externalid;
    if (given.login !== undefined) target.login = given.login;
    if (given.password !== undefined) target.passwordHash = hash(given.password);
    const addsIdentity = given.identity !== undefined && !target.identity;
    if (given.identity !== undefined) {
      target.identity = merge(target.identity ?? {}, given.identity, mode);
      target.identity_token ??= counterToken('57a9e1d0', ++ctx.state.idCounter);
    }
    target.updated = ctx.now;
    return { addsIdentity };
  }

  function newUser(ctx, s) {
    return { user_token: counterToken('570a6e00', ++ctx.state.idCounter), externalid: undefined, login: undefined, passwordHash: hash(crypto.randomUUID()), identity: null, created: ctx.now, updated: ctx.now };
  }

  function createUser(ctx) {
    const { validation, object } = checkBody(ctx, helpers, STORAGE_SCHEMAS.create);
    const extra = { kind: 'write', validation };
    if (validation.errors.length) return fail(ctx, 400, validation.errors.join('; '), extra);
    const s = store(ctx);
    const user = newUser(ctx, s);
    const applied = apply(ctx, s, user, object, 'replace', extra);
    if (applied.status) return applied;
    if (user.externalid === undefined) user.externalid = s.nextExternalId++;
    s.users.set(user.user_token, user);
    return created(ctx, { user: userFull(user) }, extra);
  }

  function updateUser(ctx) {
    const { validation, object } = checkBody(ctx, helpers, STORAGE_SCHEMAS.update);
    const extra = { kind: 'write', validation };
    const user = store(ctx).users.get(ctx.params.user_token);
    if (!user) return fail(ctx, 404, `The user ${ctx.params.user_token} does not exist`, extra);
    if (validation.errors.length) return fail(ctx, 400, validation.errors.join('; '), extra);
    const applied = apply(ctx, store(ctx), user, object.user, object.update_mode ?? 'replace', extra);
    if (applied.status) return applied;
    // docs update-user: 201 when the storage identity was added, 200 when it was updated
    return applied.addsIdentity ? created(ctx, { user: userFull(user) }, extra) : ok(ctx, { user: userFull(user) }, extra);
  }

  function lookupUser(ctx) {
    const { validation, object } = checkBody(ctx, helpers, STORAGE_SCHEMAS.lookup);
    const extra = { kind: 'read', validation };
    if (validation.errors.length) return fail(ctx, 400, validation.errors.join('; '), extra);
    const keys = ['user_token', 'externalid', 'login'].filter((k) => object[k] !== undefined);
    const user = [...store(ctx).users.values()].find((u) => keys.every((k) => u[k] !== undefined && String(u[k]) === String(object[k])));
    if (!user) return fail(ctx, 404, 'No user matches the given fields', extra);
    if (object.password !== undefined && hash(object.password) !== user.passwordHash) return fail(ctx, 401, WRONG_PASSWORD, extra);
    return ok(ctx, { user: userFull(user) }, extra);
  }

  function synchronizeUser(ctx) {
    const { validation, object } = checkBody(ctx, helpers, STORAGE_SCHEMAS.synchronize);
    const extra = { kind: 'write', validation };
    if (validation.errors.length) return fail(ctx, 400, validation.errors.join('; '), extra);
    const s = store(ctx);
    const { field, value } = object.identifier;
    const existing = [...s.users.values()].find((u) => u[field] !== undefined && String(u[field]) === String(value));
    const user = existing ?? newUser(ctx, s);
    // A new user keeps the identifying value unless the user data sets another one.
    const given = existing || field === 'user_token' ? object.user : { [field]: value, ...object.user };
    const applied = apply(ctx, s, user, given, 'replace', extra);
    if (applied.status) return applied;
    if (existing) return ok(ctx, { user: userFull(user) }, extra);
    if (user.externalid === undefined) user.externalid = s.nextExternalId++;
    s.users.set(user.user_token, user);
    return created(ctx, { user: userFull(user) }, extra);
  }

  // ---------- Site API ----------
  const readAllowedDomains = (ctx) => ok(ctx, { allowed_domains: [...store(ctx).allowedDomains] }, { kind: 'read' });
  function setAllowedDomains(ctx) {
    const { validation, object } = checkBody(ctx, helpers, STORAGE_SCHEMAS.allowedDomains);
    const extra = { kind: 'write', validation };
    if (validation.errors.length) return fail(ctx, 400, validation.errors.join('; '), extra);
    const bad = object.allowed_domains.find((d) => !/^(\*\.)?[a-z0-9.-]+$/i.test(d));
    if (bad) return fail(ctx, 400, `Invalid domain: ${bad}`, extra);
    store(ctx).allowedDomains = [...new Set(object.allowed_domains)];
    return ok(ctx, { allowed_domains: [...store(ctx).allowedDomains] }, extra);
  }
  function recordFormLogin(ctx) {
    const { validation, object } = checkBody(ctx, helpers, STORAGE_SCHEMAS.formLogin);
    const extra = { kind: 'write', validation };
    if (validation.errors.length) return fail(ctx, 400, validation.errors.join('; '), extra);
    const entry = { connection_token: counterToken('f0e1c0de', ++ctx.state.idCounter), action: object.action, username: object.username ?? null, email: object.email ?? null, date_creation: oneallDate(ctx.now) };
    store(ctx).formLogins.push(entry);
    return created(ctx, { connection: entry }, extra);
  }

  return [
    ['POST', '/storage/users.json', createUser],
    ['POST', '/storage/users/user/lookup.json', lookupUser],
    ['PUT', '/storage/users/user/synchronize.json', synchronizeUser],
    ['PUT', '/storage/users/:user_token.json', updateUser],
    ['GET', '/site/allowed-domains.json', readAllowedDomains],
    ['PUT', '/site/allowed-domains.json', setAllowedDomains],
    ['POST', '/site/connections.json', recordFormLogin],
  ];
}

module.exports = { storageRoutes: routes };
