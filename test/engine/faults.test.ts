/**
 * Faults: what the node does when OneAll (or the network in front of it) fails, for a push and for a
 * read. Policy (README "Errors, retries and duplicates"): reads retry on 429/502/503 and network errors;
 * pushes are re-sent only after a 429 or a refused connection, never after a timeout, a reset, a 5xx or
 * anything that may have been processed. Every failure is a NodeApiError carrying OneAll's own text (or
 * a clear description), the HTTP code and the item index; no push ever lands twice.
 *
 * Back-off delays are recorded rather than waited for (recordSleeps, skip): the matrix checks the
 * schedule (1 s, 2 s, 4 s, 8 s; Retry-After) without sleeping through it. A few tests wait for real.
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { FIXTURES, startEmulator, type Emulator, type FaultSpec } from '../emulator/index.cjs';
import { freePort, note, pushOutput, recordSleeps, type SleepRecorder } from '../helpers/collect.cjs';
import { useEmulator } from '../helpers/emulatorSuite';
import { runOneAll } from '../helpers/harness.cjs';
import { startSilentServer } from '../helpers/stubServer.cjs';
import { byId, emulatorCredentials, publishPin } from '../helpers/params';

const emulator = useEmulator();

let clock: SleepRecorder | undefined;
afterEach(() => {
	clock?.restore();
	clock = undefined;
});
/** Back-off sleeps are recorded and skipped for the rest of the test. */
const virtualBackOff = () => (clock = recordSleeps({ skip: true }));

const ID = FIXTURES.identities;
const BOARDS = FIXTURES.pinterest.boardIds;
const PIN_PATH = `/push/identities/${ID.pinterest}/pinterest/board/${BOARDS[0]}/pin.json`;
const IDENTITY_PATH = `/identities/${ID.pinterest}.json`;

const MAY_HAVE_LANDED = /may already have been executed by OneAll \(a post may be live\), so it was not sent again/;

const READS: Record<string, { parameters: () => IDataObject; path: string }> = {
	'Identity → Get': {
		parameters: () => ({ resource: 'identity', operation: 'get', identity: byId(ID.pinterest) }),
		path: IDENTITY_PATH,
	},
	'Custom API Call GET': {
		parameters: () => ({ resource: 'customApiCall', operation: 'call', method: 'GET', path: IDENTITY_PATH }),
		path: IDENTITY_PATH,
	},
};

const run = (parameters: IDataObject, items?: INodeExecutionData[]) =>
	runOneAll({ credentials: emulatorCredentials(emulator), parameters, items });

interface Expected {
	/** Requests that reached the emulator. */
	requests: number;
	/** Error expected (omitted: success). */
	message?: RegExp;
	httpCode?: string;
	description?: RegExp;
	/** The description must NOT match this. */
	notDescription?: RegExp;
	/** Pushes OneAll processed (push cases). */
	processed?: number;
	/** Back-off sleeps the node asked for, in ms (each within 50 ms below the value). */
	delays?: number[];
	/** The sleeps may be up to this share longer (the random jitter after a 429). */
	jitter?: number;
	/** Instead of `delays`: all sleeps together lie in [min, max] ms. */
	waited?: [number, number];
}

/** Checks a run against what is expected; `path` is the one path every request must have used. */
function expectOutcome(
	result: Awaited<ReturnType<typeof run>>,
	expected: Expected,
	path: string,
	method: 'GET' | 'POST',
) {
	const { error, items } = result;
	expect(emulator.requests.map((r) => `${r.method} ${r.path}`)).toEqual(
		Array(expected.requests).fill(`${method} ${path}`),
	);
	if (expected.message) {
		expect(error?.name).toBe('NodeApiError');
		expect(error?.message).toMatch(expected.message);
		expect(error?.httpCode).toBe(expected.httpCode);
		expect(error?.context?.itemIndex).toBe(0);
		if (expected.description) expect(error?.description).toMatch(expected.description);
		if (expected.notDescription) expect(error?.description ?? '').not.toMatch(expected.notDescription);
		expect(items).toHaveLength(0);
	} else {
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
		expect(items[0].pairedItem).toEqual({ item: 0 });
		expect(emulator.requests.at(-1)?.status).toBe(200);
	}
	if (method === 'POST') {
		expect(emulator.pushes()).toHaveLength(expected.processed ?? (expected.message ? 0 : 1));
		expect(emulator.duplicates()).toEqual([]);
		if (!expected.message) expect(items[0].json).toEqual(pushOutput(emulator.pushes()[0]));
	}
	if (expected.waited && clock) {
		const total = clock.delays.reduce((sum, delay) => sum + delay, 0);
		expect(total).toBeGreaterThanOrEqual(expected.waited[0]);
		expect(total).toBeLessThanOrEqual(expected.waited[1]);
	}
	if (expected.delays && clock) {
		expect(clock.delays).toHaveLength(expected.delays.length);
		clock.delays.forEach((delay, i) => {
			expect(delay).toBeLessThanOrEqual(expected.delays![i] * (1 + (expected.jitter ?? 0)));
			expect(delay).toBeGreaterThan(expected.delays![i] - 50);
		});
	}
}

/**
 * The back-off the node asked for, each within 100 ms of `expected`, or up to `jitter` longer. With
 * jitter (after 429s) the pacer may top up a back-off shorter than its own spacing (1.05 s when nothing
 * was accepted): such a short sleep right after a back-off counts as part of it.
 */
function expectBackOff(expected: number[], jitter = 0) {
	const waits: number[] = [];
	for (const delay of clock!.delays) {
		if (jitter > 0 && delay < 100 && waits.length > 0) waits[waits.length - 1] += delay;
		else waits.push(delay);
	}
	expect(waits).toHaveLength(expected.length);
	waits.forEach((delay, i) => {
		expect(delay).toBeGreaterThanOrEqual(expected[i] - 100);
		expect(delay).toBeLessThanOrEqual(expected[i] * (1 + jitter) + 100);
	});
}

// After a 429 the node waits up to a fifth longer than asked, at random.
const JITTER = 0.2;

const apiError = (code: number, info: string): Expected => ({
	requests: 1,
	message: new RegExp(`^OneAll error ${code}: ${info}$`),
	httpCode: String(code),
	delays: [],
});

// ------------------------------------------------------------------------------------------ push

describe('a push (Pinterest → Publish Pin) under each fault', () => {
	const cases: Array<[string, FaultSpec, Expected]> = [
		['400', { type: 'status', status: 400, info: 'The picture could not be downloaded' }, apiError(400, 'The picture could not be downloaded')],
		['401', { type: 'status', status: 401, info: 'Authentication credentials are missing or incorrect' }, apiError(401, 'Authentication credentials are missing or incorrect')],
		['403', { type: 'status', status: 403, info: 'The user has not granted the permission to publish' }, apiError(403, 'The user has not granted the permission to publish')],
		['404', { type: 'status', status: 404, info: 'The board 98765432101011 does not exist' }, apiError(404, 'The board 98765432101011 does not exist')],
		['409', { type: 'status', status: 409, info: 'Pinterest refused a duplicate pin' }, apiError(409, 'Pinterest refused a duplicate pin')],
		// 429: OneAll refuses before executing, so the push is re-sent, after Retry-After (or 1 s).
		['429 with Retry-After: 2', { type: 'rateLimit', retryAfter: 2 }, { requests: 2, processed: 1, delays: [2000], jitter: JITTER }],
		// 1 s back-off (+ jitter), or the pacer's wait for OneAll's second to clear if longer: that wait is measured
		// from the refusal in real time, so on a loaded machine it can end just above 1 s.
		['429 without Retry-After', { type: 'rateLimit' }, { requests: 2, processed: 1, waited: [1000, 1200] }],
		['500', { type: 'status', status: 500, info: 'An unrecoverable error occurred' }, { ...apiError(500, 'An unrecoverable error occurred'), description: MAY_HAVE_LANDED }],
		['502', { type: 'status', status: 502, info: 'The API is undergoing maintenance' }, { ...apiError(502, 'The API is undergoing maintenance'), description: MAY_HAVE_LANDED }],
		['503', { type: 'status', status: 503, info: 'The API is currently overloaded' }, { ...apiError(503, 'The API is currently overloaded'), description: MAY_HAVE_LANDED }],
		[
			'timeout (connection dropped after 50 ms)',
			{ type: 'timeout', delayMs: 50 },
			{ requests: 1, message: /closed unexpectedly|Could not reach OneAll/, httpCode: 'ECONNRESET', description: MAY_HAVE_LANDED, delays: [] },
		],
		[
			'connection reset',
			{ type: 'reset' },
			{ requests: 1, message: /closed unexpectedly|Could not reach OneAll/, httpCode: 'ECONNRESET', description: MAY_HAVE_LANDED, delays: [] },
		],
		[
			'HTML error page (502)',
			{ type: 'html' },
			{
				requests: 1,
				message: /^OneAll answered HTTP 502 with a body that is not a OneAll response$/,
				httpCode: '502',
				description: /Body: <!DOCTYPE html>[\s\S]*may already have been executed|may already have been executed[\s\S]*Body: <!DOCTYPE html>/,
				delays: [],
			},
		],
		[
			'HTML page with HTTP 200',
			{ type: 'html', status: 200 },
			{ requests: 1, message: /^OneAll answered HTTP 200 with a body that is not a OneAll response$/, httpCode: '200', description: MAY_HAVE_LANDED, delays: [] },
		],
		[
			'malformed JSON',
			{ type: 'malformed' },
			{ requests: 1, message: /^OneAll answered HTTP 200 with a body that is not a OneAll response$/, httpCode: '200', description: MAY_HAVE_LANDED, delays: [] },
		],
		[
			'empty body',
			{ type: 'empty' },
			{ requests: 1, message: /^OneAll answered HTTP 200 with an empty body$/, httpCode: '200', description: MAY_HAVE_LANDED, delays: [] },
		],
		['failed push inside HTTP 200', { type: 'errorIn200', status: 403, info: 'Pinterest: board is archived' }, apiError(403, 'Pinterest: board is archived')],
		// Processed, then the client sees a failure: never re-sent (no duplicate), and the user is told.
		[
			'processed, then 502',
			{ type: 'afterProcessing', status: 502, info: 'Bad gateway after the push' },
			{ ...apiError(502, 'Bad gateway after the push'), description: MAY_HAVE_LANDED, processed: 1 },
		],
		[
			'processed, then 504',
			{ type: 'afterProcessing', status: 504 },
			{ requests: 1, message: /^OneAll error 504: /, httpCode: '504', description: MAY_HAVE_LANDED, processed: 1, delays: [] },
		],
		[
			'processed, then reset',
			{ type: 'afterProcessing', then: 'reset' },
			{ requests: 1, message: /closed unexpectedly|Could not reach OneAll/, httpCode: 'ECONNRESET', description: MAY_HAVE_LANDED, processed: 1, delays: [] },
		],
		[
			'processed, then the connection hangs and drops',
			{ type: 'afterProcessing', then: 'timeout', delayMs: 50 },
			{ requests: 1, message: /closed unexpectedly|Could not reach OneAll/, httpCode: 'ECONNRESET', description: MAY_HAVE_LANDED, processed: 1, delays: [] },
		],
		['slow answer (200 ms)', { type: 'slow', delayMs: 200 }, { requests: 1, processed: 1, delays: [] }],
	];

	it.each(cases)('%s', async (_name, fault, expected) => {
		virtualBackOff();
		emulator.addFault({ ...fault, path: '/push/' });
		const result = await run(publishPin());
		expectOutcome(result, expected, PIN_PATH, 'POST');
	});

	it('429 on every attempt: re-sent with back-off (1, 2, 4, 8, 16 s) while within 60 s, then an error about the rate limit, nothing published', async () => {
		virtualBackOff();
		emulator.addFault({ type: 'rateLimit', path: '/push/', times: -1 });
		const { error } = await run(publishPin());
		// 1 + 2 + 4 + 8 + 16 s (+ jitter) = 31-37 s; the next wait (32 s) would pass 60 s.
		expect(emulator.requests).toHaveLength(6);
		expect(emulator.requests.every((r) => r.status === 429)).toBe(true);
		expect(emulator.pushes()).toHaveLength(0);
		expect(error?.name).toBe('NodeApiError');
		expect(error?.httpCode).toBe('429');
		expect(error?.message).toMatch(/^OneAll error 429: Too many requests/);
		expect(error?.description).toMatch(/rate limit was reached, and retrying for up to 60 s did not get the request through/);
		expect(error?.context?.itemIndex).toBe(0);
		expectBackOff([1000, 2000, 4000, 8000, 16000], JITTER);
	});

	it('429 with Retry-After: 0 on every attempt: the pace slows with each refusal (at most 2 s apart), every attempt within 60 s of the first', async () => {
		virtualBackOff();
		emulator.addFault({ type: 'rateLimit', path: '/push/', times: -1, retryAfter: 0 });
		const { error } = await run(publishPin());
		expect(emulator.pushes()).toHaveLength(0);
		expect(error?.httpCode).toBe('429');
		expect(`${error?.message}\n${error?.description}`).toMatch(/rate limit/i);
		// Retry-After: 0 is honoured (no sleep of its own), so every wait is the pacer's spacing: about 1 s
		// at first (nothing was accepted), a fifth longer after each refusal, never more than 2 s.
		const waits = clock!.delays;
		expect(emulator.requests).toHaveLength(waits.length + 1);
		expect(waits[0]).toBeGreaterThan(900);
		expect(waits[0]).toBeLessThan(1100);
		// Each wait is the spacing minus the real time of the last round trip: allow 250 ms of that on a loaded machine.
		waits.slice(1).forEach((wait, i) => expect(wait).toBeGreaterThanOrEqual(Math.min(waits[i] * 1.2, 2_000) - 250));
		expect(waits.slice(-5).reduce((sum, wait) => sum + wait, 0) / 5).toBeGreaterThan(1_700);
		expect(Math.max(...waits)).toBeLessThanOrEqual(2000);
		const total = waits.reduce((sum, wait) => sum + wait, 0);
		expect(total).toBeLessThanOrEqual(60_000);
		// It stopped because the next attempt would start after 60 s (the real time of each round trip counts too).
		expect(total + 2000).toBeGreaterThan(59_000);
	});

	// NodeApiError would replace the message of known network codes by n8n's generic "You can retry the
	// request immediately…", which invites a duplicate post.
	it('a reset push is not headlined as safe to retry, and names OneAll', async () => {
		emulator.addFault({ type: 'reset', path: '/push/' });
		const { error } = await run(publishPin());
		expect(error?.description).toMatch(MAY_HAVE_LANDED);
		expect(error?.message).not.toMatch(/retry/i);
		expect(error?.message).toMatch(/OneAll/);
	});

	it('429 without Retry-After, waited for real: about 1 s, then published once', async () => {
		emulator.addFault({ type: 'rateLimit', path: '/push/' });
		const started = Date.now();
		const { error, items } = await run(publishPin());
		expect(Date.now() - started).toBeGreaterThanOrEqual(950);
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
		expect(emulator.requests.map((r) => r.status)).toEqual([429, 200]);
		expect(emulator.pushes()).toHaveLength(1);
	});

	it('a 5xx on every attempt is still sent only once', async () => {
		virtualBackOff();
		emulator.addFault({ type: 'status', status: 503, path: '/push/', times: -1 });
		const { error } = await run(publishPin());
		expect(error?.httpCode).toBe('503');
		expect(emulator.requests).toHaveLength(1);
		expect(clock!.delays).toEqual([]);
	});
});

// ------------------------------------------------------------------------------------------ reads

describe.each(Object.entries(READS))('a read (%s) under each fault', (_read, { parameters, path }) => {
	const retried = (delay = 1000): Expected => ({ requests: 2, delays: [delay] });
	const cases: Array<[string, FaultSpec, Expected]> = [
		['400', { type: 'status', status: 400, info: 'The request is invalid: entries_per_page' }, apiError(400, 'The request is invalid: entries_per_page')],
		['401', { type: 'status', status: 401, info: 'Authentication credentials are missing or incorrect' }, apiError(401, 'Authentication credentials are missing or incorrect')],
		['403', { type: 'status', status: 403, info: 'The site may not read identities' }, apiError(403, 'The site may not read identities')],
		['404', { type: 'status', status: 404, info: 'The identity does not exist' }, apiError(404, 'The identity does not exist')],
		['409', { type: 'status', status: 409, info: 'The identity is being synchronized' }, apiError(409, 'The identity is being synchronized')],
		['429 with Retry-After: 3', { type: 'rateLimit', retryAfter: 3 }, { ...retried(3000), jitter: JITTER }],
		['429 without Retry-After', { type: 'rateLimit' }, { requests: 2, waited: [1000, 1200] }],
		['500 (not retried)', { type: 'status', status: 500, info: 'An unrecoverable error occurred' }, { ...apiError(500, 'An unrecoverable error occurred'), description: /server problem/, notDescription: MAY_HAVE_LANDED }],
		['502', { type: 'status', status: 502 }, retried()],
		['503', { type: 'status', status: 503 }, retried()],
		['503 with Retry-After: 0', { type: 'status', status: 503, retryAfter: 0 }, retried(0)],
		['timeout (connection dropped after 50 ms)', { type: 'timeout', delayMs: 50 }, retried()],
		['connection reset', { type: 'reset' }, retried()],
		['HTML error page (502)', { type: 'html' }, retried()],
		[
			'malformed JSON (HTTP 200, not retried)',
			{ type: 'malformed' },
			{ requests: 1, message: /^OneAll answered HTTP 200 with a body that is not a OneAll response$/, httpCode: '200', description: /Body: \{"response"/, notDescription: MAY_HAVE_LANDED, delays: [] },
		],
		[
			'empty body (HTTP 200, not retried)',
			{ type: 'empty' },
			{ requests: 1, message: /^OneAll answered HTTP 200 with an empty body$/, httpCode: '200', notDescription: MAY_HAVE_LANDED, delays: [] },
		],
		['error inside HTTP 200', { type: 'errorIn200', status: 403, info: 'The identity has been revoked' }, apiError(403, 'The identity has been revoked')],
		['answered, then 502 (a read may be repeated)', { type: 'afterProcessing', status: 502 }, retried()],
	];

	it.each(cases)('%s', async (_name, fault, expected) => {
		virtualBackOff();
		emulator.addFault({ ...fault, path: '/identities/' });
		const result = await run(parameters());
		expectOutcome(result, expected, path, 'GET');
		if (!expected.message) expect(JSON.stringify(result.items[0].json)).toContain(ID.pinterest);
	});

	it('429 on every attempt: 6 attempts with back-off within 60 s, then the error', async () => {
		virtualBackOff();
		emulator.addFault({ type: 'rateLimit', path: '/identities/', times: -1 });
		const { error } = await run(parameters());
		expect(emulator.requests).toHaveLength(6);
		expect(error?.name).toBe('NodeApiError');
		expect(error?.httpCode).toBe('429');
		expect(error?.context?.itemIndex).toBe(0);
		expect(error?.description).toMatch(/rate limit/);
		expectBackOff([1000, 2000, 4000, 8000, 16000], JITTER);
	});

	it.each<[string, FaultSpec, string]>([
		['503', { type: 'status', status: 503 }, '503'],
		['connection reset', { type: 'reset' }, 'ECONNRESET'],
	])('%s on every attempt: 5 attempts with back-off, then the error', async (_name, fault, httpCode) => {
		virtualBackOff();
		emulator.addFault({ ...fault, path: '/identities/', times: -1 });
		const { error } = await run(parameters());
		expect(emulator.requests).toHaveLength(5);
		expect(error?.name).toBe('NodeApiError');
		expect(error?.httpCode).toBe(httpCode);
		expect(error?.context?.itemIndex).toBe(0);
		expectBackOff([1000, 2000, 4000, 8000]);
	});
});

it('a read retried after a reset, waited for real: about 1 s, then the answer', async () => {
	emulator.addFault({ type: 'reset', path: '/identities/' });
	const started = Date.now();
	const { error, items } = await run(READS['Identity → Get'].parameters());
	expect(Date.now() - started).toBeGreaterThanOrEqual(950);
	expect(error).toBeUndefined();
	expect(items).toHaveLength(1);
	expect(emulator.requests.map((r) => r.status)).toEqual([null, 200]);
});

// ------------------------------------------------------------------------------------------ items

describe('only the faulting item fails (continueOnFail)', () => {
	const pinItems = BOARDS.slice(0, 3).map((board, i) => ({ json: { board, title: `Pin ${i}` } }));
	const pinPerItem = () => ({
		...publishPin({ board: byId('={{ $json.board }}'), title: '={{ $json.title }}' }),
		__continueOnFail: true,
	});
	const item1Path = `/push/identities/${ID.pinterest}/pinterest/board/${BOARDS[1]}/`;

	it.each<[string, FaultSpec, string, RegExp, number]>([
		['400', { type: 'status', status: 400, info: 'The picture is too small' }, '400', /^OneAll error 400: The picture is too small$/, 0],
		['500', { type: 'status', status: 500, info: 'Internal problem' }, '500', /^OneAll error 500: Internal problem$/, 0],
		['reset', { type: 'reset' }, 'ECONNRESET', /closed unexpectedly|Could not reach OneAll/, 0],
		['processed, then 502', { type: 'afterProcessing', status: 502 }, '502', /^OneAll error 502: /, 1],
		['failed push inside HTTP 200', { type: 'errorIn200', status: 403, info: 'Board archived' }, '403', /^OneAll error 403: Board archived$/, 0],
	])('push, item 1 gets %s: items 0 and 2 are published', async (_name, fault, httpCode, message, processedForItem1) => {
		virtualBackOff();
		emulator.addFault({ ...fault, path: item1Path });
		const { items, error } = await run(pinPerItem(), pinItems);
		expect(error).toBeUndefined();
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(items[0].json.pin_title).toBe('Pin 0');
		expect(items[2].json.pin_title).toBe('Pin 2');
		expect(items[1].json.error).toMatch(message);
		expect(items[1].json.httpCode).toBe(httpCode);
		expect(items[1].json.pin_id).toBeUndefined();
		expect(emulator.requests).toHaveLength(3);
		expect(emulator.pushes().map((p) => p.body.request.push.pin.title).sort()).toEqual(
			['Pin 0', 'Pin 2', ...(processedForItem1 ? ['Pin 1'] : [])].sort(),
		);
		expect(emulator.duplicates()).toEqual([]);
	});

	it('push, item 1 rate-limited once: all three published, item 1 sent twice and processed once', async () => {
		virtualBackOff();
		emulator.addFault({ type: 'rateLimit', path: item1Path });
		const { items, error } = await run(pinPerItem(), pinItems);
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json.pin_title)).toEqual(['Pin 0', 'Pin 1', 'Pin 2']);
		expect(emulator.requests).toHaveLength(4);
		expect(emulator.pushes()).toHaveLength(3);
		expect(emulator.duplicates()).toEqual([]);
	});

	it('read, item 1 gets 503 on every attempt: error item for item 1, items 0 and 2 read', async () => {
		virtualBackOff();
		const identities = [ID.pinterest, ID.facebook, ID.twitter];
		emulator.addFault({ type: 'status', status: 503, info: 'Overloaded', path: `/identities/${ID.facebook}.json`, times: -1 });
		const { items, error } = await run(
			{ resource: 'identity', operation: 'get', identity: byId('={{ $json.token }}'), __continueOnFail: true },
			identities.map((token) => ({ json: { token } })),
		);
		expect(error).toBeUndefined();
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect((items[0].json.identity as IDataObject).identity_token).toBe(ID.pinterest);
		expect((items[2].json.identity as IDataObject).identity_token).toBe(ID.twitter);
		expect(items[1].json).toMatchObject({ error: 'OneAll error 503: Overloaded', httpCode: '503' });
		expect(emulator.requests.filter((r) => r.path === `/identities/${ID.facebook}.json`)).toHaveLength(5);
		expect(emulator.requests).toHaveLength(7);
	});

	it('without continueOnFail (concurrency 1): the run stops at item 1 with its index, item 2 is never sent', async () => {
		virtualBackOff();
		emulator.addFault({ type: 'status', status: 500, info: 'Internal problem', path: item1Path });
		const { error } = await run(
			publishPin({ board: byId('={{ $json.board }}'), title: '={{ $json.title }}', options: { concurrency: 1 } }),
			pinItems,
		);
		expect(error?.name).toBe('NodeApiError');
		expect(error?.message).toBe('OneAll error 500: Internal problem');
		expect(error?.context?.itemIndex).toBe(1);
		expect(emulator.requests).toHaveLength(2);
		expect(emulator.pushes().map((p) => p.body.request.push.pin.title)).toEqual(['Pin 0']);
	});
});

// ------------------------------------------------------------------------------------------ refused

describe('connection refused (nothing listens at the base URL)', () => {
	it('a push is retried with back-off (1 s, 2 s, 4 s, 8 s), then fails without the "may have landed" warning', async () => {
		const port = await freePort();
		virtualBackOff();
		const { error } = await runOneAll({
			credentials: emulatorCredentials(emulator, { apiBaseUrl: `http://127.0.0.1:${port}` }),
			parameters: publishPin(),
		});
		expect(error?.name).toBe('NodeApiError');
		expect(error?.httpCode).toBe('ECONNREFUSED');
		expect(error?.message).toMatch(/refused the connection|Could not reach OneAll/);
		expect(error?.description).toContain(`POST ${PIN_PATH}`);
		expect(error?.description).not.toMatch(MAY_HAVE_LANDED);
		expect(error?.context?.itemIndex).toBe(0);
		expectBackOff([1000, 2000, 4000, 8000]);
		expect(emulator.requests).toHaveLength(0);
	});

	it('a push refused once is re-sent when OneAll is back, and published exactly once (real 1 s back-off)', async () => {
		const port = await freePort();
		let revived: Emulator | undefined;
		// OneAll comes back during the node's first back-off: the retry reaches it.
		clock = recordSleeps({
			onSleep: async (_ms, index) => {
				if (index === 0) revived = await startEmulator({ port });
			},
		});
		try {
			const { error, items } = await runOneAll({
				credentials: emulatorCredentials(emulator, { apiBaseUrl: `http://127.0.0.1:${port}` }),
				parameters: publishPin(),
			});
			expect(error).toBeUndefined();
			expect(clock.delays).toEqual([1000]);
			expect(revived!.requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([`POST ${PIN_PATH} 200`]);
			expect(revived!.pushes()).toHaveLength(1);
			expect(items[0].json).toEqual(pushOutput(revived!.pushes()[0]));
		} finally {
			await revived?.close();
		}
	});
});

describe('stopping the execution', () => {
	it('aborts the requests in flight at once, not at their 120 s deadline, and sends nothing more', async () => {
		const server = await startSilentServer();
		try {
			const items = Array.from({ length: 8 }, (_, i) => ({ json: { title: `Pin ${i + 1}` } }));
			// Stopped once the first 5 (Concurrency 5) are in flight, as a user pressing Stop would.
			const result = await runOneAll({
				credentials: emulatorCredentials(emulator, { apiBaseUrl: server.url }),
				parameters: publishPin({ title: '={{ $json.title }}' }),
				items,
				stopWhen: server.receivedCount(5),
			});
			expect(result.timedOut).toBe(true);
			const giveUpAt = Date.now() + 5000;
			while (server.received.some((entry) => entry.closedAt === undefined) && Date.now() < giveUpAt) await sleep(20);
			expect(server.received).toHaveLength(5);
			for (const entry of server.received) expect(entry.closedAt! - result.stoppedAt!).toBeLessThan(1500);
			await sleep(300);
			expect(server.received).toHaveLength(5);
		} finally {
			await server.close();
		}
	});
});

// ------------------------------------------------------------------------------------------ batch

describe('a rate-limited batch', () => {
	it('60 pins, concurrency 10, OneAll allowing 20 requests/s: all published exactly once, 429s seen', async () => {
		emulator.setRateLimit(20);
		const titles = Array.from({ length: 60 }, (_, i) => `Batch pin ${i}`);
		const { items, error } = await run(
			publishPin({ title: '={{ $json.title }}', options: { concurrency: 10 } }),
			titles.map((title) => ({ json: { title } })),
		);
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json.pin_title)).toEqual(titles);
		expect(items.map((item) => item.pairedItem)).toEqual(titles.map((_t, item) => ({ item })));
		const stats = emulator.stats();
		expect(stats.rateLimited).toBeGreaterThan(0);
		expect(stats.processedPushes).toBe(60);
		expect(emulator.pushes()).toHaveLength(60);
		expect(emulator.duplicates()).toEqual([]);
		expect(emulator.requests).toHaveLength(60 + stats.rateLimited);
		expect(new Set(emulator.pushes().map((p) => p.body.request.push.pin.title)).size).toBe(60);
	}, 30000);
});

// Many executions at once against one limit. In one process they share the site's pace (sitePace.test.ts);
// queue-mode workers each have their own and meet only through 429s.
describe('executions that share the limit', () => {
	it('80 one-pin executions at once, OneAll allowing 10 requests/s: every pin published exactly once, none failed', async () => {
		// 8 s of work for the limit: a refused execution must keep trying (5 attempts would fail many).
		emulator.setRateLimit(10);
		const runs = await Promise.all(
			Array.from({ length: 80 }, async (_, i) => await run(publishPin({ title: `Shared ${i}` }))),
		);
		expect(runs.filter((r) => r.error !== undefined).map((r) => r.error?.message)).toEqual([]);
		expect(runs.map((r) => r.items[0]?.json.pin_title)).toEqual(runs.map((_r, i) => `Shared ${i}`));
		// They share one pace that ramps up (10 starts, then twice what OneAll accepted): a few 429s where
		// each execution learning the limit on its own cost more than 80.
		note(`80 one-pin executions at 10 requests/s: ${emulator.stats().rateLimited} x 429`);
		expect(emulator.stats().rateLimited).toBeLessThanOrEqual(25);
		expect(emulator.pushes()).toHaveLength(80);
		expect(emulator.duplicates()).toEqual([]);
	}, 60000);

	it('3 executions of 30 pins at once, default Options: all published once, every refused request sent again and nothing more', async () => {
		emulator.setRateLimit(20);
		const batch = (tag: string) => Array.from({ length: 30 }, (_, i) => ({ json: { title: `${tag} ${i}` } }));
		const runs = await Promise.all(['A', 'B', 'C'].map(async (tag) => await run(publishPin({ title: '={{ $json.title }}' }), batch(tag))));
		for (const r of runs) {
			expect(r.error).toBeUndefined();
			expect(r.items).toHaveLength(30);
		}
		expect(emulator.pushes()).toHaveLength(90);
		expect(emulator.duplicates()).toEqual([]);
		// Every request is accounted for: each refused one was sent again, nothing else.
		expect(emulator.requests).toHaveLength(90 + emulator.stats().rateLimited);
	}, 60000);
});
