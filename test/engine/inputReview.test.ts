/**
 * Input review (adversarial review of what users and AI agents put into the parameters): holes found in
 * the built package, each with the rule it now follows. Runs the built package in n8n-core against the
 * emulator. Bad input is a NodeOperationError naming the parameter and the item before any request of
 * the run is sent.
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { FIXTURES } from '../emulator/index.cjs';
import { useEmulator } from '../helpers/emulatorSuite';
import { runOneAll } from '../helpers/harness.cjs';
import { byId, emulatorCredentials } from '../helpers/params';

const emulator = useEmulator();

const ID = FIXTURES.identities;
const sent = () => emulator.requests.map((request) => `${request.method} ${request.path}`);
const itemIndexOf = (error: unknown) => (error as { context?: { itemIndex?: number } } | undefined)?.context?.itemIndex;

describe('Multi-Network for a user: every check runs before the read of the user', () => {
	// Item 1 finds its accounts through a read of the user; its Options come from the item.
	const parameters = (): IDataObject => ({
		resource: 'multiNetwork',
		operation: 'publish',
		publishFor: 'user',
		user: byId(FIXTURES.users.primary),
		text: '={{ $json.text }}',
		networks: { network: [{ network: 'twitter' }] },
		options: { concurrency: 1, skipIfPublished: true, publishedWindowHours: '={{ $json.hours }}' },
	});
	const items: INodeExecutionData[] = [{ json: { text: 'First', hours: 24 } }, { json: { text: 'Second', hours: 'yesterday' } }];

	it('a bad option in item 2 stops the run naming item 2 before item 1 is read or published', async () => {
		const { error } = await runOneAll({ credentials: emulatorCredentials(emulator), parameters: parameters(), items, typeVersion: 1.1 });
		expect(error?.message).toBe('X (Twitter): "Already Published Window (Hours)" must be a number');
		expect(itemIndexOf(error)).toBe(1);
		expect(sent()).toEqual([]);
	});

	it('the same for a text "yes" where Skip If Already Published needs a boolean', async () => {
		const { error } = await runOneAll({
			credentials: emulatorCredentials(emulator),
			parameters: { ...parameters(), options: { skipIfPublished: '={{ $json.skip }}' } },
			items: [{ json: { text: 'First', skip: true } }, { json: { text: 'Second', skip: 'yes' } }],
			typeVersion: 1.1,
		});
		expect(error?.message).toBe('X (Twitter): "Skip If Already Published" must be true or false');
		expect(itemIndexOf(error)).toBe(1);
		expect(sent()).toEqual([]);
	});
});

describe('JSON fields: a number JSON cannot carry exactly is refused, never sent changed', () => {
	const SHORT_URLS: IDataObject = {
		resource: 'customApiCall',
		operation: 'call',
		method: 'POST',
		path: '/shorturls.json',
		body: '={{ $json.body }}',
	};
	const run = (bodies: string[], parameters = SHORT_URLS) =>
		runOneAll({ credentials: emulatorCredentials(emulator), parameters, items: bodies.map((body) => ({ json: { body } })) });
	const SHORT_URL = '"original_url": "https://example.com/"';

	it('an id past 2^53 in item 2 of a Custom API Call body: refused naming item 2, nothing sent', async () => {
		const { error } = await run([`{"shorturl": {${SHORT_URL}}}`, `{"request": {"shorturl": {${SHORT_URL}, "id": 1460323737035677698}}}`]);
		expect(error?.message).toBe(
			'"Body (JSON)" holds the number 1460323737035677698, which JSON cannot carry exactly: it would be sent as 1460323737035677700',
		);
		expect(itemIndexOf(error)).toBe(1);
		expect(sent()).toEqual([]);
	});

	it('a number past 1.8e308 would go out as null: refused too (Extra Body Fields of a pin)', async () => {
		const { error } = await runOneAll({
			credentials: emulatorCredentials(emulator),
			parameters: {
				resource: 'pinterest',
				operation: 'publishPin',
				identity: byId(ID.pinterest),
				board: byId(FIXTURES.pinterest.boardId),
				title: 'Stadium',
				picture: 'https://www.oneall.com/logo.jpg',
				options: { extraBodyFields: '{"rating": -1e400}' },
			},
			items: [{ json: {} }],
		});
		expect(error?.message).toBe('"Extra Body Fields (JSON)" holds the number -1e400, which JSON cannot carry exactly: it would be sent as null');
		expect(sent()).toEqual([]);
	});

	it('quoted ids, exact large integers (2^54), fractions and digits inside strings go out as written', async () => {
		const body = `{"shorturl": {${SHORT_URL}, "a": "1460323737035677698", "b": 18014398509481984, "c": 1.5e300, "d": "x 99999999999999999999 \\" 1e999"}}`;
		const { error } = await run([body]);
		expect(error?.message).toMatch(/^OneAll error 400: Unknown field\(s\): a, b, c, d$/);
		expect(emulator.requests[0].rawBody).toBe(
			`{"request":{"shorturl":{"original_url":"https://example.com/","a":"1460323737035677698","b":18014398509481984,"c":1.5e+300,"d":"x 99999999999999999999 \\" 1e999"}}}`,
		);
	});
});

describe('numbers from expressions', () => {
	const getMany = (limit: unknown, options: IDataObject = {}) =>
		runOneAll({
			credentials: emulatorCredentials(emulator),
			parameters: { resource: 'user', operation: 'getAll', returnAll: false, limit: '={{ $json.limit }}', options },
			items: [{ json: { limit: 2 } }, { json: { limit } as IDataObject }],
		});

	it.each([
		['a list', [5]],
		['a boolean', true],
		['an object whose toString is no function (was a TypeError without the field)', { toString: 'x' }],
		['empty text', ''],
	])('Limit given %s: refused naming Limit and item 2, nothing sent', async (_name, limit) => {
		const { error } = await getMany(limit);
		expect(error?.message).toBe('"Limit" must be a whole number of at least 1');
		expect(itemIndexOf(error)).toBe(1);
		expect(sent()).toEqual([]);
	});

	it('Limit as text holding a number is that number', async () => {
		const { error, items } = await getMany(' 3 ');
		expect(error).toBeUndefined();
		expect(items).toHaveLength(5);
	});

	it.each([
		['Concurrency', 'concurrency', 'many', '"Concurrency" must be a number'],
		['Timeout', 'timeout', { toString: 'x' }, '"Timeout (Seconds)" must be a number'],
		['Max Requests per Second (NaN would lift the bound)', 'maxRequestsPerSecond', Number.NaN, '"Max Requests per Second" must be a number'],
		['Max Requests per Second below 0', 'maxRequestsPerSecond', -1, '"Max Requests per Second" must be 0 (no bound) or at least 0.0000116 (one request a day)'],
		[
			'Max Requests per Second too slow for a timer (was sent unpaced)',
			'maxRequestsPerSecond',
			1e-7,
			'"Max Requests per Second" must be 0 (no bound) or at least 0.0000116 (one request a day)',
		],
	])('Options → %s from an expression that is no usable number: refused before anything is sent', async (_name, option, value, message) => {
		const { error } = await runOneAll({
			credentials: emulatorCredentials(emulator),
			parameters: { resource: 'customApiCall', operation: 'call', method: 'GET', path: '/users.json', options: { [option]: '={{ $json.value }}' } },
			items: [{ json: { value } as IDataObject }],
		});
		expect(error?.message).toBe(message);
		expect(sent()).toEqual([]);
	});

	it('numbers past the editor bounds are brought within them, as before (Concurrency 1e9, Timeout 601, 1.5)', async () => {
		const { error, items } = await runOneAll({
			credentials: emulatorCredentials(emulator),
			parameters: {
				resource: 'customApiCall',
				operation: 'call',
				method: 'GET',
				path: '/users.json',
				options: { concurrency: '={{ 1e9 }}', timeout: '={{ 601 }}', maxRequestsPerSecond: '={{ 1.5 }}' },
			},
			items: [{ json: {} }, { json: {} }],
		});
		expect(error).toBeUndefined();
		expect(items).toHaveLength(2);
	});
});

describe('a token or id given as a list or object says so, not "is empty"', () => {
	it.each([
		['a list', [ID.twitter], 'Identity token must be text, got a list'],
		['an object', { identity_token: ID.twitter }, 'Identity token must be text, got object'],
		['nothing (a field the item lacks)', undefined, 'Identity token is empty'],
	])('Identity from an expression giving %s', async (_name, identity, message) => {
		const { error } = await runOneAll({
			credentials: emulatorCredentials(emulator),
			parameters: { resource: 'twitter', operation: 'publishTweet', identity: byId('={{ $json.identity }}'), message: 'Hello' },
			items: [{ json: identity === undefined ? {} : ({ identity } as IDataObject) }],
		});
		expect(error?.message).toBe(message);
		expect(error?.description).toMatch(/Give the token or id itself|Pick it from the list/);
		expect(sent()).toEqual([]);
	});
});

describe('Sharing files: what the item holds is checked, the upload name is a plain file name', () => {
	const publish = (binaryProperties: string): IDataObject => ({
		resource: 'sharingMessage',
		operation: 'publish',
		publishFor: 'identity',
		identity: byId(FIXTURES.identities.facebook),
		text: 'Launch',
		additionalParts: { binaryProperties },
	});
	const file = (fileName?: string, extra: IDataObject = {}) => ({
		data: Buffer.from('picture bytes').toString('base64'),
		mimeType: 'image/png',
		...(fileName === undefined ? {} : { fileName }),
		...extra,
	});
	const uploadNames = () =>
		(emulator.requests[0].body as { request: { sharing_message: { parts: { uploads: Array<{ name: string }> } } } }).request.sharing_message.parts.uploads.map(
			(upload) => upload.name,
		);

	it('folders, control characters and surrounding spaces are left out of the name; an overlong one keeps its extension', async () => {
		const long = `${'n'.repeat(300)}.png`;
		const binary = {
			a: file('../../reports/a.png'),
			b: file('..\\..\\b.png'),
			c: file(' c\n\u0000.png '),
			d: file(long),
			e: file('..', { fileExtension: 'png' }),
		};
		const { error } = await runOneAll({
			credentials: emulatorCredentials(emulator),
			parameters: publish('a, b, c, d, e'),
			items: [{ json: {}, binary } as INodeExecutionData],
		});
		expect(error).toBeUndefined();
		expect(uploadNames()).toEqual(['a.png', 'b.png', 'c.png', `${'n'.repeat(251)}.png`, 'e.png']);
	});

	it('a file inside the item is measured by its content, not by a "bytes" that says 1: refused before item 1 is sent', async () => {
		const good = { json: {}, binary: { data: file('a.png') } };
		const big = { json: {}, binary: { data: { ...file('big.png'), data: Buffer.alloc(5 * 1024 * 1024 + 1).toString('base64'), bytes: 1 } } };
		const { error } = await runOneAll({ credentials: emulatorCredentials(emulator), parameters: publish('data'), items: [good as never, big as never] });
		expect(error?.message).toBe('The file in binary property "data" of item 1 is too large: 5.0 MB (5242881 bytes)');
		expect(sent()).toEqual([]);
	});

	it.each([
		['an entry without data or id (a Code node output)', 'data', { data: { mimeType: 'image/png', fileName: 'a.png' } }],
		['text instead of a file', 'data', { data: 'hello' }],
		['a name n8n finds on the object prototype', 'toString', { data: file('a.png') }],
	])('%s in item 2: refused naming the item and property before item 1 is sent', async (_name, property, binary) => {
		const good = { json: {}, binary: { data: file('a.png'), toString: file('b.png') } };
		const { error } = await runOneAll({
			credentials: emulatorCredentials(emulator),
			parameters: publish(property),
			items: [good as never, { json: {}, binary } as never],
		});
		expect(error?.message).toBe(`The binary property "${property}" of item 1 holds no file`);
		expect(itemIndexOf(error)).toBe(1);
		expect(sent()).toEqual([]);
	});
});

describe('tweet length at the limit, counted as X counts links', () => {
	const tweet = (message: string) =>
		runOneAll({
			credentials: emulatorCredentials(emulator),
			parameters: { resource: 'twitter', operation: 'publishTweet', identity: byId(ID.twitter), message },
			items: [{ json: {} }],
		});

	it('256 letters + a Wikipedia link with its own parentheses = 280 for X: sent (was refused as 281)', async () => {
		const message = `${'a'.repeat(256)} https://en.wikipedia.org/wiki/Primer_(film)`;
		const { error } = await tweet(message);
		expect(error).toBeUndefined();
		expect(emulator.pushes()).toHaveLength(1);
	});

	it('a pasted 300,000-character text ending a link in punctuation is refused at once (the count took ~50 s)', async () => {
		const started = Date.now();
		const { error } = await tweet(`https://a.com/${'!'.repeat(300_000)}`);
		expect(error?.message).toBe('"Text" is too long: 300023 characters, the network allows 280');
		expect(Date.now() - started).toBeLessThan(5_000);
		expect(sent()).toEqual([]);
	});

	it('249 letters + a link followed by Japanese (text for X, 2 each) = 281: refused before sending (was counted 273 and sent)', async () => {
		const { error } = await tweet(`${'a'.repeat(249)} https://example.com/記事です`);
		expect(error?.message).toBe('"Text" is too long: 281 characters, the network allows 280');
		expect(sent()).toEqual([]);
	});
});

describe('a position is a whole number, 0 or more (YouTube channel section)', () => {
	const addSection = (position: unknown) =>
		runOneAll({
			credentials: emulatorCredentials(emulator),
			parameters: {
				resource: 'youtube',
				operation: 'addChannelSection',
				identity: byId(ID.youtube),
				sectionType: 'allPlaylists',
				additionalFields: { position: '={{ $json.position }}' },
			},
			items: [{ json: { position } as IDataObject }],
		});

	it.each([-1, 1.5, 'first'])('Position %p is refused before sending (-1 and 1.5 were sent to OneAll)', async (position) => {
		const { error } = await addSection(position);
		expect(error?.message).toBe('"Position" must be a whole number of at least 0');
		expect(sent()).toEqual([]);
	});

	it('Position 0 and "3" are sent as numbers', async () => {
		await addSection(0);
		await addSection('3');
		const positions = emulator.pushes().map((entry) => ((entry.body as IDataObject).request as { push: { channel: { section: IDataObject } } }).push.channel.section.position);
		expect(positions).toEqual([0, 3]);
	});
});
