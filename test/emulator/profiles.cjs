'use strict';
// Answer profiles: how the emulator shapes its list answers (startEmulator({ answers }), --answers, POST /__emulator/answers).
// - 'generous' (the default): every list is {pagination, count, entries}, entries carry the emulator's extra keys
//   (the guesses of docs/oneall-api.md §11), an empty list has `entries: []`.
// - 'public': strictly like OneAll's public examples (docs/oneall-api.md §2.5, §7, §8): no `pagination` (the
//   `page` and `entries_per_page` parameters still apply), an empty list is {"count":0} without `entries`, and
//   entries carry only the keys a public example shows.

const ANSWER_PROFILES = Object.freeze(['generous', 'public']);

// List entry keys per list in the 'public' profile, each from docs/oneall-api.md (the section says which docs page).
const PUBLIC_ENTRY_KEYS = {
  identities: ['user_token', 'identity_token'], // §7.1 identities/list-all-identities: the example shows only these two
  users: ['user_token', 'date_creation', 'date_last_login', 'num_logins', 'identities'], // §7.2 users/list-all-users
  connections: ['connection_token', 'callback_uri', 'status', 'date_creation'], // §7.4 connections/list-all-connections
  sharing_messages: ['sharing_message_token', 'date_creation', 'date_last_published'], // §8.1
  sharing_analytics_snapshots: ['sharing_analytics_snapshot_token', 'date_initiated', 'sharing_message'], // §8.3
  // §8.2: the list page shows only an empty list; its entries are taken to be the documented short URL object.
  shorturls: ['shorturl_token', 'original_url', 'short_url', 'date_creation', 'num_referrals'],
  // §8.8 sso/list-all-sessions: the example shows every key of an entry.
  sso_sessions: ['sso_session_token', 'user_token', 'identity_token', 'top_realm', 'sub_realm', 'data', 'date_update', 'date_creation', 'date_expiration'],
  // Pull API lists (§6): no public example at all. Minimal GUESS: the object's id, and its name or title where a
  // picker needs a label.
  boards: ['board_id', 'board_name'],
  pages: ['page_id', 'page_name'],
  groups: ['group_id', 'group_name'],
  companies: ['company_id', 'company_name'],
  playlists: ['playlist_id', 'playlist_title'],
  channels: ['channel_id', 'channel_title'],
  // docs/oneall-api.md §8.4 sharing/pages/list-all-pages shows these keys; a page's shares: GUESS (no example).
  sharing_pages: ['sharing_page_token', 'meta_title', 'url', 'date_first_shared', 'date_last_shared', 'num_times_shared', 'targets'],
  sharing_page_shares: ['date', 'target'],
  // GUESS: no public example of a contact or of the providers list (§7.1, §6.5).
  contacts: ['id', 'displayName'],
  providers: ['key', 'name'],
  posts: ['post_id'],
  pins: ['pin_id'],
  tweets: ['tweet_id'],
  videos: ['video_id'],
  likes: ['like_id'],
  reactions: ['reaction_id'],
  comments: ['comment_id'],
  games: ['game_id'],
  subscriptions: ['subscription_id'],
  clips: ['clip_id'],
  streams: ['stream_id'],
};
// Nested keys the public examples show: a users-list entry's identities are {identity_token, provider} (§7.2).
const PUBLIC_NESTED_KEYS = { identities: ['identity_token', 'provider'] };

function checkProfile(name) {
  if (!ANSWER_PROFILES.includes(name)) {
    throw new Error(`unknown answer profile "${name}": use ${ANSWER_PROFILES.map((p) => `"${p}"`).join(' or ')}`);
  }
  return name;
}

const pick = (object, keys) => Object.fromEntries(keys.filter((k) => object[k] !== undefined).map((k) => [k, object[k]]));

function publicEntry(plural, entry) {
  const keys = PUBLIC_ENTRY_KEYS[plural];
  if (!keys) throw new Error(`emulator bug: no public entry keys for the list "${plural}"`);
  const out = pick(entry, keys);
  for (const [key, nested] of Object.entries(PUBLIC_NESTED_KEYS)) {
    if (plural !== key && Array.isArray(out[key])) out[key] = out[key].map((e) => pick(e, nested));
  }
  return out;
}

/** A list in the 'public' profile: {count, entries} with documented keys only, or {"count":0} when empty. */
function publicList(plural, entries) {
  return entries.length === 0 ? { count: 0 } : { count: entries.length, entries: entries.map((e) => publicEntry(plural, e)) };
}

module.exports = { ANSWER_PROFILES, PUBLIC_ENTRY_KEYS, checkProfile, publicList };
