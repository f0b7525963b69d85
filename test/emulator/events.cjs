'use strict';
// Test control for the OneAll Trigger: adds users, identities and connections with a chosen date_creation,
// so the lists (served newest first with order_direction=desc) hold "new" events. docs/oneall-api.md §8.7.
//
// POST /__emulator/events
//   { site?, users: [{ user_token?, date_creation, identities: [{ provider, identity_token?, displayName? }] }],
//     identities: [{ user_token, provider, date_creation, identity_token?, displayName? }],
//     connections: [{ identity_token, date_creation, connection_token?, plugin? }] }
// date_creation: ISO text or milliseconds. Answers the tokens created, in the order given.

const { randomUUID } = require('node:crypto');
const { ACCESS_TOKEN_MARKER, PROVIDERS } = require('./fixtures.cjs');

function when(value, label) {
  const ms = typeof value === 'number' ? value : Date.parse(String(value));
  if (!Number.isFinite(ms)) throw new Error(`${label}: date_creation must be ISO text or milliseconds`);
  return ms;
}

/** Keeps a list in date_creation order (the emulator's lists are oldest first); equal dates keep arrival order. */
function insertByDate(list, record) {
  let at = list.length;
  while (at > 0 && list[at - 1].date_creation > record.date_creation) at--;
  list.splice(at, 0, record);
}

function newIdentity(data, user, spec, dateCreation) {
  if (!PROVIDERS.includes(spec.provider)) throw new Error(`unknown provider ${spec.provider}`);
  const token = spec.identity_token || randomUUID();
  if (data.identities.has(token)) throw new Error(`identity ${token} exists`);
  const displayName = spec.displayName || `New ${spec.provider} person`;
  const username = displayName.toLowerCase().replace(/[^a-z0-9]+/g, '.');
  const [givenName, ...rest] = displayName.split(' ');
  const identity = {
    identity_token: token,
    user_token: user.user_token,
    provider: spec.provider,
    id: String(100000 + data.identityList.length),
    displayName,
    name: { formatted: displayName, givenName, familyName: rest.join(' ') },
    preferredUsername: username,
    emails: [{ value: `${username}@example.com`, is_verified: true }],
    gender: 'other',
    birthday: '01/01/1990',
    utcOffset: '+00:00',
    thumbnailUrl: `https://images.example.com/${spec.provider}/${username}.jpg`,
    profileUrl: `https://${spec.provider}.example.com/${username}`,
    accessToken: { key: `${ACCESS_TOKEN_MARKER}-${spec.provider}-new`, secret: `${ACCESS_TOKEN_MARKER}-SECRET-new` },
    date_creation: dateCreation,
    boards: [], pages: [], groups: [], companies: [], playlists: [], channels: [],
  };
  data.identities.set(token, identity);
  insertByDate(data.identityList, identity);
  user.identities.push(token);
  return identity;
}

function addEvents(data, body) {
  const created = { users: [], identities: [], connections: [] };
  for (const spec of body.users || []) {
    const date = when(spec.date_creation, 'users');
    const user = { user_token: spec.user_token || randomUUID(), date_creation: date, date_last_login: date, num_logins: 1, identities: [] };
    if (data.users.has(user.user_token)) throw new Error(`user ${user.user_token} exists`);
    data.users.set(user.user_token, user);
    insertByDate(data.userList, user);
    for (const i of spec.identities || []) created.identities.push(newIdentity(data, user, i, date).identity_token);
    created.users.push(user.user_token);
  }
  for (const spec of body.identities || []) {
    const user = data.users.get(spec.user_token);
    if (!user) throw new Error(`identities: unknown user ${spec.user_token}`);
    created.identities.push(newIdentity(data, user, spec, when(spec.date_creation, 'identities')).identity_token);
  }
  for (const spec of body.connections || []) {
    const identity = data.identities.get(spec.identity_token);
    if (!identity) throw new Error(`connections: unknown identity ${spec.identity_token}`);
    const connection = {
      connection_token: spec.connection_token || randomUUID(),
      identity_token: identity.identity_token,
      user_token: identity.user_token,
      plugin: spec.plugin || 'social_login',
      callback_uri: 'https://app.example.com/social-connect/',
      status: 'succeeded',
      date_creation: when(spec.date_creation, 'connections'),
    };
    data.connections.set(connection.connection_token, connection);
    insertByDate(data.connectionList, connection);
    created.connections.push(connection.connection_token);
  }
  return created;
}

module.exports = { addEvents };
