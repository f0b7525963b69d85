/**
 * The holes an outside review found (issue 10, items 1–6 and 8), each run through n8n-core's engine
 * against the emulator: redirects are never followed (the keys stay on the credential's host), the key
 * is masked in OneAll-shaped answers too, Timeout is a deadline for the whole answer, a long Retry-After
 * fails at once for every remaining item, a success without a result is not a published post, secrets
 * are redacted by key name, and a reset push is not called safe to retry.
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { DEFAULT_SITE, FIXTURES, startEmulator, type Emulator, type FaultSpec } from '../emulator/index.cjs';
import { deepText, recordSleeps, startRecorder, type Recorder, type SleepRecorder } from '../helpers/collect.cjs';
import { runOneAll } from '../helpers/harness.cjs';
import { byId, emulatorCredentials, publishPin } from '../helpers/params';

let emulator: Emulator;
let recorder: Recorder;
beforeAll(async () => {
	emulator = await startEmulator();
	recorder = await startRecorder();
});
afterAll(async () => {
	await emulator.close();
	await recorder.close();
});
beforeEach(() => {
	emulator.reset();
	recorder.requests.length = 0;
});

let clock: SleepRecorder | undefined;
afterEach(() => {
	clock?.restore();
	clock = undefined;
});
const virtualBackOff = () => (clock = recordSleeps({ skip: true }));

const ID = FIXTURES.identities;
const BOARDS = FIXTURES.pinterest.boardIds;
const IDENTITY_PATH = `/identities/${ID.pinterest}.json`;
const MAY_HAVE_LANDED = /may already have been executed by OneAll \(a post may be live\), so it was not sent again/;

const SECRETS: Record<string, string> = {
	'private key': DEFAULT_SITE.privateKey,
	'base64(public:private)': Buffer.from(`${DEFAULT_SITE.publicKey}:${DEFAULT_SITE.privateKey}`).toString('base64'),
};
const leaks = (text: string) => Object.entries(SECRETS).filter(([, secret]) => text.includes(secret)).map(([name]) => name);

const identityGet = (options: IDataObject = {}): IDataObject => ({
	resource: 'identity',
	operation: 'get',
	identity: byId(ID.pinterest),
	options,
});
const customGet = (options: IDataObject = {}): IDataObject => ({
	resource: 'customApiCall',
	operation: 'call',
	method: 'GET',
	path: IDENTITY_PATH,
	options,
});

const run = (parameters: IDataObject, items?: INodeExecutionData[]) =>
	runOneAll({ credentials: emulatorCredentials(emulator), parameters, items });

/** Everything a run produced, as text: run data, error, output items. */
const everything = (result: Awaited<ReturnType<typeof run>>) =>
	[deepText(result.run), deepText(result.error), JSON.stringify(result.items)].join('\n');

// ------------------------------------------------------------------------------------- 1. redirects

describe('1. a redirect is never followed', () => {
	const target = () => `${recorder.url.replace('http://', 'http://someone:hunter2@')}/landing/page?api_key=SECRET-IN-QUERY#frag`;

	it.each([301, 302, 303, 307, 308])('push answered %i: nothing reaches the other host, the error names status and target', async (status) => {
		emulator.addFault({ type: 'redirect', status, location: target(), path: '/push/' });
		const { error, items } = await run(publishPin());
		expect(recorder.requests).toEqual([]); // no request at all, so no Authorization header either
		expect(items).toHaveLength(0);
		expect(emulator.requests).toHaveLength(1);
		expect(error?.name).toBe('NodeApiError');
		expect(error?.httpCode).toBe(String(status));
		expect(error?.context?.itemIndex).toBe(0);
		expect(error?.message).toBe(`OneAll answered HTTP ${status} (redirect to ${recorder.url}/landing/page)`);
		expect(error?.description).toMatch(/was not followed/);
		const shown = `${error?.message}\n${error?.description}`;
		expect(shown).not.toMatch(/hunter2|someone|SECRET-IN-QUERY|frag/);
	});

	it('a read answered 302: not followed either, and not retried', async () => {
		virtualBackOff();
		emulator.addFault({ type: 'redirect', status: 302, location: `${recorder.url}/identities.json`, path: '/identities/' });
		const { error } = await run(identityGet());
		expect(recorder.requests).toEqual([]);
		expect(emulator.requests).toHaveLength(1);
		expect(error?.httpCode).toBe('302');
	});

	it('a relative Location is shown as a path; with Continue On Fail the item is an error, never a pin', async () => {
		emulator.addFault({ type: 'redirect', status: 307, location: '/elsewhere/pin.json?token=abc', path: '/push/' });
		const { error, items } = await run({ ...publishPin(), __continueOnFail: true });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
		expect(items[0].json.error).toBe('OneAll answered HTTP 307 (redirect to /elsewhere/pin.json)');
		expect(items[0].json.pin_id).toBeUndefined();
		expect(emulator.pushes()).toHaveLength(0);
	});
});

// ------------------------------------------------------------------------------- 2. masking

describe('2. the key is masked in OneAll-shaped answers', () => {
	const echo = (status: number, path: string): FaultSpec => ({ type: 'echoAuth', status, path });

	it('error envelope echoing the Authorization header and the key (push, 401): message and description masked', async () => {
		emulator.addFault(echo(401, '/push/'));
		const result = await run(publishPin());
		expect(result.error?.httpCode).toBe('401');
		expect(result.error?.message).toMatch(/^OneAll error 401: Rejected header "Authorization: Basic \[redacted\]" \(private key \[redacted\]\)$/);
		expect(leaks(everything(result))).toEqual([]);
	});

	it('error envelope echoing the key, Continue On Fail: the error item is masked', async () => {
		emulator.addFault(echo(403, '/push/'));
		const result = await run({ ...publishPin(), __continueOnFail: true });
		expect(result.items[0].json.error).toMatch(/\[redacted\]/);
		expect(leaks(everything(result))).toEqual([]);
	});

	it.each<[string, () => IDataObject, string]>([
		['push (200, result.data echoes)', () => publishPin(), '/push/'],
		['Identity → Get (200)', () => identityGet(), '/identities/'],
		['Custom API Call, full response (200)', () => customGet({ fullResponse: true }), '/identities/'],
	])('%s: the output is masked, the rest of the answer kept', async (_name, parameters, path) => {
		emulator.addFault(echo(200, path));
		const result = await run(parameters());
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(1);
		const output = JSON.stringify(result.items[0].json);
		expect(output).toContain('Basic [redacted]');
		expect(output).toContain('key=[redacted]');
		expect(leaks(everything(result))).toEqual([]);
	});

	it('a post text that merely says "Basic" or "Bearer" is left as is', async () => {
		emulator.addFault({
			type: 'body',
			path: '/identities/',
			body: { response: { request: { status: { flag: 'success', code: 200 } }, result: { data: { note: 'Basic training for the Bearer of news' } } } },
		});
		const { items } = await run(customGet());
		expect(items[0].json.note).toBe('Basic training for the Bearer of news');
	});
});

// ------------------------------------------------------------------------------- 3. timeout

describe('3. Timeout is a deadline for the whole answer', () => {
	it('a push answered one byte a second is cut at Timeout (2 s), not sent again, and said to be maybe live', async () => {
		emulator.addFault({ type: 'drip', delayMs: 1000, path: '/push/' });
		const started = Date.now();
		const { error, items } = await run(publishPin({ options: { timeout: 2 } }));
		const elapsed = Date.now() - started;
		expect(elapsed).toBeGreaterThanOrEqual(1900);
		expect(elapsed).toBeLessThan(5000);
		expect(items).toHaveLength(0);
		expect(emulator.requests).toHaveLength(1);
		expect(error?.name).toBe('NodeApiError');
		expect(error?.message).toBe('OneAll did not answer in time');
		expect(error?.httpCode).toBe('ETIMEDOUT');
		expect(error?.description).toMatch(/No complete answer within 2 s/);
		expect(error?.description).toMatch(MAY_HAVE_LANDED);
		// The request was aborted, not just abandoned: the emulator saw the connection close.
		await sleep(300);
		expect(emulator.requests[0].status).toBe(200); // set by the drip when its connection closes
	}, 20_000);

	it('a Timeout beyond what timers hold (3,000,000 s) is bounded, not an instant "may be live" failure', async () => {
		emulator.addFault({ type: 'slow', delayMs: 300, path: '/push/' });
		const { error, items } = await run(publishPin({ options: { timeout: 3_000_000 } }));
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
		expect(emulator.pushes()).toHaveLength(1);
	});
});

// ------------------------------------------------------------------------------- 4. Retry-After

describe('4. a Retry-After longer than the node waits fails at once', () => {
	const pinItems = BOARDS.slice(0, 3).map((board, i) => ({ json: { board, title: `Pin ${i}` } }));
	const perItem = (options: IDataObject) => ({
		...publishPin({ board: byId('={{ $json.board }}'), title: '={{ $json.title }}', options }),
		__continueOnFail: true,
	});

	it('push, Retry-After: 3600: one request, no waiting, OneAll\'s hour in the message', async () => {
		virtualBackOff();
		emulator.addFault({ type: 'rateLimit', retryAfter: 3600, path: '/push/', times: -1 });
		const { error } = await run(publishPin());
		expect(emulator.requests).toHaveLength(1);
		expect(clock!.delays).toEqual([]);
		expect(error?.httpCode).toBe('429');
		expect(error?.message).toMatch(/asked to wait 3600 s \(Retry-After\)/);
		expect(error?.description).not.toMatch(/retrying for up to 60 s/); // it did not retry at all
	});

	it('Retry-After as an HTTP date two hours ahead: the same', async () => {
		virtualBackOff();
		emulator.addFault({ type: 'rateLimit', retryAfter: new Date(Date.now() + 7_200_000).toUTCString(), path: '/identities/', times: -1 });
		const { error } = await run(identityGet());
		expect(emulator.requests).toHaveLength(1);
		expect(error?.message).toMatch(/asked to wait 7[12]\d\d s/);
	});

	it('Continue On Fail, Concurrency 1: every item gets that error item and nothing more is sent', async () => {
		virtualBackOff();
		emulator.addFault({ type: 'rateLimit', retryAfter: 3600, path: '/push/', times: -1 });
		const { error, items } = await run(perItem({ concurrency: 1 }), pinItems);
		expect(error).toBeUndefined();
		expect(emulator.requests).toHaveLength(1);
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		for (const item of items) {
			expect(item.json.error).toMatch(/asked to wait 3600 s/);
			expect(item.json.httpCode).toBe('429');
		}
		expect(clock!.delays).toEqual([]);
	});

	it('Continue On Fail, default concurrency, 12 items: at most the first wave is sent, all 12 are error items', async () => {
		virtualBackOff();
		emulator.addFault({ type: 'rateLimit', retryAfter: 3600, path: '/push/', times: -1 });
		const many = Array.from({ length: 12 }, (_, i) => ({ json: { board: BOARDS[i % BOARDS.length], title: `Pin ${i}` } }));
		const { items } = await run(perItem({}), many);
		expect(emulator.requests.length).toBeLessThanOrEqual(5);
		expect(items).toHaveLength(12);
		expect(items.every((item) => /asked to wait 3600 s/.test(String(item.json.error)))).toBe(true);
	});

	it('Retry-After at the cap (60 s) is still waited for and the push re-sent', async () => {
		virtualBackOff();
		emulator.addFault({ type: 'rateLimit', retryAfter: 60, path: '/push/' });
		const { error, items } = await run(publishPin());
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
		expect(emulator.requests).toHaveLength(2);
	});
});

// ------------------------------------------------------------------------------- 5. no result

describe('5. a success without a result is not a published post', () => {
	const success = { flag: 'success', code: 200, info: 'Your request has been processed successfully' };
	const cases: Array<[string, unknown]> = [
		['{"response":{}}', { response: {} }],
		['no result', { response: { request: { status: success } } }],
		['result without data', { response: { request: { status: success }, result: {} } }],
		['result.data a list', { response: { request: { status: success }, result: { data: [] } } }],
		['result.data a string', { response: { request: { status: success }, result: { data: 'published' } } }],
	];

	it.each(cases)('push answered %s: an error that says it may or may not be live, sent once', async (_name, body) => {
		virtualBackOff();
		emulator.addFault({ type: 'body', body, path: '/push/' });
		const { error, items } = await run(publishPin());
		expect(items).toHaveLength(0);
		expect(emulator.requests).toHaveLength(1);
		expect(error?.name).toBe('NodeApiError');
		expect(error?.message).toBe('OneAll answered without a result: the post may or may not be live; it was not sent again');
		expect(error?.httpCode).toBe('200');
		expect(error?.context?.itemIndex).toBe(0);
	});

	it('a read answered {"response":{}}: an error, not {"status":{}}', async () => {
		emulator.addFault({ type: 'body', body: { response: {} }, path: '/identities/' });
		const { error } = await run(identityGet());
		expect(error?.message).toBe('OneAll answered without a status or result');
	});

	it('flag "error" without code or info is described as what it is, not as an empty body', async () => {
		emulator.addFault({ type: 'body', body: { response: { request: { status: { flag: 'error' } } } }, path: '/push/' });
		const { error } = await run(publishPin());
		expect(error?.message).toBe('OneAll reported an error without a message (HTTP 200)');
		expect(`${error?.message}\n${error?.description}`).not.toMatch(/empty body/);
		expect(error?.description).toMatch(MAY_HAVE_LANDED);
	});
});

// ------------------------------------------------------------------------------- 6. redaction

describe('6. secrets are redacted by key name, OneAll ids kept', () => {
	const secretValue = (name: string) => `SECRET-VALUE-${name}`;
	const SECRET_KEYS = ['access_token', 'id_token', 'refresh_token', 'accessToken', 'token_secret', 'client_secret', 'password', 'api_key', 'Client-Secret', 'ID_TOKEN'];
	const ID_KEYS = ['identity_token', 'user_token', 'connection_token', 'sharing_message_token'];
	const data = () => ({
		identity: {
			...Object.fromEntries(ID_KEYS.map((key) => [key, `${key}-kept`])),
			provider: 'google',
			force_token_update: false,
			source: { key: 'google', name: 'Google', access_token: { key: secretValue('source'), secret: secretValue('source-secret') } },
			...Object.fromEntries(SECRET_KEYS.map((key) => [key, secretValue(key)])),
			accounts: [{ deep: [{ refreshToken: secretValue('in-array'), user_token: 'array-user_token-kept' }] }],
		},
	});
	const body = () => ({ response: { request: { status: { flag: 'success', code: 200 } }, result: { data: data() } } });

	it.each<[string, (options: IDataObject) => IDataObject]>([
		['Identity → Get', (options) => identityGet(options)],
		['Custom API Call', (options) => customGet(options)],
	])('%s with Include Access Tokens off: every secret redacted at any depth, ids kept', async (_name, parameters) => {
		emulator.addFault({ type: 'body', body: body(), path: '/identities/' });
		const { error, items } = await run(parameters({}));
		expect(error).toBeUndefined();
		const output = JSON.stringify(items[0].json);
		expect(output).not.toContain('SECRET-VALUE');
		for (const key of SECRET_KEYS) expect(output).toContain(`"${key}":"[redacted]"`);
		for (const key of ID_KEYS) expect(output).toContain(`"${key}":"${key}-kept"`);
		expect(output).toContain('"user_token":"array-user_token-kept"');
		expect(output).toContain('"force_token_update":false');
		expect(output).toContain('"key":"google"');
	});

	it('with Include Access Tokens on, everything is passed through', async () => {
		emulator.addFault({ type: 'body', body: body(), path: '/identities/' });
		const { items } = await run(identityGet({ includeAccessTokens: true }));
		const output = JSON.stringify(items[0].json);
		for (const key of SECRET_KEYS) expect(output).toContain(secretValue(key));
	});
});

// ------------------------------------------------------------------------------- 8. reset push

describe('8. a reset push shows only our "not sent again" text', () => {
	it.each<[string, FaultSpec]>([
		['reset before processing', { type: 'reset', path: '/push/' }],
		['processed, then reset', { type: 'afterProcessing', then: 'reset', path: '/push/' }],
	])('%s: no "You can retry the request immediately" anywhere the user looks', async (_name, fault) => {
		emulator.addFault(fault);
		const { error } = await run(publishPin());
		expect(error?.description).toMatch(MAY_HAVE_LANDED);
		expect(`${error?.message}\n${error?.description}`).not.toMatch(/retry/i);
		emulator.reset();
		emulator.addFault(fault);
		const { items } = await run({ ...publishPin(), __continueOnFail: true });
		expect(JSON.stringify(items[0].json)).not.toMatch(/retry/i);
		expect(items[0].json.description).toMatch(MAY_HAVE_LANDED);
	});
});
