/**
 * Fuzz: thousands of generated parameter sets (seeded, reproducible) for every operation. Each item must
 * end either in a request the emulator received on the operation's documented path (identity tokens and
 * path ids only [A-Za-z0-9_-]), or in a NodeOperationError with one of the node's own validation
 * messages; a OneAll 4xx for a well-formed request (unknown identity, wrong provider, unknown key) is fine.
 * Never another error, never an unhandled exception, never a request outside the documented path, never
 * a request to another host: a "trap" server on another port must stay untouched.
 *
 * Fast: one node execution per operation runs hundreds of items (values in the items' json, read by
 * expressions), continueOnFail on, concurrency 20.
 * Reproduce a failure: set FUZZ_SEED below to the printed seed.
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';
import { getGlobalState, setGlobalState } from 'n8n-workflow';

import { FIXTURES, startEmulator, type Emulator, type RequestLogEntry } from '../emulator/index.cjs';
import { note, prng, pushOutput, startTrap, type Prng, type Trap } from '../helpers/collect.cjs';
import { runOneAll } from '../helpers/harness.cjs';
import { emulatorCredentials } from '../helpers/params';

/** Change to reproduce a run (the seed is printed at the start). */
export const FUZZ_SEED = 20260611;
/** Items per operation run; 32 runs (29 operations, Custom API Call once per method) × 320 = 10,240 sets. */
export const ITEMS_PER_RUN = 320;

let emulator: Emulator;
let trap: Trap;
const globalState = getGlobalState();
beforeAll(async () => {
	// Speed only: every expression evaluation sets up $now in the workflow's time zone, and an IANA zone
	// (n8n's default America/New_York) costs luxon a formatToParts per call. The node uses no dates.
	setGlobalState({ ...globalState, defaultTimezone: 'UTC' });
	emulator = await startEmulator();
	trap = await startTrap();
	note(`fuzz seed ${FUZZ_SEED} (set FUZZ_SEED in test/engine/fuzz.test.ts to reproduce)`);
});
afterAll(async () => {
	setGlobalState(globalState);
	await emulator.close();
	await trap.close();
});
beforeEach(() => emulator.reset());
// Nothing ever connects to the trap. (An unhandled rejection or uncaught exception fails the running
// test by itself: jest-circus turns it into that test's error.)
afterEach(() => expect(trap.hits).toEqual([]));

const ID = FIXTURES.identities;

// ---------------------------------------------------------------------------------------- values

const TOKEN = '[A-Za-z0-9]{8}-[A-Za-z0-9]{4}-[A-Za-z0-9]{4}-[A-Za-z0-9]{4}-[A-Za-z0-9]{12}';
const PATH_ID = '[A-Za-z0-9_-]{1,128}';

/** Strings that have broken path building, parsers or encoders somewhere. */
const NASTY_STRINGS = [
	'',
	' ',
	'   ',
	'/',
	'//',
	'..',
	'../',
	'../../tools/ping',
	'./x',
	'%2F',
	'%2f..%2f',
	'%2e%2e',
	'%00',
	'?',
	'?x=1',
	'#',
	'#frag',
	'a/b',
	'a?b',
	'a#b',
	'a b',
	'a\tb',
	'a\nb',
	'\r\nX-Injected: 1',
	'\u0000',
	'\u202Eevil',
	'\u200B',
	'e\u0301',
	'ｆｕｌｌｗｉｄｔｈ',
	'日本語のテキスト',
	'😀🎉👍🏽',
	'\uD800',
	'\uDC00x',
	'null',
	'undefined',
	'true',
	'NaN',
	'-1',
	'0',
	'1e309',
	'{{ $env.HOME }}',
	'={{ 1 + 1 }}',
	'${process.exit()}',
	"'; DROP TABLE pins; --",
	'<script>alert(1)</script>',
	'__proto__',
	'constructor',
	'x'.repeat(10_000),
	'é'.repeat(5_000),
	'😀'.repeat(3_000),
];

const NASTY_VALUES: unknown[] = [
	null,
	undefined,
	0,
	-1,
	1.5,
	1e21,
	Number.MAX_SAFE_INTEGER,
	Number.NaN,
	Number.POSITIVE_INFINITY,
	true,
	false,
	{},
	{ a: 1 },
	{ __rl: true, mode: 'id', value: ID.twitter },
	{ toString: 'x' },
	[],
	['a', 'b'],
	[ID.twitter],
	[null, {}, []],
	[[['deep']]],
];

function unicodeString(rng: Prng, maxLength: number): string {
	const ranges: Array<[number, number]> = [
		[0x20, 0x7e],
		[0x20, 0x7e],
		[0xa0, 0x24f],
		[0x370, 0x3ff],
		[0x590, 0x6ff],
		[0x300, 0x36f],
		[0x3040, 0x30ff],
		[0x4e00, 0x9fff],
		[0x1f300, 0x1f64f],
		[0x2000, 0x206f],
		[0x0, 0x1f],
	];
	const length = rng.int(maxLength + 1);
	let out = '';
	for (let i = 0; i < length; i++) {
		const [from, to] = rng.pick(ranges);
		out += String.fromCodePoint(from + rng.int(to - from + 1));
	}
	return out;
}

const anyNasty = (rng: Prng): unknown =>
	rng.chance(0.6) ? rng.pick(NASTY_STRINGS) : rng.chance(0.5) ? rng.pick(NASTY_VALUES) : unicodeString(rng, 40);

function mutateToken(rng: Prng, token: string): unknown {
	return rng.pick<() => unknown>([
		() => `${token}/../../tools/ping`,
		() => `${token}%2F..`,
		() => `${token}?x=1`,
		() => `${token}#x`,
		() => `${token}/x`,
		() => ` ${token} `,
		() => token.toLowerCase(),
		() => token.slice(1),
		() => `${token}0`,
		() => token.replace(/-/g, '_'),
		() => token.replace('-', '%2D'),
		() => `..%2F${token}`,
		() => token.replace(/[0-9]/, '٣'),
		() => [token],
		() => ({ value: token }),
	])();
}

/** Identity / user / connection token: the right one, another valid-looking one (a 4xx), or garbage. */
function token(rng: Prng, right: string[], others: string[]): unknown {
	const r = rng.next();
	if (r < 0.55) return rng.pick(right);
	if (r < 0.65) return rng.pick(others);
	if (r < 0.82) return mutateToken(rng, rng.pick(right));
	return anyNasty(rng);
}

const ALL_TOKENS = [
	...Object.values(ID),
	...Object.values(FIXTURES.foreignIdentities),
	FIXTURES.unknownIdentity,
	FIXTURES.unknownUser,
	FIXTURES.users.primary,
	FIXTURES.users.secondary,
	FIXTURES.connection,
	'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee',
	'ZZZZZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZZZZZZZZZ',
];

function pathId(rng: Prng, right: string[], others: string[]): unknown {
	const r = rng.next();
	if (r < 0.6) return rng.pick(right);
	if (r < 0.7) return rng.pick(others);
	if (r < 0.8) return rng.pick(['a', 'A_b-9', 'x'.repeat(128), 'x'.repeat(129), '0', '-', '_', ' 123 ', 12345678]);
	if (r < 0.9) return mutateToken(rng, rng.pick(right));
	return anyNasty(rng);
}

function text(rng: Prng, maxLength = 120): unknown {
	const r = rng.next();
	if (r < 0.5) return unicodeString(rng, maxLength);
	if (r < 0.6) return rng.pick(['Hello', 'OneAll', 'Stadium', 'https://www.oneall.com/ is nice']);
	return anyNasty(rng);
}

function url(rng: Prng, { trapAllowed = true } = {}): unknown {
	const r = rng.next();
	if (r < 0.55) {
		return rng.pick([
			'https://www.oneall.com/logo.jpg',
			'http://public.oneallcdn.com/img/oneall/logo_sni_retina.png',
			'https://example.com/a b.jpg',
			'https://例え.テスト/画像.png',
			'https://example.com/?q=😀#frag',
			`https://example.com/${'x'.repeat(9_000)}.jpg`,
			'https://user:pass@example.com/x.jpg',
			'http://[::1]/x.png',
			'https://example.com/%2F..%2F',
		]);
	}
	if (r < 0.65 && trapAllowed) return rng.pick([`${trap.url}/x.jpg`, `http://127.0.0.1:${trap.port}/`, `http://localhost:${trap.port}/a`]);
	if (r < 0.85) {
		return rng.pick([
			'javascript:alert(1)',
			'ftp://example.com/a.jpg',
			'file:///etc/passwd',
			'data:image/png;base64,AAAA',
			'//example.com/a.jpg',
			'www.example.com/a.jpg',
			'http://',
			'https://',
			'http:/example.com',
			'mailto:a@b.c',
			' https://www.oneall.com/logo.jpg ',
		]);
	}
	return anyNasty(rng);
}

function idList(rng: Prng): unknown {
	const r = rng.next();
	if (r < 0.4) return Array.from({ length: rng.int(7) }, () => String(10213128014248748 + rng.int(1000))).join(rng.pick([',', ', ', ' ', '\n']));
	if (r < 0.55) return Array.from({ length: rng.int(6) }, () => String(rng.int(1e9)));
	if (r < 0.7) return rng.pick(['1,,2', ',', 'a b c d e', 'x/y,z', `${'9'.repeat(300)}`, [1, 2], [{}], [null], ['a', ['b']]]);
	return anyNasty(rng);
}

const bool = (rng: Prng): unknown =>
	rng.chance(0.6) ? rng.chance(0.5) : rng.pick<unknown>(['true', 'false', 1, 0, null, 'yes', {}, [], '']);

const num = (rng: Prng): unknown =>
	rng.chance(0.5) ? rng.int(20) : rng.pick<unknown>(['3', '-1', 'x', 1e308, -0, 2.5, null, {}, [], '', ' 7 ', '0x10', Number.NaN]);

function options(rng: Prng, values: string[]): unknown {
	return rng.chance(0.6) ? rng.pick(values) : rng.chance(0.5) ? rng.pick(values).toUpperCase() : anyNasty(rng);
}

function jsonObjectText(rng: Prng): unknown {
	const r = rng.next();
	if (r < 0.3) return undefined;
	if (r < 0.5) return rng.pick(['{}', '{"location": "Ahmedabad"}', '{"reply_settings": "following"}', { location: 'Barcelona' }]);
	if (r < 0.9) {
		return rng.pick<unknown>([
			'{"__proto__": {"polluted": 1}}',
			'{"constructor": {"prototype": {"polluted": 1}}}',
			'{"prototype": 1}',
			'{"a": ',
			'[1, 2]',
			'"text"',
			'42',
			'null',
			'{"a": "\\ud800"}',
			`{"deep": ${'['.repeat(500)}${']'.repeat(500)}}`,
			`{"big": "${'x'.repeat(10_000)}"}`,
			{ nested: { a: [1, 2, { b: null }] } },
			[{ a: 1 }],
			'{"request": {"push": {}}}',
		]);
	}
	return anyNasty(rng);
}

function customPath(rng: Prng): unknown {
	const r = rng.next();
	if (r < 0.45) {
		return rng.pick([
			'/identities.json',
			'/users.json',
			'/connections.json',
			'/tools/ping.json',
			`/identities/${ID.twitter}.json`,
			`/connections/${FIXTURES.connection}.json`,
			`/users/${FIXTURES.users.primary}.json`,
			`/push/identities/${ID.twitter}/twitter/post.json`,
			'/sharing/messages.json',
			'/sites/other/identities.json',
			'/a.b~c_d-e/f.json',
			'/x.',
			'/...',
		]);
	}
	if (r < 0.85) {
		return rng.pick([
			'',
			'/',
			'//',
			'identities.json',
			'/identities.json?x=1',
			'/identities.json#x',
			'/../identities.json',
			'/a/../../b',
			'/./x',
			'/a//b',
			'/%2e%2e/x',
			'/a%2Fb',
			'//evil.com/x',
			`//127.0.0.1:${trap.port}/x`,
			`http://127.0.0.1:${trap.port}/x`,
			`/@127.0.0.1:${trap.port}`,
			'/a b',
			'/é',
			'/\u0000',
			'/a\r\nHost: evil.com',
			'\\\\evil.com\\x',
			`/${'x'.repeat(10_000)}`,
		]);
	}
	return anyNasty(rng);
}

// ---------------------------------------------------------------------------------------- operations

type Generator = (rng: Prng) => unknown;
type Placement = 'top' | 'locator' | 'additional' | 'option';

interface FuzzOperation {
	resource: string;
	operation: string;
	method: 'GET' | 'POST' | 'PUT' | 'DELETE';
	/** The documented path. */
	path: RegExp;
	/** Parameters fed from the item, by name. */
	fields: Array<[string, Placement, Generator]>;
	/** Literal parameters. */
	fixed?: IDataObject;
	/** A list read: one item may make several requests and output several items. */
	list?: boolean;
	push?: boolean;
}

const PROVIDER_IDENTITY = (provider: keyof typeof ID): Generator => (rng) => token(rng, [ID[provider]], ALL_TOKENS);
const PAGES = FIXTURES.facebook.pageIds;
const GROUPS = FIXTURES.facebook.groupIds;
const BOARDS = FIXTURES.pinterest.boardIds.slice(0, 5);
const PLAYLISTS = FIXTURES.youtube.playlistIds;
const EXTRA: [string, Placement, Generator] = ['extraBodyFields', 'option', jsonObjectText];
const SKIP: [string, Placement, Generator] = ['skipLengthChecks', 'option', (rng) => (rng.chance(0.8) ? rng.chance(0.3) : bool(rng))];

const push = (network: keyof typeof ID, operation: string, path: string, fields: FuzzOperation['fields']): FuzzOperation => ({
	resource: network,
	operation,
	method: 'POST',
	path: new RegExp(`^/push/identities/${TOKEN}/${path.replace(/\./g, '\\.').replace(/\{\w+\}/g, PATH_ID)}$`),
	fields: [['identity', 'locator', PROVIDER_IDENTITY(network)], ...fields, EXTRA, SKIP],
	push: true,
});

const fbMedia = (): FuzzOperation['fields'] => [
	['url', 'top', (rng) => url(rng)],
	['description', 'additional', (rng) => text(rng)],
];
const fbTarget = (kind: 'page' | 'group'): [string, Placement, Generator] => [
	kind,
	'locator',
	(rng) => pathId(rng, kind === 'page' ? PAGES : GROUPS, [FIXTURES.facebook.foreignPageId, FIXTURES.facebook.foreignGroupId, '1']),
];
const fbPost: FuzzOperation['fields'] = [
	['message', 'top', (rng) => text(rng, 300)],
	['link', 'additional', (rng) => (rng.chance(0.5) ? undefined : url(rng))],
	['attachments', 'additional', (rng) => (rng.chance(0.5) ? undefined : idList(rng))],
];
const linkedinPost: FuzzOperation['fields'] = [
	['message', 'top', (rng) => text(rng, 300)],
	['link', 'top', (rng) => (rng.chance(0.3) ? undefined : url(rng))],
	['title', 'additional', (rng) => text(rng)],
	['description', 'additional', (rng) => text(rng)],
	['picture', 'additional', (rng) => (rng.chance(0.5) ? undefined : url(rng))],
];
const callback: [string, Placement, Generator] = [
	'callbackUrl',
	'additional',
	// Never a loopback URL here: the emulator itself POSTs async results to loopback callback URLs.
	(rng) => (rng.chance(0.4) ? undefined : url(rng, { trapAllowed: false })),
];

const PUSHES: FuzzOperation[] = [
	push('facebook', 'publishUserPost', 'facebook/post.json', fbPost),
	push('facebook', 'uploadUserPicture', 'facebook/picture.json', [...fbMedia(), ['createPost', 'additional', bool]]),
	push('facebook', 'uploadUserVideo', 'facebook/video.json', [...fbMedia(), ['createPost', 'additional', bool]]),
	push('facebook', 'publishGroupPost', 'facebook/group/post.json', [fbTarget('group'), ...fbPost]),
	push('facebook', 'uploadGroupPicture', 'facebook/group/picture.json', [fbTarget('group'), ...fbMedia()]),
	push('facebook', 'uploadGroupVideo', 'facebook/group/video.json', [fbTarget('group'), ...fbMedia()]),
	push('facebook', 'publishPagePost', 'facebook/page/post.json', [fbTarget('page'), ...fbPost]),
	push('facebook', 'uploadPagePicture', 'facebook/page/picture.json', [fbTarget('page'), ...fbMedia()]),
	push('facebook', 'uploadPageVideo', 'facebook/page/video.json', [fbTarget('page'), ...fbMedia()]),
	push('linkedin', 'publishUserPost', 'linkedin/post.json', linkedinPost),
	push('linkedin', 'publishCompanyPost', 'linkedin/company/post.json', [
		['company', 'locator', (rng) => pathId(rng, FIXTURES.linkedin.companyIds, ['1', '99999'])],
		...linkedinPost,
	]),
	push('pinterest', 'publishPin', 'pinterest/board/{board}/pin.json', [
		['board', 'locator', (rng) => pathId(rng, BOARDS, [FIXTURES.pinterest.foreignBoardId, '1'])],
		['title', 'top', (rng) => text(rng, 110)],
		['picture', 'top', (rng) => url(rng)],
		['description', 'additional', (rng) => text(rng, 900)],
		['link', 'additional', (rng) => (rng.chance(0.5) ? undefined : url(rng))],
		['boardSectionId', 'additional', (rng) => text(rng, 30)],
	]),
	push('pinterest', 'publishBoard', 'pinterest/board.json', [
		['name', 'top', (rng) => text(rng, 200)],
		['description', 'additional', (rng) => text(rng, 600)],
	]),
	push('twitter', 'publishTweet', 'twitter/post.json', [
		['message', 'top', (rng) => text(rng, 300)],
		['attachments', 'additional', (rng) => (rng.chance(0.5) ? undefined : idList(rng))],
		['location', 'additional', (rng) => text(rng, 40)],
	]),
	push('twitter', 'uploadPicture', 'twitter/picture.json', [
		['url', 'top', (rng) => url(rng)],
		['description', 'additional', (rng) => text(rng, 1100)],
	]),
	push('twitter', 'uploadVideo', 'twitter/video.json', [['videoUrl', 'top', (rng) => url(rng)], callback]),
	push('youtube', 'uploadVideo', 'youtube/video.json', [
		['videoUrl', 'top', (rng) => url(rng)],
		['title', 'top', (rng) => text(rng, 110)],
		['description', 'additional', (rng) => text(rng, 300)],
		['thumbnailUrl', 'additional', (rng) => (rng.chance(0.5) ? undefined : url(rng))],
		callback,
	]),
	push('youtube', 'addVideoToPlaylist', 'youtube/playlist/{playlist}/video.json', [
		['playlist', 'locator', (rng) => pathId(rng, PLAYLISTS, [FIXTURES.youtube.foreignPlaylistId, 'PL1'])],
		['videoId', 'top', (rng) => (rng.chance(0.5) ? 'dQw4w9WgXcQ' : text(rng, 20))],
	]),
	push('youtube', 'createPlaylist', 'youtube/playlist.json', [
		['title', 'top', (rng) => text(rng, 160)],
		['description', 'additional', (rng) => text(rng, 200)],
		['privacyStatus', 'additional', (rng) => (rng.chance(0.3) ? undefined : options(rng, ['private', 'public', 'unlisted']))],
		['defaultLanguage', 'additional', (rng) => text(rng, 8)],
	]),
	push('youtube', 'addChannelSection', 'youtube/channel/section.json', [
		[
			'sectionType',
			'top',
			(rng) => options(rng, ['allPlaylists', 'completedEvents', 'liveEvents', 'multipleChannels', 'multiplePlaylists', 'popularUploads', 'recentUploads', 'singlePlaylist', 'subscriptions', 'upcomingEvents']),
		],
		['title', 'additional', (rng) => text(rng, 110)],
		['playlists', 'additional', (rng) => (rng.chance(0.5) ? undefined : rng.chance(0.5) ? PLAYLISTS.slice(0, rng.int(4)).join(',') : idList(rng))],
		['position', 'additional', (rng) => (rng.chance(0.5) ? undefined : num(rng))],
		['style', 'additional', (rng) => (rng.chance(0.5) ? undefined : options(rng, ['horizontalRow', 'verticalList']))],
		['defaultLanguage', 'additional', (rng) => text(rng, 8)],
	]),
];

const TOKENS_ANY = Object.values(ID);
const includeTokens: [string, Placement, Generator] = ['includeAccessTokens', 'option', (rng) => (rng.chance(0.8) ? rng.chance(0.5) : bool(rng))];
const listFields: FuzzOperation['fields'] = [
	['limit', 'top', (rng) => (rng.chance(0.7) ? 1 + rng.int(30) : rng.pick<unknown>([0, -5, 2.7, '3', 'x', null, {}, [], 1e-9, '', 501, 'Infinity']))],
	includeTokens,
	['orderDirection', 'option', (rng) => (rng.chance(0.3) ? undefined : options(rng, ['asc', 'desc']))],
];

const READS: FuzzOperation[] = [
	{
		resource: 'identity',
		operation: 'get',
		method: 'GET',
		path: new RegExp(`^/identities/${TOKEN}\\.json$`),
		fields: [['identity', 'locator', (rng) => token(rng, TOKENS_ANY, ALL_TOKENS)], includeTokens],
	},
	{ resource: 'identity', operation: 'getAll', method: 'GET', path: /^\/identities\.json$/, fields: listFields, fixed: { returnAll: false }, list: true },
	{
		resource: 'identity',
		operation: 'relink',
		method: 'PUT',
		path: new RegExp(`^/identities/${TOKEN}/link\\.json$`),
		fields: [
			['identity', 'locator', (rng) => token(rng, TOKENS_ANY, ALL_TOKENS)],
			['user', 'locator', (rng) => token(rng, [FIXTURES.users.primary, FIXTURES.users.secondary], ALL_TOKENS)],
			includeTokens,
		],
	},
	{
		resource: 'identity',
		operation: 'synchronize',
		method: 'PUT',
		path: new RegExp(`^/identities/${TOKEN}/synchronize\\.json$`),
		fields: [
			['identity', 'locator', (rng) => token(rng, TOKENS_ANY, ALL_TOKENS)],
			['updateUserData', 'top', bool],
			['forceTokenUpdate', 'top', bool],
			includeTokens,
		],
	},
	{
		resource: 'user',
		operation: 'get',
		method: 'GET',
		path: new RegExp(`^/users/${TOKEN}\\.json$`),
		fields: [['user', 'locator', (rng) => token(rng, [FIXTURES.users.primary, FIXTURES.users.secondary], ALL_TOKENS)], includeTokens],
	},
	{ resource: 'user', operation: 'getAll', method: 'GET', path: /^\/users\.json$/, fields: listFields, fixed: { returnAll: false }, list: true },
	{
		resource: 'connection',
		operation: 'get',
		method: 'GET',
		path: new RegExp(`^/connections/${TOKEN}\\.json$`),
		fields: [['connection', 'top', (rng) => token(rng, [FIXTURES.connection], ALL_TOKENS)], includeTokens],
	},
	{ resource: 'connection', operation: 'getAll', method: 'GET', path: /^\/connections\.json$/, fields: listFields, fixed: { returnAll: false }, list: true },
];

// Custom API Call: "Method" is literal per run (n8n drops "Body" when the method is an expression: it is
// only displayed for POST/PUT). Any path of [A-Za-z0-9_.~-] segments (not "." or "..") is documented.
const CUSTOM_PATH = /^(?:\/(?!\.{1,2}(?:\/|$))[A-Za-z0-9_.~-]+)+$/;
const CUSTOM: FuzzOperation[] = (['GET', 'POST', 'PUT', 'DELETE'] as const).map((method) => ({
	resource: 'customApiCall',
	operation: 'call',
	method,
	path: CUSTOM_PATH,
	fixed: { method },
	fields: [
		['path', 'top', customPath],
		...(method === 'POST' || method === 'PUT' ? [['body', 'top', jsonObjectText] as [string, Placement, Generator]] : []),
		['queryName', 'top', (rng) => (rng.chance(0.4) ? rng.pick(['page', 'entries_per_page', 'x']) : anyNasty(rng))],
		['queryValue', 'top', (rng) => (rng.chance(0.4) ? String(rng.int(5)) : anyNasty(rng))],
		['fullResponse', 'option', (rng) => (rng.chance(0.8) ? rng.chance(0.5) : bool(rng))],
		includeTokens,
	],
}));

const OPERATIONS = [...PUSHES, ...READS, ...CUSTOM];

// ---------------------------------------------------------------------------------------- oracle

/**
 * Every message the node's own input checks produce (helpers/*, transport/path.ts, push specs, Custom API
 * Call), as patterns: labels and wording of the cross-field checks may change, the shapes stay.
 */
const VALIDATION_MESSAGES = [
	/^(Identity|User|Connection) token is empty$/,
	/^(Identity|User|Connection) token ".*" is not a valid OneAll token: tokens look like [\w-]+$/s,
	/^(Board|Playlist) ID is empty$/,
	/^((Identity|User|Connection) token|(Board|Playlist) ID) must be text, got (a list|object|boolean)$/,
	// Numbers where an id goes (22 #11): only exact whole numbers are ids.
	/^.+ (-?[\d.e+]+|NaN|-?Infinity) is not an id: ids are whole numbers or text$/,
	/^.+ [\d.e+]+ is a number too large to be exact: it was rounded before the node got it, so it would name another object$/,
	/^(Board|Playlist) ID ".*" is not a valid id: give the id itself \(letters, digits, - and _\), not a name or URL$/s,
	/^"[^"]+" is required$/,
	/^"[^"]+" must be text, got (a list|object|undefined|bigint|symbol|function)$/,
	/^"[^"]+" contains an invalid id ".*"$/s,
	/^"[^"]+" has \d+ ids; at most \d+ are allowed$/,
	/^"[^"]+" is too long: \d+ characters, the network allows \d+$/,
	/^"[^"]+" must be a fully qualified URL starting with https:\/\/ or http:\/\/$/,
	/^"[^"]+" must be true or false$/,
	/^"[^"]+" must be a number$/,
	/^"[^"]+" must be one of: .+$/,
	/^"[^"]+" must be an id without spaces$/,
	/^"(Extra Body Fields|Body) \(JSON\)" is not valid JSON$/,
	/^"(Extra Body Fields|Body) \(JSON\)" must be a JSON object, e\.g\. \{"key": "value"\}$/,
	/^"(Extra Body Fields|Body) \(JSON\)" holds the number \S+, which JSON cannot carry exactly: it would be sent as \S+$/,
	/^"(Extra Body Fields|Body) \(JSON\)" may not use the key ".*"$/s,
	/^"Body \(JSON\)" with a "request" root must /,
	/^"Path" must start with \/, e\.g\. \/[\w.]+$/,
	/^"Path" has an invalid part ".*"$/s,
	/^"Method" must be one of GET, POST, PUT, DELETE$/,
	/^"Query Parameters": each Name and Value must be text$/,
	/^"(Limit|Position)" must be a whole number of at least [01]$/,
	/^"Order" must be asc or desc$/,
	/^"(Additional Fields|Options)" must be a collection of fields$/,
	// Cross-field checks of the push specs.
	/^Enter (a|an) [^:]+: (a|an) [^:]+ needs at least one of them$/,
	/^A Facebook page post takes either a Link or Attachment Picture IDs, not both$/,
];

/** Defects the fuzz may tolerate while they are open (none now); each gets its own test below when found. */
const KNOWN_DEFECTS: Array<{ name: string; message: RegExp; applies: (op: FuzzOperation, json: IDataObject) => boolean }> = [];
const defectsSeen = new Map<string, number>();

/** Statuses Node's HTTP server (in front of the emulator, as a real front end would) answers itself. */
const OVERSIZED_REQUEST = new Set(['414', '431']);

/** The parameters of one run: each fuzzed field reads `$json.<field>` of its item. */
function parametersFor(op: FuzzOperation): IDataObject {
	const parameters: IDataObject = { resource: op.resource, operation: op.operation, ...op.fixed };
	const additionalFields: IDataObject = {};
	const options: IDataObject = { concurrency: 20 };
	for (const [name, placement] of op.fields) {
		const expression = `={{ $json.${name} }}`;
		if (name === 'queryName' || name === 'queryValue') continue;
		if (placement === 'locator') parameters[name] = { __rl: true, mode: 'id', value: expression };
		else if (placement === 'top') parameters[name] = expression;
		else if (placement === 'additional') additionalFields[name] = expression;
		else options[name] = expression;
	}
	if (op.resource === 'customApiCall') {
		parameters.queryParameters = { parameters: [{ name: '={{ $json.queryName }}', value: '={{ $json.queryValue }}' }] };
	}
	if (op.push) parameters.additionalFields = additionalFields;
	parameters.options = options;
	return parameters;
}

function itemsFor(op: FuzzOperation, rng: Prng, count: number): INodeExecutionData[] {
	return Array.from({ length: count }, () => {
		const json: IDataObject = {};
		for (const [name, , generate] of op.fields) {
			const value = generate(rng);
			if (value !== undefined) json[name] = value as IDataObject[string];
		}
		return { json };
	});
}

interface RunSummary {
	sets: number;
	succeeded: number;
	/** NodeOperationError from the node's own checks: nothing was sent. */
	refused: number;
	/** A OneAll 4xx answer (from the emulator's API logic, logged). */
	rejectedByOneAll: number;
	/** 414/431 from the HTTP server for an oversized URL (not logged by the emulator). */
	tooLarge: number;
}

const totals: RunSummary = { sets: 0, succeeded: 0, refused: 0, rejectedByOneAll: 0, tooLarge: 0 };

/** The request an error item's description names on its last line ("Request: POST /push/…"), as "POST /push/…". */
const requestLine = (description: unknown) =>
	(String(description ?? '').split('\n').find((line) => line.startsWith('Request: ')) ?? '').slice('Request: '.length);

async function fuzz(op: FuzzOperation, seed: number, count = ITEMS_PER_RUN): Promise<RunSummary> {
	const rng = prng(seed);
	const items = itemsFor(op, rng, count);
	const { items: output, error } = await runOneAll({
		credentials: emulatorCredentials(emulator),
		parameters: { ...parametersFor(op), __continueOnFail: true },
		items,
	});
	expect(error).toBeUndefined();

	const requests: RequestLogEntry[] = [...emulator.requests];
	// Every request reached the documented path with the operation's method, and was answered.
	const offPath = requests.filter((r) => r.method !== op.method || !op.path.test(r.path));
	expect(offPath.map((r) => `${r.method} ${r.path.slice(0, 200)}`)).toEqual([]);
	expect(requests.filter((r) => r.status === null || r.status >= 500).map((r) => `${r.status} ${r.error}`)).toEqual([]);

	const summary: RunSummary = { sets: count, succeeded: 0, refused: 0, rejectedByOneAll: 0, tooLarge: 0 };
	const byItem = new Map<number, INodeExecutionData[]>();
	for (const entry of output) {
		const index = (entry.pairedItem as { item: number }).item;
		byItem.set(index, [...(byItem.get(index) ?? []), entry]);
	}
	const problems: string[] = [];
	const describe = (i: number) => `item ${i} (${JSON.stringify(items[i].json).slice(0, 300)})`;
	for (let i = 0; i < count; i++) {
		const outputs = byItem.get(i) ?? [];
		const failed = outputs.find((entry) => typeof entry.json.error === 'string' && Object.keys(entry.json).length <= 3);
		if (!failed) {
			if (outputs.length === 0 && !op.list) problems.push(`${describe(i)}: no output`);
			summary.succeeded++;
			continue;
		}
		if (outputs.length !== 1) problems.push(`${describe(i)}: an error item and other outputs`);
		const { error: message, httpCode, description } = failed.json as { error: string; httpCode?: string; description?: string };
		if (httpCode === undefined) {
			// A NodeOperationError: must be one of the node's own input checks, raised before any request.
			summary.refused++;
			if (VALIDATION_MESSAGES.some((pattern) => pattern.test(message))) continue;
			const defect = KNOWN_DEFECTS.find((known) => known.message.test(message) && known.applies(op, items[i].json));
			if (defect) defectsSeen.set(defect.name, (defectsSeen.get(defect.name) ?? 0) + 1);
			else problems.push(`${describe(i)}: unexpected error "${message}"`);
			continue;
		}
		// A well-formed request on the documented path that the server refused.
		const line = requestLine(description);
		const [method, path] = [line.slice(0, line.indexOf(' ')), line.slice(line.indexOf(' ') + 1)];
		if (method !== op.method || !op.path.test(path)) problems.push(`${describe(i)}: refused request on "${line}"`);
		if (OVERSIZED_REQUEST.has(httpCode)) {
			if (!/^OneAll answered HTTP 4\d\d with an empty body$/.test(message)) problems.push(`${describe(i)}: "${message}"`);
			summary.tooLarge++;
		} else if (!/^4\d\d$/.test(httpCode)) {
			problems.push(`${describe(i)}: HTTP ${httpCode} "${message}"`);
		} else if (!/^OneAll error 4\d\d: /.test(message)) {
			problems.push(`${describe(i)}: 4xx without OneAll's text "${message}"`);
		} else {
			summary.rejectedByOneAll++;
		}
	}
	expect(problems.slice(0, 10)).toEqual([]);

	// One request per item that was not refused by the node (no faults, no retries); lists may page.
	const sent = summary.succeeded + summary.rejectedByOneAll;
	if (op.list) expect(requests.length).toBeGreaterThanOrEqual(sent);
	else expect(requests).toHaveLength(sent);
	if (op.push) {
		// Each published item's output is the result of one processed push.
		const results = new Set(emulator.pushes().map((p) => JSON.stringify(pushOutput(p))));
		const published = output.filter((entry) => !('error' in entry.json));
		expect(published).toHaveLength(results.size);
		for (const entry of published) expect(results.has(JSON.stringify(entry.json))).toBe(true);
	}
	for (const key of Object.keys(totals) as Array<keyof RunSummary>) totals[key] += summary[key];
	return summary;
}

// ---------------------------------------------------------------------------------------- tests

describe(`fuzzed parameters, seed ${FUZZ_SEED}`, () => {
	it.each(OPERATIONS.map((op, index) => [`${op.resource} → ${op.operation}${op.resource === 'customApiCall' ? ` ${op.method}` : ''}`, op, index] as const))(
		'%s',
		async (_name, op, index) => {
			const summary = await fuzz(op, FUZZ_SEED + index * 7919);
			// The generator reaches both sides: valid requests and refused input (list reads have nothing
			// to refuse: limit and order are coerced).
			if (!op.list) expect(summary.refused).toBeGreaterThan(0);
			expect(summary.succeeded + summary.rejectedByOneAll).toBeGreaterThan(0);
		},
		30000,
	);

	it('covers at least 10,000 parameter sets across all operations', () => {
		note(
			`fuzz: ${totals.sets} parameter sets over ${OPERATIONS.length} runs: ${totals.succeeded} succeeded, ` +
				`${totals.rejectedByOneAll} refused by OneAll (4xx), ${totals.tooLarge} URLs too large for the server (414/431), ` +
				`${totals.refused} refused by the node's checks; known defects hit: ` +
				(JSON.stringify(Object.fromEntries(defectsSeen)) || '{}'),
		);
		expect(totals.sets).toBeGreaterThanOrEqual(10_000);
		expect(new Set(OPERATIONS.map((op) => `${op.resource}.${op.operation}`)).size).toBe(29);
	});
});

describe('credentials that would send the keys elsewhere', () => {
	const pin = (): IDataObject => ({
		resource: 'pinterest',
		operation: 'publishPin',
		identity: { __rl: true, mode: 'id', value: ID.pinterest },
		board: { __rl: true, mode: 'id', value: FIXTURES.pinterest.boardId },
		title: 'Stadium',
		picture: 'https://www.oneall.com/logo.jpg',
	});

	// None of these is a valid subdomain, so nothing may go to the network at all.
	const badSubdomains = () => [
		'evil.com/',
		'evil.com',
		'x@evil.com',
		'demo@evil.com',
		'127.0.0.1:1',
		`127.0.0.1:${trap.port}`,
		`localhost:${trap.port}`,
		'demo.evil.com',
		'demo/../evil',
		'demo%2Eevil.com',
		'demo.api.oneall.com.evil.com',
		'https://demo.api.oneall.com@evil.com',
		'http://demo.api.oneall.com/',
		'demo#@evil.com',
		'demo?.evil.com',
		'demo\r\nHost: evil.com',
		'-demo',
		'démo',
		'',
		' ',
		'd'.repeat(64),
	];

	it('subdomains that are not a OneAll subdomain are refused before any request (no custom base URL)', async () => {
		for (const subdomain of badSubdomains()) {
			const { error } = await runOneAll({
				credentials: emulatorCredentials(emulator, { subdomain, useCustomBaseUrl: false }),
				parameters: pin(),
			});
			expect([subdomain, error?.name]).toEqual([subdomain, 'NodeOperationError']);
			expect(error?.message).toMatch(/is not a OneAll subdomain|subdomain is empty/);
		}
		expect(emulator.requests).toHaveLength(0);
	});

	it('with {subdomain} in a custom base URL, the same subdomains are refused; valid ones stay on the emulator', async () => {
		for (const subdomain of [...badSubdomains(), 'demo', 'other', 'nosuchsite']) {
			const { error } = await runOneAll({
				credentials: emulatorCredentials(emulator, { subdomain, apiBaseUrl: `${emulator.url}/sites/{subdomain}` }),
				parameters: pin(),
			});
			if (['demo', 'other', 'nosuchsite'].includes(subdomain)) {
				if (subdomain !== 'demo') expect(error?.httpCode).toMatch(/^40[14]$/);
			} else {
				expect([subdomain, error?.name]).toEqual([subdomain, 'NodeOperationError']);
			}
		}
		expect(emulator.requests.map((r) => r.site)).toEqual(['demo', 'other', 'nosuchsite']);
	});

	it('custom base URLs with user info, a query or a fragment are refused', async () => {
		for (const apiBaseUrl of [
			`http://x@127.0.0.1:${trap.port}`,
			`http://user:pass@127.0.0.1:${trap.port}/`,
			`${emulator.url}?next=http://127.0.0.1:${trap.port}`,
			`${emulator.url}#@127.0.0.1:${trap.port}`,
			`ftp://127.0.0.1:${trap.port}/`,
			`javascript:alert(1)`,
			'not a url',
		]) {
			const { error } = await runOneAll({ credentials: emulatorCredentials(emulator, { apiBaseUrl }), parameters: pin() });
			expect([apiBaseUrl, error?.name]).toEqual([apiBaseUrl, 'NodeOperationError']);
		}
		expect(emulator.requests).toHaveLength(0);
	});
});

describe('defects the fuzz found, now fixed', () => {
	const customCall = (json: IDataObject, parameters: IDataObject) =>
		runOneAll({
			credentials: emulatorCredentials(emulator),
			parameters: { resource: 'customApiCall', operation: 'call', path: '/tools/ping.json', ...parameters, __continueOnFail: true },
			items: [{ json }],
		});

	// call.operation.ts takes getNodeParameter('method') as is: from an expression any value is used.
	const badMethods: IDataObject[string][] = ['x', 'GET /x HTTP/1.1\r\nX-Injected: 1', 'TRACE', 5, null, { a: 1 }];

	it('a Method from an expression never injects a header or reaches another host', async () => {
		for (const method of badMethods) await customCall({ method }, { method: '={{ $json.method }}' });
		expect(emulator.requests.filter((r) => 'x-injected' in r.headers)).toEqual([]);
		expect(trap.hits).toEqual([]);
	});

	it('a Method from an expression other than GET, POST, PUT or DELETE is refused before sending', async () => {
		for (const method of badMethods) {
			const { items } = await customCall({ method }, { method: '={{ $json.method }}' });
			expect(items[0].json.httpCode).toBeUndefined();
			expect(items[0].json.error).toMatch(/"Method"/);
		}
		expect(emulator.requests).toHaveLength(0);
	});

	it('a query parameter name that is not text gives a clear error instead of a TypeError', async () => {
		const { items } = await customCall(
			{ name: { toString: 'x' } },
			{ method: 'GET', queryParameters: { parameters: [{ name: '={{ $json.name }}', value: '1' }] } },
		);
		expect(items[0].json.error).toMatch(/"Query Parameters"|Name/);
	});
});
