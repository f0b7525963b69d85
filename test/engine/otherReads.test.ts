/**
 * OneAll's other reads and the user import (issue 26, second group): User → Import From Access Token,
 * User / Identity → Get Contacts, Shared Page → Get / Get by URL / Get Many, Provider → Get Many and
 * Twitter → Search Tweets. Runs the built package in n8n-core against the emulator, in both answer profiles
 * where the answer is a list.
 */
import type { IDataObject } from 'n8n-workflow';

import { FIXTURES, startEmulator, type Emulator } from '../emulator/index.cjs';
import { runOneAll } from '../helpers/harness.cjs';
import { byId, emulatorCredentials } from '../helpers/params';

type AnswerProfile = 'generous' | 'public';

const SHARED_PAGE = '023f93e0-2968-47f4-a6d7-e77d232a2125';
const GIVEN_VALUE = 'EAABwiWr8tH8-provider-token-7537';
const GIVEN_PAIR_VALUE = 'T0OzJdwrUy3arA8kqZ-secret-4cb5';

const obj = (value: unknown): IDataObject => value as IDataObject;

function withEmulator(profile: AnswerProfile = 'generous') {
	const handle: { emulator: Emulator } = {} as { emulator: Emulator };
	beforeAll(async () => {
		handle.emulator = await startEmulator({ answers: profile });
	});
	afterAll(async () => await handle.emulator.close());
	beforeEach(() => handle.emulator.reset());
	const run = async (parameters: IDataObject, extra: { onError?: 'continueRegularOutput' } = {}) =>
		await runOneAll({ credentials: emulatorCredentials(handle.emulator), parameters, ...extra });
	return { handle, run };
}

describe.each<AnswerProfile>(['generous', 'public'])("lists in answer profile '%s'", (profile) => {
	const { handle, run } = withEmulator(profile);

	it.each([
		{ what: 'Shared Page → Get Many', parameters: { resource: 'sharingPage', operation: 'getAll', returnAll: true }, path: '/sharing/pages.json', key: 'sharing_page_token', count: 3 },
		{ what: 'Provider → Get Many', parameters: { resource: 'provider', operation: 'getAll', returnAll: true }, path: '/providers.json', key: 'key', count: 16 },
		{ what: 'Twitter → Search Tweets', parameters: { resource: 'twitter', operation: 'searchTweets', searchText: 'OneAll', numTweets: 7 }, path: '/search/twitter/tweets.json', key: 'url', count: 7 },
	])('$what: one item per entry', async ({ parameters, path, key, count }) => {
		const { items, error } = await run(parameters);
		expect(error).toBeUndefined();
		expect(items).toHaveLength(count);
		expect(items.every((item) => typeof item.json[key] === 'string')).toBe(true);
		expect(handle.emulator.requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([`GET ${path} 200`]);
	});

	it('Twitter → Search Tweets with no match: no item, no error (an empty answer is {"count":0} in the public profile)', async () => {
		const { items, error } = await run({ resource: 'twitter', operation: 'searchTweets', searchText: 'nothing-matches-this' });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(0);
	});

	it('Identity → Get Contacts: one item with the cache dates and the contacts as OneAll sends them', async () => {
		const { items, error } = await run({ resource: 'identity', operation: 'getContacts', identity: byId(FIXTURES.identities.twitter) });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
		expect(obj(items[0].json.cache).has_been_used).toBe(true);
		expect(obj(items[0].json.contacts).count).toBe(12);
	});
});

describe('Twitter → Search Tweets: an answer that is not a list of tweets is an error, never "nothing found"', () => {
	const { handle, run } = withEmulator();

	it.each([
		['no result.data', { drop: ['response.result.data'] }, /has no result\.data for the tweets/, /got no result\.data/],
		['result.data as text', { set: { 'response.result.data': 'x' } }, /has no result\.data for the tweets/, /result\.data of type string/],
		['result.data with other keys only', { drop: ['response.result.data.entries', 'response.result.data.count'], set: { 'response.result.data.tweets': [] } }, /has no tweets list/, /result\.data holds tweets/],
		['entries that are no list', { set: { 'response.result.data.entries': { id: 1 } } }, /entries that are not a list/, /got object/],
	])('%s', async (_, change, message, description) => {
		handle.emulator.addFault({ type: 'reshape', path: '/search/twitter/tweets.json', ...change } as never);
		const { items, error } = await run({ resource: 'twitter', operation: 'searchTweets', searchText: 'OneAll' });
		expect(items).toHaveLength(0);
		expect(error?.name).toBe('NodeApiError');
		expect(error?.message).toMatch(message);
		expect(error?.description).toMatch(description);
	});
});

describe('a read whose success answer has no result.data is an error, never an item holding only the status', () => {
	const { handle, run } = withEmulator();
	const user = FIXTURES.users.primary;

	it.each([
		['no result.data', { drop: ['response.result.data'] }, ''],
		['no result', { drop: ['response.result'] }, ' (no result)'],
		['result.data as text', { set: { 'response.result.data': 'x' } }, ''],
	])('User → Get with %s', async (_, change, noResult) => {
		handle.emulator.addFault({ type: 'reshape', path: `/users/${user}.json`, ...change } as never);
		const { items, error } = await run({ resource: 'user', operation: 'get', user: byId(user) });
		expect(items).toHaveLength(0);
		expect(error?.name).toBe('NodeApiError');
		expect(error?.message).toBe(`OneAll's answer has no result.data (GET /users/${user}.json)`);
		expect(error?.description).toBe(`OneAll answered with success but without the data this read returns${noResult}. Use a Custom API Call to see the raw answer.`);
	});

	it('a Custom API Call GET of the same answer outputs OneAll\'s status: what it reads is up to the user', async () => {
		handle.emulator.addFault({ type: 'reshape', path: `/users/${user}.json`, drop: ['response.result.data'] } as never);
		const { items, error } = await run({ resource: 'customApiCall', operation: 'call', method: 'GET', path: `/users/${user}.json` });
		expect(error).toBeUndefined();
		expect(Object.keys(items[0].json)).toEqual(['status']);
	});
});

describe('Twitter → Search Tweets: the query', () => {
	const { handle, run } = withEmulator();

	it('sends the search, the size and every option as OneAll names them; the url keeps the exact id', async () => {
		const { items, error } = await run({
			resource: 'twitter',
			operation: 'searchTweets',
			searchText: ' @oneall ',
			numTweets: 3,
			options: { resultType: 'recent', language: 'EN', untilTweetId: '1060488451450195969', afterTweetId: 1000 },
		});
		expect(error).toBeUndefined();
		expect(handle.emulator.requests[0].query).toEqual({
			search_text: '@oneall',
			num_tweets: '3',
			result_type: 'recent',
			language: 'en',
			until_tweet_id: '1060488451450195969',
			after_tweet_id: '1000',
		});
		expect(items).toHaveLength(3);
		// Older than the until id, each url ending with an exact id that reads the next page.
		const ids = items.map((item) => BigInt(String(item.json.url).split('/').pop()!));
		expect(ids.every((id) => id < BigInt('1060488451450195969'))).toBe(true);
	});
});

describe('Shared Page → Get and Get by URL', () => {
	const { handle, run } = withEmulator();

	it.each([
		{ how: 'by token', parameters: { operation: 'get', sharingPageToken: SHARED_PAGE }, path: `/sharing/pages/${SHARED_PAGE}.json`, query: {} },
		{ how: 'by URL with http://', parameters: { operation: 'getByUrl', pageUrl: 'http://www.example.com' }, path: '/sharing/pages/page.json', query: { page_url: 'http://www.example.com' } },
		{ how: 'by URL without a scheme', parameters: { operation: 'getByUrl', pageUrl: ' www.example.com/ ' }, path: '/sharing/pages/page.json', query: { page_url: 'www.example.com/' } },
	])('$how: the page with its counts and shares', async ({ parameters, path, query }) => {
		const { items, error } = await run({ resource: 'sharingPage', ...parameters, options: { entriesPerPage: 5, page: 2 } });
		expect(error).toBeUndefined();
		expect(handle.emulator.requests.map((r) => [r.path, r.query])).toEqual([[path, { ...query, page: '2', entries_per_page: '5' }]]);
		const page = obj(items[0].json.sharing_page);
		expect(page.sharing_page_token).toBe(SHARED_PAGE);
		expect(page.num_times_shared).toBe(14);
		expect(obj(page.sharing_page_shares).count).toBe(5);
	});

	it('an unknown URL is OneAll 404 with its message', async () => {
		const { error } = await run({ resource: 'sharingPage', operation: 'getByUrl', pageUrl: 'https://nowhere.example.org/x' });
		expect(error?.httpCode).toBe('404');
		expect(error?.message).toContain('No shared page has the URL');
	});
});

describe('Get Contacts: the cache flag and the networks', () => {
	const { handle, run } = withEmulator();

	it.each([
		{ options: {}, sent: 'false', fromCache: true },
		{ options: { disableCache: true }, sent: 'true', fromCache: false },
	])('Bypass Cache $options → disable_cache=$sent', async ({ options, sent, fromCache }) => {
		const { items, error } = await run({ resource: 'user', operation: 'getContacts', user: byId(FIXTURES.users.primary), options });
		expect(error).toBeUndefined();
		expect(handle.emulator.requests[0].path).toBe(`/users/${FIXTURES.users.primary}/contacts.json`);
		expect(handle.emulator.requests[0].query).toEqual({ disable_cache: sent });
		expect(obj(items[0].json.cache).has_been_used).toBe(fromCache);
	});

	it("sends an identity's page options as OneAll's SDK does", async () => {
		const { items, error } = await run({
			resource: 'identity',
			operation: 'getContacts',
			identity: byId(FIXTURES.identities.facebook),
			options: { page: 2, entriesPerPage: 5, orderDirection: 'desc' },
		});
		expect(error).toBeUndefined();
		expect(handle.emulator.requests[0].query).toEqual({ disable_cache: 'false', page: '2', entries_per_page: '5', order_direction: 'desc' });
		expect(obj(items[0].json.contacts).count).toBe(5);
	});

	it("a network OneAll reads no contacts from: OneAll's 403 as the error", async () => {
		const { error } = await run({ resource: 'identity', operation: 'getContacts', identity: byId(FIXTURES.identities.pinterest) });
		expect(error?.httpCode).toBe('403');
		expect(error?.message).toContain('Contacts cannot be read from Pinterest identities');
	});
});

describe('User → Import From Access Token', () => {
	const { handle, run } = withEmulator();
	const importUser = (parameters: IDataObject = {}) => ({
		resource: 'user',
		operation: 'import',
		providerKey: 'Twitter',
		accessToken: GIVEN_VALUE,
		accessTokenSecret: GIVEN_PAIR_VALUE,
		...parameters,
	});

	it("sends OneAll's body, creates a user (201) and outputs it with the token redacted", async () => {
		const { items, error } = await run(importUser());
		expect(error).toBeUndefined();
		const request = handle.emulator.requests[0];
		expect([request.method, request.path, request.status]).toEqual(['PUT', '/users.json', 201]);
		expect(request.body).toEqual({
			request: { user: { identity: { source: { key: 'twitter', access_token: { key: GIVEN_VALUE, secret: GIVEN_PAIR_VALUE } } } } },
		});
		expect(obj(items[0].json.status).code).toBe(201);
		const identity = obj(obj(items[0].json.user).identity);
		expect(identity.provider).toBe('twitter');
		expect(JSON.stringify(items)).not.toContain(GIVEN_VALUE);
		expect(JSON.stringify(items)).not.toContain(GIVEN_PAIR_VALUE);
	});

	it('Link To User adds the identity to that user (200); Include Access Tokens keeps the token', async () => {
		const { items, error } = await run(
			importUser({ accessTokenSecret: '', options: { linkToUser: FIXTURES.users.primary, includeAccessTokens: true } }),
		);
		expect(error).toBeUndefined();
		expect(handle.emulator.requests[0].body).toEqual({
			request: { user: { user_token: FIXTURES.users.primary, identity: { source: { key: 'twitter', access_token: { key: GIVEN_VALUE } } } } },
		});
		expect(obj(items[0].json.status).code).toBe(200);
		expect(obj(items[0].json.user).user_token).toBe(FIXTURES.users.primary);
		expect(JSON.stringify(items)).toContain(GIVEN_VALUE);
	});

	it.each([
		{ onError: undefined },
		{ onError: 'continueRegularOutput' as const },
	])('a refused token: OneAll\'s error without the token or its secret (On Error: $onError)', async ({ onError }) => {
		const refused = `REFUSED-${GIVEN_VALUE}`;
		const result = await run(importUser({ accessToken: refused }), onError ? { onError } : {});
		// The error as n8n keeps and shows it; its `node` is the workflow's own copy of the parameters.
		const error = { ...(result.error as unknown as IDataObject) };
		delete error.node;
		const shown = JSON.stringify([result.error?.message, result.error?.description, error, result.items]);
		expect(handle.emulator.requests).toHaveLength(1); // a write is sent once
		expect(shown).toContain('was refused by Twitter');
		expect(shown).toContain('[redacted]');
		expect(shown).not.toContain(GIVEN_VALUE);
		expect(shown).not.toContain(encodeURIComponent(refused));
	});
});

describe('bad input fails before any request, naming the field and never a secret', () => {
	const { handle, run } = withEmulator();

	it.each([
		{ parameters: { resource: 'user', operation: 'import', providerKey: 'twitter', accessToken: '  ' }, message: '"Access Token" is empty' },
		{ parameters: { resource: 'user', operation: 'import', providerKey: 'twitter', accessToken: `${GIVEN_VALUE} x` }, message: '"Access Token" must be one word' },
		{ parameters: { resource: 'user', operation: 'import', providerKey: 'twitter', accessToken: GIVEN_VALUE, accessTokenSecret: `${GIVEN_PAIR_VALUE}\nx` }, message: '"Access Token Secret" must be one word' },
		{ parameters: { resource: 'user', operation: 'import', providerKey: 'https://x.com', accessToken: GIVEN_VALUE }, message: 'is not a network key' },
		{ parameters: { resource: 'user', operation: 'import', providerKey: 'twitter', accessToken: GIVEN_VALUE, options: { linkToUser: '../users' } }, message: '"Link To User"' },
		{ parameters: { resource: 'twitter', operation: 'searchTweets', searchText: '  ' }, message: '"Search Text" is empty' },
		{ parameters: { resource: 'twitter', operation: 'searchTweets', searchText: 'a', numTweets: 201 }, message: '"Max Tweets" must be at most 200' },
		{ parameters: { resource: 'twitter', operation: 'searchTweets', searchText: 'a', options: { language: 'fra' } }, message: '"Language" must be a two-letter' },
		{ parameters: { resource: 'twitter', operation: 'searchTweets', searchText: 'a', options: { untilTweetId: '12ab' } }, message: '"Until Tweet ID" must be a tweet id' },
		{ parameters: { resource: 'sharingPage', operation: 'getByUrl', pageUrl: 'not a url' }, message: '"Page URL" must be the address of a page' },
		{ parameters: { resource: 'sharingPage', operation: 'get', sharingPageToken: '../pages' }, message: 'Sharing Page Token' },
		{ parameters: { resource: 'sharingPage', operation: 'get', sharingPageToken: SHARED_PAGE, options: { entriesPerPage: 501 } }, message: '"Shares per Page" must be at most 500' },
		{ parameters: { resource: 'identity', operation: 'getContacts', identity: byId(FIXTURES.identities.facebook), options: { entriesPerPage: 501 } }, message: '"Contacts per Page" must be at most 500' },
	])('$message', async ({ parameters, message }) => {
		const { error } = await run(parameters);
		expect(error?.message).toContain(message);
		expect(handle.emulator.requests).toHaveLength(0);
		const shown = JSON.stringify([error?.message, error?.description]);
		expect(shown).not.toContain(GIVEN_VALUE);
		expect(shown).not.toContain(GIVEN_PAIR_VALUE);
	});
});
