/**
 * Update API, Pull API reads and account deletes, run in n8n-core against the emulator. Every object
 * is first published through the node (the emulator keeps it), then updated, listed or deleted. The
 * expected methods, paths, bodies and queries are written by hand from OneAll's documentation
 * (docs/oneall-api.md §5 Update API, §6 Pull API with the SDK's parameters, §7 and §8.6 deletes),
 * never derived from the node's spec tables.
 *
 * Retry rules (README "Retries"): an update (PUT) and a delete may be re-sent after a lost answer; a
 * delete that then answers 404 is reported as deleted, saying so; a first-attempt 404 stays an error;
 * a push is never re-sent once it may have landed.
 */
import type { IDataObject } from 'n8n-workflow';

import { FIXTURES } from '../emulator/index.cjs';
import { recordSleeps, type SleepRecorder } from '../helpers/collect.cjs';
import { useEmulator } from '../helpers/emulatorSuite';
import { exampleWorkflows } from '../helpers/files.cjs';
import { runOneAll, runWorkflow } from '../helpers/harness.cjs';
import { byId, emulatorCredentials } from '../helpers/params';
import { startStub } from '../helpers/stubServer.cjs';

const emulator = useEmulator();

let clock: SleepRecorder | undefined;
afterEach(() => {
	clock?.restore();
	clock = undefined;
});

const ID = FIXTURES.identities;
const BOARD = FIXTURES.pinterest.boardId;
const PAGE = FIXTURES.facebook.pageIds[0];
const COMPANY = FIXTURES.linkedin.companyIds[0];
const PLAYLIST = FIXTURES.youtube.playlistIds[1];
const PICTURE = 'https://www.oneall.com/logo.jpg';

const run = (parameters: IDataObject) => runOneAll({ credentials: emulatorCredentials(emulator), parameters });

/** Runs an operation that must succeed and returns its one output item. */
async function one(parameters: IDataObject): Promise<IDataObject> {
	const { error, items } = await run(parameters);
	expect(error).toBeUndefined();
	expect(items).toHaveLength(1);
	return items[0].json;
}

/** The requests of one step (the emulator's log is cleared first). */
async function step(parameters: IDataObject) {
	emulator.reset();
	const result = await run(parameters);
	return { ...result, requests: emulator.requests.map(({ method, path, query, body, rawBody, status }) => ({ method, path, query, body, rawBody, status })) };
}

const publishPin = () =>
	one({ resource: 'pinterest', operation: 'publishPin', identity: byId(ID.pinterest), board: byId(BOARD), title: 'Stadium', picture: PICTURE });

const update = (object: string, fields: IDataObject) => ({ request: { update: { [object]: fields } } });

describe('Update API: every row of docs/oneall-api.md §5', () => {
	it('Pinterest → Update Pin: PUT /update/identities/<identity>/pinterest/pin/<pin_id>.json with update.pin{board, description, link}', async () => {
		const pin = await publishPin();
		const { error, items, requests } = await step({
			resource: 'pinterest',
			operation: 'updatePin',
			identity: byId(ID.pinterest),
			pinId: `={{ "${String(pin.pin_id)}" }}`,
			boardName: 'photos',
			description: 'Photo of the stadium',
			link: 'https://www.fcbarcelona.com/',
		});
		expect(error).toBeUndefined();
		expect(requests).toEqual([
			expect.objectContaining({
				method: 'PUT',
				path: `/update/identities/${ID.pinterest}/pinterest/pin/${String(pin.pin_id)}.json`,
				query: {},
				body: update('pin', { board: 'photos', description: 'Photo of the stadium', link: 'https://www.fcbarcelona.com/' }),
				status: 200,
			}),
		]);
		expect(items[0].json).toMatchObject({ pin_id: pin.pin_id, pin_description: 'Photo of the stadium', pin_board_name: 'photos' });
		expect(items[0].pairedItem).toEqual({ item: 0 });
	});

	it('Pinterest → Update Pin refuses an update with nothing to change, before sending', async () => {
		const { error, requests } = await step({ resource: 'pinterest', operation: 'updatePin', identity: byId(ID.pinterest), pinId: '1' });
		expect(error?.message).toMatch(/Board Name, a Description or a Link/);
		expect(requests).toEqual([]);
	});

	it('Pinterest → Delete Pin: DELETE without body or query; the next delete answers 404 as an error', async () => {
		const pin = await publishPin();
		const path = `/update/identities/${ID.pinterest}/pinterest/pin/${String(pin.pin_id)}.json`;
		const first = await step({ resource: 'pinterest', operation: 'deletePin', identity: byId(ID.pinterest), pinId: String(pin.pin_id) });
		expect(first.requests).toEqual([{ method: 'DELETE', path, query: {}, body: null, rawBody: '', status: 200 }]);
		expect(first.items[0].json).toMatchObject({ deleted: true, pin_id: String(pin.pin_id) });
		expect(first.items[0].json.note).toBeUndefined();

		const again = await step({ resource: 'pinterest', operation: 'deletePin', identity: byId(ID.pinterest), pinId: String(pin.pin_id) });
		expect(again.requests.map((r) => r.status)).toEqual([404]);
		expect(again.error?.name).toBe('NodeApiError');
		expect(again.error?.httpCode).toBe('404');
		expect(again.error?.message).toMatch(/does not exist/);
	});

	it('Facebook → Update Page Post: PUT …/facebook/page/<page>/post/<post>.json with update.post; link and attachments refused together', async () => {
		const post = await one({ resource: 'facebook', operation: 'publishPagePost', identity: byId(ID.facebook), page: byId(PAGE), message: 'Hi' });
		const postId = String(post.post_id);
		const { error, items, requests } = await step({
			resource: 'facebook',
			operation: 'updatePagePost',
			identity: byId(ID.facebook),
			page: byId(PAGE),
			postId,
			message: 'Hello World!',
			additionalFields: { link: 'http://www.oneall.com/' },
		});
		expect(error).toBeUndefined();
		expect(requests).toEqual([
			expect.objectContaining({
				method: 'PUT',
				path: `/update/identities/${ID.facebook}/facebook/page/${PAGE}/post/${postId}.json`,
				body: update('post', { message: 'Hello World!', link: 'http://www.oneall.com/' }),
				status: 200,
			}),
		]);
		expect(items[0].json).toMatchObject({ post_message: 'Hello World!', post_link: 'http://www.oneall.com/' });

		const both = await step({
			resource: 'facebook',
			operation: 'updatePagePost',
			identity: byId(ID.facebook),
			page: byId(PAGE),
			postId,
			additionalFields: { link: 'http://www.oneall.com/', attachments: '10213128014248748' },
		});
		expect(both.error?.message).toMatch(/either a Link or Attachment Picture IDs, not both/);
		expect(both.requests).toEqual([]);
	});

	it.each([
		['deletePagePost', 'publishPagePost', { message: 'Bye' }, 'post'],
		['deletePagePicture', 'uploadPagePicture', { url: PICTURE }, 'picture'],
		['deletePageVideo', 'uploadPageVideo', { url: 'https://www.example.com/clip.mp4' }, 'video'],
	])('Facebook → %s: DELETE …/facebook/page/<page>/%s… of what was published', async (operation, publish, fields, object) => {
		const published = await one({ resource: 'facebook', operation: publish, identity: byId(ID.facebook), page: byId(PAGE), ...fields });
		const id = String(published[`${object}_id`]);
		const { items, requests } = await step({
			resource: 'facebook',
			operation,
			identity: byId(ID.facebook),
			page: byId(PAGE),
			[`${object}Id`]: id,
		});
		expect(requests).toEqual([
			{ method: 'DELETE', path: `/update/identities/${ID.facebook}/facebook/page/${PAGE}/${object}/${id}.json`, query: {}, body: null, rawBody: '', status: 200 },
		]);
		expect(items[0].json).toMatchObject({ deleted: true, page_id: PAGE, [`${object}_id`]: id });
	});

	it('Twitter → Delete Tweet: DELETE …/twitter/post/<post_id>.json', async () => {
		const tweet = await one({ resource: 'twitter', operation: 'publishTweet', identity: byId(ID.twitter), message: 'To delete' });
		const { items, requests } = await step({ resource: 'twitter', operation: 'deleteTweet', identity: byId(ID.twitter), postId: String(tweet.post_id) });
		expect(requests).toEqual([
			{ method: 'DELETE', path: `/update/identities/${ID.twitter}/twitter/post/${String(tweet.post_id)}.json`, query: {}, body: null, rawBody: '', status: 200 },
		]);
		expect(items[0].json).toMatchObject({ deleted: true, post_id: String(tweet.post_id) });
	});

	it('YouTube → Update Playlist: PUT …/youtube/playlist/<playlist>.json with update.playlist (title required)', async () => {
		const { error, requests } = await step({
			resource: 'youtube',
			operation: 'updatePlaylist',
			identity: byId(ID.youtube),
			playlist: byId(PLAYLIST),
			title: 'My PlayList',
			additionalFields: { description: 'Awesome Mix 1', privacyStatus: 'unlisted', defaultLanguage: 'en' },
		});
		expect(error).toBeUndefined();
		expect(requests).toEqual([
			expect.objectContaining({
				method: 'PUT',
				path: `/update/identities/${ID.youtube}/youtube/playlist/${PLAYLIST}.json`,
				body: update('playlist', { title: 'My PlayList', description: 'Awesome Mix 1', privacy_status: 'unlisted', default_language: 'en' }),
				status: 200,
			}),
		]);
	});

	it('YouTube → Delete Playlist and Remove Video From Playlist', async () => {
		const created = await one({ resource: 'youtube', operation: 'createPlaylist', identity: byId(ID.youtube), title: 'Temporary' });
		const playlist = String(created.playlist_id);
		await one({ resource: 'youtube', operation: 'addVideoToPlaylist', identity: byId(ID.youtube), playlist: byId(playlist), videoId: 'dQw4w9WgXcQ' });
		const removed = await step({
			resource: 'youtube',
			operation: 'removeVideoFromPlaylist',
			identity: byId(ID.youtube),
			playlist: byId(playlist),
			videoId: 'dQw4w9WgXcQ',
		});
		expect(removed.requests).toEqual([
			{ method: 'DELETE', path: `/update/identities/${ID.youtube}/youtube/playlist/${playlist}/video/dQw4w9WgXcQ.json`, query: {}, body: null, rawBody: '', status: 200 },
		]);
		expect(removed.items[0].json).toMatchObject({ deleted: true, playlist_id: playlist, video_id: 'dQw4w9WgXcQ' });

		const deleted = await step({ resource: 'youtube', operation: 'deletePlaylist', identity: byId(ID.youtube), playlist: byId(playlist) });
		expect(deleted.requests).toEqual([
			{ method: 'DELETE', path: `/update/identities/${ID.youtube}/youtube/playlist/${playlist}.json`, query: {}, body: null, rawBody: '', status: 200 },
		]);
		expect(deleted.items[0].json).toMatchObject({ deleted: true, playlist_id: playlist });
	});

	it('YouTube → Update and Delete Channel Section: the section id keeps its dot, update.channel.section', async () => {
		const section = await one({ resource: 'youtube', operation: 'addChannelSection', identity: byId(ID.youtube), sectionType: 'singlePlaylist' });
		const sectionId = String(section.section_id);
		expect(sectionId).toContain('.');
		const updated = await step({
			resource: 'youtube',
			operation: 'updateChannelSection',
			identity: byId(ID.youtube),
			sectionId,
			sectionType: 'multiplePlaylists',
			additionalFields: { title: 'Favourites', playlists: `${PLAYLIST}, ${FIXTURES.youtube.playlistIds[2]}`, position: 1 },
		});
		expect(updated.error).toBeUndefined();
		expect(updated.requests).toEqual([
			expect.objectContaining({
				method: 'PUT',
				path: `/update/identities/${ID.youtube}/youtube/channel/section/${sectionId}.json`,
				body: update('channel', {
					section: { type: 'multiplePlaylists', title: 'Favourites', playlists: [PLAYLIST, FIXTURES.youtube.playlistIds[2]], position: 1 },
				}),
				status: 200,
			}),
		]);
		const deleted = await step({ resource: 'youtube', operation: 'deleteChannelSection', identity: byId(ID.youtube), sectionId });
		expect(deleted.requests).toEqual([
			{ method: 'DELETE', path: `/update/identities/${ID.youtube}/youtube/channel/section/${sectionId}.json`, query: {}, body: null, rawBody: '', status: 200 },
		]);
	});

	it.each([
		['a slash', '12/34'],
		['a dot-dot', '..'],
		['a query', '1?x=2'],
		['a blank expression', '={{ "  " }}'],
	])('ids in the path are checked before sending: %s is refused', async (_what, pinId) => {
		const { error, requests } = await step({ resource: 'pinterest', operation: 'deletePin', identity: byId(ID.pinterest), pinId });
		expect(error?.name).toBe('NodeOperationError');
		expect(error?.message).toMatch(/Pin ID/);
		expect(requests).toEqual([]);
	});

	it.each(['..', '.abc', 'abc.', 'a..b', 'a/b.c'])('a channel section id "%s" is refused (dots only between parts)', async (sectionId) => {
		const { error, requests } = await step({ resource: 'youtube', operation: 'deleteChannelSection', identity: byId(ID.youtube), sectionId });
		expect(error?.name).toBe('NodeOperationError');
		expect(requests).toEqual([]);
	});
});

describe('Account deletes (docs/oneall-api.md §7, §8.6): DELETE with ?confirm_deletion=true', () => {
	it('Identity → Delete removes the identity; a read afterwards answers 404', async () => {
		const token = FIXTURES.foreignIdentities.youtube;
		const { items, requests } = await step({ resource: 'identity', operation: 'delete', identity: byId(token) });
		expect(requests).toEqual([
			{ method: 'DELETE', path: `/identities/${token}.json`, query: { confirm_deletion: 'true' }, body: null, rawBody: '', status: 200 },
		]);
		expect(items[0].json).toMatchObject({ deleted: true, identity_token: token });
		const read = await step({ resource: 'identity', operation: 'get', identity: byId(token) });
		expect(read.error?.httpCode).toBe('404');
	});

	it('User → Delete removes the user and its identities', async () => {
		const token = FIXTURES.users.foreign;
		const { items, requests } = await step({ resource: 'user', operation: 'delete', user: byId(token) });
		expect(requests).toEqual([
			{ method: 'DELETE', path: `/users/${token}.json`, query: { confirm_deletion: 'true' }, body: null, rawBody: '', status: 200 },
		]);
		expect(items[0].json).toMatchObject({ deleted: true, user_token: token });
		const read = await step({ resource: 'identity', operation: 'get', identity: byId(FIXTURES.foreignIdentities.pinterest) });
		expect(read.error?.httpCode).toBe('404');
	});
});

describe('Pull API reads (docs/oneall-api.md §6: SDK parameters, lenient answer)', () => {
	it('Facebook → Get Many Page Posts, Return All: walks num_posts=50 pages until a short one', async () => {
		const { error, items, requests } = await step({ resource: 'facebook', operation: 'getPagePosts', identity: byId(ID.facebook), page: byId(PAGE), returnAll: true });
		expect(error).toBeUndefined();
		const path = `/pull/identities/${ID.facebook}/facebook/page/${PAGE}/posts.json`;
		expect(requests.map(({ method, path: p, query }) => ({ method, path: p, query }))).toEqual([
			{ method: 'GET', path, query: { num_posts: '50', page: '1' } },
			{ method: 'GET', path, query: { num_posts: '50', page: '2' } },
		]);
		expect(items.length).toBeGreaterThanOrEqual(75);
		expect(new Set(items.map((item) => item.json.post_id)).size).toBe(items.length);
	});

	it('Facebook → Get Many Page Posts, Limit 10: one page of 10', async () => {
		const { items, requests } = await step({ resource: 'facebook', operation: 'getPagePosts', identity: byId(ID.facebook), page: byId(PAGE), limit: 10 });
		expect(requests.map((r) => r.query)).toEqual([{ num_posts: '10', page: '1' }]);
		expect(items).toHaveLength(10);
	});

	it('LinkedIn → Get Many Company Posts reads a {count, entries} answer', async () => {
		const { items, requests } = await step({ resource: 'linkedin', operation: 'getCompanyPosts', identity: byId(ID.linkedin), company: byId(COMPANY), returnAll: true });
		expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual([`GET /pull/identities/${ID.linkedin}/linkedin/company/${COMPANY}/posts.json`]);
		expect(items).toHaveLength(3);
		expect(items[0].json.post_id).toEqual(expect.any(String));
	});

	it('Pinterest → Get Many Board Pins finds a pin just published; Get Many Pins lists it too', async () => {
		const pin = await publishPin();
		const board = await step({ resource: 'pinterest', operation: 'getBoardPins', identity: byId(ID.pinterest), board: byId(BOARD), returnAll: true });
		expect(board.requests.map((r) => ({ path: r.path, query: r.query }))).toEqual([
			{ path: `/pull/identities/${ID.pinterest}/pinterest/board/${BOARD}/pins.json`, query: {} },
		]);
		expect(board.items.map((item) => item.json.pin_id)).toContain(pin.pin_id);
		const all = await step({ resource: 'pinterest', operation: 'getPins', identity: byId(ID.pinterest), limit: 2 });
		expect(all.requests.map((r) => r.path)).toEqual([`/pull/identities/${ID.pinterest}/pinterest/pins.json`]);
		expect(all.items).toHaveLength(2);
		expect(all.items[0].json.pin_id).toBe(pin.pin_id);
	});

	it('Twitter → Get Many Tweets sends num_tweets and after_tweet_id', async () => {
		const { items, requests } = await step({
			resource: 'twitter',
			operation: 'getTweets',
			identity: byId(ID.twitter),
			limit: 5,
			options: { afterTweetId: '9000050' },
		});
		expect(requests.map((r) => ({ path: r.path, query: r.query }))).toEqual([
			{ path: `/pull/identities/${ID.twitter}/twitter/tweets.json`, query: { num_tweets: '5', after_tweet_id: '9000050' } },
		]);
		expect(items).toHaveLength(5);
	});

	it('YouTube → Get Many Playlist Videos reads a plain array', async () => {
		const { items, requests } = await step({ resource: 'youtube', operation: 'getPlaylistVideos', identity: byId(ID.youtube), playlist: byId(PLAYLIST), returnAll: true });
		expect(requests.map((r) => r.path)).toEqual([`/pull/identities/${ID.youtube}/youtube/playlist/${PLAYLIST}/videos.json`]);
		expect(items.length).toBeGreaterThanOrEqual(4);
		expect(items[0].json.video_id).toEqual(expect.any(String));
	});

	it('an answer without the list is a clear error, never an empty output', async () => {
		const stub = await startStub({ response: { request: { status: { flag: 'success', code: 200 } }, result: { data: { something: [] } } } });
		try {
			const { error, items } = await runOneAll({
				credentials: emulatorCredentials(emulator, { apiBaseUrl: stub.url }),
				parameters: { resource: 'twitter', operation: 'getTweets', identity: byId(ID.twitter), limit: 5 },
			});
			expect(items).toHaveLength(0);
			expect(error?.name).toBe('NodeApiError');
			expect(error?.message).toMatch(/has no "tweets" list/);
			expect(error?.description).toMatch(/result\.data\.tweets/);
		} finally {
			await stub.close();
		}
	});
});

describe('Retries of updates and deletes under faults', () => {
	/** Back-off sleeps are recorded and skipped. */
	const virtualBackOff = () => (clock = recordSleeps({ skip: true }));

	it('a delete whose answer is lost (reset after processing) is re-sent; its 404 is reported as deleted, saying so', async () => {
		const pin = await publishPin();
		virtualBackOff();
		emulator.reset();
		emulator.addFault({ type: 'afterProcessing', then: 'reset', method: 'DELETE' });
		const { error, items } = await run({ resource: 'pinterest', operation: 'deletePin', identity: byId(ID.pinterest), pinId: String(pin.pin_id) });
		expect(error).toBeUndefined();
		expect(emulator.requests.map((r) => `${r.method} ${r.status ?? 'no answer'}`)).toEqual(['DELETE no answer', 'DELETE 404']);
		expect(items[0].json).toEqual({ deleted: true, pin_id: String(pin.pin_id), note: expect.stringMatching(/already gone/) });
	});

	it('a delete answered 502 after processing is re-sent; its 404 is reported as deleted', async () => {
		const pin = await publishPin();
		virtualBackOff();
		emulator.reset();
		emulator.addFault({ type: 'afterProcessing', status: 502, method: 'DELETE' });
		const { items } = await run({ resource: 'pinterest', operation: 'deletePin', identity: byId(ID.pinterest), pinId: String(pin.pin_id) });
		expect(emulator.requests.map((r) => r.status)).toEqual([502, 404]);
		expect(items[0].json).toMatchObject({ deleted: true, note: expect.stringMatching(/already gone/) });
	});

	it('22 #12: a delete answered 503 and then 404 is an error, not "deleted": OneAll said it did not process the first', async () => {
		virtualBackOff();
		emulator.addFault({ type: 'status', status: 503, method: 'DELETE' });
		const { error, items } = await run({ resource: 'pinterest', operation: 'deletePin', identity: byId(ID.pinterest), pinId: '700000000000000999' });
		expect(emulator.requests.map((r) => r.status)).toEqual([503, 404]);
		expect(items).toEqual([]);
		expect(error?.message).toMatch(/^OneAll error 404: /);
	});

	it('a delete reset before OneAll saw it is re-sent and deletes normally', async () => {
		const pin = await publishPin();
		virtualBackOff();
		emulator.reset();
		emulator.addFault({ type: 'reset', method: 'DELETE' });
		const { items } = await run({ resource: 'pinterest', operation: 'deletePin', identity: byId(ID.pinterest), pinId: String(pin.pin_id) });
		expect(emulator.requests.map((r) => r.status)).toEqual([null, 200]);
		expect(items[0].json.deleted).toBe(true);
		expect(items[0].json.note).toBeUndefined();
	});

	it('a 429 before a delete is not a lost answer: a 404 after it stays an error', async () => {
		virtualBackOff();
		emulator.addFault({ type: 'rateLimit', method: 'DELETE', retryAfter: 0 });
		const { error } = await run({ resource: 'pinterest', operation: 'deletePin', identity: byId(ID.pinterest), pinId: '123' });
		expect(emulator.requests.map((r) => r.status)).toEqual([429, 404]);
		expect(error?.httpCode).toBe('404');
	});

	it('an update whose answer is lost is re-sent with the same body (same result)', async () => {
		const pin = await publishPin();
		virtualBackOff();
		emulator.reset();
		emulator.addFault({ type: 'afterProcessing', then: 'reset', method: 'PUT' });
		const { error, items } = await run({
			resource: 'pinterest',
			operation: 'updatePin',
			identity: byId(ID.pinterest),
			pinId: String(pin.pin_id),
			description: 'Same twice',
		});
		expect(error).toBeUndefined();
		expect(emulator.requests.map((r) => r.status)).toEqual([null, 200]);
		expect(emulator.requests[0].rawBody).toBe(emulator.requests[1].rawBody);
		expect(items[0].json.pin_description).toBe('Same twice');
	});

	it('an update answered 503 is retried with back-off', async () => {
		const pin = await publishPin();
		virtualBackOff();
		emulator.reset();
		emulator.addFault({ type: 'status', status: 503, method: 'PUT', times: 2 });
		const { error } = await run({ resource: 'pinterest', operation: 'updatePin', identity: byId(ID.pinterest), pinId: String(pin.pin_id), link: PICTURE });
		expect(error).toBeUndefined();
		expect(emulator.requests.map((r) => r.status)).toEqual([503, 503, 200]);
		expect(clock?.delays.length).toBe(2);
	});

	it('a delete answered 500 is not retried: the error says what OneAll said', async () => {
		emulator.addFault({ type: 'status', status: 500, method: 'DELETE' });
		const { error } = await run({ resource: 'pinterest', operation: 'deletePin', identity: byId(ID.pinterest), pinId: '123' });
		expect(emulator.requests).toHaveLength(1);
		expect(error?.httpCode).toBe('500');
	});

	it('a push whose answer is lost is still never re-sent', async () => {
		emulator.addFault({ type: 'afterProcessing', then: 'reset', method: 'POST' });
		const { error } = await run({ resource: 'pinterest', operation: 'publishPin', identity: byId(ID.pinterest), board: byId(BOARD), title: 'Once', picture: PICTURE });
		expect(error?.name).toBe('NodeApiError');
		expect(emulator.requests).toHaveLength(1);
		expect(emulator.pushes()).toHaveLength(1);
	});
});

describe('examples/pinterest-pin-lifecycle.json in n8n-core', () => {
	it('publishes a pin, updates it, deletes it; the second delete reports that it is gone (404 error item)', async () => {
		const workflow = exampleWorkflows()['pinterest-pin-lifecycle.json'];
		const nodes = workflow.nodes.filter((node) => node.type === 'n8n-nodes-oneall.oneAll');
		const connections = Object.fromEntries(Object.entries(workflow.connections).filter(([from]) => nodes.some((node) => node.name === from)));
		const result = await runWorkflow({
			nodes: nodes as unknown as IDataObject[],
			connections: connections as IDataObject,
			credentials: emulatorCredentials(emulator),
		});
		expect(result.error).toBeUndefined();
		const pinId = String(result.output('Publish Pin')[0].json.pin_id);
		expect(emulator.requests.map((r) => `${r.method} ${r.path.replace(pinId, '<pin>')} ${r.status}`)).toEqual([
			`POST /push/identities/${ID.pinterest}/pinterest/board/${BOARD}/pin.json 200`,
			`PUT /update/identities/${ID.pinterest}/pinterest/pin/<pin>.json 200`,
			`DELETE /update/identities/${ID.pinterest}/pinterest/pin/<pin>.json 200`,
			`DELETE /update/identities/${ID.pinterest}/pinterest/pin/<pin>.json 404`,
		]);
		expect(result.output('Update Pin')[0].json).toMatchObject({ pin_id: pinId, pin_description: 'Photo of the stadium' });
		expect(result.output('Delete Pin')[0].json).toMatchObject({ deleted: true, pin_id: pinId });
		expect(result.output('Delete Again')[0].json).toMatchObject({ error: expect.stringMatching(/does not exist/), httpCode: '404' });
	});
});
