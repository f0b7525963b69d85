/**
 * The "From List" pickers (resource locator list searches), called as n8n's editor backend calls
 * them: the node type's methods.listSearch on n8n-core's real LoadOptionsContext, with the node's
 * current parameters and the credential's real authenticate(), against the emulator.
 */
import type { IDataObject, INodeListSearchItems } from 'n8n-workflow';

import { DEFAULT_SITE, FIXTURES } from '../emulator/index.cjs';
import { useEmulator } from '../helpers/emulatorSuite';
import { runOneAll } from '../helpers/harness.cjs';
import { callListSearch, listSearchMethods } from '../helpers/listSearch.cjs';
import { byId, emulatorCredentials } from '../helpers/params';
import { startStub } from '../helpers/stubServer.cjs';

const emulator = useEmulator();

const PAGE_SIZE = 100;

/** A picker of the node whose editor shows `parameters`. */
const search = async (
	method: string,
	parameters: IDataObject,
	{ filter, paginationToken, credentials = emulatorCredentials(emulator) }: {
		filter?: string;
		paginationToken?: string;
		credentials?: ReturnType<typeof emulatorCredentials>;
	} = {},
) => await callListSearch(method, { parameters, credentials, filter, paginationToken });

const pinParameters = (identity: IDataObject | string = byId(FIXTURES.identities.pinterest)) => ({
	resource: 'pinterest',
	operation: 'publishPin',
	identity: typeof identity === 'string' ? { __rl: true, mode: 'list', value: identity } : identity,
});

const names = (results: INodeListSearchItems[]) => results.map((result) => result.name);
const values = (results: INodeListSearchItems[]) => results.map((result) => result.value);
const requestLines = () => emulator.requests.map((r) => `${r.method} ${r.path} ${r.query.page}/${r.query.entries_per_page} ${r.status}`);

/** Every page of a picker, following paginationToken until there is none. */
async function allPages(method: string, parameters: IDataObject, filter?: string) {
	const pages: Array<{ results: INodeListSearchItems[]; paginationToken?: string | number }> = [];
	let paginationToken: string | undefined;
	do {
		const page = await search(method, parameters, { filter, paginationToken });
		pages.push(page);
		paginationToken = page.paginationToken === undefined ? undefined : String(page.paginationToken);
		if (pages.length > 100) throw new Error('the picker never stops paging');
	} while (paginationToken !== undefined);
	return pages;
}

it('the node offers exactly these pickers', async () => {
	expect((await listSearchMethods()).sort()).toEqual(
		[
			'searchFacebookGroups',
			'searchFacebookPages',
			'searchIdentities',
			'searchLinkedInCompanies',
			'searchPinterestBoards',
			'searchSharingMessages',
			'searchUsers',
			'searchYouTubePlaylists',
		].sort(),
	);
});

describe('identity picker', () => {
	it('for a Pinterest operation lists only Pinterest identities, named "<display name> (pinterest)"', async () => {
		const { results, paginationToken } = await search('searchIdentities', { resource: 'pinterest', operation: 'publishPin' });
		// Pages are read until the filtered list is long enough for the dropdown (n8n loads more only on scroll).
		const pagesRead = emulator.requests.length;
		expect(requestLines()).toEqual(
			Array.from({ length: pagesRead }, (_, i) => `GET /identities.json ${i + 1}/${PAGE_SIZE} 200`),
		);
		expect(emulator.requests[0].authOk).toBe(true);
		expect(emulator.requests[0].authUser).toBe(DEFAULT_SITE.publicKey);
		expect(pagesRead).toBeGreaterThan(1);
		// The token names the next page and the signature of the last one read (a repeated page ends the list).
		expect(paginationToken).toMatch(new RegExp(`^${pagesRead + 1}~\\w+$`));

		expect(results.length).toBeGreaterThanOrEqual(30);
		for (const result of results) expect(result.name).toMatch(/^\S.* \(pinterest\)$/);
		expect(values(results)).toContain(FIXTURES.identities.pinterest);
		for (const token of [FIXTURES.identities.facebook, FIXTURES.identities.twitter]) {
			expect(values(results)).not.toContain(token);
		}

		// The first page for a resource that is not a network: every provider, one page is enough.
		emulator.reset();
		const everyone = await search('searchIdentities', { resource: 'identity', operation: 'get' });
		expect(emulator.requests).toHaveLength(1);
		expect(everyone.results).toHaveLength(PAGE_SIZE);
		const providers = new Set(names(everyone.results).map((name) => /\((\w+)\)$/.exec(name)?.[1]));
		expect([...providers].sort()).toEqual(['facebook', 'linkedin', 'pinterest', 'twitter', 'youtube']);
		const pinterestOnFirstPage = everyone.results.filter((result) => result.name.endsWith('(pinterest)'));
		expect(results.slice(0, pinterestOnFirstPage.length)).toEqual(pinterestOnFirstPage);
	});

	it('shows the display name OneAll has for the identity', async () => {
		const { items } = await runOneAll({
			credentials: emulatorCredentials(emulator),
			parameters: { resource: 'identity', operation: 'get', identity: byId(FIXTURES.identities.youtube) },
		});
		const displayName = String((items[0].json.identity as IDataObject).displayName);
		const { results } = await search('searchIdentities', { resource: 'youtube', operation: 'uploadVideo' });
		expect(results.find((result) => result.value === FIXTURES.identities.youtube)?.name).toBe(`${displayName} (youtube)`);
	});

	it('pages with paginationToken until it is undefined, and lists every Pinterest identity once', async () => {
		const total = emulator.fixtures.counts.identities!;
		const pageCount = Math.ceil(total / PAGE_SIZE);
		const pages = await allPages('searchIdentities', pinParameters());

		// Each call continues where the previous one stopped; together they read every page once.
		expect(pages.at(-1)?.paginationToken).toBeUndefined();
		for (const page of pages.slice(0, -1)) expect(page.paginationToken).toMatch(/^\d+~\w+$/);
		expect(emulator.requests.map((r) => r.query.page)).toEqual(Array.from({ length: pageCount }, (_, i) => String(i + 1)));
		expect(emulator.requests.every((r) => r.query.entries_per_page === String(PAGE_SIZE))).toBe(true);

		// Cross-check with Identity → Get Many: the same Pinterest identities, in the same order.
		const { items } = await runOneAll({
			credentials: emulatorCredentials(emulator),
			parameters: { resource: 'identity', operation: 'getAll', returnAll: true },
		});
		expect(items).toHaveLength(total);
		const pinterest = items.filter((item) => item.json.provider === 'pinterest').map((item) => item.json.identity_token);
		expect(pages.flatMap((page) => values(page.results))).toEqual(pinterest);
		expect(pinterest).toContain(FIXTURES.foreignIdentities.pinterest);
	});

	it('no two entries of an answer read the same: twins carry the start of their token', async () => {
		const pages = await allPages('searchIdentities', { resource: 'identity', operation: 'get' });
		let twins = 0;
		for (const page of pages) {
			const seen = names(page.results);
			expect(new Set(seen).size).toBe(seen.length);
			for (const result of page.results) {
				const suffix = / · ([0-9A-Za-z-]+) \(\w+\)$/.exec(result.name)?.[1];
				if (suffix) {
					twins += 1;
					expect(String(result.value).startsWith(suffix)).toBe(true);
				}
			}
		}
		expect(twins).toBeGreaterThan(0); // the emulator's names repeat, as real people's do
	});

	it('filters by the search text: part of the token, any case', async () => {
		const { results } = await search('searchIdentities', pinParameters(), { filter: 'abcabcabcabc' });
		expect(values(results)).toEqual([FIXTURES.identities.pinterest]);
	});

	it('filters by the search text: the display name', async () => {
		const first = await search('searchIdentities', pinParameters());
		const name = first.results.find((result) => result.value === FIXTURES.identities.pinterest)!.name;
		const familyName = name.replace(/ \(pinterest\)$/, '').split(' ').at(-1)!;

		const { results } = await search('searchIdentities', pinParameters(), { filter: familyName.toUpperCase() });
		expect(values(results)).toContain(FIXTURES.identities.pinterest);
		expect(results.length).toBeLessThan(first.results.length);
		for (const result of results) expect(result.name.toLowerCase()).toContain(familyName.toLowerCase());
	});

	it('a search text matching an identity on a later page finds it by paging', async () => {
		const all = await allPages('searchIdentities', pinParameters());
		const lastPageWithPinterest = all.filter((page) => page.results.length > 0).at(-1)!;
		const target = lastPageWithPinterest.results.at(-1)!;
		expect(all.indexOf(lastPageWithPinterest)).toBeGreaterThan(0);
		emulator.reset();

		const found = await allPages('searchIdentities', pinParameters(), target.value.toString().slice(-12));
		// Alone in its answer, the entry needs no token suffix to tell it from a twin.
		expect(found.flatMap((page) => page.results)).toEqual([{ ...target, name: target.name.replace(/ · [0-9a-f-]+ /, ' ') }]);
	});
});

describe('user picker', () => {
	it('lists the site\'s users with the networks of their identities', async () => {
		const { results, paginationToken } = await search('searchUsers', { resource: 'user', operation: 'get' });
		expect(requestLines()).toEqual([`GET /users.json 1/${PAGE_SIZE} 200`]);
		expect(results).toHaveLength(PAGE_SIZE);
		expect(paginationToken).toMatch(/^2~\w+$/);
		// OneAll's list entry names nobody (docs/oneall-api.md §7.2): the token, the networks, the last login.
		expect(results[0].value).toBe(FIXTURES.users.primary);
		expect(results[0].name).toMatch(new RegExp(`^${FIXTURES.users.primary} \\(pinterest, facebook, twitter\\), last login \\d{1,2} \\w{3} \\d{4}$`));
		expect(results[1].value).toBe(FIXTURES.users.secondary);
		expect(results[1].name).toMatch(new RegExp(`^${FIXTURES.users.secondary} \\(linkedin, youtube, steam, tiktok, twitch\\), last login `));
	});

	it('pages to the last user and filters by the search text (Relink to User)', async () => {
		const relink = { resource: 'identity', operation: 'relink', identity: byId(FIXTURES.identities.twitter) };
		const pages = await allPages('searchUsers', relink);
		const total = emulator.fixtures.counts.users;
		expect(pages).toHaveLength(Math.ceil(total / PAGE_SIZE));
		expect(new Set(pages.flatMap((page) => values(page.results))).size).toBe(total);
		emulator.reset();

		const { results } = await search('searchUsers', relink, { filter: FIXTURES.users.secondary.slice(0, 13).toUpperCase() });
		expect(values(results)).toEqual([FIXTURES.users.secondary]);
		const byNetwork = await search('searchUsers', relink, { filter: 'LinkedIn' });
		expect(byNetwork.results.length).toBeGreaterThan(0);
		for (const result of byNetwork.results) expect(result.name).toContain('linkedin');
	});
});

describe('object pickers of the chosen identity', () => {
	it('Pinterest boards: 120 boards in pages of 100', async () => {
		const first = await search('searchPinterestBoards', pinParameters());
		expect(first.results).toHaveLength(100);
		expect(first.paginationToken).toMatch(/^2~\w+$/);
		expect(values(first.results)).toEqual(FIXTURES.pinterest.boardIds.slice(0, 100));
		expect(first.results[0]).toEqual({
			name: 'Board 1',
			value: FIXTURES.pinterest.boardId,
			url: 'https://www.pinterest.com/emulator/board-1/',
		});

		const second = await search('searchPinterestBoards', pinParameters(), { paginationToken: first.paginationToken as string });
		expect(second.results).toHaveLength(20);
		expect(second.paginationToken).toBeUndefined();
		expect(values(second.results)).toEqual(FIXTURES.pinterest.boardIds.slice(100));

		const path = `/pull/identities/${FIXTURES.identities.pinterest}/pinterest/boards.json`;
		expect(requestLines()).toEqual([`GET ${path} 1/100 200`, `GET ${path} 2/100 200`]);
	});

	it('Pinterest boards: the identity picked from the list works like one typed in', async () => {
		const { results } = await search('searchPinterestBoards', pinParameters(FIXTURES.identities.pinterest));
		expect(results).toHaveLength(100);
	});

	it('Pinterest boards: filters by name or id', async () => {
		const byName = await search('searchPinterestBoards', pinParameters(), { filter: 'board 7' });
		expect(names(byName.results)).toEqual(['Board 7', ...Array.from({ length: 10 }, (_, i) => `Board ${70 + i}`)]);
		const byValue = await search('searchPinterestBoards', pinParameters(), { filter: FIXTURES.pinterest.boardIds[41] });
		expect(values(byValue.results)).toEqual([FIXTURES.pinterest.boardIds[41]]);
	});

	const objectCases: Array<[string, string, IDataObject, string, string[], string, boolean]> = [
		['Facebook pages', 'searchFacebookPages', { resource: 'facebook', operation: 'publishPagePost' }, FIXTURES.identities.facebook, FIXTURES.facebook.pageIds, 'Page', true],
		['Facebook groups', 'searchFacebookGroups', { resource: 'facebook', operation: 'publishGroupPost' }, FIXTURES.identities.facebook, FIXTURES.facebook.groupIds, 'Group', false],
		['LinkedIn companies', 'searchLinkedInCompanies', { resource: 'linkedin', operation: 'publishCompanyPost' }, FIXTURES.identities.linkedin, FIXTURES.linkedin.companyIds, 'Company', false],
		['YouTube playlists', 'searchYouTubePlaylists', { resource: 'youtube', operation: 'addVideoToPlaylist' }, FIXTURES.identities.youtube, FIXTURES.youtube.playlistIds, 'Playlist', false],
	];

	it.each(objectCases)('%s of the identity', async (_name, method, parameters, identity, ids, label, hasUrl) => {
		const { results, paginationToken } = await search(method, { ...parameters, identity: byId(identity) });
		expect(paginationToken).toBeUndefined();
		expect(values(results)).toEqual(ids);
		expect(names(results)).toEqual(ids.map((_id, i) => `${label} ${i + 1}`));
		for (const result of results) expect(typeof result.url === 'string').toBe(hasUrl);
		expect(emulator.requests).toHaveLength(1);
		expect(emulator.requests[0].method).toBe('GET');
		expect(emulator.requests[0].path).toMatch(new RegExp(`^/pull/identities/${identity}/\\w+/\\w+\\.json$`));
		expect(emulator.requests[0].status).toBe(200);
	});

	it('another identity lists its own objects only', async () => {
		const { results } = await search('searchFacebookPages', {
			resource: 'facebook',
			operation: 'publishPagePost',
			identity: byId(FIXTURES.foreignIdentities.facebook),
		});
		expect(values(results)).toEqual([FIXTURES.facebook.foreignPageId]);
	});
});

describe('failures reach the editor (never a silent empty list)', () => {
	it('wrong keys: the identity picker rejects with OneAll\'s 401 text and the same advice executing gives (27 #8)', async () => {
		const promise = search('searchIdentities', pinParameters(), {
			credentials: emulatorCredentials(emulator, { privateKey: 'not-the-key' }),
		});
		await expect(promise).rejects.toMatchObject({
			name: 'NodeApiError',
			httpCode: '401',
			message:
				'OneAll error 401: Authentication credentials are missing or incorrect: http://docs.oneall.com/api/basic/authentication/. Check the public and private key of the OneAll API credential (Settings > API Settings of the OneAll site).',
		});
		expect(emulator.requests.map((r) => r.status)).toEqual([401]); // not retried
	});

	it('wrong keys: the board and user pickers reject too', async () => {
		const credentials = emulatorCredentials(emulator, { privateKey: 'not-the-key' });
		await expect(search('searchPinterestBoards', pinParameters(), { credentials })).rejects.toThrow(
			/^OneAll error 401: Authentication credentials are missing or incorrect/,
		);
		await expect(search('searchUsers', { resource: 'user', operation: 'get' }, { credentials })).rejects.toThrow(
			/^OneAll error 401: /,
		);
	});

	it('an identity of another network: the board picker rejects with OneAll\'s 403 reason', async () => {
		const promise = search('searchPinterestBoards', pinParameters(byId(FIXTURES.identities.facebook)));
		await expect(promise).rejects.toMatchObject({
			name: 'NodeApiError',
			httpCode: '403',
			message: expect.stringMatching(
				new RegExp(`^OneAll error 403: This resource requires a Pinterest identity, but the identity ${FIXTURES.identities.facebook} is a Facebook identity\\. OneAll refused the request: `),
			),
		});
	});

	it('an identity of another network: the playlist picker rejects too', async () => {
		await expect(
			search('searchYouTubePlaylists', {
				resource: 'youtube',
				operation: 'addVideoToPlaylist',
				identity: byId(FIXTURES.identities.linkedin),
			}),
		).rejects.toThrow(/^OneAll error 403: This resource requires a YouTube identity/);
	});

	it('an unknown identity: rejects with OneAll\'s 404 text', async () => {
		await expect(search('searchPinterestBoards', pinParameters(byId(FIXTURES.unknownIdentity)))).rejects.toMatchObject({
			name: 'NodeApiError',
			httpCode: '404',
			message: `OneAll error 404: The identity ${FIXTURES.unknownIdentity} does not exist. Check the identity token and the ids used (board, playlist, user, connection): OneAll does not know one of them.`,
		});
	});

	it.each([
		['no identity parameter', {}],
		['an empty list selection', { identity: { __rl: true, mode: 'list', value: '' } }],
		['an empty token', { identity: byId('') }],
	])('no identity chosen (%s): rejects asking to choose the identity first, sends nothing', async (_name, identity) => {
		const promise = search('searchPinterestBoards', { resource: 'pinterest', operation: 'publishPin', ...identity });
		await expect(promise).rejects.toThrow('Choose the identity first');
		await expect(promise).rejects.toMatchObject({ name: 'NodeOperationError' });
		expect(emulator.requests).toHaveLength(0);
	});

	it('an identity that is not a token (e.g. an unresolved expression): rejects before any request', async () => {
		const promise = search('searchFacebookGroups', {
			resource: 'facebook',
			operation: 'publishGroupPost',
			identity: byId('={{ $json.identity_token }}'),
		});
		await expect(promise).rejects.toThrow(/is not a valid OneAll token/);
		expect(emulator.requests).toHaveLength(0);
	});

	it('a server error rejects with OneAll\'s text', async () => {
		emulator.addFault({ type: 'status', status: 500, path: '/pull/', info: 'Pinterest did not answer' });
		await expect(search('searchPinterestBoards', pinParameters())).rejects.toThrow(
			'OneAll error 500: Pinterest did not answer',
		);
	});

	it('a failure reported inside an HTTP 200 rejects', async () => {
		emulator.addFault({ type: 'errorIn200', status: 403, path: '/pull/', info: 'Facebook: the access token has expired' });
		await expect(
			search('searchFacebookPages', {
				resource: 'facebook',
				operation: 'publishPagePost',
				identity: byId(FIXTURES.identities.facebook),
			}),
		).rejects.toThrow('OneAll error 403: Facebook: the access token has expired');
	});

	it('an answer that is not OneAll JSON rejects', async () => {
		emulator.addFault({ type: 'malformed', path: '/identities.json' });
		await expect(search('searchIdentities', pinParameters())).rejects.toThrow(
			'OneAll answered HTTP 200 with a body that is not a OneAll response',
		);
	});

	it('a 503 on a picker page is retried like any read', async () => {
		emulator.addFault({ type: 'status', status: 503, path: '/users.json', retryAfter: 0 });
		const { results } = await search('searchUsers', { resource: 'user', operation: 'get' });
		expect(results).toHaveLength(PAGE_SIZE);
		expect(emulator.requests.map((r) => r.status)).toEqual([503, 200]);
	});
});

describe('an answer without the expected list', () => {
	it('is an error naming the missing list, never a silent empty dropdown', async () => {
		const stub = await startStub({
			response: {
				request: { status: { flag: 'success', code: 200, info: 'Your request has been processed successfully' } },
				result: { data: { pinterest_boards: { entries: [{ board_id: '1', board_name: 'x' }] } } },
			},
		});
		try {
			await expect(
				search('searchPinterestBoards', pinParameters(), { credentials: emulatorCredentials(emulator, { apiBaseUrl: stub.url }) }),
			).rejects.toThrow('has no "boards" list');
		} finally {
			await stub.close();
		}
	});
});

describe('entries with parts missing or of another type (never a crash, never a value that names nothing)', () => {
	const T = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
	const answer = (collection: string, entries: unknown[]) => ({
		response: { request: { status: { flag: 'success', code: 200 } }, result: { data: { [collection]: { count: entries.length, entries } } } },
	});
	async function withList<T>(collection: string, entries: unknown[], body: (credentials: ReturnType<typeof emulatorCredentials>) => Promise<T>) {
		const stub = await startStub(answer(collection, entries));
		try {
			return await body(emulatorCredentials(emulator, { apiBaseUrl: stub.url }));
		} finally {
			await stub.close();
		}
	}

	it('users: identities holding null, text or a list, names of another type; an entry without user_token is left out', async () => {
		const entries = [
			{ user_token: T(1), identities: [null, 'x', ['y'], { provider: 'twitter', displayName: 7, name: 'Ada', emails: [null, 'a@b'] }] },
			{ date_creation: 'Wed, 24 Aug 2011 17:23:00 +0200', identities: [{ provider: 'facebook' }] },
			{ user_token: T(2), identities: { provider: 'facebook' } },
			{ user_token: '', identities: [] },
		];
		const { results } = await withList('users', entries, async (credentials) => await search('searchUsers', { resource: 'user', operation: 'get' }, { credentials }));
		expect(results).toEqual([
			{ name: `${T(1)} (twitter)`, value: T(1) },
			{ name: T(2), value: T(2) },
		]);
	});

	it('identities: an entry without identity_token is left out instead of offered as "undefined"', async () => {
		const entries = [{ user_token: T(1) }, { identity_token: T(3), name: { formatted: 5 }, emails: 'x' }, { identity_token: 12 }];
		const { results } = await withList('identities', entries, async (credentials) => await search('searchIdentities', { resource: 'user', operation: 'get' }, { credentials }));
		expect(results).toEqual([{ name: T(3), value: T(3) }]);
	});

	it('boards: ids as exact numbers or text are offered; an id beyond 2^53 (already rounded), an object or none is left out; a name that is no text falls back to the id', async () => {
		const entries = [
			{ board_id: 42, board_name: { text: 'x' } },
			{ board_id: '549755885175', board_name: ' Recipes ' },
			{ board_id: 2 ** 60, board_name: 'Rounded' },
			{ board_id: { id: 1 }, board_name: 'Object' },
			{ board_name: 'No id' },
		];
		const { results } = await withList('boards', entries, async (credentials) => await search('searchPinterestBoards', pinParameters(), { credentials }));
		expect(results).toEqual([
			{ name: '42', value: '42' },
			{ name: 'Recipes', value: '549755885175' },
		]);
	});
});
