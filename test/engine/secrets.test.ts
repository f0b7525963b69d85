/**
 * Secrets: the site's private key must never show up anywhere the node's user (or the next node, or
 * n8n's logs) can see it: error messages and descriptions, error items, output items, the whole run data,
 * console / stdout / stderr and n8n's logger; also not as base64 of "public:private" (the Basic auth
 * header). And provider access tokens (the emulator's FAKE-ACCESS-TOKEN marker) leave the node only when
 * "Include Access Tokens" is on.
 *
 * Everything is gathered from small versions of the fault and fuzz runs (faults.test.ts, fuzz.test.ts).
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import {
	ACCESS_TOKEN_MARKER,
	DEFAULT_SITE,
	FIXTURES,
	OTHER_SITE,
	startEmulator,
	type Emulator,
	type FaultSpec,
} from '../emulator/index.cjs';
import {
	captureOutput,
	deepText,
	freePort,
	prng,
	recordSleeps,
	startEchoServer,
	type Capture,
	type SleepRecorder,
} from '../helpers/collect.cjs';
import { runOneAll, testCredential, type OneAllCredentials } from '../helpers/harness.cjs';
import { byId, emulatorCredentials, publishPin } from '../helpers/params';

const ID = FIXTURES.identities;
/** A wrong key is a secret too: OneAll refusing it must not echo it. */
const WRONG_KEY = ['not', 'the', 'key', '7f3a9c51e2d84b06a1c3'].join('-');

const base64 = (text: string) => Buffer.from(text).toString('base64');
const base64url = (text: string) => Buffer.from(text).toString('base64url');

/** Every form in which a private key could leak, by name. */
function secretForms(site: string, publicKey: string, privateKey: string): Record<string, string> {
	return {
		[`${site}: private key`]: privateKey,
		[`${site}: base64(public:private)`]: base64(`${publicKey}:${privateKey}`),
		[`${site}: base64url(public:private)`]: base64url(`${publicKey}:${privateKey}`),
		[`${site}: base64(private)`]: base64(privateKey),
		[`${site}: URL-encoded private key`]: encodeURIComponent(privateKey),
	};
}
const SECRETS: Record<string, string> = {
	...secretForms('demo site', DEFAULT_SITE.publicKey, DEFAULT_SITE.privateKey),
	...secretForms('other site', OTHER_SITE.publicKey, OTHER_SITE.privateKey),
	...secretForms('wrong key', DEFAULT_SITE.publicKey, WRONG_KEY),
};

/** Names of the secrets found in `text`. */
const leaks = (text: string) => Object.entries(SECRETS).filter(([, secret]) => text.includes(secret)).map(([name]) => name);

let emulator: Emulator;
beforeAll(async () => {
	emulator = await startEmulator();
});
afterAll(async () => await emulator.close());

// Everything a test produces is gathered here, then searched.
let gathered: string[];
let capture: Capture;
let clock: SleepRecorder;
beforeEach(() => {
	emulator.reset();
	gathered = [];
	clock = recordSleeps({ skip: true }); // back-off is recorded, not waited for
	capture = captureOutput();
});
afterEach(() => {
	capture.stop();
	clock.restore();
});

type Run = Awaited<ReturnType<typeof runOneAll>>;

/** Runs the node and keeps everything it produced: the whole run data, the error, the output items. */
async function gather(
	parameters: IDataObject,
	{ items, credentials }: { items?: INodeExecutionData[]; credentials?: OneAllCredentials } = {},
): Promise<Run> {
	const result = await runOneAll({ credentials: credentials ?? emulatorCredentials(emulator), parameters, items });
	gathered.push(deepText(result.run), deepText(result.error), JSON.stringify(result.items));
	return result;
}

/** Stops capturing and searches everything gathered, the captured lines and the emulator's request log. */
function expectNoSecret({ logLines = true } = {}) {
	const lines = capture.stop();
	if (logLines) expect(lines.length).toBeGreaterThan(0); // the capture is live: n8n logs every node run
	expect(gathered.length).toBeGreaterThan(0);
	expect(leaks(gathered.join('\n'))).toEqual([]);
	expect(leaks(lines.join('\n'))).toEqual([]);
	// The emulator replaces a private key it receives anywhere by "[redacted]" and logs authorization as
	// "[redacted]": a "[redacted]" anywhere else means the node put a key into a URL, body or header.
	for (const request of emulator.requests) {
		const { authorization, ...headers } = request.headers;
		expect(authorization === undefined || authorization === '[redacted]').toBe(true);
		expect(JSON.stringify([request.path, request.query, request.rawBody, headers])).not.toContain('[redacted]');
		expect(request.authUser).toBe(DEFAULT_SITE.publicKey);
	}
}

const identityGet = (options: IDataObject = {}): IDataObject => ({
	resource: 'identity',
	operation: 'get',
	identity: byId(ID.twitter),
	options,
});

// ------------------------------------------------------------------------------------------ private key

describe('the private key never leaves the credential', () => {
	const FAULTS: FaultSpec[] = [
		{ type: 'status', status: 400, info: 'The picture could not be downloaded' },
		{ type: 'status', status: 401 },
		{ type: 'status', status: 403 },
		{ type: 'status', status: 404 },
		{ type: 'status', status: 500 },
		{ type: 'status', status: 503 },
		{ type: 'rateLimit', times: -1 },
		{ type: 'timeout', delayMs: 20 },
		{ type: 'reset' },
		{ type: 'html' },
		{ type: 'html', status: 200 },
		{ type: 'malformed' },
		{ type: 'empty' },
		{ type: 'errorIn200', status: 403 },
		{ type: 'afterProcessing', then: 'reset' },
		{ type: 'afterProcessing', status: 502 },
	];

	it('in the fault runs (push and read, stopping and continueOnFail)', async () => {
		for (const fault of FAULTS) {
			for (const [parameters, path] of [
				[publishPin(), '/push/'],
				[identityGet(), '/identities/'],
				[{ resource: 'customApiCall', operation: 'call', method: 'GET', path: `/identities/${ID.twitter}.json` }, '/identities/'],
			] as const) {
				emulator.addFault({ ...fault, path });
				await gather({ ...parameters });
				emulator.addFault({ ...fault, path });
				await gather({ ...parameters, __continueOnFail: true }, { items: [{ json: {} }, { json: {} }] });
				emulator.reset();
			}
		}
		expectNoSecret();
	});

	it('when OneAll refuses a wrong key, and in the credential test', async () => {
		const wrong = emulatorCredentials(emulator, { privateKey: WRONG_KEY });
		const { error } = await gather(publishPin(), { credentials: wrong });
		expect(error?.httpCode).toBe('401');
		await gather({ ...identityGet(), __continueOnFail: true }, { credentials: wrong });
		for (const credentials of [
			emulatorCredentials(emulator),
			wrong,
			emulatorCredentials(emulator, { subdomain: 'no-such-site', apiBaseUrl: `${emulator.url}/sites/{subdomain}` }),
			emulatorCredentials(emulator, { subdomain: 'evil.com/', useCustomBaseUrl: false }),
		]) {
			gathered.push(JSON.stringify(await testCredential(credentials)));
		}
		// Refused before sending: the key is not in the messages that name the credential's fields.
		await gather(publishPin(), { credentials: emulatorCredentials(emulator, { apiBaseUrl: 'http://user:pass@127.0.0.1:1' }) });
		await gather(publishPin(), { credentials: emulatorCredentials(emulator, { subdomain: 'a@b', useCustomBaseUrl: false }) });
		expectNoSecret();
	});

	it('when the connection is refused (all attempts)', async () => {
		const port = await freePort();
		const refused = emulatorCredentials(emulator, { apiBaseUrl: `http://127.0.0.1:${port}` });
		const { error } = await gather(publishPin(), { credentials: refused });
		expect(error?.httpCode).toBe('ECONNREFUSED');
		await gather({ ...identityGet(), __continueOnFail: true }, { credentials: refused });
		expectNoSecret();
	});

	it('in small fuzz runs (mixed valid and invalid values, continueOnFail)', async () => {
		const rng = prng(4242);
		const values: unknown[] = [
			'',
			'../x',
			'%2F',
			'a/b?c#d',
			'x'.repeat(5000),
			'😀',
			null,
			12,
			{ a: 1 },
			['a'],
			'{"a": 1}',
			'https://www.oneall.com/logo.jpg',
			'ftp://x',
			ID.twitter,
			ID.pinterest,
			FIXTURES.unknownIdentity,
			FIXTURES.pinterest.boardId,
		];
		// Each key: its valid value 3 times out of 5 (so many requests are sent), else anything.
		const VALID: IDataObject = {
			identity: ID.pinterest,
			board: FIXTURES.pinterest.boardId,
			title: 'Stadium',
			picture: 'https://www.oneall.com/logo.jpg',
			message: 'Hello',
			path: `/identities/${ID.twitter}.json`,
			body: '{"a": 1}',
		};
		const pick = (key: string) =>
			rng.chance(0.6) ? VALID[key] : rng.chance(0.3) ? undefined : (rng.pick(values) as IDataObject[string]);
		const items = (count: number, keys: string[]) =>
			Array.from({ length: count }, () => ({ json: Object.fromEntries(keys.map((key) => [key, pick(key)])) as IDataObject }));
		const fromItem = (key: string) => `={{ $json.${key} }}`;
		await gather(
			{
				...publishPin({
					identity: byId(fromItem('identity')),
					board: byId(fromItem('board')),
					title: fromItem('title'),
					picture: fromItem('picture'),
					options: { extraBodyFields: fromItem('extra'), concurrency: 10 },
				}),
				__continueOnFail: true,
			},
			{ items: items(60, ['identity', 'board', 'title', 'picture', 'extra']) },
		);
		await gather(
			{
				resource: 'twitter',
				operation: 'publishTweet',
				identity: byId(fromItem('identity')),
				message: fromItem('message'),
				additionalFields: { attachments: fromItem('attachments'), location: fromItem('location') },
				__continueOnFail: true,
			},
			{ items: items(60, ['identity', 'message', 'attachments', 'location']) },
		);
		await gather(
			{ ...identityGet({ includeAccessTokens: fromItem('tokens') }), identity: byId(fromItem('identity')), __continueOnFail: true },
			{ items: items(60, ['identity', 'tokens']).map(({ json }) => ({ json: { ...json, identity: json.identity === ID.pinterest ? ID.twitter : json.identity } })) },
		);
		await gather(
			{
				resource: 'customApiCall',
				operation: 'call',
				method: 'POST',
				path: fromItem('path'),
				body: fromItem('body'),
				queryParameters: { parameters: [{ name: 'q', value: fromItem('value') }] },
				__continueOnFail: true,
			},
			{ items: items(60, ['path', 'body', 'value']) },
		);
		expect(emulator.requests.length).toBeGreaterThan(20);
		expectNoSecret();
	});

	/** Runs a push against a front end that echoes the request (Authorization first) in a 502 page. */
	async function throughEchoingProxy() {
		const echo = await startEchoServer({ status: 502 });
		try {
			const credentials = emulatorCredentials(emulator, { apiBaseUrl: echo.url });
			const stopped = await gather(publishPin(), { credentials });
			await gather({ ...publishPin(), __continueOnFail: true }, { credentials });
			return stopped;
		} finally {
			await echo.close();
		}
	}

	it('(the detector finds every form, and the echoing proxy reaches the error description)', async () => {
		const basic = `Basic ${base64(`${DEFAULT_SITE.publicKey}:${DEFAULT_SITE.privateKey}`)}`;
		expect(leaks(`x ${basic} y`)).toContain('demo site: base64(public:private)');
		expect(leaks(`"${DEFAULT_SITE.privateKey}"`)).toContain('demo site: private key');
		expect(leaks(base64(WRONG_KEY))).toEqual(['wrong key: base64(private)']);
		const { error } = await throughEchoingProxy();
		expect(error?.message).toBe('OneAll answered HTTP 502 with a body that is not a OneAll response');
		expect(error?.description).toMatch(/Body: <html><body><h1>502<\/h1>authorization: Basic \[redacted\]/);
	});

	// A gateway or debug proxy that echoes the request would put "Authorization: Basic …" into the body
	// snippet the error shows.
	it('not even when a proxy in front of OneAll echoes the request headers into an error page', async () => {
		await throughEchoingProxy();
		expect(leaks(gathered.join('\n'))).toEqual([]);
	});
});

// ------------------------------------------------------------------------------------------ access tokens

describe('provider access tokens leave the node only with "Include Access Tokens"', () => {
	const marker = ACCESS_TOKEN_MARKER;

	const getMany = (resource: string) => ({ resource, operation: 'getAll', returnAll: false, limit: 30 });
	const custom = (path: string, extra: IDataObject = {}) => ({ resource: 'customApiCall', operation: 'call', method: 'GET', path, ...extra });
	const READS: Array<[string, IDataObject, string]> = [
		['Identity → Get', identityGet(), `/identities/${ID.twitter}.json`],
		['Identity → Get Many', getMany('identity'), '/identities.json'],
		[
			'Identity → Synchronize',
			{ resource: 'identity', operation: 'synchronize', identity: byId(ID.facebook), forceTokenUpdate: true },
			`/identities/${ID.facebook}.json`,
		],
		[
			'Identity → Relink to User',
			{ resource: 'identity', operation: 'relink', identity: byId(ID.twitter), user: byId(FIXTURES.users.primary) },
			`/users/${FIXTURES.users.primary}.json`,
		],
		['User → Get', { resource: 'user', operation: 'get', user: byId(FIXTURES.users.primary) }, `/users/${FIXTURES.users.primary}.json`],
		['User → Get Many', getMany('user'), '/users.json'],
		['Connection → Get', { resource: 'connection', operation: 'get', connection: FIXTURES.connection }, `/connections/${FIXTURES.connection}.json`],
		['Connection → Get Many', getMany('connection'), '/connections.json'],
		['Custom API Call (identity)', custom(`/identities/${ID.twitter}.json`), `/identities/${ID.twitter}.json`],
		['Custom API Call (connection, full response)', custom(`/connections/${FIXTURES.connection}.json`, { options: { fullResponse: true } }), `/connections/${FIXTURES.connection}.json`],
	];

	/** What OneAll (the emulator) itself sends on `path`: the Custom API Call with tokens kept, whole response. */
	async function rawAnswer(path: string): Promise<string> {
		const { items, error } = await runOneAll({
			credentials: emulatorCredentials(emulator),
			parameters: custom(path, { options: { fullResponse: true, includeAccessTokens: true } }),
		});
		expect(error).toBeUndefined();
		return JSON.stringify(items);
	}

	it('the emulator sends tokens for single identities and connections (so the checks below bite)', async () => {
		expect(await rawAnswer(`/identities/${ID.twitter}.json`)).toContain(marker);
		expect(await rawAnswer(`/connections/${FIXTURES.connection}.json`)).toContain(marker);
		capture.stop();
	});

	it.each(READS)('%s', async (_name, parameters, rawPath) => {
		const sent = (await rawAnswer(rawPath)).includes(marker);
		emulator.reset();

		const hidden = await gather({ ...parameters, options: { ...(parameters.options as IDataObject) } });
		expect(hidden.error).toBeUndefined();
		expect(hidden.items.length).toBeGreaterThan(0);
		expect(JSON.stringify(hidden.items)).not.toContain(marker);
		expect(deepText(hidden.run)).not.toContain(marker);
		if (sent) expect(JSON.stringify(hidden.items)).toContain('[redacted]');

		const shown = await runOneAll({
			credentials: emulatorCredentials(emulator),
			parameters: { ...parameters, options: { ...(parameters.options as IDataObject), includeAccessTokens: true } },
		});
		expect(shown.error).toBeUndefined();
		// Present exactly when OneAll sent them (lists and users carry none in the emulator).
		expect(JSON.stringify(shown.items).includes(marker)).toBe(sent);

		const lines = capture.stop();
		expect(lines.join('\n')).not.toContain(marker);
		expectNoSecret();
	});

	it('error items of account reads carry no tokens either (continueOnFail, 3 items, item 1 unknown)', async () => {
		const { items } = await gather(
			{ resource: 'identity', operation: 'get', identity: byId('={{ $json.token }}'), __continueOnFail: true },
			{ items: [ID.twitter, FIXTURES.unknownIdentity, ID.facebook].map((token) => ({ json: { token } })) },
		);
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(items[1].json.httpCode).toBe('404');
		expect(JSON.stringify(items)).not.toContain(marker);
		expectNoSecret();
	});
});
