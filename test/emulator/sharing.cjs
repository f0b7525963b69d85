'use strict';
// Sharing API of the emulator: sharing messages (publish, re-publish, read, list, delete), short URLs and
// sharing-analytics snapshots (docs/oneall-api.md §8.1-§8.3). Bodies are checked against sharing-schemas.cjs.
// GUESSES (OneAll documents them in words only): the keys of a message's `publications`, the answer of a
// publish (`sharing_message{…}` like the read), 207 for a publish where a network failed, the 207 status
// text, snapshot keys beyond token/date/message, the short URL list key `shorturls`.

const { envelope, oneallDate } = require('./envelope.cjs');
const { SHARING_SCHEMAS, MAX_UPLOAD_BYTES, PICTURE_NAME } = require('./sharing-schemas.cjs');
const { validateBody } = require('./validate.cjs');
const { deliverCallback } = require('./callbacks.cjs');

const SNAPSHOT_SCHEDULED = 'Your request has been received and scheduled to be processed';
const SNAPSHOT_PENDING = 'A snapshot of this sharing message is already pending'; // GUESS: 207 text undocumented

function store(ctx) {
  ctx.data.sharing ??= { messages: new Map(), messageList: [], shorturls: new Map(), shortList: [], snapshots: new Map(), snapshotList: [] };
  return ctx.data.sharing;
}

const counterToken = (prefix, n) => `${prefix}-0000-4000-8000-${String(n).padStart(12, '0')}`;
const BASE62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const shortToken = (n) => Array.from({ length: 5 }, (_, i) => BASE62[Math.floor((n * 7919 + 12345) / 62 ** i) % 62]).join('');

function checkBody(ctx, helpers, schema) {
  const parsed = helpers.parseJsonBody(ctx);
  if (parsed.error) return { validation: { errors: [parsed.error], unknownKeys: [] } };
  const v = validateBody(schema, parsed.body, schema.root);
  return { validation: { errors: v.errors, unknownKeys: v.unknownKeys }, object: v.object };
}

/** What the message keeps of its parts: uploads without their content (name and size only). */
function storedParts(parts) {
  const { uploads, ...rest } = parts;
  return uploads ? { ...rest, uploads: uploads.map((u) => ({ name: u.name, size: Buffer.from(u.data, 'base64').length })) } : rest;
}

function uploadErrors(parts) {
  const errors = [];
  if (!['text', 'link', 'picture', 'video', 'uploads'].some((k) => parts[k] !== undefined)) {
    errors.push('The message has no parts: give at least one of text, link, picture, video, uploads');
  }
  (parts.uploads || []).forEach((u, i) => {
    const size = Buffer.from(u.data, 'base64').length;
    if (size === 0) errors.push(`parts.uploads[${i}] (${u.name}) is empty`);
    if (size > MAX_UPLOAD_BYTES && PICTURE_NAME.test(u.name)) {
      errors.push(`parts.uploads[${i}] (${u.name}) has ${size} bytes; pictures may not exceed 5 MB`);
    }
  });
  return errors;
}

/** One publication per network: the user's identity on it publishes, unless it is revoked or missing. */
function publish(ctx, audience) {
  const when = oneallDate(ctx.now);
  const publication = (provider, identity) => {
    const n = ++ctx.state.idCounter;
    const base = { provider, user_token: identity?.user_token ?? audience.user_token ?? null, identity_token: identity?.identity_token ?? null, date_published: when };
    if (!identity) return { ...base, status: { flag: 'error', code: 404, info: `The user has no ${provider} identity` } };
    if (identity.revoked) {
      return { ...base, status: { flag: 'error', code: 401, info: `The ${provider} access token of the identity has been revoked by the user` } };
    }
    return { ...base, status: { flag: 'success', code: 200, info: 'Published' }, publication_id: String(900000000000000000n + BigInt(n)) };
  };
  if (audience.identity) return [publication(audience.identity.provider, audience.identity)];
  return audience.providers.map((provider) => {
    const identity = audience.user.identities.map((t) => ctx.data.identities.get(t)).find((i) => i.provider === provider);
    return publication(provider, identity);
  });
}

/** publish_for_user / publish_for_identity → who publishes, or a 404 answer. */
function audienceOf(ctx, helpers, object, extra) {
  if (object.publish_for_identity) {
    const identity = ctx.data.identities.get(object.publish_for_identity.identity_token);
    if (!identity) return { err: helpers.fail(ctx, 404, `The identity ${object.publish_for_identity.identity_token} does not exist`, extra) };
    return { audience: { identity } };
  }
  const { user_token, providers } = object.publish_for_user;
  const user = ctx.data.users.get(user_token);
  if (!user) return { err: helpers.fail(ctx, 404, `The user ${user_token} does not exist`, extra) };
  return { audience: { user, user_token, providers: [...new Set(providers)] } };
}

const messageEntry = (m) => ({ sharing_message_token: m.token, date_creation: oneallDate(m.created), date_last_published: oneallDate(m.lastPublished) });
const messageFull = (m) => ({
  ...messageEntry(m),
  parts: m.parts,
  publications: { count: m.publications.length, entries: m.publications },
});

/** 200 when every network published, 207 (multi-status) when some failed. */
function publishAnswer(ctx, message, fresh, extra) {
  const failed = fresh.filter((p) => p.status.flag !== 'success').length;
  const data = { sharing_message: messageFull(message) };
  if (!failed) return { status: 200, json: envelope({ resource: ctx.resource, flag: 'success', code: 200, now: ctx.now, result: { data } }), outcome: 'processed', result: data, ...extra };
  const info = `Your request has partially succeeded: ${failed} of ${fresh.length} publications failed`;
  return { status: 207, json: envelope({ resource: ctx.resource, flag: 'success', code: 207, info, now: ctx.now, result: { data } }), outcome: 'processed', result: data, ...extra };
}

function routes(helpers) {
  const { ok, fail, paginate } = helpers;
  const find = (map, what) => (ctx, key) => {
    const item = store(ctx)[map].get(ctx.params[key]);
    return item ? { item } : { err: fail(ctx, 404, `The ${what} ${ctx.params[key]} does not exist`, { kind: 'read' }) };
  };
  const findMessage = find('messages', 'sharing message');
  const needsConfirmation = (ctx) =>
    ctx.query.confirm_deletion === 'true' ? null : fail(ctx, 400, 'Add confirm_deletion=true to the query to confirm the deletion', { kind: 'write' });
  const remove = (map, list, what, key) => (ctx) => {
    const refused = needsConfirmation(ctx);
    if (refused) return refused;
    const { item, err } = find(map, what)(ctx, key);
    if (err) return { ...err, kind: 'write' };
    const s = store(ctx);
    s[map].delete(item.token);
    s[list] = s[list].filter((x) => x !== item);
    return ok(ctx, undefined, { kind: 'write' });
  };

  function publishMessage(ctx) {
    const { validation, object } = checkBody(ctx, helpers, SHARING_SCHEMAS.publish);
    const extra = { kind: 'push', validation };
    if (!validation.errors.length) validation.errors.push(...uploadErrors(object.parts));
    if (validation.errors.length) return fail(ctx, 400, validation.errors.join('; '), extra);
    const { audience, err } = audienceOf(ctx, helpers, object, extra);
    if (err) return err;
    const s = store(ctx);
    const message = {
      token: counterToken('5a0e5a0e', ++ctx.state.idCounter),
      created: ctx.now, lastPublished: ctx.now, parts: storedParts(object.parts), publications: [],
    };
    const fresh = publish(ctx, audience);
    message.publications.push(...fresh);
    s.messages.set(message.token, message);
    s.messageList.push(message);
    return publishAnswer(ctx, message, fresh, extra);
  }

  function republishMessage(ctx) {
    const { validation, object } = checkBody(ctx, helpers, SHARING_SCHEMAS.republish);
    const extra = { kind: 'push', validation };
    const { item: message, err: missing } = findMessage(ctx, 'sharing_message_token');
    if (missing) return { ...missing, ...extra };
    if (validation.errors.length) return fail(ctx, 400, validation.errors.join('; '), extra);
    const { audience, err } = audienceOf(ctx, helpers, object, extra);
    if (err) return err;
    const fresh = publish(ctx, audience);
    message.publications.push(...fresh);
    message.lastPublished = ctx.now;
    return publishAnswer(ctx, message, fresh, extra);
  }

  const readMessage = (ctx) => {
    const { item, err } = findMessage(ctx, 'sharing_message_token');
    return err || ok(ctx, { sharing_message: messageFull(item) }, { kind: 'read' });
  };
  const listMessages = (ctx) => ok(ctx, paginate(ctx, store(ctx).messageList, 'sharing_messages', messageEntry), { kind: 'read' });

  // ---------- short URLs (§8.2) ----------
  const shortFull = (u) => ({
    shorturl_token: u.token, original_url: u.original_url, short_url: `https://oal.lu/${u.token}`, date_creation: oneallDate(u.created), num_referrals: 0,
  });
  function createShortUrl(ctx) {
    const { validation, object } = checkBody(ctx, helpers, SHARING_SCHEMAS.shorturl);
    const extra = { kind: 'write', validation };
    if (validation.errors.length) return fail(ctx, 400, validation.errors.join('; '), extra);
    const s = store(ctx);
    const u = { token: shortToken(++ctx.state.idCounter), original_url: object.original_url, created: ctx.now };
    s.shorturls.set(u.token, u);
    s.shortList.push(u);
    return ok(ctx, { shorturl: shortFull(u) }, extra);
  }
  const readShortUrl = (ctx) => {
    const { item, err } = find('shorturls', 'short URL')(ctx, 'shorturl_token');
    return err || ok(ctx, { shorturl: shortFull(item) }, { kind: 'read' });
  };
  const listShortUrls = (ctx) => ok(ctx, paginate(ctx, store(ctx).shortList, 'shorturls', shortFull), { kind: 'read' });

  // ---------- sharing analytics (§8.3) ----------
  const snapshotFull = (snap) => ({
    sharing_analytics_snapshot_token: snap.token,
    date_initiated: oneallDate(snap.initiated),
    ...(snap.completed ? { date_completed: oneallDate(snap.completed) } : {}),
    sharing_message: messageEntry(snap.message),
  });
  function startSnapshot(ctx) {
    const { validation, object } = checkBody(ctx, helpers, SHARING_SCHEMAS.snapshot);
    const extra = { kind: 'write', validation };
    if (validation.errors.length) return fail(ctx, 400, validation.errors.join('; '), extra);
    const s = store(ctx);
    const message = s.messages.get(object.sharing_message_token);
    if (!message) return fail(ctx, 404, `The sharing message ${object.sharing_message_token} does not exist`, extra);
    const pending = s.snapshotList.find((x) => x.message === message && !x.completed);
    if (pending) {
      const data = { sharing_analytics_snapshot: snapshotFull(pending) };
      return { status: 207, json: envelope({ resource: ctx.resource, flag: 'success', code: 207, info: SNAPSHOT_PENDING, now: ctx.now, result: { data } }), outcome: 'processed', result: data, ...extra };
    }
    const snap = { token: counterToken('a7a1a7a1', ++ctx.state.idCounter), initiated: ctx.now, completed: null, message };
    s.snapshots.set(snap.token, snap);
    s.snapshotList.push(snap);
    schedulePingback(ctx, snap, object.pingback_uri);
    const data = { sharing_analytics_snapshot: snapshotFull(snap) };
    return { status: 201, json: envelope({ resource: ctx.resource, flag: 'scheduled', code: 201, info: SNAPSHOT_SCHEDULED, now: ctx.now, result: { data } }), outcome: 'processed', result: data, ...extra };
  }
  function listSnapshots(ctx) {
    const { user_token: user, identity_token: identity } = ctx.query;
    const list = store(ctx).snapshotList.filter((snap) =>
      (!user || snap.message.publications.some((p) => p.user_token === user)) &&
      (!identity || snap.message.publications.some((p) => p.identity_token === identity)));
    return ok(ctx, paginate(ctx, list, 'sharing_analytics_snapshots', snapshotFull), { kind: 'read' });
  }
  const readSnapshot = (ctx) => {
    const { item, err } = find('snapshots', 'snapshot')(ctx, 'sharing_analytics_snapshot_token');
    return err || ok(ctx, { sharing_analytics_snapshot: snapshotFull(item) }, { kind: 'read' });
  };

  return [
    ['GET', '/sharing/messages.json', listMessages],
    ['POST', '/sharing/messages.json', publishMessage],
    ['GET', '/sharing/messages/:sharing_message_token.json', readMessage],
    ['POST', '/sharing/messages/:sharing_message_token.json', republishMessage],
    ['DELETE', '/sharing/messages/:sharing_message_token.json', remove('messages', 'messageList', 'sharing message', 'sharing_message_token')],
    ['GET', '/shorturls.json', listShortUrls],
    ['POST', '/shorturls.json', createShortUrl],
    ['GET', '/shorturls/:shorturl_token.json', readShortUrl],
    ['DELETE', '/shorturls/:shorturl_token.json', remove('shorturls', 'shortList', 'short URL', 'shorturl_token')],
    ['GET', '/sharing/analytics/snapshots.json', listSnapshots],
    ['PUT', '/sharing/analytics/snapshots.json', startSnapshot],
    ['GET', '/sharing/analytics/snapshots/:sharing_analytics_snapshot_token.json', readSnapshot],
    ['DELETE', '/sharing/analytics/snapshots/:sharing_analytics_snapshot_token.json', remove('snapshots', 'snapshotList', 'snapshot', 'sharing_analytics_snapshot_token')],
  ];

  /** After the delay the snapshot is complete; the pingback carries it in the normal envelope (§9.2). */
  function schedulePingback(ctx, snap, url) {
    const timer = setTimeout(() => {
      ctx.state.timers.delete(timer);
      snap.completed = Date.now();
      if (!url) return;
      const record = { pushSeq: null, snapshot: snap.token, url, delivered: false, status: null, error: null, sentAt: new Date().toISOString(),
        body: envelope({ resource: '/sharing/analytics/snapshots.json', flag: 'success', code: 200, now: Date.now(), result: { data: { sharing_analytics_snapshot: snapshotFull(snap) } } }) };
      ctx.state.callbacks.push(record);
      deliverCallback(record, () => ctx.state.closed);
    }, ctx.asyncCallbackDelayMs ?? 200);
    ctx.state.timers.add(timer);
  }
}

/**
 * A deterministic "picture" for workflows to download (GET /__emulator/files/<name>?bytes=N, no auth):
 * a PNG signature followed by seeded bytes, so tests can compare what the emulator later receives.
 */
function emulatorFile(name, bytes = 48 * 1024) {
  const size = Math.max(8, Math.min(Number(bytes) || 48 * 1024, 8 * 1024 * 1024));
  const content = Buffer.alloc(size);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(content);
  let x = [...name].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7);
  for (let i = 8; i < size; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    content[i] = x >>> 24;
  }
  return content;
}

module.exports = { sharingRoutes: routes, emulatorFile };
