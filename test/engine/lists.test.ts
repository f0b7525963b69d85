/**
 * Every list the node reads (Get Many of users, identities, connections, sharing messages, short URLs,
 * analytics snapshots, the Pull API reads, every picker), against both emulator answer profiles:
 * 'generous' (pagination, extra keys) and 'public' (shaped like OneAll's public examples: no pagination,
 * an empty list is {"count":0} without entries, documented keys only). Then the hostile servers of
 * issue 22 item 10: a page repeated forever, Limit against a repeating server, the page cap.
 */
import type { IDataObject } from 'n8n-workflow';

import { EMPTY_SITE, FIXTURES, startEmulator, type AnswerProfile, type Emulator } from '../emulator/index.cjs';
import { runOneAll } from '../helpers/harness.cjs';
import { callListSearch, callLoadOptions } from '../helpers/listSearch.cjs';
import { byId, emulatorCredentials } from '../helpers/params';
import { startAnswerStub } from '../helpers/stubServer.cjs';

const ID = FIXTURES.identities;
const PAGE = FIXTURES.facebook.pageIds[0];
const COMPANY = FIXTURES.linkedin.companyIds[0];
const BOARD = FIXTURES.pinterest.boardId;
const PLAYLIST = FIXTURES.youtube.playlistIds[0];

/** The Get Many operations of the account and Sharing resources: [resource, list key, token key]. */
const ACCOUNT_LISTS = [
	['user', 'users', 'user_token'],
	['identity', 'identities', 'identity_token'],
	['connection', 'connections', 'connection_token'],
	['sharingMessage', 'sharing_messages', 'sharing_message_token'],
	['shortUrl', 'shorturls', 'shorturl_token'],
	['sharingAnalytics', 'sharing_analytics_snapshots', 'sharing_analytics_snapshot_token'],
] as const;

const emptySite = (emulator: Emulator) =>
	emulatorCredentials(emulator, {
		subdomain: EMPTY_SITE.subdomain,
		publicKey: EMPTY_SITE.publicKey,
		privateKey: EMPTY_SITE.privateKey,
		apiBaseUrl: emulator.siteUrl(EMPTY_SITE.subdomain),
	});

const tokens = (items: Array<{ json: IDataObject }>, key: string) => items.map((item) => item.json[key]);

describe.each<AnswerProfile>(['generous', 'public'])("answer profile '%s'", (profile) => {
	let emulator: Emulator;
	beforeAll(async () => {
		emulator = await startEmulator({ answers: profile });
	});
	afterAll(async () => await emulator.close());
	beforeEach(() => emulator.reset());

	const run = async (parameters: IDataObject, credentials = emulatorCredentials(emulator)) =>
		await runOneAll({ credentials, parameters });
	const search = async (method: string, parameters: IDataObject, paginationToken?: string, credentials = emulatorCredentials(emulator)) =>
		await callListSearch(method, { parameters, credentials, paginationToken });

	/** Every page of a picker, following paginationToken until there is none. */
	async function allPicked(method: string, parameters: IDataObject, credentials = emulatorCredentials(emulator)) {
		const values: string[] = [];
		let token: string | undefined;
		for (let calls = 1; ; calls++) {
			const page = await search(method, parameters, token, credentials);
			values.push(...page.results.map((result) => String(result.value)));
			if (page.paginationToken === undefined) return { values, calls };
			token = String(page.paginationToken);
			if (calls > 200) throw new Error('the picker never stops paging');
		}
	}

	it('the answers have the profile asked for', async () => {
		const { items } = await run({ resource: 'customApiCall', operation: 'call', method: 'GET', path: '/identities.json' });
		const list = (items[0]?.json.identities ?? {}) as IDataObject;
		expect(list.entries).toEqual(expect.any(Array));
		if (profile === 'public') expect(list.pagination).toBeUndefined();
		else expect(list.pagination).toBeDefined();
	});

	describe('an empty site (a new OneAll site): empty results, never errors', () => {
		it.each(ACCOUNT_LISTS)('%s → Get Many (Return All and Limit)', async (resource) => {
			for (const paging of [{ returnAll: true }, { returnAll: false, limit: 5 }]) {
				const { items, error } = await run({ resource, operation: 'getAll', ...paging }, emptySite(emulator));
				expect(error).toBeUndefined();
				expect(items).toHaveLength(0);
			}
			expect(emulator.requests.every((r) => r.status === 200 && r.site === EMPTY_SITE.subdomain)).toBe(true);
		});

		it('the user and identity pickers list nothing, without a next page', async () => {
			for (const method of ['searchUsers', 'searchIdentities']) {
				const page = await search(method, { resource: 'user', operation: 'get' }, undefined, emptySite(emulator));
				expect(page).toEqual({ results: [] });
			}
		});

		it('Pull reads and the board picker of an identity with nothing on the network', async () => {
			// The foreign Pinterest identity published no pin: Get Many Pins is an empty list.
			const pins = await run({ resource: 'pinterest', operation: 'getPins', identity: byId(FIXTURES.foreignIdentities.pinterest), returnAll: true });
			expect(pins.error).toBeUndefined();
			expect(pins.items).toHaveLength(0);
			// A new Pinterest identity on the empty site has no boards.
			const created = emulator.addEvents({ site: EMPTY_SITE.subdomain, users: [{ date_creation: Date.now(), identities: [{ provider: 'pinterest' }] }] });
			const identity = created.identities[0];
			const boards = await search('searchPinterestBoards', { resource: 'pinterest', operation: 'publishPin', identity: byId(identity) }, undefined, emptySite(emulator));
			expect(boards).toEqual({ results: [] });
		});
	});

	describe('more than one page (the public profile has no pagination: a full page asks for the next)', () => {
		it.each([
			['user', 'users', 'user_token'],
			['identity', 'identities', 'identity_token'],
			['connection', 'connections', 'connection_token'],
		] as const)('%s → Get Many, Return All: every entry once', async (resource, key, tokenKey) => {
			const total = key === 'identities' ? emulator.fixtures.counts.identities! : emulator.fixtures.counts[key];
			expect(total).toBeGreaterThan(500);
			const { items, error } = await run({ resource, operation: 'getAll', returnAll: true });
			expect(error).toBeUndefined();
			expect(items).toHaveLength(total);
			expect(new Set(tokens(items, tokenKey)).size).toBe(total);
			// Pages 1, 2, …; without pagination one more (empty) page only when the last one was exactly full.
			const pages = Math.ceil(total / 500) + (profile === 'public' && total % 500 === 0 ? 1 : 0);
			expect(emulator.requests.map((r) => r.query.page)).toEqual(Array.from({ length: pages }, (_, i) => String(i + 1)));
		});

		it('User → Get Many, Limit 600: two pages, 600 distinct users', async () => {
			const { items, error } = await run({ resource: 'user', operation: 'getAll', returnAll: false, limit: 600 });
			expect(error).toBeUndefined();
			expect(items).toHaveLength(600);
			expect(new Set(tokens(items, 'user_token')).size).toBe(600);
			expect(emulator.requests.map((r) => [r.query.page, r.query.entries_per_page])).toEqual([
				['1', '500'],
				['2', '500'],
			]);
		});

		it('Short URL → Get Many, Return All: 501 short URLs over two pages', async () => {
			const created: string[] = [];
			for (let n = 0; n < 501; n++) {
				const { items } = await run({ resource: 'shortUrl', operation: 'create', originalUrl: `https://example.com/${n}` });
				created.push(String((items[0].json.shorturl as IDataObject | undefined)?.shorturl_token ?? items[0].json.shorturl_token));
			}
			emulator.reset();
			const { items, error } = await run({ resource: 'shortUrl', operation: 'getAll', returnAll: true });
			expect(error).toBeUndefined();
			expect(new Set(tokens(items, 'shorturl_token'))).toEqual(new Set(created));
			expect(items).toHaveLength(501);
			expect(emulator.requests.length).toBe(2);
		});

		it('Sharing Message and Sharing Analytics → Get Many read what is there', async () => {
			const published = await run({
				resource: 'sharingMessage',
				operation: 'publish',
				publishFor: 'user',
				user: byId(FIXTURES.users.sharing),
				networkChoice: 'chosen',
				networks: ['facebook'],
				text: 'Lists in both profiles',
			});
			const message = published.items[0]?.json as IDataObject;
			const token = String((message.sharing_message as IDataObject | undefined)?.sharing_message_token ?? message.sharing_message_token);
			const messages = await run({ resource: 'sharingMessage', operation: 'getAll', returnAll: true });
			expect(messages.error).toBeUndefined();
			expect(tokens(messages.items, 'sharing_message_token')).toContain(token);
			const snapshots = await run({ resource: 'sharingAnalytics', operation: 'getAll', returnAll: true });
			expect(snapshots.error).toBeUndefined();
		});

		it('Pull API reads: pages of page posts, and every other Pull list', async () => {
			const posts = await run({ resource: 'facebook', operation: 'getPagePosts', identity: byId(ID.facebook), page: byId(PAGE), returnAll: true });
			expect(posts.error).toBeUndefined();
			expect(posts.items.length).toBeGreaterThanOrEqual(75);
			expect(new Set(tokens(posts.items, 'post_id')).size).toBe(posts.items.length);
			expect(emulator.requests.map((r) => r.query.page)).toEqual(['1', '2']);

			const reads: Array<[IDataObject, string]> = [
				[{ resource: 'linkedin', operation: 'getCompanyPosts', identity: byId(ID.linkedin), company: byId(COMPANY), returnAll: true }, 'post_id'],
				[{ resource: 'pinterest', operation: 'getBoardPins', identity: byId(ID.pinterest), board: byId(BOARD), returnAll: true }, 'pin_id'],
				[{ resource: 'twitter', operation: 'getTweets', identity: byId(ID.twitter), limit: 5 }, 'tweet_id'],
				[{ resource: 'youtube', operation: 'getPlaylistVideos', identity: byId(ID.youtube), playlist: byId(PLAYLIST), returnAll: true }, 'video_id'],
			];
			for (const [parameters, idKey] of reads) {
				const { items, error } = await run(parameters);
				expect(error).toBeUndefined();
				expect(items.length).toBeGreaterThan(0);
				for (const item of items) expect(item.json[idKey]).toEqual(expect.any(String));
			}
		});

		it('the user picker pages through every user; the identity picker through every identity', async () => {
			const users = await allPicked('searchUsers', { resource: 'user', operation: 'get' });
			expect(users.values).toHaveLength(emulator.fixtures.counts.users);
			expect(new Set(users.values).size).toBe(users.values.length);
			expect(users.calls).toBeGreaterThan(1);
			const identities = await allPicked('searchIdentities', { resource: 'identity', operation: 'get' });
			expect(new Set(identities.values).size).toBe(emulator.fixtures.counts.identities);
		});

		it('the object pickers page too: 120 Pinterest boards in pages of 100; the other pickers list their objects', async () => {
			const boards = await allPicked('searchPinterestBoards', { resource: 'pinterest', operation: 'publishPin', identity: byId(ID.pinterest) });
			expect(boards.values).toEqual(FIXTURES.pinterest.boardIds);
			expect(boards.calls).toBe(2);
			const others: Array<[string, IDataObject, string[]]> = [
				['searchFacebookPages', { resource: 'facebook', operation: 'publishPagePost', identity: byId(ID.facebook) }, FIXTURES.facebook.pageIds],
				['searchFacebookGroups', { resource: 'facebook', operation: 'publishGroupPost', identity: byId(ID.facebook) }, FIXTURES.facebook.groupIds],
				['searchLinkedInCompanies', { resource: 'linkedin', operation: 'publishCompanyPost', identity: byId(ID.linkedin) }, FIXTURES.linkedin.companyIds],
				['searchYouTubePlaylists', { resource: 'youtube', operation: 'addVideoToPlaylist', identity: byId(ID.youtube) }, FIXTURES.youtube.playlistIds],
			];
			for (const [method, parameters, expected] of others) {
				expect((await allPicked(method, parameters)).values).toEqual(expected);
			}
		});

		it("the user's networks (loadOptions) read the same in both profiles", async () => {
			const options = await callLoadOptions('getUserNetworks', {
				parameters: { resource: 'sharingMessage', operation: 'publish', publishFor: 'user', user: byId(FIXTURES.users.primary), networkChoice: 'chosen' },
				credentials: emulatorCredentials(emulator),
				path: 'parameters.networks',
			});
			expect(options.map((option) => option.value).sort()).toEqual(['facebook', 'pinterest', 'twitter']);
		});
	});
});

describe('hostile list servers (issue 22 item 10): never loop, never output an entry twice', () => {
	const envelope = (users: unknown) => ({
		response: { request: { status: { flag: 'success', code: 200 } }, result: { data: { users } } },
	});
	const entries = (count: number, from = 0) => Array.from({ length: count }, (_, n) => ({ user_token: `u-${from + n}` }));
	const credentialsFor = (url: string) =>
		emulatorCredentials({ url } as Emulator, { apiBaseUrl: url });

	async function withStub<T>(answer: (query: Record<string, string>) => unknown, body: (stub: { url: string; requests: Array<{ query: Record<string, string> }> }) => Promise<T>) {
		const stub = await startAnswerStub(({ query }) => answer(query));
		try {
			return await body(stub);
		} finally {
			await stub.close();
		}
	}

	it('"page 1 of 2" forever with the same entries: Return All ends after the repeated page', async () => {
		const same = envelope({ pagination: { current_page: 1, total_pages: 2 }, count: 3, entries: entries(3) });
		await withStub(() => same, async (stub) => {
			const { items, error } = await runOneAll({ credentials: credentialsFor(stub.url), parameters: { resource: 'user', operation: 'getAll', returnAll: true } });
			expect(error).toBeUndefined();
			expect(tokens(items, 'user_token')).toEqual(['u-0', 'u-1', 'u-2']);
			expect(stub.requests).toHaveLength(2);
		});
	});

	it('Limit 700 against a server repeating 500 entries: 500 distinct items, no duplicate', async () => {
		const same = envelope({ pagination: { current_page: '1', total_pages: '2' }, count: '500', entries: entries(500) });
		await withStub(() => same, async (stub) => {
			const { items, error } = await runOneAll({ credentials: credentialsFor(stub.url), parameters: { resource: 'user', operation: 'getAll', returnAll: false, limit: 700 } });
			expect(error).toBeUndefined();
			expect(items).toHaveLength(500);
			expect(new Set(tokens(items, 'user_token')).size).toBe(500);
			expect(stub.requests).toHaveLength(2);
		});
	});

	it('a server that ignores page (no pagination, always a full page): ends at the first repeat', async () => {
		await withStub((query) => envelope({ count: Number(query.entries_per_page), entries: entries(Number(query.entries_per_page)) }), async (stub) => {
			const { items, error } = await runOneAll({ credentials: credentialsFor(stub.url), parameters: { resource: 'user', operation: 'getAll', returnAll: true } });
			expect(error).toBeUndefined();
			expect(items).toHaveLength(500);
			expect(stub.requests.map((r) => r.query.page)).toEqual(['1', '2']);
		});
	});

	it('pages that overlap (an entry shifted onto the next page) output each entry once', async () => {
		await withStub((query) => {
			const page = Number(query.page);
			// Page 2 starts with the last entry of page 1 again; page 3 is short.
			const list = page === 1 ? entries(500) : page === 2 ? entries(500, 499) : entries(10, 999);
			return envelope({ count: list.length, entries: list });
		}, async (stub) => {
			const { items } = await runOneAll({ credentials: credentialsFor(stub.url), parameters: { resource: 'user', operation: 'getAll', returnAll: true } });
			expect(items).toHaveLength(1009);
			expect(new Set(tokens(items, 'user_token')).size).toBe(1009);
			expect(stub.requests).toHaveLength(3);
		});
	});

	it('new entries and "more pages" forever: the walk stops at the page cap with an error, never a cut list passed as complete', async () => {
		await withStub((query) => {
			const page = Number(query.page);
			return envelope({ pagination: { current_page: page, total_pages: page + 1 }, count: 1, entries: entries(1, page) });
		}, async (stub) => {
			const { items, error } = await runOneAll({ credentials: credentialsFor(stub.url), parameters: { resource: 'user', operation: 'getAll', returnAll: true } });
			expect(items).toHaveLength(0);
			expect(error?.message).toMatch(/users list did not end after 1000 pages/);
			expect(error?.description).toMatch(/1000 entries were read .* not output as if it were complete\. Set a Limit/);
			expect(stub.requests).toHaveLength(1000);
		});
	}, 60_000);

	it('a picker against a server that ignores page: the next call sees the repeat and ends', async () => {
		await withStub((query) => envelope({ count: Number(query.entries_per_page), entries: entries(Number(query.entries_per_page)) }), async (stub) => {
			const credentials = credentialsFor(stub.url);
			const parameters = { resource: 'user', operation: 'get' };
			const first = await callListSearch('searchUsers', { parameters, credentials });
			expect(first.results).toHaveLength(100);
			expect(first.paginationToken).toMatch(/^2~\w+$/);
			const second = await callListSearch('searchUsers', { parameters, credentials, paginationToken: String(first.paginationToken) });
			expect(second).toEqual({ results: [] });
			expect(stub.requests.map((r) => r.query.page)).toEqual(['1', '2']);
		});
	});

	it.each([
		['a string', 'none', /users" list is not a list/],
		['entries that are no list', { count: 2, entries: { a: 1 } }, /entries that are not a list/],
		['a count above 0 without entries', { count: '2' }, /sent no entries although its count is "2"/],
	])('a list that is %s is a clear error, never an empty result', async (_, users, message) => {
		await withStub(() => envelope(users), async (stub) => {
			const { items, error } = await runOneAll({ credentials: credentialsFor(stub.url), parameters: { resource: 'user', operation: 'getAll', returnAll: true } });
			expect(items).toHaveLength(0);
			expect(error?.name).toBe('NodeApiError');
			expect(error?.message).toMatch(message);
		});
	});

	it('two tweets whose ids JSON reading rounded to the same number (beyond 2^53) are both output; a tweet listed twice once', async () => {
		const rounded = 2 ** 60; // what 1152921504606846977 and 1152921504606846976 both read as
		const tweets = [
			{ id: rounded, text: 'first', url: 'https://x.com/i/status/1152921504606846977' },
			{ id: rounded, text: 'second', url: 'https://x.com/i/status/1152921504606846976' },
			{ id: rounded, text: 'first', url: 'https://x.com/i/status/1152921504606846977' },
			{ id: 42, text: 'small' },
			{ id: 42, text: 'small, edited' },
		];
		const answer = { response: { request: { status: { flag: 'success', code: 200 } }, result: { data: { tweets: { count: tweets.length, entries: tweets } } } } };
		await withStub(() => answer, async (stub) => {
			const identity = byId('00000000-0000-4000-8000-000000000001');
			const { items, error } = await runOneAll({ credentials: credentialsFor(stub.url), parameters: { resource: 'twitter', operation: 'getTweets', identity, limit: 10 } });
			expect(error).toBeUndefined();
			expect(tokens(items, 'text')).toEqual(['first', 'second', 'small']);
		});
	});

	it('result.data with other keys but not the list is an error; an empty result.data is an empty list', async () => {
		const other = { response: { request: { status: { flag: 'success', code: 200 } }, result: { data: { user: { user_token: 'x' } } } } };
		await withStub(() => other, async (stub) => {
			const { error } = await runOneAll({ credentials: credentialsFor(stub.url), parameters: { resource: 'user', operation: 'getAll', returnAll: true } });
			expect(error?.message).toMatch(/has no "users" list/);
			expect(error?.description).toMatch(/result\.data holds user/);
		});
		const empty = { response: { request: { status: { flag: 'success', code: 200 } }, result: { data: {} } } };
		await withStub(() => empty, async (stub) => {
			const { items, error } = await runOneAll({ credentials: credentialsFor(stub.url), parameters: { resource: 'user', operation: 'getAll', returnAll: true } });
			expect(error).toBeUndefined();
			expect(items).toHaveLength(0);
		});
	});
});
