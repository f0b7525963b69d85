/**
 * The rest of OneAll's Pull API table (docs/oneall-api.md §6, issue 26): every read runs in n8n-core against
 * the emulator, in both answer profiles. The expected paths and queries are written by hand from OneAll's
 * Pull API table and the SDK's parameters, never derived from the node's spec rows; so are the counts of the
 * emulator's seeded objects (test/emulator/updates.cjs SEED_COUNTS).
 */
import type { IDataObject } from 'n8n-workflow';

import { FIXTURES, startEmulator, type AnswerProfile, type Emulator } from '../emulator/index.cjs';
import { runOneAll } from '../helpers/harness.cjs';
import { callListSearch } from '../helpers/listSearch.cjs';
import { byId, emulatorCredentials } from '../helpers/params';

const ID = FIXTURES.identities;
const PAGE = FIXTURES.facebook.pageIds[0];
const GROUP = FIXTURES.facebook.groupIds[0];
const PAGE_POST = `${PAGE}000003`; // a seeded post of the page
const LINKEDIN_POST = 'urn:li:share:700000000007'; // a seeded post of the LinkedIn user (a URN: query, not path)
const P = (identity: string, path: string) => `/pull/identities/${identity}/${path}`;

interface Row {
	read: string;
	parameters: IDataObject;
	requests: Array<{ path: string; query: IDataObject }>;
	items: number;
	idKey: string;
}

const ROWS: Row[] = [
	{
		read: 'Facebook → Get Many Likes (Return All: num_likes=25 pages)',
		parameters: { resource: 'facebook', operation: 'getLikes', identity: byId(ID.facebook), returnAll: true },
		requests: [
			{ path: P(ID.facebook, 'facebook/likes.json'), query: { num_likes: '25', page: '1' } },
			{ path: P(ID.facebook, 'facebook/likes.json'), query: { num_likes: '25', page: '2' } },
		],
		items: 30,
		idKey: 'like_id',
	},
	{
		read: 'Facebook → Get Many Posts (Return All: num_posts=50 pages)',
		parameters: { resource: 'facebook', operation: 'getPosts', identity: byId(ID.facebook), returnAll: true },
		requests: [
			{ path: P(ID.facebook, 'facebook/posts.json'), query: { num_posts: '50', page: '1' } },
			{ path: P(ID.facebook, 'facebook/posts.json'), query: { num_posts: '50', page: '2' } },
		],
		items: 55,
		idKey: 'post_id',
	},
	{
		read: 'Facebook → Get Many Group Posts (no parameter known)',
		parameters: { resource: 'facebook', operation: 'getGroupPosts', identity: byId(ID.facebook), group: byId(GROUP), returnAll: true },
		requests: [{ path: P(ID.facebook, `facebook/group/${GROUP}/posts.json`), query: {} }],
		items: 4,
		idKey: 'post_id',
	},
	{
		read: 'Facebook → Get Many Page Post Reactions (page picker and post id in the path)',
		parameters: { resource: 'facebook', operation: 'getPagePostReactions', identity: byId(ID.facebook), page: byId(PAGE), postId: PAGE_POST, limit: 3 },
		requests: [{ path: P(ID.facebook, `facebook/page/${PAGE}/post/${PAGE_POST}/reactions.json`), query: {} }],
		items: 3,
		idKey: 'reaction_id',
	},
	{
		read: 'LinkedIn → Get Many User Posts (Limit 10: one page of 10)',
		parameters: { resource: 'linkedin', operation: 'getUserPosts', identity: byId(ID.linkedin), limit: 10 },
		requests: [{ path: P(ID.linkedin, 'linkedin/user/posts.json'), query: { num_posts: '10', page: '1' } }],
		items: 10,
		idKey: 'post_id',
	},
	{
		read: 'LinkedIn → Get Post (post_id in the query, one item)',
		parameters: { resource: 'linkedin', operation: 'getPost', identity: byId(ID.linkedin), postId: LINKEDIN_POST },
		requests: [{ path: P(ID.linkedin, 'linkedin/post.json'), query: { post_id: LINKEDIN_POST } }],
		items: 1,
		idKey: 'post',
	},
	{
		read: 'LinkedIn → Get Many Post Comments (post_id in the query)',
		parameters: { resource: 'linkedin', operation: 'getPostComments', identity: byId(ID.linkedin), postId: LINKEDIN_POST, returnAll: true },
		requests: [{ path: P(ID.linkedin, 'linkedin/post/comments.json'), query: { post_id: LINKEDIN_POST } }],
		items: 3,
		idKey: 'comment_id',
	},
	{
		read: 'Steam → Get Many Games (Return All: num_games=50 pages)',
		parameters: { resource: 'steam', operation: 'getGames', identity: byId(ID.steam), returnAll: true },
		requests: [
			{ path: P(ID.steam, 'steam/games.json'), query: { num_games: '50', page: '1' } },
			{ path: P(ID.steam, 'steam/games.json'), query: { num_games: '50', page: '2' } },
		],
		items: 51,
		idKey: 'game_id',
	},
	{
		read: 'Steam → Get Many Games with Only Game ID',
		parameters: { resource: 'steam', operation: 'getGames', identity: byId(ID.steam), limit: 5, options: { onlyGameId: '9000007' } },
		requests: [{ path: P(ID.steam, 'steam/games.json'), query: { num_games: '5', page: '1', only_game_id: '9000007' } }],
		items: 1,
		idKey: 'game_id',
	},
	{
		read: 'TikTok → Get Many Videos',
		parameters: { resource: 'tiktok', operation: 'getVideos', identity: byId(ID.tiktok), returnAll: true },
		requests: [{ path: P(ID.tiktok, 'tiktok/videos.json'), query: {} }],
		items: 3,
		idKey: 'video_id',
	},
	...(
		[
			['getSubscriptions', 'twitch/broadcaster/subscriptions.json', 3, 'subscription_id'],
			['getChannels', 'twitch/channels.json', 1, 'channel_id'],
			['getClips', 'twitch/clips.json', 3, 'clip_id'],
			['getStreams', 'twitch/streams.json', 1, 'stream_id'],
			['getVideos', 'twitch/videos.json', 3, 'video_id'],
		] as const
	).map(([operation, path, items, idKey]) => ({
		read: `Twitch → ${operation}`,
		parameters: { resource: 'twitch', operation, identity: byId(ID.twitch), returnAll: true },
		requests: [{ path: P(ID.twitch, path), query: {} }],
		items,
		idKey,
	})),
	{
		read: 'YouTube → Get Many Channels',
		parameters: { resource: 'youtube', operation: 'getChannels', identity: byId(ID.youtube), returnAll: true },
		requests: [{ path: P(ID.youtube, 'youtube/channels.json'), query: {} }],
		items: FIXTURES.youtube.channelIds.length,
		idKey: 'channel_id',
	},
	{
		read: 'YouTube → Get Many Videos (youtube/videos.json, from the SDK)',
		parameters: { resource: 'youtube', operation: 'getVideos', identity: byId(ID.youtube), limit: 2 },
		requests: [{ path: P(ID.youtube, 'youtube/videos.json'), query: {} }],
		items: 2,
		idKey: 'video_id',
	},
];

describe.each<AnswerProfile>(['generous', 'public'])("the rest of the Pull API, answer profile '%s'", (profile) => {
	let emulator: Emulator;
	beforeAll(async () => {
		emulator = await startEmulator({ answers: profile });
	});
	afterAll(async () => await emulator.close());
	beforeEach(() => emulator.reset());

	const run = async (parameters: IDataObject) => await runOneAll({ credentials: emulatorCredentials(emulator), parameters });
	const sent = () => emulator.requests.map(({ method, path, query }) => ({ method, path, query }));

	it.each(ROWS.map((row) => [row.read, row] as const))('%s', async (_read, row) => {
		const { error, items } = await run(row.parameters);
		expect(error).toBeUndefined();
		expect(sent()).toEqual(row.requests.map((request) => ({ method: 'GET', ...request })));
		expect(emulator.requests.every((request) => request.status === 200)).toBe(true);
		expect(items).toHaveLength(row.items);
		for (const item of items) expect(item.json[row.idKey]).toBeDefined();
		const ids = items.map((item) => JSON.stringify(item.json[row.idKey]));
		expect(new Set(ids).size).toBe(ids.length);
	});

	it('LinkedIn → Get Post answers the post asked for', async () => {
		const { items } = await run({ resource: 'linkedin', operation: 'getPost', identity: byId(ID.linkedin), postId: LINKEDIN_POST });
		expect((items[0].json.post as IDataObject).post_id).toBe(LINKEDIN_POST);
	});
});

describe('checked before anything is sent', () => {
	let emulator: Emulator;
	beforeAll(async () => {
		emulator = await startEmulator();
	});
	afterAll(async () => await emulator.close());
	beforeEach(() => emulator.reset());
	const run = async (parameters: IDataObject) => await runOneAll({ credentials: emulatorCredentials(emulator), parameters });

	it.each([
		// n8n refuses an empty required field itself; an expression that comes out empty reaches the node.
		['a Post ID that comes out empty', { resource: 'linkedin', operation: 'getPost', identity: byId(ID.linkedin), postId: '={{ "" }}' }, /"Post ID"/],
		['a Post ID with a space', { resource: 'linkedin', operation: 'getPostComments', identity: byId(ID.linkedin), postId: 'a b', limit: 5 }, /"Post ID" must be an id without spaces/],
		[
			'a path-escaping page post id',
			{ resource: 'facebook', operation: 'getPagePostReactions', identity: byId(ID.facebook), page: byId(PAGE), postId: '../../users', limit: 5 },
			/"Post ID" "\.\.\/\.\.\/users" is not a valid id/,
		],
	] as const)('%s: a NodeOperationError, no request', async (_what, parameters, message) => {
		const { error } = await run(parameters);
		expect(error?.name).toBe('NodeOperationError');
		expect(error?.message).toMatch(message);
		expect(emulator.requests).toHaveLength(0);
	});

	it('an unknown post is OneAll\'s 404 as a NodeApiError', async () => {
		const { error } = await run({ resource: 'linkedin', operation: 'getPostComments', identity: byId(ID.linkedin), postId: 'urn:li:share:1', limit: 5 });
		expect(error?.name).toBe('NodeApiError');
		expect(error?.httpCode).toBe('404');
	});

	it('the identity picker of a read-only network lists only its identities', async () => {
		for (const network of ['steam', 'tiktok', 'twitch'] as const) {
			const values: string[] = [];
			let token: string | undefined;
			for (let calls = 0; calls < 100; calls++) {
				const page = await callListSearch('searchIdentities', {
					parameters: { resource: network, operation: 'getVideos' },
					credentials: emulatorCredentials(emulator),
					paginationToken: token,
				});
				values.push(...page.results.map((result) => String(result.value)));
				if (page.paginationToken === undefined) break;
				token = String(page.paginationToken);
			}
			expect(values).toEqual([ID[network]]);
		}
	});
});
