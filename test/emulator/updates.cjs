'use strict';
// Update API (edit/delete what was pushed), Pull API lists of posts/pins/tweets/videos, and account
// deletes — written from docs/oneall-api.md §5, §6, §7 and §8.6, NOT from the node's code.
//
// State: every object a push creates (pin, page post/picture/video, tweet, playlist video, channel
// section) is kept per site, so it can be listed, updated and deleted; a deleted one answers 404.
// Lists also hold a few deterministic "older" objects per container, so paging can be tested.
//
// Pull lists (§6: parameters and answers are undocumented, GUESS): facebook page posts and linkedin
// company posts page with num_posts (default 50) + page; tweets take num_tweets (default 50) and
// after_tweet_id; the others take nothing. Unknown parameters are listed in validation.unknownKeys.
// Shapes differ on purpose (a plain array or {count, entries}), as the node must accept both.

const { successEnvelope, errorEnvelope, isoNoZone } = require('./envelope.cjs');
const { validateBody } = require('./validate.cjs');
const { publicList } = require('./profiles.cjs');

// Update bodies (§5). 'docs' = strict (unknown keys: 400); the channel section's key list is open
// ("more may follow") so that one is lenient.
const UPDATE_SCHEMAS = {
  fbPost: {
    name: 'Facebook · Update Page Post', certainty: 'docs', object: 'post',
    source: 'docs resources/update/facebook/page/post/update/',
    fields: { message: { type: 'string' }, link: { type: 'url' }, attachments: { type: 'string[]' } },
    exclusive: [['link', 'attachments']], // "link or attachments, not both"
  },
  pin: {
    name: 'Pinterest · Update Pin', certainty: 'docs', object: 'pin',
    source: 'docs resources/update/pinterest/pin/update/ (board = board NAME)',
    fields: { board: { type: 'string' }, description: { type: 'string' }, link: { type: 'url' } },
  },
  playlist: {
    name: 'YouTube · Update Playlist', certainty: 'docs', object: 'playlist',
    source: 'docs resources/update/youtube/playlist/update/',
    fields: {
      title: { type: 'string', required: true }, description: { type: 'string' },
      privacy_status: { type: 'enum', values: ['public', 'private', 'unlisted'] }, default_language: { type: 'string' },
    },
  },
  section: {
    name: 'YouTube · Update Channel Section', certainty: 'docs-partial', object: 'channel',
    source: 'docs resources/update/youtube/channel/section/update/ (known keys, more may follow)',
    fields: {
      section: {
        type: 'object', required: true,
        fields: {
          type: { type: 'string' }, style: { type: 'string' }, title: { type: 'string' },
          position: { type: 'string|number' }, defaultLanguage: { type: 'string' }, playlists: { type: 'string|string[]' },
        },
      },
    },
  },
};

// Which push (schemas.cjs `n`) creates which stored object, and where its id and container come from.
const CREATED_BY = {
  7: { type: 'fbPost', parent: (obj) => obj.id },
  8: { type: 'fbPicture', parent: (obj) => obj.id },
  9: { type: 'fbVideo', parent: (obj) => obj.id },
  12: { type: 'pin', parent: (obj, params) => params.board_id },
  11: { type: 'companyPost', parent: (obj) => obj.company },
  14: { type: 'tweet', parent: () => '' },
  18: { type: 'playlistVideo', parent: (obj, params) => params.playlist_id, id: (obj) => obj.id },
  20: { type: 'section', parent: () => '' },
};

const TYPE_TEXT = {
  fbPost: 'post', fbPicture: 'picture', fbVideo: 'video', pin: 'pin', tweet: 'tweet',
  playlistVideo: 'video in the playlist', section: 'channel section', playlist: 'playlist',
  fbLike: 'like', groupPost: 'group post', reaction: 'reaction', linkedinPost: 'post', comment: 'comment', game: 'game',
  tiktokVideo: 'video', twitchSubscription: 'subscription', twitchChannel: 'channel', twitchClip: 'clip', twitchStream: 'stream',
  twitchVideo: 'video', youtubeVideo: 'video',
};

// Seeded "older" objects per container: enough for two pages of page posts, tweets, likes, user posts and games.
const SEED_COUNTS = {
  fbPost: 75, companyPost: 3, pin: 3, tweet: 60, playlistVideo: 4,
  fbLike: 30, fbUserPost: 55, groupPost: 4, reaction: 5, linkedinPost: 52, comment: 3, game: 51,
  tiktokVideo: 3, twitchSubscription: 3, twitchChannel: 1, twitchClip: 3, twitchStream: 1, twitchVideo: 3, youtubeVideo: 3,
};
// How a list entry names its id (GUESS: pull answers are undocumented; pushes answer `<object>_id`).
const ID_KEY = {
  fbPost: 'post_id', companyPost: 'post_id', pin: 'pin_id', tweet: 'tweet_id', playlistVideo: 'video_id',
  fbLike: 'like_id', fbUserPost: 'post_id', groupPost: 'post_id', reaction: 'reaction_id', linkedinPost: 'post_id',
  comment: 'comment_id', game: 'game_id', tiktokVideo: 'video_id', twitchSubscription: 'subscription_id',
  twitchChannel: 'channel_id', twitchClip: 'clip_id', twitchStream: 'stream_id', twitchVideo: 'video_id', youtubeVideo: 'video_id',
};
// Ids that are not digits: LinkedIn posts are URNs (a query parameter, never a path segment).
const SEED_ID = { playlistVideo: (n) => `seedvid${String(n).padStart(4, '0')}`, linkedinPost: (n) => `urn:li:share:70000000${String(n).padStart(4, '0')}` };
// A seeded entry's text and date, under the keys the push result of its type uses (`pin_title`, `post_created_at`).
const SEED_KEYS = {
  fbPost: { text: 'post_message', date: 'post_created_at' },
  companyPost: { text: 'post_message', date: 'post_created_at' },
  pin: { text: 'pin_title', date: 'pin_created_at' },
  tweet: { text: 'post_message', date: 'post_created_at' },
  playlistVideo: { date: 'playlist_item_created_at' },
};
const DAY_MS = 24 * 3600 * 1000;

function store(data) {
  if (!data.published) data.published = new Map(); // key -> record
  return data.published;
}
// A video id is unique only within its playlist.
const keyOf = (identity, type, id, parent) => (type === 'playlistVideo' ? `${identity} ${type} ${parent} ${id}` : `${identity} ${type} ${id}`);

/** Called by the push handler once a push is processed: the object now exists. */
function recordPublished(ctx, schema, identity, obj, data, id) {
  const how = CREATED_BY[schema.n];
  if (!how) return;
  const objectId = how.id ? how.id(obj) : id;
  const parent = how.parent(obj, ctx.params);
  store(ctx.data).set(keyOf(identity.identity_token, how.type, objectId, parent), {
    identity: identity.identity_token, type: how.type, id: objectId, parent, fields: { ...data }, seq: ++ctx.state.idCounter,
  });
}

/** Older objects of a container, created once, deterministic. */
function seed(ctx, identity, type, parent) {
  const all = store(ctx.data);
  const marker = `${identity.identity_token} seeded ${type} ${parent}`;
  if (all.has(marker) || !SEED_COUNTS[type]) return;
  all.set(marker, { type: 'marker' });
  for (let n = 1; n <= SEED_COUNTS[type]; n++) {
    const id = SEED_ID[type] ? SEED_ID[type](n) : `${parent.replace(/\W/g, '') || '9'}${String(n).padStart(6, '0')}`;
    const text = `Older ${TYPE_TEXT[type] || 'post'} number ${n}`;
    const keys = SEED_KEYS[type] || {};
    const fields = { provider: identity.provider, [ID_KEY[type]]: id, text };
    // Dated n days before the list was first read: older than any window a test uses.
    if (keys.date) fields[keys.date] = isoNoZone(ctx.now - n * DAY_MS);
    if (keys.text) fields[keys.text] = text;
    all.set(keyOf(identity.identity_token, type, id, parent), { identity: identity.identity_token, type, id, parent, fields, seq: n - 1000 });
  }
}

/** Objects of one type (and container, when given) of an identity, newest first. */
function listOf(ctx, identity, type, parent) {
  if (parent !== undefined) seed(ctx, identity, type, parent);
  return [...store(ctx.data).values()]
    .filter((r) => r.identity === identity.identity_token && r.type === type && !r.deleted && (parent === undefined || r.parent === parent))
    .sort((a, b) => b.seq - a.seq);
}

const presentEntry = (r) => ({ ...r.fields, [ID_KEY[r.type]]: r.id });

// ---------- helpers shared by the handlers ----------

function answer(ctx, status, info, kind, extra = {}) {
  return { status, json: errorEnvelope(ctx.resource, status, info, ctx.now), outcome: 'rejected', error: info, kind, ...extra };
}
const ok = (ctx, data, kind, extra = {}, resultStatus) => ({
  status: 200, json: successEnvelope(ctx.resource, data, ctx.now, resultStatus), outcome: 'processed', kind, result: data, ...extra,
});
// A delete answers 200 with an envelope without `result` (GUESS: the docs only say "200 on success").
function deleted(ctx, extra) {
  const json = successEnvelope(ctx.resource, {}, ctx.now);
  delete json.response.result;
  return { status: 200, json, outcome: 'processed', kind: 'delete', ...extra };
}

function identityFor(ctx, provider, kind) {
  const identity = ctx.data.identities.get(ctx.params.identity_token);
  if (!identity) return { err: answer(ctx, 404, `The identity ${ctx.params.identity_token} does not exist`, kind) };
  if (identity.provider !== provider) {
    return { err: answer(ctx, 403, `This resource requires a ${provider} identity, but the identity ${identity.identity_token} is a ${identity.provider} identity`, kind) };
  }
  return { identity };
}

function containerCheck(ctx, identity, list, id, what, kind) {
  return identity[list].includes(id)
    ? null
    : answer(ctx, 404, `The ${what} ${id} does not exist or is not managed by the identity ${identity.identity_token}`, kind);
}

/** An update or delete of one stored object: finds it (404 when absent or deleted), validates the body. */
function objectRoute(method, { provider, type, idParam, parentParam, container, schema }) {
  return (ctx) => {
    const isDelete = method === 'DELETE';
    const kind = isDelete ? 'delete' : 'update';
    let validation = { errors: [], unknownKeys: [] };
    let object;
    if (isDelete) {
      if (ctx.rawBody) validation = { errors: [], unknownKeys: ['(a body on a DELETE)'] };
    } else {
      let body;
      try {
        body = ctx.rawBody ? JSON.parse(ctx.rawBody) : undefined;
      } catch {
        validation = { errors: ['The request body is not valid JSON'], unknownKeys: [] };
      }
      if (!validation.errors.length) {
        const v = validateBody(UPDATE_SCHEMAS[schema], body, ['update', UPDATE_SCHEMAS[schema].object]);
        validation = { errors: v.errors, unknownKeys: v.unknownKeys };
        object = v.object;
      }
    }
    const extra = { validation };
    const { identity, err } = identityFor(ctx, provider, kind);
    if (err) return { ...err, ...extra };
    const parent = parentParam ? ctx.params[parentParam] : '';
    if (container) {
      const bad = containerCheck(ctx, identity, container.list, parent, container.text, kind);
      if (bad) return { ...bad, ...extra };
    }
    if (type === 'playlist') return playlistObject(ctx, identity, parent, isDelete, object, validation, extra);
    if (parentParam || type === 'tweet') seed(ctx, identity, type, parent);
    const id = ctx.params[idParam];
    const record = store(ctx.data).get(keyOf(identity.identity_token, type, id, parent));
    if (!record || record.deleted || (parentParam && record.parent !== parent)) {
      return answer(ctx, 404, `The ${TYPE_TEXT[type]} ${id} does not exist`, kind, extra);
    }
    if (validation.errors.length) return answer(ctx, 400, validation.errors.join('; '), kind, extra);
    if (isDelete) {
      record.deleted = true;
      return deleted(ctx, extra);
    }
    // The answer echoes the object as the push did (`<prefix>_<key>`); a pin's board is a name here.
    const prefix = { fbPost: 'post', pin: 'pin', section: 'section' }[type];
    const changes = schema === 'section' ? object.section : object;
    for (const [k, v] of Object.entries(changes)) record.fields[`${prefix}_${type === 'pin' && k === 'board' ? 'board_name' : k}`] = v;
    record.fields[`${prefix}_updated_at`] = isoNoZone(ctx.now);
    return ok(ctx, { ...record.fields }, kind, extra);
  };
}

/** Playlists are the identity's picker list: updating edits the entry, deleting removes it. */
function playlistObject(ctx, identity, id, isDelete, object, validation, extra) {
  const kind = isDelete ? 'delete' : 'update';
  if (validation.errors.length) return answer(ctx, 400, validation.errors.join('; '), kind, extra);
  if (isDelete) {
    identity.playlists = identity.playlists.filter((p) => p !== id);
    return deleted(ctx, extra);
  }
  const data = { provider: 'youtube', object: 'playlist', playlist_id: id, playlist_updated_at: isoNoZone(ctx.now) };
  for (const [k, v] of Object.entries(object)) data[`playlist_${k}`] = v;
  return ok(ctx, data, kind, extra);
}

// ---------- pull lists ----------

// Paged Pull lists (§6, the SDK's parameters): the size parameter, its default, and other known parameters.
const PAGED = {
  pages: { size: 'num_posts', dflt: 50, known: [] },
  likes: { size: 'num_likes', dflt: 25, known: [] },
  games: { size: 'num_games', dflt: 50, known: ['only_game_id'] },
};

/** Checks the SDK's query parameters: sizes and pages are whole numbers ≥ 1; others are noted. */
function pullQuery(ctx, known) {
  const errors = [];
  const unknownKeys = Object.keys(ctx.query).filter((k) => !known.includes(k));
  for (const k of known) {
    if (ctx.query[k] === undefined || !/^(num_|page$)/.test(k)) continue;
    if (!/^[1-9]\d*$/.test(ctx.query[k])) errors.push(`${k} must be a whole number of at least 1`);
  }
  return { errors, unknownKeys };
}

/**
 * A Pull list. `userLevel`: the identity's own list (likes, games, …), seeded like tweets. `requiredQuery`: a
 * query parameter naming the object whose list is read (a LinkedIn post's comments), 400 without it.
 * `ofObject`: the list belongs to one object of a container (a page post's reactions): 404 when it is unknown.
 */
function pullRoute({ provider, type, parentParam, container, collection, paging, shape, userLevel, requiredQuery, ofObject }) {
  const paged = PAGED[paging];
  const known = paged
    ? [paged.size, 'page', ...paged.known]
    : paging === 'tweets' ? ['num_tweets', 'after_tweet_id', 'only_tweet_id'] : requiredQuery ? [requiredQuery.param] : [];
  return (ctx) => {
    const validation = pullQuery(ctx, known);
    if (requiredQuery && !ctx.query[requiredQuery.param]) validation.errors.push(`The parameter ${requiredQuery.param} is required`);
    const extra = { validation };
    const { identity, err } = identityFor(ctx, provider, 'read');
    if (err) return { ...err, ...extra };
    let parent = parentParam ? ctx.params[parentParam] : undefined;
    if (container) {
      const bad = containerCheck(ctx, identity, container.list, parent, container.text, 'read');
      if (bad) return { ...bad, ...extra };
    }
    if (validation.errors.length) return answer(ctx, 400, validation.errors.join('; '), 'read', extra);
    const owner = requiredQuery ? { type: requiredQuery.of, id: ctx.query[requiredQuery.param], parent: '' } : ofObject && { ...ofObject, id: ctx.params[ofObject.param], parent };
    if (owner) {
      if (!listOf(ctx, identity, owner.type, owner.parent).some((r) => r.id === owner.id)) {
        return answer(ctx, 404, `The ${TYPE_TEXT[owner.type] || 'post'} ${owner.id} does not exist`, 'read', extra);
      }
      parent = `${parent ?? ''}/${owner.id}`;
    }
    let entries = listOf(ctx, identity, type, parent ?? (type === 'tweet' || userLevel ? '' : undefined));
    if (paged) {
      if (paged.known.includes('only_game_id') && ctx.query.only_game_id) entries = entries.filter((r) => r.id === ctx.query.only_game_id);
      const size = Number(ctx.query[paged.size] || paged.dflt);
      const page = Number(ctx.query.page || 1);
      entries = entries.slice((page - 1) * size, page * size);
    } else if (paging === 'tweets') {
      if (ctx.query.after_tweet_id) {
        const at = entries.findIndex((r) => r.id === ctx.query.after_tweet_id);
        entries = at < 0 ? entries : entries.slice(0, at);
      }
      entries = entries.slice(0, Number(ctx.query.num_tweets || 50));
    }
    const list = entries.map(presentEntry);
    if (ctx.answers === 'public') return ok(ctx, { [collection]: publicList(collection, list) }, 'read', extra);
    return ok(ctx, { [collection]: shape === 'array' ? list : { count: list.length, entries: list } }, 'read', extra);
  };
}

/** One LinkedIn post (docs: "Retrieve a post"; which post is undocumented: GUESS ?post_id=). */
function linkedinPost(ctx) {
  const validation = pullQuery(ctx, ['post_id']);
  if (!ctx.query.post_id) validation.errors.push('The parameter post_id is required');
  const extra = { validation };
  const { identity, err } = identityFor(ctx, 'linkedin', 'read');
  if (err) return { ...err, ...extra };
  if (validation.errors.length) return answer(ctx, 400, validation.errors.join('; '), 'read', extra);
  const record = listOf(ctx, identity, 'linkedinPost', '').find((r) => r.id === ctx.query.post_id);
  if (!record) return answer(ctx, 404, `The post ${ctx.query.post_id} does not exist`, 'read', extra);
  const post = presentEntry(record);
  return ok(ctx, { post: ctx.answers === 'public' ? { post_id: post.post_id } : post }, 'read', extra);
}

// ---------- account deletes (§7.1, §7.2, §8.6: SDKs send ?confirm_deletion=true) ----------

function confirmation(ctx) {
  const unknownKeys = Object.keys(ctx.query).filter((k) => k !== 'confirm_deletion');
  return ctx.query.confirm_deletion === 'true'
    ? { errors: [], unknownKeys }
    : { errors: ['Please confirm the deletion by adding confirm_deletion=true to the request'], unknownKeys };
}

function deleteIdentity(ctx) {
  const validation = confirmation(ctx);
  const identity = ctx.data.identities.get(ctx.params.identity_token);
  if (!identity) return answer(ctx, 404, `The identity ${ctx.params.identity_token} does not exist`, 'delete', { validation });
  if (validation.errors.length) return answer(ctx, 400, validation.errors[0], 'delete', { validation });
  removeIdentity(ctx.data, identity);
  return deleted(ctx, { validation });
}

function deleteUser(ctx) {
  const validation = confirmation(ctx);
  const user = ctx.data.users.get(ctx.params.user_token);
  if (!user) return answer(ctx, 404, `The user ${ctx.params.user_token} does not exist`, 'delete', { validation });
  if (validation.errors.length) return answer(ctx, 400, validation.errors[0], 'delete', { validation });
  for (const token of [...user.identities]) removeIdentity(ctx.data, ctx.data.identities.get(token));
  ctx.data.users.delete(user.user_token);
  ctx.data.userList.splice(ctx.data.userList.indexOf(user), 1);
  return deleted(ctx, { validation });
}

function removeIdentity(data, identity) {
  data.identities.delete(identity.identity_token);
  const at = data.identityList.indexOf(identity);
  if (at >= 0) data.identityList.splice(at, 1);
  const owner = data.users.get(identity.user_token);
  if (owner) owner.identities = owner.identities.filter((t) => t !== identity.identity_token);
}

// ---------- routes ----------

const U = '/update/identities/:identity_token/';
const P = '/pull/identities/:identity_token/';
const PAGE = { list: 'pages', text: 'Facebook page' };
const PLAYLIST = { list: 'playlists', text: 'YouTube playlist' };

/** [method, pattern, handler] rows; handlers.cjs compiles them into its routing table. */
function updateRoutes() {
  const fbPost = { provider: 'facebook', type: 'fbPost', idParam: 'post_id', parentParam: 'page_id', container: PAGE, schema: 'fbPost' };
  const pin = { provider: 'pinterest', type: 'pin', idParam: 'pin_id', schema: 'pin' };
  const playlist = { provider: 'youtube', type: 'playlist', parentParam: 'playlist_id', container: PLAYLIST, schema: 'playlist' };
  const section = { provider: 'youtube', type: 'section', idParam: 'section_id', schema: 'section' };
  const rows = [
    ['PUT', `${U}facebook/page/:page_id/post/:post_id.json`, fbPost],
    ['DELETE', `${U}facebook/page/:page_id/post/:post_id.json`, fbPost],
    ['DELETE', `${U}facebook/page/:page_id/picture/:picture_id.json`,
      { provider: 'facebook', type: 'fbPicture', idParam: 'picture_id', parentParam: 'page_id', container: PAGE }],
    ['DELETE', `${U}facebook/page/:page_id/video/:video_id.json`,
      { provider: 'facebook', type: 'fbVideo', idParam: 'video_id', parentParam: 'page_id', container: PAGE }],
    ['PUT', `${U}pinterest/pin/:pin_id.json`, pin],
    ['DELETE', `${U}pinterest/pin/:pin_id.json`, pin],
    ['DELETE', `${U}twitter/post/:post_id.json`, { provider: 'twitter', type: 'tweet', idParam: 'post_id' }],
    ['PUT', `${U}youtube/playlist/:playlist_id.json`, playlist],
    ['DELETE', `${U}youtube/playlist/:playlist_id.json`, playlist],
    ['DELETE', `${U}youtube/playlist/:playlist_id/video/:video_id.json`,
      { provider: 'youtube', type: 'playlistVideo', idParam: 'video_id', parentParam: 'playlist_id', container: PLAYLIST }],
    ['PUT', `${U}youtube/channel/section/:section_id.json`, section],
    ['DELETE', `${U}youtube/channel/section/:section_id.json`, section],
  ].map(([method, pattern, spec]) => [method, pattern, objectRoute(method, spec)]);
  return [
    ...rows,
    ['GET', `${P}facebook/page/:page_id/posts.json`,
      pullRoute({ provider: 'facebook', type: 'fbPost', parentParam: 'page_id', container: PAGE, collection: 'posts', paging: 'pages', shape: 'array' })],
    ['GET', `${P}linkedin/company/:company_id/posts.json`,
      pullRoute({ provider: 'linkedin', type: 'companyPost', parentParam: 'company_id', container: { list: 'companies', text: 'LinkedIn company' }, collection: 'posts', paging: 'pages', shape: 'entries' })],
    ['GET', `${P}pinterest/board/:board_id/pins.json`,
      pullRoute({ provider: 'pinterest', type: 'pin', parentParam: 'board_id', container: { list: 'boards', text: 'board' }, collection: 'pins', shape: 'entries' })],
    ['GET', `${P}pinterest/pins.json`, pullRoute({ provider: 'pinterest', type: 'pin', collection: 'pins', shape: 'array' })],
    ['GET', `${P}twitter/tweets.json`, pullRoute({ provider: 'twitter', type: 'tweet', collection: 'tweets', paging: 'tweets', shape: 'entries' })],
    ['GET', `${P}youtube/playlist/:playlist_id/videos.json`,
      pullRoute({ provider: 'youtube', type: 'playlistVideo', parentParam: 'playlist_id', container: PLAYLIST, collection: 'videos', shape: 'array' })],
    // The rest of the Pull table (§6); the SDK's parameters where it has any, the answers GUESS.
    ['GET', `${P}facebook/likes.json`, pullRoute({ provider: 'facebook', type: 'fbLike', collection: 'likes', paging: 'likes', userLevel: true, shape: 'entries' })],
    ['GET', `${P}facebook/posts.json`, pullRoute({ provider: 'facebook', type: 'fbUserPost', collection: 'posts', paging: 'pages', userLevel: true, shape: 'array' })],
    ['GET', `${P}facebook/group/:group_id/posts.json`,
      pullRoute({ provider: 'facebook', type: 'groupPost', parentParam: 'group_id', container: { list: 'groups', text: 'Facebook group' }, collection: 'posts', shape: 'entries' })],
    ['GET', `${P}facebook/page/:page_id/post/:post_id/reactions.json`,
      pullRoute({ provider: 'facebook', type: 'reaction', parentParam: 'page_id', container: PAGE, ofObject: { type: 'fbPost', param: 'post_id' }, collection: 'reactions', shape: 'array' })],
    ['GET', `${P}linkedin/user/posts.json`, pullRoute({ provider: 'linkedin', type: 'linkedinPost', collection: 'posts', paging: 'pages', userLevel: true, shape: 'entries' })],
    ['GET', `${P}linkedin/post.json`, linkedinPost],
    ['GET', `${P}linkedin/post/comments.json`,
      pullRoute({ provider: 'linkedin', type: 'comment', requiredQuery: { param: 'post_id', of: 'linkedinPost' }, collection: 'comments', shape: 'array' })],
    ['GET', `${P}steam/games.json`, pullRoute({ provider: 'steam', type: 'game', collection: 'games', paging: 'games', userLevel: true, shape: 'entries' })],
    ['GET', `${P}tiktok/videos.json`, pullRoute({ provider: 'tiktok', type: 'tiktokVideo', collection: 'videos', userLevel: true, shape: 'array' })],
    ['GET', `${P}twitch/broadcaster/subscriptions.json`, pullRoute({ provider: 'twitch', type: 'twitchSubscription', collection: 'subscriptions', userLevel: true, shape: 'entries' })],
    ['GET', `${P}twitch/channels.json`, pullRoute({ provider: 'twitch', type: 'twitchChannel', collection: 'channels', userLevel: true, shape: 'array' })],
    ['GET', `${P}twitch/clips.json`, pullRoute({ provider: 'twitch', type: 'twitchClip', collection: 'clips', userLevel: true, shape: 'entries' })],
    ['GET', `${P}twitch/streams.json`, pullRoute({ provider: 'twitch', type: 'twitchStream', collection: 'streams', userLevel: true, shape: 'array' })],
    ['GET', `${P}twitch/videos.json`, pullRoute({ provider: 'twitch', type: 'twitchVideo', collection: 'videos', userLevel: true, shape: 'entries' })],
    ['GET', `${P}youtube/videos.json`, pullRoute({ provider: 'youtube', type: 'youtubeVideo', collection: 'videos', userLevel: true, shape: 'array' })],
    ['DELETE', '/identities/:identity_token.json', deleteIdentity],
    ['DELETE', '/users/:user_token.json', deleteUser],
  ];
}

module.exports = { updateRoutes, recordPublished, UPDATE_SCHEMAS };
