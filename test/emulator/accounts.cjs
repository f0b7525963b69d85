'use strict';
// Routes of OneAll's other reads and the user import, written from docs/oneall-api.md §6.5, §7.1, §7.2 and
// §8.4, NOT from the node's code: import a user from a provider token, user and identity contacts, shared
// pages (Share Icons), the providers list, and the site-wide Twitter search. What the public pages do not
// show is marked GUESS.

const { validateBody } = require('./validate.cjs');
const { WRITE_SCHEMAS } = require('./schemas.cjs');
const { oneallDate, DEFAULT_INFO } = require('./envelope.cjs');

// GUESS (list shape and entry keys): the providers page shows no example. Keys as OneAll's API names them.
const PROVIDERS = [
  ['amazon', 'Amazon'], ['apple', 'Apple'], ['discord', 'Discord'], ['facebook', 'Facebook'], ['github', 'GitHub'],
  ['google', 'Google'], ['instagram', 'Instagram'], ['linkedin', 'LinkedIn'], ['pinterest', 'Pinterest'],
  ['reddit', 'Reddit'], ['steam', 'Steam'], ['tiktok', 'TikTok'], ['twitch', 'Twitch'], ['twitter', 'Twitter'],
  ['yahoo', 'Yahoo'], ['youtube', 'YouTube'],
].map(([key, name]) => ({ key, name }));
const PROVIDER_NAMES = Object.fromEntries(PROVIDERS.map((p) => [p.key, p.name]));

// §7.1: contacts can be read from Facebook, Twitter, LinkedIn, Google, Yahoo and Microsoft identities.
const CONTACT_PROVIDERS = new Set(['facebook', 'twitter', 'linkedin', 'google', 'yahoo', 'windowslive']);
const CONTACTS_PER_IDENTITY = 12;
const DAY = 86400000;

// Shared pages (§8.4): fixed ones on every site that has users; entries as the list-all-pages example.
const SHARING_PAGES = [
  { token: '023f93e0-2968-47f4-a6d7-e77d232a2125', title: 'Social Login, Sign On & Social Network Sharing | example.com', url: 'http://www.example.com', shares: 14 },
  { token: '3df50910-940a-4cb5-8c11-a69a09bf805d', title: 'Social Network Integration Made Easy', url: 'https://www.example.com/integration', shares: 7 },
  { token: '5be0a0d1-0c1e-4f2a-9a51-2b7c1d3e4f50', title: 'Pricing', url: 'https://www.example.com/pricing', shares: 3 },
];
const SHARE_TARGETS = [['twitter', 'Twitter'], ['facebook', 'Facebook'], ['linkedin', 'LinkedIn']];

// Twitter search (§6.5): ids above 2^53 as in the docs' example; each tweet's url ends with its exact id.
const NEWEST_TWEET_ID = 1060488451450195969n;
const TWEETS = Array.from({ length: 120 }, (_, k) => ({
  id: NEWEST_TWEET_ID - BigInt(k) * 1000003n,
  user: k % 3 === 0 ? 'oneall' : `emulator_user_${k % 7}`,
  text: k % 2 === 0 ? `Emulated tweet ${k} about OneAll and social login` : `Emulated tweet ${k} about n8n workflows`,
  language: k % 4 === 0 ? 'fr' : 'en',
  popular: k % 5 === 0,
  date: Date.UTC(2019, 0, 3, 10) - k * 3600000,
}));

/** A small deterministic number from a token (the same contacts on every call). */
function seedOf(text) {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619) >>> 0;
  return h;
}

function contactsOf(identity) {
  const seed = seedOf(identity.identity_token);
  return Array.from({ length: CONTACTS_PER_IDENTITY }, (_, n) => {
    const id = String(100000000 + ((seed + n * 7919) % 900000000));
    return {
      identity_token: identity.identity_token,
      provider: identity.provider,
      id,
      displayName: `Contact ${n + 1} of ${identity.displayName}`,
      name: { formatted: `Contact ${n + 1} of ${identity.displayName}` },
      profileUrl: `https://social.example.com/${identity.provider}/${id}`,
      thumbnailUrl: `https://images.example.com/${identity.provider}/${id}.jpg`,
    };
  });
}

function routes(helpers) {
  const { ok, fail, paginate, parseJsonBody, identityFull, userFull } = helpers;

  /** disable_cache is "true" or "false" (php-sdk, php-api-examples); 203 when read from the network (php-api-examples). */
  function cacheOf(ctx) {
    const flag = ctx.query.disable_cache;
    if (flag !== undefined && flag !== 'true' && flag !== 'false') return { err: fail(ctx, 400, 'disable_cache must be true or false', { kind: 'read' }) };
    const fresh = flag === 'true';
    const updated = fresh ? ctx.now : ctx.now - 3 * 3600000;
    return {
      fresh,
      cache: { has_been_used: !fresh, date_last_update: oneallDate(updated), date_next_update: oneallDate(updated + DAY) },
    };
  }

  const contactsAnswer = (ctx, fresh, data) => ({ ...ok(ctx, data, { kind: 'read' }), ...(fresh ? { status: 203 } : {}) });

  function identityContacts(ctx) {
    const identity = ctx.data.identities.get(ctx.params.identity_token);
    if (!identity) return fail(ctx, 404, `The identity ${ctx.params.identity_token} does not exist`, { kind: 'read' });
    const { fresh, cache, err } = cacheOf(ctx);
    if (err) return err;
    if (!CONTACT_PROVIDERS.has(identity.provider)) {
      return fail(ctx, 403, `Contacts cannot be read from ${PROVIDER_NAMES[identity.provider] || identity.provider} identities`, { kind: 'read' });
    }
    // GUESS: the list key "contacts" (the docs example is cut after `cache`).
    return contactsAnswer(ctx, fresh, { cache, ...paginate(ctx, contactsOf(identity), 'contacts', (c) => c) });
  }

  function userContacts(ctx) {
    const user = ctx.data.users.get(ctx.params.user_token);
    if (!user) return fail(ctx, 404, `The user ${ctx.params.user_token} does not exist`, { kind: 'read' });
    const { fresh, cache, err } = cacheOf(ctx);
    if (err) return err;
    const contacts = user.identities
      .map((token) => ctx.data.identities.get(token))
      .filter((identity) => CONTACT_PROVIDERS.has(identity.provider))
      .flatMap(contactsOf);
    // GUESS: the same shape as an identity's contacts, over the user's identities.
    return contactsAnswer(ctx, fresh, { cache, ...paginate(ctx, contacts, 'contacts', (c) => c) });
  }

  function importUser(ctx) {
    const parsed = parseJsonBody(ctx);
    const v = parsed.error ? { errors: [parsed.error], unknownKeys: [] } : validateBody(WRITE_SCHEMAS.importUser, parsed.body, ['user']);
    const extra = { kind: 'write', validation: { errors: v.errors, unknownKeys: v.unknownKeys } };
    if (v.errors.length) return fail(ctx, 400, v.errors.join('; '), extra);
    const { user_token: userToken, identity: { source } } = v.object;
    if (!source.access_token && !source.id_token) return fail(ctx, 400, 'identity.source needs an access_token or an id_token', extra);
    if (!PROVIDER_NAMES[source.key]) return fail(ctx, 400, `The provider ${source.key} is not supported`, extra);
    const key = source.access_token?.key ?? source.id_token.value;
    // Not OneAll's text (unknown): this answer repeats the token on purpose, so tests prove the node masks it.
    if (key.includes('REFUSED')) return fail(ctx, 401, `The access token ${key} was refused by ${PROVIDER_NAMES[source.key]}`, extra);
    let user;
    if (userToken !== undefined && userToken !== '') {
      user = ctx.data.users.get(userToken);
      if (!user) return fail(ctx, 404, `The user ${userToken} does not exist`, extra);
    }
    const data = ctx.data;
    // The same token imported again updates its identity (and user) instead of adding one.
    let identity = data.identityList.find((i) => i.provider === source.key && i.accessToken.key === key);
    const created = !identity && !user;
    if (!identity) {
      if (!user) {
        user = { user_token: counterToken('7e3c0a11', ++ctx.state.idCounter), date_creation: ctx.now, date_last_login: ctx.now, num_logins: 1, identities: [] };
        data.users.set(user.user_token, user);
        data.userList.push(user);
      }
      const n = ++ctx.state.idCounter;
      identity = {
        identity_token: counterToken('1d3a7f00', n), user_token: user.user_token, provider: source.key, id: String(500000000 + n),
        displayName: `Imported User ${n}`, name: { formatted: `Imported User ${n}`, givenName: 'Imported', familyName: `User ${n}` },
        preferredUsername: `imported.user${n}`, emails: [{ value: `imported.user${n}@example.com`, is_verified: true }],
        gender: 'other', birthday: '01/01/1990', utcOffset: '+00:00',
        thumbnailUrl: `https://images.example.com/${source.key}/imported${n}.jpg`, profileUrl: `https://social.example.com/${source.key}/imported${n}`,
        accessToken: { key, ...(source.access_token?.secret ? { secret: source.access_token.secret } : {}) },
        date_creation: ctx.now, boards: [], pages: [], groups: [], companies: [], playlists: [], channels: [],
      };
      data.identities.set(identity.identity_token, identity);
      data.identityList.push(identity);
      user.identities.push(identity.identity_token);
    } else if (user && identity.user_token !== user.user_token) {
      // GUESS: a token already imported for another user moves its identity to the user named.
      const previous = data.users.get(identity.user_token);
      previous.identities = previous.identities.filter((t) => t !== identity.identity_token);
      user.identities.push(identity.identity_token);
      identity.user_token = user.user_token;
    } else {
      user = data.users.get(identity.user_token);
    }
    const full = identityFull(identity);
    full.source.name = PROVIDER_NAMES[source.key];
    // docs: "the details of the user including an identity"; the exact keys are a GUESS.
    const result = { user: { ...userFull(data, user), identity: full } };
    if (!created) return ok(ctx, result, { ...extra, result });
    const status = { flag: 'success', code: 201, info: DEFAULT_INFO[201] };
    return { ...ok(ctx, result, { ...extra, result }), status: 201, json: withRequestStatus(ok(ctx, result).json, status) };
  }

  const pageEntry = (p) => ({
    sharing_page_token: p.token,
    meta_title: p.title,
    url: p.url,
    date_first_shared: oneallDate(p.first),
    date_last_shared: oneallDate(p.first + (p.shares - 1) * DAY),
    num_times_shared: p.shares,
    targets: SHARE_TARGETS.map(([key, name], t) => ({ name, key, num_times_shared: Math.floor((p.shares + 2 - t) / 3) })),
  });
  // GUESS: the keys of one share (the docs list date, time, IP and geolocation without an example of them).
  const shareEntry = (p) => (n) => ({
    date: oneallDate(p.first + n * DAY),
    target: { key: SHARE_TARGETS[n % 3][0], name: SHARE_TARGETS[n % 3][1] },
    ip_address: `192.0.2.${(n % 250) + 1}`,
    location: { country_code: ['LU', 'FR', 'DE'][n % 3], city: ['Luxembourg', 'Paris', 'Berlin'][n % 3] },
  });
  const sitePages = (ctx) =>
    ctx.data.userList.length === 0 ? [] : SHARING_PAGES.map((p, i) => ({ ...p, first: Date.UTC(2024, 0, 1 + i * 10) }));

  function pageDetail(ctx, page) {
    const shares = Array.from({ length: page.shares }, (_, n) => n).map(shareEntry(page));
    return ok(ctx, { sharing_page: { ...pageEntry(page), ...paginate(ctx, shares, 'sharing_page_shares', (s) => s) } }, { kind: 'read' });
  }

  const normalUrl = (url) => url.trim().toLowerCase().replace(/^https?:\/\//, '').replace(/\/+$/, '');

  function pageByUrl(ctx) {
    const wanted = ctx.query.page_url;
    if (!wanted) return fail(ctx, 400, 'The page_url parameter is missing', { kind: 'read' });
    const page = sitePages(ctx).find((p) => normalUrl(p.url) === normalUrl(wanted));
    return page ? pageDetail(ctx, page) : fail(ctx, 404, `No shared page has the URL ${wanted}`, { kind: 'read' });
  }

  function pageByToken(ctx) {
    const page = sitePages(ctx).find((p) => p.token === ctx.params.sharing_page_token);
    return page ? pageDetail(ctx, page) : fail(ctx, 404, `The sharing page ${ctx.params.sharing_page_token} does not exist`, { kind: 'read' });
  }

  function searchTweets(ctx) {
    const q = ctx.query;
    const bad = (text) => fail(ctx, 400, text, { kind: 'read' });
    const text = (q.search_text || '').trim();
    if (!text) return bad('The search_text parameter is missing');
    const num = q.num_tweets === undefined ? 50 : Number(q.num_tweets);
    if (!Number.isInteger(num) || num < 1 || num > 200) return bad('num_tweets must be between 1 and 200');
    if (q.result_type !== undefined && !['mixed', 'recent', 'popular'].includes(q.result_type)) return bad('result_type must be mixed, recent or popular');
    if (q.language !== undefined && !/^[a-z]{2}$/.test(q.language)) return bad('language must be an ISO 639-1 code');
    for (const key of ['until_tweet_id', 'after_tweet_id']) if (q[key] !== undefined && !/^\d+$/.test(q[key])) return bad(`${key} must be a tweet id`);
    const needle = text.toLowerCase().replace(/^@/, '');
    const found = TWEETS.filter(
      (t) =>
        (t.text.toLowerCase().includes(needle) || t.user === needle) &&
        (q.until_tweet_id === undefined || t.id < BigInt(q.until_tweet_id)) &&
        (q.after_tweet_id === undefined || t.id > BigInt(q.after_tweet_id)) &&
        (q.language === undefined || t.language === q.language) &&
        (q.result_type !== 'popular' || t.popular),
    ).slice(0, num);
    const entries = found.map((t) => ({
      id: Number(t.id), // a JSON number, as in the docs: readers lose its last digits
      url: `https://twitter.com/${t.user}/status/${t.id}`,
      date: oneallDate(t.date),
      text: t.text,
      user: { screen_name: t.user }, // GUESS: the docs example is cut after `text`
    }));
    const data = ctx.answers === 'public' ? publicTweets(entries) : { count: entries.length, entries };
    return ok(ctx, data, { kind: 'read' });
  }

  return [
    ['PUT', '/users.json', importUser],
    ['GET', '/users/:user_token/contacts.json', userContacts],
    ['GET', '/identities/:identity_token/contacts.json', identityContacts],
    ['GET', '/providers.json', (ctx) => ok(ctx, paginate(ctx, PROVIDERS, 'providers', (p) => ({ ...p })), { kind: 'read' })],
    ['GET', '/sharing/pages.json', (ctx) => ok(ctx, paginate(ctx, sitePages(ctx), 'sharing_pages', pageEntry), { kind: 'read' })],
    ['GET', '/sharing/pages/page.json', pageByUrl], // before the token route: "page" is no token
    ['GET', '/sharing/pages/:sharing_page_token.json', pageByToken],
    ['GET', '/search/twitter/tweets.json', searchTweets],
  ];
}

const counterToken = (prefix, n) => `${prefix}-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** The envelope with another request status (a 201 "created"). */
function withRequestStatus(json, status) {
  return { response: { ...json.response, request: { ...json.response.request, status } } };
}

/** The public profile: only the keys the docs' example shows, and {"count":0} when nothing matched. */
function publicTweets(entries) {
  return entries.length === 0
    ? { count: 0 }
    : { count: entries.length, entries: entries.map(({ id, url, date, text }) => ({ id, url, date, text })) };
}

module.exports = { accountRoutes: routes, SHARING_PAGES, PROVIDERS, TWEETS };
