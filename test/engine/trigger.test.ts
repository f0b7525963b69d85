/**
 * OneAll Trigger (poll) and OneAll Social Login Trigger (webhook): the built nodes in n8n-core's real
 * PollContext / WebhookContext against the emulator (test/helpers/triggers.cjs).
 */
import type { IDataObject } from 'n8n-workflow';

import { ACCESS_TOKEN_MARKER, FIXTURES, startEmulator, type Emulator } from '../emulator/index.cjs';
import { emulatorCredentials } from '../helpers/params';
import { pollOnce, startLoginTrigger, type LoginTrigger } from '../helpers/triggers.cjs';
import { startAnswerStub } from '../helpers/stubServer.cjs';

let emulator: Emulator;
// Each test gets fresh site data: events added by one must not be "new" for the next.
beforeEach(async () => {
	emulator = await startEmulator({ userCount: 60, connectionCount: 30 });
});
afterEach(async () => await emulator.close());

const obj = (value: unknown): IDataObject => value as IDataObject;
const now = Date.now();
/** A date_creation `seconds` from the start of this test file, on a whole second. */
const at = (seconds: number, ms = 0) => Math.floor(now / 1000) * 1000 + seconds * 1000 + ms;

async function poll(parameters: IDataObject, staticData: IDataObject, mode: 'trigger' | 'manual' = 'trigger', apiBaseUrl?: string) {
	const credentials = emulatorCredentials(emulator, apiBaseUrl ? { apiBaseUrl } : {});
	return await pollOnce({ parameters, staticData, mode, credentials });
}

/** New logins of existing identities; answers their connection tokens. */
function addLogins(...dates: number[]): string[] {
	const identity = FIXTURES.identities.twitter;
	return emulator.addEvents({ connections: dates.map((date) => ({ identity_token: identity, date_creation: date })) })
		.connections;
}

const requests = () => emulator.requests.map((r) => `${r.method} ${r.path}`);
const tokensOf = (items: Array<{ json: IDataObject }> | null, key: string, at = (j: IDataObject) => j[key]) =>
	(items ?? []).map((item) => at(item.json));

describe.each(['generous', 'public'] as const)('OneAll Trigger: polling, %s answers', (answers) => {
	beforeEach(() => emulator.setAnswers(answers));
	it('first activation stores the cursor and emits nothing; an unchanged list emits nothing after it', async () => {
		const staticData: IDataObject = {};
		const first = await poll({ event: 'newLogin' }, staticData);
		expect(first).toEqual({ items: null, error: undefined });
		const cursor = obj(staticData.cursor);
		expect(cursor.key).toBe('newLogin:');
		expect(typeof cursor.second).toBe('number');
		expect((cursor.tokens as string[]).length).toBeGreaterThanOrEqual(1);
		expect(requests()).toEqual(['GET /connections.json']);
		expect(emulator.requests[0].query).toMatchObject({ order_direction: 'desc', page: '1' });

		const second = await poll({ event: 'newLogin' }, staticData);
		expect(second.items).toBeNull();
		expect(staticData.cursor).toEqual(cursor);
		// No login was new, so none was read in full.
		expect(requests().filter((line) => line.startsWith('GET /connections/'))).toEqual([]);
	});

	it('new logins are emitted oldest first, read in full (connection, user with identities, identity), tokens redacted', async () => {
		const staticData: IDataObject = {};
		await poll({ event: 'newLogin' }, staticData);
		const [early, sameSecondA, sameSecondB] = addLogins(at(10), at(20, 100), at(20, 700));

		const { items, error } = await poll({ event: 'newLogin' }, staticData);
		expect(error).toBeUndefined();
		// Oldest first; within one second OneAll gives no order, so tokens break the tie.
		expect(tokensOf(items, '', (j) => obj(j.connection).connection_token)).toEqual([early, ...[sameSecondA, sameSecondB].sort()]);
		const login = items![0].json;
		// The connection read dates a login as `date` (docs/oneall-api.md §7.4): nothing the trigger relies on is missing.
		expect(login._oneAllMissing).toBeUndefined();
		expect(obj(login.identity).identity_token).toBe(FIXTURES.identities.twitter);
		expect(obj(login.user).user_token).toBe(FIXTURES.users.primary);
		expect((obj(login.user).identities as IDataObject[]).map((i) => i.provider).sort()).toEqual(['facebook', 'pinterest', 'twitter']);
		expect(JSON.stringify(items)).not.toContain(ACCESS_TOKEN_MARKER);
		expect(obj(obj(obj(login.identity).source).access_token)).toBe('[redacted]');
		// The cursor holds the newest second and both tokens seen in it.
		expect(obj(staticData.cursor)).toMatchObject({ second: Math.floor(at(20) / 1000) });
		expect((obj(staticData.cursor).tokens as string[]).sort()).toEqual([sameSecondA, sameSecondB].sort());

		expect((await poll({ event: 'newLogin' }, staticData)).items).toBeNull();
	});

	it('an event arriving later in a second already passed is emitted once, the ones passed are not repeated', async () => {
		const staticData: IDataObject = {};
		await poll({ event: 'newLogin' }, staticData);
		const [first] = addLogins(at(30, 100));
		expect(tokensOf((await poll({ event: 'newLogin' }, staticData)).items, '', (j) => obj(j.connection).connection_token)).toEqual([first]);

		const [late] = addLogins(at(30, 900));
		const again = await poll({ event: 'newLogin' }, staticData);
		expect(tokensOf(again.items, '', (j) => obj(j.connection).connection_token)).toEqual([late]);
		expect((obj(staticData.cursor).tokens as string[]).sort()).toEqual([first, late].sort());
		expect((await poll({ event: 'newLogin' }, staticData)).items).toBeNull();
	});

	it('Max Events per Poll bounds each poll; pages desc back to the cursor; the rest follows, nothing twice or skipped', async () => {
		const staticData: IDataObject = {};
		const options = { maxEvents: 25 };
		await poll({ event: 'newUser', options }, staticData);
		// 60 new users, several sharing a second: one page of 500 (OneAll's largest) per poll.
		const added = emulator.addEvents({
			users: Array.from({ length: 60 }, (_, n) => ({ date_creation: at(40 + Math.floor(n / 4), n), identities: [{ provider: 'facebook' }] })),
		}).users;

		const emitted: string[] = [];
		const perPoll: number[] = [];
		for (let round = 0; round < 4; round++) {
			emulator.reset();
			emulator.setAnswers(answers);
			const { items, error } = await poll({ event: 'newUser', options }, staticData);
			expect(error).toBeUndefined();
			perPoll.push(items?.length ?? 0);
			emitted.push(...tokensOf(items, 'user_token').map(String));
			if (round === 0) {
				const lists = emulator.requests.filter((r) => r.path === '/users.json');
				expect(lists.map((r) => [r.query.page, r.query.order_direction, r.query.entries_per_page])).toEqual([
					['1', 'desc', '500'],
				]);
			}
		}
		expect(perPoll).toEqual([25, 25, 10, 0]);
		// Oldest first (4 users a second, tokens breaking ties), each once.
		const expected = added.map((token, n) => ({ token, second: 40 + Math.floor(n / 4) }));
		expected.sort((a, b) => a.second - b.second || (a.token < b.token ? -1 : 1));
		expect(emitted).toEqual(expected.map((e) => e.token));
		expect(new Set(emitted).size).toBe(60);
	});

	it.each([
		['401 on the list', { type: 'status', status: 401, path: '/connections.json', times: -1 }],
		['503 on the full read', { type: 'status', status: 503, path: '/connections/', times: -1 }],
		['connection reset', { type: 'reset', path: '/connections/', times: -1 }],
	] as const)('%s: the poll throws, the cursor stays, the next poll emits the same events', async (_name, fault) => {
		const staticData: IDataObject = {};
		await poll({ event: 'newLogin' }, staticData);
		const added = addLogins(at(50), at(51));
		const before = JSON.stringify(staticData);

		emulator.addFault(fault as never);
		const failed = await poll({ event: 'newLogin' }, staticData);
		expect(failed.items).toBeNull();
		expect(failed.error).toBeDefined();
		expect(JSON.stringify(staticData)).toBe(before);

		emulator.reset();
		emulator.setAnswers(answers);
		const { items, error } = await poll({ event: 'newLogin' }, staticData);
		expect(error).toBeUndefined();
		expect(tokensOf(items, '', (j) => obj(j.connection).connection_token)).toEqual(added);
	});

	it('a manual test run returns the newest event and leaves the cursor alone', async () => {
		const staticData: IDataObject = {};
		await poll({ event: 'newLogin' }, staticData);
		const before = JSON.stringify(staticData);
		const [newest] = addLogins(at(60));
		const { items, error } = await poll({ event: 'newLogin' }, staticData, 'manual');
		expect(error).toBeUndefined();
		expect(tokensOf(items, '', (j) => obj(j.connection).connection_token)).toEqual([newest]);
		expect(JSON.stringify(staticData)).toBe(before);
		// The active poll still emits it.
		expect(tokensOf((await poll({ event: 'newLogin' }, staticData)).items, '', (j) => obj(j.connection).connection_token)).toEqual([newest]);
	});

	it('New Identity of one network emits only that network and moves past the others; Include Access Tokens keeps them', async () => {
		const staticData: IDataObject = {};
		const parameters = { event: 'newIdentity', network: 'twitter', options: { includeAccessTokens: true } };
		await poll(parameters, staticData);
		const [fb, tw] = emulator.addEvents({
			identities: [
				{ user_token: FIXTURES.users.secondary, provider: 'facebook', date_creation: at(70) },
				{ user_token: FIXTURES.users.secondary, provider: 'twitter', date_creation: at(71) },
			],
		}).identities;
		const { items } = await poll(parameters, staticData);
		expect(tokensOf(items, 'identity_token')).toEqual([tw]);
		expect(JSON.stringify(items)).toContain(ACCESS_TOKEN_MARKER);
		// A list entry with `provider` decides without a full read; OneAll's public example has none.
		if (answers === 'generous') expect(requests()).not.toContain(`GET /identities/${fb}.json`);
		// Dated entries move the date cursor; undated ones (public answers) are remembered by token.
		if (answers === 'generous') expect(obj(staticData.cursor).second).toBe(Math.floor(at(71) / 1000));
		expect(obj(staticData.cursor).seen).toEqual(expect.arrayContaining([fb, tw]));
	});

	it('a changed event or filter starts afresh instead of reusing another cursor', async () => {
		const staticData: IDataObject = {};
		await poll({ event: 'newLogin' }, staticData);
		addLogins(at(80));
		expect((await poll({ event: 'newUser' }, staticData)).items).toBeNull();
		expect(obj(staticData.cursor).key).toBe('newUser:');
	});
});

describe('OneAll Trigger: answers like OneAll\'s public examples and hostile servers', () => {
	const emitted = (items: Array<{ json: IDataObject }> | null) => tokensOf(items, 'identity_token').map(String);

	it('identities listed with only user_token and identity_token (no date, no provider): three ticks, each new one once, none skipped, the network filter after the full read', async () => {
		emulator.setAnswers('public');
		const staticData: IDataObject = {};
		const parameters = { event: 'newIdentity', network: 'twitter' };
		expect((await poll(parameters, staticData)).error).toBeUndefined();
		// The full read lacks date_creation too: the output says so.
		emulator.addFault({ type: 'reshape', path: '/identities/', drop: ['response.result.data.identity.date_creation'], times: -1 } as never);
		const add = (provider: string) =>
			emulator.addEvents({ identities: [{ user_token: FIXTURES.users.secondary, provider, date_creation: Date.now() }] }).identities[0];

		const [fb, tw1] = [add('facebook'), add('twitter')];
		const first = await poll(parameters, staticData);
		expect(first.error).toBeUndefined();
		expect(emitted(first.items)).toEqual([tw1]);
		expect(first.items![0].json._oneAllMissing).toEqual(['date_creation']);
		expect(requests()).toContain(`GET /identities/${fb}.json`);

		const tw2 = add('twitter');
		const tw3 = add('twitter');
		const second = await poll(parameters, staticData);
		expect(second.error).toBeUndefined();
		expect(emitted(second.items)).toEqual([tw2, tw3]);

		const third = await poll(parameters, staticData);
		expect(third.error).toBeUndefined();
		expect(third.items).toBeNull();
	});

	it('a future-dated entry is emitted once and moves the cursor no further than the poll\'s clock plus 2 minutes; later real events follow', async () => {
		const staticData: IDataObject = {};
		await poll({ event: 'newUser' }, staticData);
		const [future] = emulator.addEvents({ users: [{ date_creation: Date.now() + 86_400_000 }] }).users;
		expect(tokensOf((await poll({ event: 'newUser' }, staticData)).items, 'user_token')).toEqual([future]);
		expect(obj(staticData.cursor).second as number).toBeLessThanOrEqual(Math.floor(Date.now() / 1000) + 120);

		const [real] = emulator.addEvents({ users: [{ date_creation: Date.now() + 1000 }] }).users;
		expect(tokensOf((await poll({ event: 'newUser' }, staticData)).items, 'user_token')).toEqual([real]);
		expect((await poll({ event: 'newUser' }, staticData)).items).toBeNull();
	});

	it('an event whose full read always answers 500 holds later ones back for 3 polls, then is emitted marked _oneAllReadFailed; never a stall', async () => {
		const staticData: IDataObject = {};
		await poll({ event: 'newUser' }, staticData);
		const [a, bad, c] = emulator.addEvents({ users: [{ date_creation: at(-30) }, { date_creation: at(-20) }, { date_creation: at(-10) }] }).users;
		emulator.addFault({ type: 'status', status: 500, path: `/users/${bad}.json`, times: -1 } as never);
		const polls = [];
		for (let round = 0; round < 4; round++) {
			const { items, error } = await poll({ event: 'newUser' }, staticData);
			expect(error).toBeUndefined();
			polls.push((items ?? []).map((item) => [item.json.user_token, item.json._oneAllReadFailed ? 'failed' : 'read']));
		}
		expect(polls).toEqual([[[a, 'read']], [], [[bad, 'failed'], [c, 'read']], []]);
		expect(obj(staticData.cursor).failures).toEqual({});
	});

	it.each([
		['a login whose connection names no user', 'newLogin', 'connections', (token: string) => ({ path: `/connections/${token}.json`, drop: ['response.result.data.user'] }), /connection .* names no user: result\.data\.user is missing/],
		['a user whose read holds no user object', 'newUser', 'users', (token: string) => ({ path: `/users/${token}.json`, set: { 'response.result.data.user': 'gone' } }), /has no user: result\.data\.user is the text "gone"/],
	] as const)('%s, the newest event: never fails the poll; held for 3 polls, then emitted marked _oneAllReadFailed', async (_, event, kind, fault, message) => {
		const staticData: IDataObject = {};
		await poll({ event }, staticData);
		const add = (date: number) =>
			kind === 'connections' ? addLogins(date)[0] : emulator.addEvents({ users: [{ date_creation: date }] }).users[0];
		const [a, bad] = [add(at(-20)), add(at(-10))];
		emulator.addFault({ type: 'reshape', ...fault(bad), times: -1 } as never);
		// A login read in full names its token under connection; one emitted as listed, at the top.
		const token = (json: IDataObject) => String(obj(json.connection ?? json).connection_token ?? json.user_token);
		const polls = [];
		for (let round = 0; round < 4; round++) {
			const { items, error } = await poll({ event }, staticData);
			expect(error).toBeUndefined();
			polls.push((items ?? []).map((item) => [token(item.json), item.json._oneAllReadFailed ? 'failed' : 'read']));
			for (const item of items ?? []) if (item.json._oneAllReadFailed) expect(obj(item.json._oneAllReadFailed).message).toMatch(message);
		}
		expect(polls).toEqual([[[a, 'read']], [], [[bad, 'failed']], []]);
	});

	it.each(['garbage 12', 'Thu, 01 Jan 1970 00:00:00 +0000', 'Mon, 31 Feb 2014 10:26:44 +0200'])('a new entry dated %j (read by Date.parse as an old date) is emitted once, as undated', async (date) => {
		const staticData: IDataObject = {};
		await poll({ event: 'newUser' }, staticData);
		const [fresh] = emulator.addEvents({ users: [{ date_creation: at(5) }] }).users;
		emulator.addFault({ type: 'reshape', path: '/users.json', set: { 'response.result.data.users.entries.0.date_creation': date }, times: -1 } as never);
		const { items, error } = await poll({ event: 'newUser' }, staticData);
		expect(error).toBeUndefined();
		expect(tokensOf(items, 'user_token')).toEqual([fresh]);
		expect((await poll({ event: 'newUser' }, staticData)).items).toBeNull();
	});

	it('a login whose connection read has no date at all says so in _oneAllMissing (named connection.date)', async () => {
		const staticData: IDataObject = {};
		await poll({ event: 'newLogin' }, staticData);
		const [login] = addLogins(at(5));
		emulator.addFault({ type: 'reshape', path: `/connections/${login}.json`, drop: ['response.result.data.connection.date'], times: -1 } as never);
		const { items, error } = await poll({ event: 'newLogin' }, staticData);
		expect(error).toBeUndefined();
		expect(items?.map((item) => item.json._oneAllMissing)).toEqual([['connection.date']]);
	});

	it('an old entry (before the cursor) without token or date does not fail the poll', async () => {
		const staticData: IDataObject = {};
		await poll({ event: 'newUser' }, staticData);
		emulator.addFault({ type: 'reshape', path: '/users.json', drop: ['response.result.data.users.entries.*.date_creation'], times: -1 } as never);
		const [fresh] = emulator.addEvents({ users: [{ date_creation: at(5) }] }).users;
		const { items, error } = await poll({ event: 'newUser' }, staticData);
		expect(error).toBeUndefined();
		expect(tokensOf(items, 'user_token')).toEqual([fresh]);
		expect((await poll({ event: 'newUser' }, staticData)).items).toBeNull();
	});

	const envelope = (data: IDataObject) => ({ response: { request: { status: { flag: 'success', code: 200 } }, result: { data } } });
	const user = (token: string, second: number) => ({ user_token: token, date_creation: new Date(second * 1000).toUTCString() });
	const fullRead = (path: string) => envelope({ user: { user_token: path.replace(/^\/users\/|\.json$/g, ''), date_creation: 'Mon, 06 Oct 2014 10:26:44 +0200' } });

	it('a server that ignores `page` and always says "page 1 of 2": each new entry once, the repeated page ends the walk', async () => {
		const base = Math.floor(Date.now() / 1000) - 100;
		let list = [user('u-old', base)];
		const stub = await startAnswerStub(({ path }) =>
			path === '/users.json' ? envelope({ users: { pagination: { current_page: 1, total_pages: 2 }, count: list.length, entries: list } }) : fullRead(path),
		);
		try {
			const staticData: IDataObject = {};
			await poll({ event: 'newUser' }, staticData, 'trigger', stub.url);
			list = [user('u-3', base + 3), user('u-2', base + 2), user('u-1', base + 1), ...list];
			const { items, error } = await poll({ event: 'newUser' }, staticData, 'trigger', stub.url);
			expect(error).toBeUndefined();
			expect(tokensOf(items, 'user_token')).toEqual(['u-1', 'u-2', 'u-3']);
			expect(stub.requests.filter((r) => r.path === '/users.json').length).toBeLessThanOrEqual(3);
		} finally {
			await stub.close();
		}
	});

	it('a list of several pages served oldest first (order_direction ignored) fails the poll with a clear error instead of never seeing a new entry', async () => {
		const base = Math.floor(Date.now() / 1000) - 5000;
		// Oldest first whatever is asked; one page of 3 is fine, 600 entries are not.
		let all = Array.from({ length: 3 }, (_, n) => user(`u-${n}`, base + n));
		const stub = await startAnswerStub(({ path, query }) => {
			if (path !== '/users.json') return fullRead(path);
			const page = Number(query.page);
			const size = Number(query.entries_per_page);
			const entries = all.slice((page - 1) * size, page * size);
			return envelope({ users: { pagination: { current_page: page, total_pages: Math.ceil(all.length / size) }, count: entries.length, entries } });
		});
		try {
			const staticData: IDataObject = {};
			expect((await poll({ event: 'newUser' }, staticData, 'trigger', stub.url)).error).toBeUndefined();
			all = [...all, user('u-new', base + 10)];
			const small = await poll({ event: 'newUser' }, staticData, 'trigger', stub.url);
			expect(small.error).toBeUndefined();
			expect(tokensOf(small.items, 'user_token')).toEqual(['u-new']);

			all = Array.from({ length: 600 }, (_, n) => user(`u-${n}`, base + n));
			const cursor = JSON.stringify(staticData);
			const { items, error } = await poll({ event: 'newUser' }, staticData, 'trigger', stub.url);
			expect(items).toBeNull();
			expect(error?.message).toBe('OneAll listed the users oldest first although the trigger asked for the newest first (GET /users.json?order_direction=desc)');
			expect(JSON.stringify(staticData)).toBe(cursor);
			expect((await poll({ event: 'newUser' }, {}, 'trigger', stub.url)).error?.message).toMatch(/oldest first/);
		} finally {
			await stub.close();
		}
	});

	it('entries whose token is no OneAll id (10,000 characters, a space) are skipped: never read, never kept in the static data', async () => {
		const base = Math.floor(Date.now() / 1000) - 100;
		let list = [user('u-old', base)];
		const stub = await startAnswerStub(({ path }) =>
			path === '/users.json' ? envelope({ users: { count: list.length, entries: list } }) : fullRead(path),
		);
		try {
			const staticData: IDataObject = {};
			await poll({ event: 'newUser' }, staticData, 'trigger', stub.url);
			list = [user('x'.repeat(10_000), base + 3), user('a b', base + 2), user('u-new', base + 1), ...list];
			const { items, error } = await poll({ event: 'newUser' }, staticData, 'trigger', stub.url);
			expect(error).toBeUndefined();
			expect(tokensOf(items, 'user_token')).toEqual(['u-new']);
			expect(stub.requests.filter((r) => r.path !== '/users.json').map((r) => r.path)).toEqual(['/users/u-new.json']);
			expect(JSON.stringify(staticData).length).toBeLessThan(500);
			expect((await poll({ event: 'newUser' }, staticData, 'trigger', stub.url)).items).toBeNull();
		} finally {
			await stub.close();
		}
	});

	it('a login arriving between page 1 and page 2 shifts the entries: none is emitted twice, none skipped', async () => {
		const base = Math.floor(Date.now() / 1000) - 2000;
		// Newest first; the first poll's page 2 request sees one more entry on top.
		let all = [user('u-old', base)];
		const stub = await startAnswerStub(({ path, query }) => {
			if (path !== '/users.json') return fullRead(path);
			const page = Number(query.page);
			const size = Number(query.entries_per_page);
			if (page === 2 && !all.some((u) => u.user_token === 'u-late')) all = [user('u-late', base + 1500), ...all];
			const entries = all.slice((page - 1) * size, page * size);
			return envelope({ users: { pagination: { current_page: page, total_pages: Math.ceil(all.length / size) }, count: entries.length, entries } });
		});
		try {
			const staticData: IDataObject = {};
			await poll({ event: 'newUser' }, staticData, 'trigger', stub.url);
			all = [...Array.from({ length: 600 }, (_, n) => user(`u-${String(n).padStart(3, '0')}`, base + 1 + n)).reverse(), ...all];
			const seen: string[] = [];
			for (let round = 0; round < 3; round++) {
				const { items, error } = await poll({ event: 'newUser', options: { maxEvents: 500 } }, staticData, 'trigger', stub.url);
				expect(error).toBeUndefined();
				seen.push(...tokensOf(items, 'user_token').map(String));
			}
			expect(seen).toHaveLength(601);
			expect(new Set(seen).size).toBe(601);
		} finally {
			await stub.close();
		}
	});

	it('an entry deleted between page 1 and page 2 makes an older one slide onto page 1: every surviving entry is emitted once', async () => {
		const base = Math.floor(Date.now() / 1000) - 2000;
		let all = [user('u-old', base)];
		let deleted: string | undefined;
		const stub = await startAnswerStub(({ path, query }) => {
			if (path !== '/users.json') return fullRead(path);
			const page = Number(query.page);
			const size = Number(query.entries_per_page);
			// Once, before page 2 is read: the newest entry (read on page 1) is deleted, so page 1's successor
			// moves up onto page 1, which this poll has already read.
			if (page === 2 && deleted === undefined) {
				deleted = all[0].user_token;
				all = all.slice(1);
			}
			const entries = all.slice((page - 1) * size, page * size);
			return envelope({ users: { pagination: { current_page: page, total_pages: Math.ceil(all.length / size) }, count: entries.length, entries } });
		});
		try {
			const staticData: IDataObject = {};
			await poll({ event: 'newUser' }, staticData, 'trigger', stub.url);
			const added = Array.from({ length: 600 }, (_, n) => user(`u-${String(n).padStart(3, '0')}`, base + 1 + n)).reverse();
			all = [...added, ...all];
			const slides = added[500].user_token;
			const emitted: string[] = [];
			for (let round = 0; round < 2; round++) {
				const { items, error } = await poll({ event: 'newUser', options: { maxEvents: 500 } }, staticData, 'trigger', stub.url);
				expect(error).toBeUndefined();
				emitted.push(...tokensOf(items, 'user_token').map(String));
			}
			expect(deleted).toBe('u-599');
			expect(emitted).toContain(slides);
			// The walk over two pages reads them once more; the next poll ends on page 1 and reads it alone.
			expect(stub.requests.filter((r) => r.path === '/users.json').map((r) => r.query.page)).toEqual(['1', '1', '2', '1', '2', '1']);
			// Every surviving entry once; the deleted one was listed before it went, so it may be emitted (once).
			const surviving = added.map((u) => u.user_token).filter((token) => token !== deleted);
			expect(emitted.filter((token) => token !== deleted).sort()).toEqual(surviving.sort());
			expect(new Set(emitted).size).toBe(emitted.length);
			expect((await poll({ event: 'newUser' }, staticData, 'trigger', stub.url)).items).toBeNull();
		} finally {
			await stub.close();
		}
	});
});

describe('OneAll Social Login Trigger: the widget callback', () => {
	let trigger: LoginTrigger | undefined;
	afterEach(async () => {
		await trigger?.close();
		trigger = undefined;
	});

	const start = async (parameters: IDataObject) =>
		(trigger = await startLoginTrigger({ parameters, credentials: emulatorCredentials(emulator) }));
	const form = (token: string, extra: Record<string, string> = {}) => ({
		oa_action: 'social_login',
		oa_social_login_token: token,
		connection_token: token,
		identity_vault_key: 'vault-key-from-the-browser',
		...extra,
	});

	it('verifies the token with OneAll, redirects with the user token, and starts one run with the login', async () => {
		const t = await start({ respondWith: 'redirect', redirectUrl: 'https://shop.example.com/welcome?from=oneall', addUserToken: true });
		const [token] = addLogins(Date.now());
		const response = await t.postForm(form(token), '?oa_social_login_source=header');
		expect(response.status).toBe(302);
		expect(response.headers.get('location')).toBe(
			`https://shop.example.com/welcome?from=oneall&user_token=${FIXTURES.users.primary}`,
		);
		expect(response.headers.get('cache-control')).toBe('no-store');
		expect(requests()).toEqual([`GET /connections/${token}.json`, `GET /users/${FIXTURES.users.primary}.json`]);

		expect(t.runs).toHaveLength(1);
		const json = t.runs[0][0].json;
		expect(json.action).toBe('social_login');
		expect(obj(json.connection).connection_token).toBe(token);
		expect(obj(json.identity).identity_token).toBe(FIXTURES.identities.twitter);
		expect((obj(json.user).identities as IDataObject[]).length).toBe(3);
		expect(json.query).toEqual({ oa_social_login_source: 'header' });
		expect(JSON.stringify(json)).not.toContain(ACCESS_TOKEN_MARKER);
		expect(JSON.stringify(json)).not.toContain('vault-key-from-the-browser');
	});

	it('answers a short HTML page (escaped) when asked to', async () => {
		const t = await start({ respondWith: 'page', pageTitle: 'Welcome <back>', pageMessage: 'Close "this" tab' });
		const [token] = addLogins(Date.now());
		const response = await t.postForm(form(token));
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
		const html = await response.text();
		expect(html).toContain('<h1>Welcome &lt;back&gt;</h1>');
		expect(html).toContain('Close &quot;this&quot; tab');
		expect(t.runs).toHaveLength(1);
	});

	const FORGED = '0badc0de-0000-4000-8000-000000000000';
	it.each([
		['a forged (well-formed, unknown) token', () => form(FORGED), 403, 1],
		['a malformed token', () => form('../users.json'), 400, 0],
		['two different tokens', () => form(FIXTURES.connection, { oa_social_login_token: FORGED }), 400, 0],
		['no token', () => ({ oa_action: 'social_login' }), 400, 0],
		['an unknown action', () => form(FIXTURES.connection, { oa_action: 'delete_everything' }), 400, 0],
		['a real but old connection (replay)', () => form(FIXTURES.connection), 403, 2],
	])('%s: an HTML error page, no run', async (_name, makeForm, status, oneAllReads) => {
		const t = await start({ respondWith: 'redirect', redirectUrl: 'https://shop.example.com/welcome' });
		const response = await t.postForm(makeForm() as Record<string, string>);
		expect(response.status).toBe(status);
		expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
		expect(response.headers.get('location')).toBeNull();
		expect(await response.text()).toMatch(/^<!DOCTYPE html>/);
		expect(t.runs).toHaveLength(0);
		expect(emulator.requests).toHaveLength(oneAllReads);
	});

	it('OneAll failing (5xx) gives a 502 page and no run; wrong site keys (401) also a 502 page and no run', async () => {
		const t = await start({ respondWith: 'redirect', redirectUrl: 'https://shop.example.com/welcome' });
		const [token] = addLogins(Date.now());
		emulator.addFault({ type: 'status', status: 503, path: '/connections/', times: -1 });
		const failing = await t.postForm(form(token));
		expect(failing.status).toBe(502);
		expect(t.runs).toHaveLength(0);
		await t.close();

		emulator.reset();
		const wrongKeys = await startLoginTrigger({
			parameters: { respondWith: 'redirect', redirectUrl: 'https://shop.example.com/welcome' },
			credentials: emulatorCredentials(emulator, { privateKey: 'not-the-key' }),
		});
		trigger = wrongKeys;
		const refused = await wrongKeys.postForm(form(token));
		expect(refused.status).toBe(502);
		expect(await refused.text()).not.toContain('not-the-key');
		expect(wrongKeys.runs).toHaveLength(0);
	});

	it('a misconfigured Redirect URL gives a 500 page, never JSON, and no run', async () => {
		const t = await start({ respondWith: 'redirect', redirectUrl: 'javascript:alert(1)' });
		const [token] = addLogins(Date.now());
		const response = await t.postForm(form(token));
		expect(response.status).toBe(500);
		expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
		expect(t.runs).toHaveLength(0);
		expect(emulator.requests).toHaveLength(0);
	});
});
