'use strict';
// Deterministic fake OneAll Site data (seeded PRNG). Well-known tokens are fixed constants, independent
// of the seed, so tests can name them; everything else depends on the seed only.

const PROVIDERS = ['facebook', 'linkedin', 'pinterest', 'twitter', 'youtube'];
const SOURCE_NAMES = { facebook: 'Facebook', linkedin: 'LinkedIn', pinterest: 'Pinterest', twitter: 'Twitter', youtube: 'YouTube' };
// Every fake provider access token/secret contains this marker, so redaction tests can grep for it.
const ACCESS_TOKEN_MARKER = 'FAKE-ACCESS-TOKEN';

const DEFAULT_SITE = Object.freeze({
  subdomain: 'demo',
  publicKey: '3f1c9a52-7d4e-4b8a-9c1f-2e6d5b7a8c90',
  privateKey: '9e8d7c6b-5a49-4382-b1a0-f9e8d7c6b5a4',
});
const OTHER_SITE = Object.freeze({
  subdomain: 'other',
  publicKey: '6b0e2f4a-1c3d-4e5f-8a9b-0c1d2e3f4a5b',
  privateKey: 'd4c3b2a1-0f9e-4d8c-b7a6-5f4e3d2c1b0a',
});

// A new site with nothing in it yet: no users, identities, connections, messages or short URLs.
const EMPTY_SITE = Object.freeze({
  subdomain: 'empty',
  publicKey: 'e0e0e0e0-1a2b-4c3d-8e4f-5a6b7c8d9e0f',
  privateKey: 'f9e8d7c6-0000-4b5a-9c8d-e0e0e0e0e0e0',
});

const range = (n, f) => Array.from({ length: n }, (_, i) => f(i));

// Fixed tokens. Several are the examples from OneAll's docs; the Pinterest one is the seed page's (not hex!,
// docs/oneall-api.md §2.6).
const FIXTURES = Object.freeze({
  site: { subdomain: DEFAULT_SITE.subdomain, publicKey: DEFAULT_SITE.publicKey },
  otherSite: { subdomain: OTHER_SITE.subdomain, publicKey: OTHER_SITE.publicKey },
  users: {
    primary: '5360232a-d9ca-4433-8128-44a9e1d9cec3', // pinterest + facebook + twitter
    secondary: '247db8ab-0af5-4a01-8dd1-a9454d76c23e', // linkedin + youtube (+ steam, tiktok, twitch: reads only)
    foreign: 'a7e5c3b1-9f8d-4b6a-8c4e-2d0f1e3a5b7c', // pinterest + facebook + youtube owning the "foreign" ids
    sharing: '5ba7e000-1111-4222-8333-444455556666', // facebook + twitter + linkedin; the linkedin access was revoked
  },
  sharingIdentities: {
    facebook: '5ba7e000-0000-4000-8000-00000000000f',
    twitter: '5ba7e000-0000-4000-8000-00000000000e',
    linkedin: '5ba7e000-0000-4000-8000-00000000000d', // revoked: Sharing publications on it fail
  },
  user: '5360232a-d9ca-4433-8128-44a9e1d9cec3',
  identities: {
    pinterest: '12345678-ABCD-WXYZ-1234-ABCABCABCABC',
    facebook: '34d2fe86-31dc-4686-bce0-96aabd5febeb',
    twitter: '1232fe86-abcc-4122-b220-aaaabd5feffa',
    linkedin: '8b285b3e-2a5f-4a0b-9c6d-7e1f2a3b4c5d',
    youtube: 'c0ffee00-7b1d-4e0a-9a5e-0d15ea5e0001',
    steam: '57ea0000-0000-4000-8000-000000000051',
    tiktok: '71c70c00-0000-4000-8000-000000000052',
    twitch: '7e17c400-0000-4000-8000-000000000053',
  },
  foreignIdentities: {
    pinterest: 'f0000000-0000-4000-8000-0000000000a1',
    facebook: 'f0000000-0000-4000-8000-0000000000a2',
    youtube: 'f0000000-0000-4000-8000-0000000000a3',
  },
  connection: '7a559a39-51a5-4f21-92aa-cc880da2233f',
  unknownIdentity: '00000000-0000-4000-8000-000000000000',
  unknownUser: '00000000-0000-4000-8000-000000000001',
  unknownConnection: '00000000-0000-4000-8000-000000000002',
  pinterest: {
    boardId: '98765432101011', // seed page example, owned by identities.pinterest
    boardIds: ['98765432101011', ...range(119, (i) => String(98765432101100 + i))], // 120 boards: pages
    boardSectionId: '123456789012345678', // free text for OneAll; any string is accepted
    foreignBoardId: '55555555501011', // owned by foreignIdentities.pinterest
  },
  facebook: {
    pageIds: range(5, (i) => String(104857600000001 + i)),
    groupIds: range(4, (i) => String(200000000000001 + i)),
    foreignPageId: '109999999999999',
    foreignGroupId: '209999999999999',
  },
  linkedin: { companyIds: ['2414183', '2414184', '2414185'] },
  youtube: {
    playlistIds: range(7, (i) => `PLwk${String(i).padStart(2, '0')}OneAllEmulatorPlaylist0000000`),
    channelIds: ['UConeallEmulatorChan0001', 'UConeallEmulatorChan0002'],
    foreignPlaylistId: 'PLforeignOneAllEmulatorPlaylist00',
  },
  counts: { users: 1200, connections: 600 },
  accessTokenMarker: ACCESS_TOKEN_MARKER,
});

// mulberry32: tiny, fast, deterministic.
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const GIVEN = ['Ada', 'Alan', 'Grace', 'Linus', 'Margaret', 'Dennis', 'Barbara', 'Ken', 'Frances', 'Tim', 'Radia', 'Donald', 'Hedy', 'John', 'Sophie', 'Niklaus'];
const FAMILY = ['Lovelace', 'Turing', 'Hopper', 'Torvalds', 'Hamilton', 'Ritchie', 'Liskov', 'Thompson', 'Allen', 'Berners-Lee', 'Perlman', 'Knuth', 'Lamarr', 'McCarthy', 'Wilson', 'Wirth'];
const PROFILE_URL = {
  facebook: (u) => `https://www.facebook.com/${u}`,
  linkedin: (u) => `https://www.linkedin.com/in/${u}`,
  pinterest: (u) => `https://www.pinterest.com/${u}/`,
  twitter: (u) => `https://twitter.com/${u}`,
  youtube: (u) => `https://www.youtube.com/@${u}`,
  steam: (u) => `https://steamcommunity.com/id/${u}`,
  tiktok: (u) => `https://www.tiktok.com/@${u}`,
  twitch: (u) => `https://www.twitch.tv/${u}`,
};

/**
 * `count` users with a Facebook, a LinkedIn and a Twitter identity each (the bench's publish-to-all-networks
 * runs), with tokens computed from their number.
 */
function networkUsers(count) {
  const token = (kind, n) => `b3e4${kind}00-0000-4000-8000-${String(n).padStart(12, '0')}`;
  return Array.from({ length: count }, (_, n) => ({
    user_token: token('00', n),
    identities: { facebook: token('0f', n), linkedin: token('0d', n), twitter: token('0e', n) },
  }));
}

/**
 * Builds one Site's data. wellKnown: add the FIXTURES users/identities (default site only). networkUserCount:
 * append networkUsers(n) after everything else, so the seeded data stays the same.
 */
function buildSiteData({ seed = 1, userCount = 1200, connectionCount = 600, wellKnown = true, networkUserCount = 0 } = {}) {
  const rnd = prng(seed);
  const int = (n) => Math.floor(rnd() * n);
  const pick = (arr) => arr[int(arr.length)];
  const hex = (n) => range(n, () => '0123456789abcdef'[int(16)]).join('');
  const uuid = () => `${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'[int(4)]}${hex(3)}-${hex(12)}`;
  const digits = (n) => String(1 + int(9)) + range(n - 1, () => int(10)).join('');
  const alnum = (n) => range(n, () => 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'[int(62)]).join('');

  const users = new Map();
  const identities = new Map();
  const connections = new Map();
  const userList = [];
  const identityList = [];
  const connectionList = [];
  let clock = Date.UTC(2015, 0, 5, 9, 0, 0);

  function addIdentity(user, provider, token, extra = {}) {
    const given = pick(GIVEN);
    const family = pick(FAMILY);
    const username = `${given}.${family}${int(1000)}`.toLowerCase();
    const identity = {
      identity_token: token || uuid(),
      user_token: user.user_token,
      provider,
      id: provider === 'youtube' ? `UC${alnum(22)}` : digits(provider === 'linkedin' ? 9 : 15),
      displayName: `${given} ${family}`,
      name: { formatted: `${given} ${family}`, givenName: given, familyName: family },
      preferredUsername: username,
      emails: [{ value: `${username}@example.com`, is_verified: rnd() < 0.8 }],
      gender: pick(['female', 'male', 'other']),
      birthday: `${String(1 + int(28)).padStart(2, '0')}/${String(1 + int(12)).padStart(2, '0')}/${1960 + int(45)}`,
      utcOffset: pick(['+01:00', '+02:00', '-05:00', '+00:00']),
      thumbnailUrl: `https://images.example.com/${provider}/${username}.jpg`,
      profileUrl: PROFILE_URL[provider](username),
      accessToken: { key: `${ACCESS_TOKEN_MARKER}-${provider}-${hex(24)}`, secret: `${ACCESS_TOKEN_MARKER}-SECRET-${hex(24)}` },
      date_creation: (clock += 60000 + int(600000)),
      boards: [], pages: [], groups: [], companies: [], playlists: [], channels: [],
    };
    // Picker data for random identities (small lists); well-known ones get fixed lists below.
    if (!token) {
      if (provider === 'pinterest') identity.boards = range(int(6), () => digits(14));
      if (provider === 'facebook') {
        identity.pages = range(int(4), () => digits(15));
        identity.groups = range(int(5), () => digits(15));
      }
      if (provider === 'linkedin') identity.companies = range(int(3), () => digits(7));
      if (provider === 'youtube') {
        identity.playlists = range(int(6), () => `PL${alnum(32)}`);
        identity.channels = [identity.id];
      }
    }
    Object.assign(identity, extra);
    identities.set(identity.identity_token, identity);
    identityList.push(identity);
    user.identities.push(identity.identity_token);
    return identity;
  }

  function addUser(token) {
    const created = (clock += 3600000 + int(86400000));
    const user = {
      user_token: token || uuid(),
      date_creation: created,
      date_last_login: created + int(400 * 86400000),
      num_logins: 1 + int(300),
      identities: [],
    };
    users.set(user.user_token, user);
    userList.push(user);
    return user;
  }

  if (wellKnown) {
    const F = FIXTURES;
    const a = addUser(F.users.primary);
    addIdentity(a, 'pinterest', F.identities.pinterest, { boards: [...F.pinterest.boardIds] });
    addIdentity(a, 'facebook', F.identities.facebook, { pages: [...F.facebook.pageIds], groups: [...F.facebook.groupIds] });
    addIdentity(a, 'twitter', F.identities.twitter);
    const b = addUser(F.users.secondary);
    addIdentity(b, 'linkedin', F.identities.linkedin, { companies: [...F.linkedin.companyIds] });
    addIdentity(b, 'youtube', F.identities.youtube, { playlists: [...F.youtube.playlistIds], channels: [...F.youtube.channelIds] });
    const c = addUser(F.users.foreign);
    addIdentity(c, 'pinterest', F.foreignIdentities.pinterest, { boards: [F.pinterest.foreignBoardId] });
    addIdentity(c, 'facebook', F.foreignIdentities.facebook, { pages: [F.facebook.foreignPageId], groups: [F.facebook.foreignGroupId] });
    addIdentity(c, 'youtube', F.foreignIdentities.youtube, { playlists: [F.youtube.foreignPlaylistId], channels: ['UCforeignOneAllEmulator1'] });
    const d = addUser(F.users.sharing);
    addIdentity(d, 'facebook', F.sharingIdentities.facebook);
    addIdentity(d, 'twitter', F.sharingIdentities.twitter);
    addIdentity(d, 'linkedin', F.sharingIdentities.linkedin, { revoked: true });
  }
  while (userList.length < userCount) {
    const user = addUser();
    const n = 1 + int(3);
    const provs = [...PROVIDERS];
    for (let i = provs.length - 1; i > 0; i--) {
      const j = int(i + 1); // Fisher-Yates: deterministic, unlike sort() with a random comparator
      [provs[i], provs[j]] = [provs[j], provs[i]];
    }
    for (const p of provs.slice(0, n)) addIdentity(user, p);
  }

  // Connections: logins of existing identities, in date order.
  let cclock = clock;
  for (let i = 0; i < connectionCount; i++) {
    const identity = i === 0 && wellKnown ? identities.get(FIXTURES.identities.pinterest) : pick(identityList);
    const connection = {
      connection_token: i === 0 && wellKnown ? FIXTURES.connection : uuid(),
      identity_token: identity.identity_token,
      user_token: identity.user_token,
      plugin: pick(['social_login', 'social_login', 'social_link']),
      callback_uri: 'https://app.example.com/social-connect/',
      status: 'succeeded',
      date_creation: (cclock += 60000 + int(3600000)),
    };
    connections.set(connection.connection_token, connection);
    connectionList.push(connection);
  }

  for (const spec of networkUsers(networkUserCount)) {
    const user = addUser(spec.user_token);
    for (const [provider, token] of Object.entries(spec.identities)) addIdentity(user, provider, token);
  }

  // Networks the node only reads (Pull API): added last and dated before everything else, so the seeded data
  // and the newest identities stay as they were.
  if (wellKnown) {
    const secondary = users.get(FIXTURES.users.secondary);
    for (const provider of ['steam', 'tiktok', 'twitch']) {
      addIdentity(secondary, provider, FIXTURES.identities[provider], { date_creation: Date.UTC(2014, 0, 1) });
    }
  }

  return { users, identities, connections, userList, identityList, connectionList };
}

module.exports = { buildSiteData, networkUsers, FIXTURES, DEFAULT_SITE, OTHER_SITE, EMPTY_SITE, PROVIDERS, SOURCE_NAMES, ACCESS_TOKEN_MARKER, prng };
