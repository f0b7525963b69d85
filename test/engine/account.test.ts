/**
 * Account resources (Identity, User, Connection): Get Many paging, Limit and order, single reads with
 * provider-token redaction, the Synchronize and Relink writes, and how failures and retries behave.
 * Runs the built package in n8n-core against the emulator.
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { ACCESS_TOKEN_MARKER, FIXTURES, startEmulator, type Emulator } from '../emulator/index.cjs';
import { useEmulator } from '../helpers/emulatorSuite';
import { runOneAll } from '../helpers/harness.cjs';
import { byId, emulatorCredentials } from '../helpers/params';

const emulator = useEmulator();

const run = async (parameters: IDataObject, items?: INodeExecutionData[]) =>
	await runOneAll({ credentials: emulatorCredentials(emulator), parameters, items });

const obj = (value: unknown): IDataObject => value as IDataObject;
const list = (value: unknown): IDataObject[] => value as IDataObject[];
const requestLine = () => emulator.requests.map((r) => `${r.method} ${r.path} ${r.status}`);

describe('Get Many: paging, Limit and order', () => {
	it('Identity → Get Many with Return All walks every page of 500 to the last one', async () => {
		const total = emulator.fixtures.counts.identities!;
		expect(total).toBeGreaterThan(1000); // makes sure there are several pages to walk
		const pages = Math.ceil(total / 500);

		const { items, error } = await run({ resource: 'identity', operation: 'getAll', returnAll: true });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(total);
		expect(emulator.requests.map((r) => r.query.page)).toEqual(Array.from({ length: pages }, (_, i) => String(i + 1)));
		for (const request of emulator.requests) {
			expect(request.method).toBe('GET');
			expect(request.path).toBe('/identities.json');
			expect(request.query.entries_per_page).toBe('500');
			expect(request.status).toBe(200);
		}
		// Every identity once, in OneAll's order, each item paired with the input item.
		const tokens = items.map((item) => item.json.identity_token);
		expect(new Set(tokens).size).toBe(total);
		expect(tokens[0]).toBe(FIXTURES.identities.pinterest);
		expect(items.every((item) => JSON.stringify(item.pairedItem) === JSON.stringify({ item: 0 }))).toBe(true);
	});

	it('User → Get Many with Return All returns every user', async () => {
		const total = emulator.fixtures.counts.users;
		const { items, error } = await run({ resource: 'user', operation: 'getAll', returnAll: true });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(total);
		expect(emulator.requests.map((r) => [r.path, r.query.page, r.query.entries_per_page])).toEqual(
			Array.from({ length: Math.ceil(total / 500) }, (_, i) => ['/users.json', String(i + 1), '500']),
		);
		expect(items[0].json.user_token).toBe(FIXTURES.users.primary);
	});

	it('Connection → Get Many with Return All returns every connection', async () => {
		const total = emulator.fixtures.counts.connections;
		const { items, error } = await run({ resource: 'connection', operation: 'getAll', returnAll: true });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(total);
		expect(emulator.requests.map((r) => r.query.page)).toEqual(
			Array.from({ length: Math.ceil(total / 500) }, (_, i) => String(i + 1)),
		);
		expect(items[0].json.connection_token).toBe(FIXTURES.connection);
	});

	it('Limit 7 → 7 items from a single request asking for 7 entries', async () => {
		const { items, error } = await run({ resource: 'identity', operation: 'getAll', returnAll: false, limit: 7 });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(7);
		expect(emulator.requests).toHaveLength(1);
		expect(emulator.requests[0].query).toEqual({ page: '1', entries_per_page: '7' });
	});

	it('Limit 600 → 600 items over 2 pages of 500', async () => {
		const { items, error } = await run({ resource: 'user', operation: 'getAll', returnAll: false, limit: 600 });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(600);
		expect(new Set(items.map((item) => item.json.user_token)).size).toBe(600);
		expect(emulator.requests.map((r) => [r.query.page, r.query.entries_per_page])).toEqual([
			['1', '500'],
			['2', '500'],
		]);
	});

	it('the default Limit is 50', async () => {
		const { items } = await run({ resource: 'connection', operation: 'getAll' });
		expect(items).toHaveLength(50);
		expect(emulator.requests.map((r) => r.query.entries_per_page)).toEqual(['50']);
	});

	it('Order reaches the query as order_direction, and OneAll\'s order is kept', async () => {
		const oldest = await run({ resource: 'connection', operation: 'getAll', returnAll: true });
		expect(emulator.requests[0].query.order_direction).toBeUndefined(); // no option: OneAll's default
		emulator.reset();

		const asc = await run({ resource: 'connection', operation: 'getAll', limit: 5, options: { orderDirection: 'asc' } });
		expect(emulator.requests[0].query).toEqual({ page: '1', entries_per_page: '5', order_direction: 'asc' });
		emulator.reset();

		const desc = await run({ resource: 'connection', operation: 'getAll', limit: 5, options: { orderDirection: 'desc' } });
		expect(emulator.requests[0].query).toEqual({ page: '1', entries_per_page: '5', order_direction: 'desc' });

		const tokens = (items: INodeExecutionData[]) => items.map((item) => item.json.connection_token);
		expect(tokens(asc.items)).toEqual(tokens(oldest.items).slice(0, 5));
		expect(tokens(desc.items)).toEqual(tokens(oldest.items).slice(-5).reverse());
	});

	it('Order applies to every page of a Return All', async () => {
		const { items } = await run({
			resource: 'identity',
			operation: 'getAll',
			returnAll: true,
			options: { orderDirection: 'desc' },
		});
		expect(items).toHaveLength(emulator.fixtures.counts.identities!);
		expect(emulator.requests.every((r) => r.query.order_direction === 'desc')).toBe(true);
		expect(items.at(-1)?.json.identity_token).toBe(FIXTURES.identities.pinterest);
	});
});

describe('Identity → Get: provider access tokens', () => {
	it('are redacted by default', async () => {
		const { items, error } = await run({
			resource: 'identity',
			operation: 'get',
			identity: byId(FIXTURES.identities.pinterest),
		});
		expect(error).toBeUndefined();
		expect(emulator.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
			`GET /identities/${FIXTURES.identities.pinterest}.json`,
		]);
		expect(items).toHaveLength(1);
		const identity = obj(items[0].json.identity);
		expect(identity.identity_token).toBe(FIXTURES.identities.pinterest);
		expect(identity.user_token).toBe(FIXTURES.users.primary);
		expect(identity.provider).toBe('pinterest');
		expect(obj(identity.source).access_token).toBe('[redacted]');
		expect(obj(identity.source).key).toBe('pinterest'); // only the secrets go
		const output = JSON.stringify(items);
		expect(output).not.toContain(ACCESS_TOKEN_MARKER);
		expect(output).toContain('[redacted]');
	});

	it('are kept with Include Access Tokens', async () => {
		const { items, error } = await run({
			resource: 'identity',
			operation: 'get',
			identity: byId(FIXTURES.identities.pinterest),
			options: { includeAccessTokens: true },
		});
		expect(error).toBeUndefined();
		const accessToken = obj(obj(obj(items[0].json.identity).source).access_token);
		expect(accessToken.key).toContain(ACCESS_TOKEN_MARKER);
		expect(accessToken.secret).toContain(ACCESS_TOKEN_MARKER);
		expect(JSON.stringify(items)).not.toContain('[redacted]');
	});

	it('takes the identity in list mode, here from an expression per item', async () => {
		const { items, error } = await run(
			{
				resource: 'identity',
				operation: 'get',
				identity: { __rl: true, mode: 'list', value: '={{ $json.identity_token }}' },
			},
			[{ json: { identity_token: FIXTURES.identities.youtube } }, { json: { identity_token: FIXTURES.identities.linkedin } }],
		);
		expect(error).toBeUndefined();
		expect(items.map((item) => obj(item.json.identity).provider)).toEqual(['youtube', 'linkedin']);
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});
});

describe('User → Get and Connection → Get', () => {
	it('User → Get shows the user with its identities', async () => {
		const { items, error } = await run({ resource: 'user', operation: 'get', user: byId(FIXTURES.users.primary) });
		expect(error).toBeUndefined();
		expect(emulator.requests.map((r) => `${r.method} ${r.path}`)).toEqual([`GET /users/${FIXTURES.users.primary}.json`]);
		const user = obj(items[0].json.user);
		expect(user.user_token).toBe(FIXTURES.users.primary);
		expect(list(user.identities).map((identity) => [identity.identity_token, identity.provider])).toEqual([
			[FIXTURES.identities.pinterest, 'pinterest'],
			[FIXTURES.identities.facebook, 'facebook'],
			[FIXTURES.identities.twitter, 'twitter'],
		]);
	});

	it('Connection → Get by the token posted to the callback outputs who logged in, tokens redacted', async () => {
		// The social-login callback step: a Webhook node's body carries connection_token.
		const { items, error } = await run(
			{ resource: 'connection', operation: 'get', connection: '={{ $json.body.connection_token }}' },
			[{ json: { body: { oa_action: 'social_login', oa_social_login_token: 'x', connection_token: FIXTURES.connection } } }],
		);
		expect(error).toBeUndefined();
		expect(emulator.requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
			`GET /connections/${FIXTURES.connection}.json 200`,
		]);
		expect(items).toHaveLength(1);
		const { connection, user } = items[0].json as { connection: IDataObject; user: IDataObject };
		expect(connection.connection_token).toBe(FIXTURES.connection);
		expect(user.user_token).toBe(FIXTURES.users.primary);
		const identity = obj(user.identity);
		expect(identity.identity_token).toBe(FIXTURES.identities.pinterest);
		expect(identity.provider).toBe('pinterest');
		expect(JSON.stringify(items)).not.toContain(ACCESS_TOKEN_MARKER);
		expect(obj(identity.source).access_token).toBe('[redacted]');
	});

	it('Connection → Get keeps the tokens with Include Access Tokens', async () => {
		const { items } = await run({
			resource: 'connection',
			operation: 'get',
			connection: FIXTURES.connection,
			options: { includeAccessTokens: true },
		});
		expect(JSON.stringify(items)).toContain(ACCESS_TOKEN_MARKER);
	});

	it('an unknown connection is OneAll\'s 404', async () => {
		const { error } = await run({ resource: 'connection', operation: 'get', connection: FIXTURES.unknownConnection });
		expect(error?.name).toBe('NodeApiError');
		expect(error?.message).toBe(`OneAll error 404: The connection ${FIXTURES.unknownConnection} does not exist`);
		expect(error?.httpCode).toBe('404');
	});
});

describe('Identity → Synchronize', () => {
	it('PUTs the documented body with the defaults (update user data, no forced token update)', async () => {
		const { items, error } = await run({
			resource: 'identity',
			operation: 'synchronize',
			identity: byId(FIXTURES.identities.facebook),
		});
		expect(error).toBeUndefined();
		expect(emulator.requests).toHaveLength(1);
		const request = emulator.requests[0];
		expect(`${request.method} ${request.path} ${request.status}`).toBe(
			`PUT /identities/${FIXTURES.identities.facebook}/synchronize.json 200`,
		);
		expect(request.headers['content-type']).toMatch(/^application\/json/);
		expect(request.body).toEqual({ request: { synchronize: { update_user_data: true, force_token_update: false } } });
		expect(request.validation).toEqual({ errors: [], unknownKeys: [] });
		expect(obj(items[0].json.identity).identity_token).toBe(FIXTURES.identities.facebook);
		expect(JSON.stringify(items)).not.toContain(ACCESS_TOKEN_MARKER);
	});

	it('sends the switches as set', async () => {
		const { items, error } = await run({
			resource: 'identity',
			operation: 'synchronize',
			identity: byId(FIXTURES.identities.facebook),
			updateUserData: false,
			forceTokenUpdate: true,
			options: { includeAccessTokens: true },
		});
		expect(error).toBeUndefined();
		expect(emulator.requests[0].body).toEqual({
			request: { synchronize: { update_user_data: false, force_token_update: true } },
		});
		// The refreshed token is in the output when asked for.
		expect(String(obj(obj(obj(items[0].json.identity).source).access_token).key)).toContain(ACCESS_TOKEN_MARKER);
	});
});

describe('Identity → Relink to User', () => {
	// Relinking changes the emulator's data: its own instance keeps the other tests independent.
	let own: Emulator;
	beforeAll(async () => {
		own = await startEmulator();
	});
	afterAll(async () => await own.close());

	it('PUTs {"request":{"user":{"user_token":…}}} and outputs the user now owning the identity', async () => {
		const { items, error } = await runOneAll({
			credentials: emulatorCredentials(own),
			parameters: {
				resource: 'identity',
				operation: 'relink',
				identity: byId(FIXTURES.identities.twitter),
				user: byId(FIXTURES.users.secondary),
			},
		});
		expect(error).toBeUndefined();
		expect(own.requests).toHaveLength(1);
		const request = own.requests[0];
		expect(`${request.method} ${request.path} ${request.status}`).toBe(
			`PUT /identities/${FIXTURES.identities.twitter}/link.json 200`,
		);
		expect(request.body).toEqual({ request: { user: { user_token: FIXTURES.users.secondary } } });
		expect(request.validation).toEqual({ errors: [], unknownKeys: [] });

		const user = obj(items[0].json.user);
		expect(user.user_token).toBe(FIXTURES.users.secondary);
		expect(list(user.identities).map((identity) => identity.identity_token)).toContain(FIXTURES.identities.twitter);

		// OneAll now reports the move.
		const after = await runOneAll({
			credentials: emulatorCredentials(own),
			parameters: { resource: 'user', operation: 'get', user: byId(FIXTURES.users.primary) },
		});
		expect(list(obj(after.items[0].json.user).identities).map((identity) => identity.provider)).toEqual([
			'pinterest',
			'facebook',
		]);
	});

	it('an unknown target user is OneAll\'s 404', async () => {
		const { error } = await runOneAll({
			credentials: emulatorCredentials(own),
			parameters: {
				resource: 'identity',
				operation: 'relink',
				identity: byId(FIXTURES.identities.twitter),
				user: byId(FIXTURES.unknownUser),
			},
		});
		expect(error?.name).toBe('NodeApiError');
		expect(error?.message).toBe(`OneAll error 404: The user ${FIXTURES.unknownUser} does not exist`);
		expect(error?.httpCode).toBe('404');
	});
});

describe('failures', () => {
	it('an unknown identity is a NodeApiError with OneAll\'s 404 text and code', async () => {
		const { error, items } = await run({
			resource: 'identity',
			operation: 'get',
			identity: byId(FIXTURES.unknownIdentity),
		});
		expect(items).toEqual([]);
		expect(error?.name).toBe('NodeApiError');
		expect(error?.message).toBe(`OneAll error 404: The identity ${FIXTURES.unknownIdentity} does not exist`);
		expect(error?.httpCode).toBe('404');
		expect(error?.description).toContain(`GET /identities/${FIXTURES.unknownIdentity}.json`);
		expect(error?.context?.itemIndex).toBe(0);
		expect(emulator.requests).toHaveLength(1); // a 404 is not retried
	});

	it('an unknown user is OneAll\'s 404', async () => {
		const { error } = await run({ resource: 'user', operation: 'get', user: byId(FIXTURES.unknownUser) });
		expect(error?.message).toBe(`OneAll error 404: The user ${FIXTURES.unknownUser} does not exist`);
		expect(error?.httpCode).toBe('404');
	});

	// Tokens typed into the field are checked by n8n itself (the locator's regex, "required"); tokens that
	// arrive through an expression are checked by the node at run time, before anything is sent.
	const fromJson = byId('={{ $json.token }}');
	const badTokens: Array<[string, IDataObject, string, RegExp]> = [
		['identity not token-shaped', { resource: 'identity', operation: 'get', identity: fromJson }, 'not-a-token', /^Identity token "not-a-token" is not a valid OneAll token/],
		['identity with a path in it', { resource: 'identity', operation: 'synchronize', identity: fromJson }, `../users/${FIXTURES.users.primary}`, /^Identity token ".*" is not a valid OneAll token/],
		['empty identity', { resource: 'identity', operation: 'get', identity: fromJson }, '', /^Identity token is empty/],
		['user not token-shaped', { resource: 'user', operation: 'get', user: fromJson }, '5360232a', /^User token "5360232a" is not a valid OneAll token/],
		['relink target not token-shaped', { resource: 'identity', operation: 'relink', identity: byId(FIXTURES.identities.twitter), user: fromJson }, 'someone', /^User token "someone" is not a valid OneAll token/],
		['empty connection', { resource: 'connection', operation: 'get', connection: '={{ $json.token }}' }, '', /^Connection token is empty/],
		['connection with a query in it', { resource: 'connection', operation: 'get', connection: '={{ $json.token }}' }, `${FIXTURES.connection}?x=1`, /^Connection token ".*" is not a valid OneAll token/],
	];

	it.each(badTokens)('a bad token is a NodeOperationError before any request: %s', async (_name, parameters, token, message) => {
		const { error } = await run(parameters, [{ json: { token } }]);
		expect(error?.name).toBe('NodeOperationError');
		expect(error?.message).toMatch(message);
		expect(emulator.requests).toHaveLength(0);
	});

	it('a bad token typed into the field is refused by the node, before any request', async () => {
		const { error } = await run({ resource: 'identity', operation: 'get', identity: byId('not-a-token') });
		expect(error?.name).toBe('NodeOperationError');
		expect(error?.message).toMatch(/Identity token "not-a-token" is not a valid OneAll token/);
		expect(emulator.requests).toHaveLength(0);
	});

	it('a read that gets a 503 is sent again and succeeds', async () => {
		emulator.addFault({ type: 'status', status: 503, path: '/identities/', retryAfter: 0 });
		const { items, error } = await run({
			resource: 'identity',
			operation: 'get',
			identity: byId(FIXTURES.identities.pinterest),
		});
		expect(error).toBeUndefined();
		expect(requestLine()).toEqual([
			`GET /identities/${FIXTURES.identities.pinterest}.json 503`,
			`GET /identities/${FIXTURES.identities.pinterest}.json 200`,
		]);
		expect(obj(items[0].json.identity).identity_token).toBe(FIXTURES.identities.pinterest);
	});

	it('a page of a Get Many that gets a 503 is sent again; the list stays complete', async () => {
		emulator.addFault({ type: 'status', status: 503, path: '/users.json', retryAfter: 0 });
		const { items, error } = await run({ resource: 'user', operation: 'getAll', limit: 600 });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(600);
		expect(emulator.requests.map((r) => [r.query.page, r.status])).toEqual([
			['1', 503],
			['1', 200],
			['2', 200],
		]);
	});

	it('a push that gets a 503 is NOT sent again', async () => {
		emulator.addFault({ type: 'status', status: 503, path: '/push/', retryAfter: 0 });
		const { error } = await run({
			resource: 'pinterest',
			operation: 'publishPin',
			identity: byId(FIXTURES.identities.pinterest),
			board: byId(FIXTURES.pinterest.boardId),
			title: 'OneAll',
			picture: 'https://www.oneall.com/logo.jpg',
		});
		expect(error?.name).toBe('NodeApiError');
		expect(error?.httpCode).toBe('503');
		expect(error?.description).toContain('may already have been executed');
		expect(emulator.requests).toHaveLength(1);
		expect(emulator.requests[0].status).toBe(503);
	});

	it('a Synchronize (a write) that gets a 503 is NOT sent again either', async () => {
		emulator.addFault({ type: 'status', status: 503, path: '/identities/', retryAfter: 0 });
		const { error } = await run({
			resource: 'identity',
			operation: 'synchronize',
			identity: byId(FIXTURES.identities.pinterest),
		});
		expect(error?.name).toBe('NodeApiError');
		expect(error?.httpCode).toBe('503');
		expect(requestLine()).toEqual([`PUT /identities/${FIXTURES.identities.pinterest}/synchronize.json 503`]);
	});
});
