'use strict';
// Single sign-on sessions of the emulator (docs/oneall-api.md §8.8; OneAll's pages sso/list-all-sessions,
// sso/identity/start-session and php-sdk Sso.php). The list entry is the documented one. GUESSES: the key
// `sso_session` of a single session's answer, 404 for an identity without a session, and `confirm_deletion`
// being required on deletes (the SDK always sends it).

const { envelope, oneallDate } = require('./envelope.cjs');
const { STORAGE_SCHEMAS } = require('./storage-schemas.cjs');
const { validateBody } = require('./validate.cjs');

const DEFAULT_LIFETIME = 86400; // docs start-session: default lifetime in seconds

function store(ctx) {
  ctx.data.sso ??= { sessions: [] };
  return ctx.data.sso;
}

const counterToken = (prefix, n) => `${prefix}-0000-4000-8000-${String(n).padStart(12, '0')}`;

const sessionFull = (s) => ({
  sso_session_token: s.token,
  user_token: s.user_token,
  identity_token: s.identity_token,
  top_realm: s.top_realm ?? null,
  sub_realm: s.sub_realm ?? null,
  data: s.data ?? null,
  date_update: oneallDate(s.updated),
  date_creation: oneallDate(s.created),
  date_expiration: oneallDate(s.updated + s.lifetime * 1000),
});

function routes(helpers) {
  const { ok, fail, paginate } = helpers;
  const needsConfirmation = (ctx) =>
    ctx.query.confirm_deletion === 'true' ? null : fail(ctx, 400, 'Add confirm_deletion=true to the query to confirm the deletion', { kind: 'write' });
  const live = (ctx) => store(ctx).sessions.filter((s) => s.updated + s.lifetime * 1000 > ctx.now);

  const listSessions = (ctx) => ok(ctx, paginate(ctx, live(ctx), 'sso_sessions', sessionFull), { kind: 'read' });
  const byToken = (ctx) => live(ctx).find((s) => s.token === ctx.params.sso_session_token);
  const byIdentity = (ctx) => live(ctx).find((s) => s.identity_token === ctx.params.identity_token);

  function readSession(ctx) {
    const session = byToken(ctx);
    return session ? ok(ctx, { sso_session: sessionFull(session) }, { kind: 'read' }) : fail(ctx, 404, `The SSO session ${ctx.params.sso_session_token} does not exist`, { kind: 'read' });
  }
  function deleteSession(ctx, find, what) {
    const refused = needsConfirmation(ctx);
    if (refused) return refused;
    const session = find(ctx);
    if (!session) return fail(ctx, 404, `${what} has no SSO session`, { kind: 'write' });
    store(ctx).sessions = store(ctx).sessions.filter((s) => s !== session);
    return ok(ctx, undefined, { kind: 'write' });
  }
  function startForIdentity(ctx) {
    const parsed = helpers.parseJsonBody(ctx);
    const v = parsed.error ? { errors: [parsed.error], unknownKeys: [], object: null } : validateBody(STORAGE_SCHEMAS.ssoSession, parsed.body, ['sso_session']);
    const extra = { kind: 'write', validation: { errors: v.errors, unknownKeys: v.unknownKeys } };
    const identity = ctx.data.identities.get(ctx.params.identity_token);
    if (!identity) return fail(ctx, 404, `The identity ${ctx.params.identity_token} does not exist`, extra);
    if (v.errors.length) return fail(ctx, 400, v.errors.join('; '), extra);
    const o = v.object;
    const s = store(ctx);
    // docs: sessions the identity already had are deleted and invalidated
    s.sessions = s.sessions.filter((x) => x.identity_token !== identity.identity_token);
    const session = {
      token: counterToken('550550e0', ++ctx.state.idCounter), user_token: identity.user_token, identity_token: identity.identity_token,
      top_realm: o.top_realm, sub_realm: o.sub_realm, data: o.data, lifetime: Number(o.lifetime ?? DEFAULT_LIFETIME), created: ctx.now, updated: ctx.now,
    };
    s.sessions.push(session);
    const data = { sso_session: sessionFull(session) };
    return { status: 201, json: envelope({ resource: ctx.resource, flag: 'success', code: 201, now: ctx.now, result: { data } }), outcome: 'processed', result: data, ...extra };
  }
  function readForIdentity(ctx) {
    const session = byIdentity(ctx);
    return session ? ok(ctx, { sso_session: sessionFull(session) }, { kind: 'read' }) : fail(ctx, 404, `The identity ${ctx.params.identity_token} has no SSO session`, { kind: 'read' });
  }

  return [
    ['GET', '/sso/sessions.json', listSessions],
    ['GET', '/sso/sessions/identities/:identity_token.json', readForIdentity],
    ['PUT', '/sso/sessions/identities/:identity_token.json', startForIdentity],
    ['DELETE', '/sso/sessions/identities/:identity_token.json', (ctx) => deleteSession(ctx, byIdentity, `The identity ${ctx.params.identity_token}`)],
    ['GET', '/sso/sessions/:sso_session_token.json', readSession],
    ['DELETE', '/sso/sessions/:sso_session_token.json', (ctx) => deleteSession(ctx, byToken, `The token ${ctx.params.sso_session_token}`)],
  ];
}

module.exports = { ssoRoutes: routes };
