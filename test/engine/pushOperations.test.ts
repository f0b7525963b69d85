/**
 * Every push operation, run in n8n-core against the emulator, once with only what it needs and once with
 * every field it offers. The expected paths and bodies are written by hand from OneAll's documentation
 * (docs/oneall-api.md §4 and its table in §4.1; the pin page copy test/fixtures/push-pinterest-pin.txt), never
 * derived from the node's spec tables: a changed body key or path in a spec must make a test here fail.
 * Also the Custom API Call operation: query parameters, body wrapping, refused paths and token redaction.
 */
import type { IDataObject } from 'n8n-workflow';

import { ACCESS_TOKEN_MARKER, FIXTURES } from '../emulator/index.cjs';
import { useEmulator } from '../helpers/emulatorSuite';
import { runOneAll } from '../helpers/harness.cjs';
import { pushOutput } from '../helpers/collect.cjs';
import { byId, emulatorCredentials } from '../helpers/params';

const emulator = useEmulator();

const ID = FIXTURES.identities;
const PAGE = FIXTURES.facebook.pageIds[0];
const GROUP = FIXTURES.facebook.groupIds[1];
const COMPANY = FIXTURES.linkedin.companyIds[0];
const BOARD = FIXTURES.pinterest.boardId;
const PLAYLIST = FIXTURES.youtube.playlistIds[2];
const [PLAYLIST_A, PLAYLIST_B] = FIXTURES.youtube.playlistIds;

const PICTURE = 'https://www.oneall.com/logo.jpg';
const VIDEO = 'https://www.example.com/media/clip.mp4';
const CALLBACK = 'https://n8n.example.com/webhook/video-done';

interface PushCase {
	resource: string;
	operation: string;
	/** The documented path, as OneAll's push table writes it. */
	path: string;
	/** Parameters with only what the operation needs (identity included). */
	minimal: IDataObject;
	/** The body OneAll should receive, starting at `request.push`. */
	minimalPush: IDataObject;
	/** Parameters with every field the operation offers. */
	full: IDataObject;
	fullPush: IDataObject;
}

const push = (object: string, fields: IDataObject): IDataObject => ({ [object]: fields });

const CASES: PushCase[] = [
	// ---------------- Facebook (docs/oneall-api.md §4.4) ----------------
	{
		resource: 'facebook',
		operation: 'publishUserPost',
		path: `/push/identities/${ID.facebook}/facebook/post.json`,
		minimal: { identity: byId(ID.facebook), message: 'OneAll' },
		minimalPush: push('post', { message: 'OneAll' }),
		full: {
			identity: byId(ID.facebook),
			message: 'OneAll',
			additionalFields: { link: 'http://www.oneall.com/', attachments: '10213128014248748' },
		},
		fullPush: push('post', { message: 'OneAll', link: 'http://www.oneall.com/', attachments: ['10213128014248748'] }),
	},
	{
		resource: 'facebook',
		operation: 'uploadUserPicture',
		path: `/push/identities/${ID.facebook}/facebook/picture.json`,
		minimal: { identity: byId(ID.facebook), url: 'http://public.oneallcdn.com/img/oneall/logo_sni_retina.png' },
		minimalPush: push('picture', { url: 'http://public.oneallcdn.com/img/oneall/logo_sni_retina.png' }),
		full: {
			identity: byId(ID.facebook),
			url: 'http://public.oneallcdn.com/img/oneall/logo_sni_retina.png',
			additionalFields: { description: 'OneAll Logo', createPost: false },
		},
		// create_post is an unquoted boolean in OneAll's template.
		fullPush: push('picture', {
			url: 'http://public.oneallcdn.com/img/oneall/logo_sni_retina.png',
			description: 'OneAll Logo',
			create_post: false,
		}),
	},
	{
		resource: 'facebook',
		operation: 'uploadUserVideo',
		path: `/push/identities/${ID.facebook}/facebook/video.json`,
		minimal: { identity: byId(ID.facebook), url: VIDEO },
		minimalPush: push('video', { url: VIDEO }),
		full: {
			identity: byId(ID.facebook),
			url: VIDEO,
			additionalFields: { description: 'Sample Video', createPost: true },
		},
		fullPush: push('video', { description: 'Sample Video', url: VIDEO, create_post: true }),
	},
	{
		resource: 'facebook',
		operation: 'publishGroupPost',
		path: `/push/identities/${ID.facebook}/facebook/group/post.json`,
		minimal: { identity: byId(ID.facebook), group: byId(GROUP), message: 'Hello group' },
		minimalPush: push('group', { id: GROUP, message: 'Hello group' }),
		full: {
			identity: byId(ID.facebook),
			group: byId(GROUP),
			message: 'Hello group',
			additionalFields: { link: 'https://www.oneall.com/', attachments: '111, 222' },
		},
		fullPush: push('group', { id: GROUP, message: 'Hello group', link: 'https://www.oneall.com/', attachments: ['111', '222'] }),
	},
	{
		resource: 'facebook',
		operation: 'uploadGroupPicture',
		path: `/push/identities/${ID.facebook}/facebook/group/picture.json`,
		minimal: { identity: byId(ID.facebook), group: byId(GROUP), url: PICTURE },
		minimalPush: push('group', { id: GROUP, url: PICTURE }),
		full: {
			identity: byId(ID.facebook),
			group: byId(GROUP),
			url: PICTURE,
			additionalFields: { description: 'Our logo' },
		},
		fullPush: push('group', { id: GROUP, url: PICTURE, description: 'Our logo' }),
	},
	{
		resource: 'facebook',
		operation: 'uploadGroupVideo',
		path: `/push/identities/${ID.facebook}/facebook/group/video.json`,
		minimal: { identity: byId(ID.facebook), group: byId(GROUP), url: VIDEO },
		minimalPush: push('group', { id: GROUP, url: VIDEO }),
		full: {
			identity: byId(ID.facebook),
			group: byId(GROUP),
			url: VIDEO,
			additionalFields: { description: 'Our clip' },
		},
		fullPush: push('group', { id: GROUP, url: VIDEO, description: 'Our clip' }),
	},
	{
		resource: 'facebook',
		operation: 'publishPagePost',
		path: `/push/identities/${ID.facebook}/facebook/page/post.json`,
		minimal: { identity: byId(ID.facebook), page: byId(PAGE), message: 'Hello World!' },
		minimalPush: push('page', { id: PAGE, message: 'Hello World!' }),
		// Link and attachments are mutually exclusive for page posts: "all fields" uses attachments; the link
		// variant has its own test below.
		full: {
			identity: byId(ID.facebook),
			page: byId(PAGE),
			message: 'Hello World!',
			additionalFields: { attachments: '10213128014248748,10213128014248749' },
		},
		fullPush: push('page', { id: PAGE, message: 'Hello World!', attachments: ['10213128014248748', '10213128014248749'] }),
	},
	{
		resource: 'facebook',
		operation: 'uploadPagePicture',
		path: `/push/identities/${ID.facebook}/facebook/page/picture.json`,
		minimal: { identity: byId(ID.facebook), page: byId(PAGE), url: 'https://example.com/picture.png' },
		minimalPush: push('page', { id: PAGE, url: 'https://example.com/picture.png' }),
		full: {
			identity: byId(ID.facebook),
			page: byId(PAGE),
			url: 'https://example.com/picture.png',
			additionalFields: { description: 'optional' },
		},
		fullPush: push('page', { id: PAGE, url: 'https://example.com/picture.png', description: 'optional' }),
	},
	{
		resource: 'facebook',
		operation: 'uploadPageVideo',
		path: `/push/identities/${ID.facebook}/facebook/page/video.json`,
		minimal: { identity: byId(ID.facebook), page: byId(PAGE), url: VIDEO },
		minimalPush: push('page', { id: PAGE, url: VIDEO }),
		full: {
			identity: byId(ID.facebook),
			page: byId(PAGE),
			url: VIDEO,
			additionalFields: { description: 'Page clip' },
		},
		fullPush: push('page', { id: PAGE, url: VIDEO, description: 'Page clip' }),
	},

	// ---------------- LinkedIn (docs/oneall-api.md §4.5) ----------------
	{
		resource: 'linkedin',
		operation: 'publishUserPost',
		path: `/push/identities/${ID.linkedin}/linkedin/post.json`,
		// OneAll's SDK: only `link` is mandatory.
		minimal: { identity: byId(ID.linkedin), link: 'https://www.fcbarcelona.com/' },
		minimalPush: push('post', { link: 'https://www.fcbarcelona.com/' }),
		full: {
			identity: byId(ID.linkedin),
			message: 'The absolute best part of my holiday was the Barcelona football stadium',
			link: 'https://www.fcbarcelona.com/',
			additionalFields: {
				title: 'My holiday in Spain!',
				description: 'Barcelona Football Stadium',
				picture: 'https://media-public.fcbarcelona.com/stadium/54941481.jpg',
			},
		},
		fullPush: push('post', {
			title: 'My holiday in Spain!',
			description: 'Barcelona Football Stadium',
			message: 'The absolute best part of my holiday was the Barcelona football stadium',
			link: 'https://www.fcbarcelona.com/',
			picture: 'https://media-public.fcbarcelona.com/stadium/54941481.jpg',
		}),
	},
	{
		resource: 'linkedin',
		operation: 'publishCompanyPost',
		path: `/push/identities/${ID.linkedin}/linkedin/company/post.json`,
		minimal: { identity: byId(ID.linkedin), company: byId(COMPANY), link: 'https://www.oneall.com/' },
		minimalPush: push('post', { company: COMPANY, link: 'https://www.oneall.com/' }),
		full: {
			identity: byId(ID.linkedin),
			company: byId(COMPANY),
			message: 'We are hiring',
			link: 'https://www.oneall.com/jobs/',
			additionalFields: {
				title: 'Jobs at OneAll',
				description: 'Open positions',
				picture: 'https://www.oneall.com/team.jpg',
			},
		},
		fullPush: push('post', {
			company: COMPANY,
			link: 'https://www.oneall.com/jobs/',
			title: 'Jobs at OneAll',
			description: 'Open positions',
			message: 'We are hiring',
			picture: 'https://www.oneall.com/team.jpg',
		}),
	},

	// ---------------- Pinterest (docs/oneall-api.md §4.2 seed page, §4.6) ----------------
	{
		resource: 'pinterest',
		operation: 'publishPin',
		path: `/push/identities/${ID.pinterest}/pinterest/board/${BOARD}/pin.json`,
		minimal: {
			identity: byId(ID.pinterest),
			board: byId(BOARD),
			title: 'Stadium',
			picture: 'https://www.fcbarcelona.com/stadium.jpg',
		},
		minimalPush: push('pin', { title: 'Stadium', picture: 'https://www.fcbarcelona.com/stadium.jpg' }),
		full: {
			identity: byId(ID.pinterest),
			board: byId(BOARD),
			title: 'Stadium',
			picture: 'https://www.fcbarcelona.com/stadium.jpg',
			additionalFields: {
				description: 'Photo of the stadium',
				link: 'https://www.fcbarcelona.com/',
				boardSectionId: '123456789012345678',
			},
		},
		fullPush: push('pin', {
			title: 'Stadium',
			picture: 'https://www.fcbarcelona.com/stadium.jpg',
			description: 'Photo of the stadium',
			board_section_id: '123456789012345678',
			link: 'https://www.fcbarcelona.com/',
		}),
	},
	{
		resource: 'pinterest',
		operation: 'publishBoard',
		path: `/push/identities/${ID.pinterest}/pinterest/board.json`,
		minimal: { identity: byId(ID.pinterest), name: 'Summer recipes' },
		minimalPush: push('board', { name: 'Summer recipes' }),
		full: {
			identity: byId(ID.pinterest),
			name: 'Summer recipes',
			additionalFields: { description: 'Cold soups and salads' },
		},
		fullPush: push('board', { name: 'Summer recipes', description: 'Cold soups and salads' }),
	},

	// ---------------- Twitter (docs/oneall-api.md §4.7) ----------------
	{
		resource: 'twitter',
		operation: 'publishTweet',
		path: `/push/identities/${ID.twitter}/twitter/post.json`,
		minimal: { identity: byId(ID.twitter), message: 'Hello World!' },
		minimalPush: push('post', { message: 'Hello World!' }),
		full: {
			identity: byId(ID.twitter),
			message: 'Hello World!',
			additionalFields: { location: 'Ahmedabad', attachments: '912249625129684992,912249625129684993' },
		},
		fullPush: push('post', {
			message: 'Hello World!',
			location: 'Ahmedabad',
			attachments: ['912249625129684992', '912249625129684993'],
		}),
	},
	{
		resource: 'twitter',
		operation: 'uploadPicture',
		path: `/push/identities/${ID.twitter}/twitter/picture.json`,
		minimal: { identity: byId(ID.twitter), url: 'http://public.oneallcdn.com/img/oneall/logo_sni_retina.png' },
		minimalPush: push('picture', { url: 'http://public.oneallcdn.com/img/oneall/logo_sni_retina.png' }),
		full: {
			identity: byId(ID.twitter),
			url: 'http://public.oneallcdn.com/img/oneall/logo_sni_retina.png',
			additionalFields: { description: 'OneAll Logo' },
		},
		fullPush: push('picture', {
			description: 'OneAll Logo',
			url: 'http://public.oneallcdn.com/img/oneall/logo_sni_retina.png',
		}),
	},
	{
		resource: 'twitter',
		operation: 'uploadVideo',
		path: `/push/identities/${ID.twitter}/twitter/video.json`,
		minimal: { identity: byId(ID.twitter), videoUrl: VIDEO },
		minimalPush: push('video', { video_url: VIDEO }),
		full: { identity: byId(ID.twitter), videoUrl: VIDEO, additionalFields: { callbackUrl: CALLBACK } },
		fullPush: push('video', { video_url: VIDEO, callback_url: CALLBACK }),
	},

	// ---------------- YouTube (docs/oneall-api.md §4.8) ----------------
	{
		resource: 'youtube',
		operation: 'uploadVideo',
		path: `/push/identities/${ID.youtube}/youtube/video.json`,
		minimal: { identity: byId(ID.youtube), videoUrl: VIDEO, title: 'My video' },
		minimalPush: push('video', { video_url: VIDEO, title: 'My video' }),
		full: {
			identity: byId(ID.youtube),
			videoUrl: VIDEO,
			title: 'My video',
			additionalFields: {
				description: 'A short clip',
				thumbnailUrl: 'https://example.com/thumb.jpg',
				callbackUrl: CALLBACK,
			},
		},
		fullPush: push('video', {
			video_url: VIDEO,
			title: 'My video',
			description: 'A short clip',
			thumbnail_url: 'https://example.com/thumb.jpg',
			callback_url: CALLBACK,
		}),
	},
	{
		resource: 'youtube',
		operation: 'addVideoToPlaylist',
		path: `/push/identities/${ID.youtube}/youtube/playlist/${PLAYLIST}/video.json`,
		minimal: { identity: byId(ID.youtube), playlist: byId(PLAYLIST), videoId: 'dQw4w9WgXcQ' },
		minimalPush: push('video', { id: 'dQw4w9WgXcQ' }),
		// The video id is the only documented key: "all fields" is the same push, from another video.
		full: { identity: byId(ID.youtube), playlist: byId(PLAYLIST), videoId: 'M7lc1UVf-VE' },
		fullPush: push('video', { id: 'M7lc1UVf-VE' }),
	},
	{
		resource: 'youtube',
		operation: 'createPlaylist',
		path: `/push/identities/${ID.youtube}/youtube/playlist.json`,
		minimal: { identity: byId(ID.youtube), title: 'My PlayList' },
		minimalPush: push('playlist', { title: 'My PlayList' }),
		full: {
			identity: byId(ID.youtube),
			title: 'My PlayList',
			additionalFields: { description: 'Awesome Mix 1', privacyStatus: 'unlisted', defaultLanguage: 'en' },
		},
		fullPush: push('playlist', {
			title: 'My PlayList',
			description: 'Awesome Mix 1',
			privacy_status: 'unlisted',
			default_language: 'en',
		}),
	},
	{
		resource: 'youtube',
		operation: 'addChannelSection',
		path: `/push/identities/${ID.youtube}/youtube/channel/section.json`,
		minimal: { identity: byId(ID.youtube), sectionType: 'allPlaylists' },
		minimalPush: push('channel', { section: { type: 'allPlaylists' } }),
		full: {
			identity: byId(ID.youtube),
			sectionType: 'multiplePlaylists',
			additionalFields: {
				style: 'verticalList',
				title: 'Best of',
				position: 2,
				defaultLanguage: 'en',
				playlists: `${PLAYLIST_A},${PLAYLIST_B}`,
			},
		},
		// camelCase defaultLanguage here, as in OneAll's channel-section body. Value types are not documented
		// (the template quotes every placeholder): position as YouTube's integer, playlists as a list of ids.
		fullPush: push('channel', {
			section: {
				type: 'multiplePlaylists',
				style: 'verticalList',
				title: 'Best of',
				position: 2,
				defaultLanguage: 'en',
				playlists: [PLAYLIST_A, PLAYLIST_B],
			},
		}),
	},
];

/** Runs one push and checks everything about the single request it must make and the item it outputs. */
async function expectPush(resource: string, operation: string, parameters: IDataObject, path: string, pushBody: IDataObject) {
	const { items, error } = await runOneAll({
		credentials: emulatorCredentials(emulator),
		parameters: { resource, operation, ...parameters },
	});
	expect(error).toBeUndefined();

	expect(emulator.requests).toHaveLength(1);
	const request = emulator.requests[0];
	expect(request.method).toBe('POST');
	expect(request.path).toBe(path);
	expect(request.body).toEqual({ request: { push: pushBody } });
	expect(request.status).toBe(200);
	expect(request.validation.errors).toEqual([]);
	expect(request.validation.unknownKeys).toEqual([]);

	expect(items).toHaveLength(1);
	expect(request.result).not.toBeNull();
	expect(items[0].json).toEqual(pushOutput(request));
	expect(items[0].pairedItem).toEqual({ item: 0 });
	return { request, item: items[0] };
}

it('the table covers all 20 push endpoints of OneAll\'s push table, each once', () => {
	expect(CASES).toHaveLength(20);
	expect(new Set(CASES.map((c) => `${c.resource}.${c.operation}`)).size).toBe(20);
	expect(new Set(CASES.map((c) => c.path.replace(/^\/push\/identities\/[^/]+\//, ''))).size).toBe(20);
});

describe.each(CASES)('$resource → $operation', ({ resource, operation, path, minimal, minimalPush, full, fullPush }) => {
	it('with only the required fields: exactly the documented path and body', async () => {
		await expectPush(resource, operation, minimal, path, minimalPush);
	});

	it('with every field: exactly the documented path and body', async () => {
		await expectPush(resource, operation, full, path, fullPush);
	});
});

describe('details the table does not show', () => {
	it('Facebook page post with a link (instead of attachments)', async () => {
		await expectPush(
			'facebook',
			'publishPagePost',
			{
				identity: byId(ID.facebook),
				page: byId(PAGE),
				message: 'Hello World!',
				additionalFields: { link: 'http://www.oneall.com/' },
			},
			`/push/identities/${ID.facebook}/facebook/page/post.json`,
			push('page', { id: PAGE, message: 'Hello World!', link: 'http://www.oneall.com/' }),
		);
	});

	it('Facebook user picture: create_post true is sent as the boolean true', async () => {
		const { request } = await expectPush(
			'facebook',
			'uploadUserPicture',
			{ identity: byId(ID.facebook), url: PICTURE, additionalFields: { createPost: true } },
			`/push/identities/${ID.facebook}/facebook/picture.json`,
			push('picture', { url: PICTURE, create_post: true }),
		);
		expect(request.rawBody).toContain('"create_post":true');
	});

	it('picture uploads output the picture_id OneAll returns', async () => {
		const { item } = await expectPush(
			'twitter',
			'uploadPicture',
			{ identity: byId(ID.twitter), url: PICTURE },
			`/push/identities/${ID.twitter}/twitter/picture.json`,
			push('picture', { url: PICTURE }),
		);
		expect(typeof item.json.picture_id).toBe('string');
		expect(item.json.picture_id).not.toBe('');
	});

	it('async video uploads answer at once, queued (YouTube)', async () => {
		const { item } = await expectPush(
			'youtube',
			'uploadVideo',
			{ identity: byId(ID.youtube), videoUrl: VIDEO, title: 'Queued' },
			`/push/identities/${ID.youtube}/youtube/video.json`,
			push('video', { video_url: VIDEO, title: 'Queued' }),
		);
		expect(item.json.video_status).toBe('queued');
	});

	it('async video uploads answer at once, queued (Twitter)', async () => {
		const { item } = await expectPush(
			'twitter',
			'uploadVideo',
			{ identity: byId(ID.twitter), videoUrl: VIDEO },
			`/push/identities/${ID.twitter}/twitter/video.json`,
			push('video', { video_url: VIDEO }),
		);
		expect(item.json.video_status).toBe('queued');
	});

	it('a pin on one of many boards puts that board id in the path', async () => {
		const board = FIXTURES.pinterest.boardIds[77];
		await expectPush(
			'pinterest',
			'publishPin',
			{ identity: byId(ID.pinterest), board: byId(board), title: 'Stadium', picture: PICTURE },
			`/push/identities/${ID.pinterest}/pinterest/board/${board}/pin.json`,
			push('pin', { title: 'Stadium', picture: PICTURE }),
		);
	});

	it('three input items make three pushes, each paired with its item', async () => {
		const { items, error } = await runOneAll({
			credentials: emulatorCredentials(emulator),
			parameters: { resource: 'twitter', operation: 'publishTweet', identity: byId(ID.twitter), message: '={{ $json.text }}' },
			items: [{ json: { text: 'one' } }, { json: { text: 'two' } }, { json: { text: 'three' } }],
		});
		expect(error).toBeUndefined();
		expect(emulator.requests.map((r) => r.body)).toEqual(
			['one', 'two', 'three'].map((message) => ({ request: { push: { post: { message } } } })),
		);
		expect(items.map((item) => item.json)).toEqual(emulator.requests.map(pushOutput));
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	});
});

// ---------------- Custom API Call ----------------

const customCall = (parameters: IDataObject) =>
	runOneAll({
		credentials: emulatorCredentials(emulator),
		parameters: { resource: 'customApiCall', operation: 'call', ...parameters },
	});

describe('Custom API Call', () => {
	it('GET with query parameters reaches OneAll as called and outputs result.data', async () => {
		const { items, error } = await customCall({
			method: 'GET',
			path: '/identities.json',
			queryParameters: {
				parameters: [
					{ name: 'page', value: '2' },
					{ name: 'entries_per_page', value: '3' },
					{ name: 'order_direction', value: 'desc' },
				],
			},
		});
		expect(error).toBeUndefined();
		expect(emulator.requests).toHaveLength(1);
		const request = emulator.requests[0];
		expect(request.method).toBe('GET');
		expect(request.path).toBe('/identities.json');
		expect(request.query).toEqual({ page: '2', entries_per_page: '3', order_direction: 'desc' });
		expect(request.body).toBeNull();
		expect(request.status).toBe(200);

		expect(items).toHaveLength(1);
		expect(items[0].pairedItem).toEqual({ item: 0 });
		const identities = items[0].json.identities as IDataObject;
		expect(identities.pagination).toMatchObject({ current_page: 2, entries_per_page: 3, order: { direction: 'desc' } });
		expect(identities.count).toBe(3);
		expect(identities.entries).toHaveLength(3);
	});

	it('POST: a body without a "request" root is wrapped in one', async () => {
		const { items, error } = await customCall({
			method: 'POST',
			path: `/push/identities/${ID.twitter}/twitter/post.json`,
			body: JSON.stringify({ push: { post: { message: 'Sent raw' } } }),
		});
		expect(error).toBeUndefined();
		expect(emulator.requests).toHaveLength(1);
		const request = emulator.requests[0];
		expect(request.method).toBe('POST');
		expect(request.path).toBe(`/push/identities/${ID.twitter}/twitter/post.json`);
		expect(request.body).toEqual({ request: { push: { post: { message: 'Sent raw' } } } });
		expect(request.status).toBe(200);
		expect(items[0].json).toEqual(request.result);
	});

	it('POST: a body that already has the "request" root is sent unchanged', async () => {
		const body = { request: { push: { board: { name: 'Raw board' } } } };
		const { error } = await customCall({
			method: 'POST',
			path: `/push/identities/${ID.pinterest}/pinterest/board.json`,
			body: JSON.stringify(body),
		});
		expect(error).toBeUndefined();
		expect(emulator.requests).toHaveLength(1);
		expect(emulator.requests[0].body).toEqual(body);
		expect(emulator.requests[0].status).toBe(200);
	});

	it.each([
		['a parent-directory part', '/identities/../tools/ping.json'],
		['a leading "../"', '../identities.json'],
		['no leading slash', 'identities.json'],
		['a "?" inside', '/identities.json?page=2'],
		['an encoded slash', `/identities/${ID.twitter}%2F..%2Fx.json`],
		['an encoded slash (lower case)', '/tools%2fping.json'],
		['a "." part', '/./identities.json'],
		['an empty part', '/identities//x.json'],
		['an absolute URL', 'https://evil.example/identities.json'],
	])('refuses a path with %s before any request', async (_name, path) => {
		const { items, error } = await customCall({ method: 'GET', path });
		expect(items).toHaveLength(0);
		expect(error?.name).toBe('NodeOperationError');
		expect(error?.message).toContain('"Path"');
		expect(error?.context?.itemIndex).toBe(0);
		expect(emulator.requests).toHaveLength(0);
	});

	it('redacts provider access tokens in an identity read by default', async () => {
		const { items, error } = await customCall({ method: 'GET', path: `/identities/${ID.facebook}.json` });
		expect(error).toBeUndefined();
		expect(emulator.requests).toHaveLength(1);
		expect(emulator.requests[0].path).toBe(`/identities/${ID.facebook}.json`);
		expect(emulator.requests[0].status).toBe(200);

		const identity = items[0].json.identity as IDataObject;
		expect(identity.identity_token).toBe(ID.facebook);
		expect((identity.source as IDataObject).access_token).toBe('[redacted]');
		expect(JSON.stringify(items)).not.toContain(ACCESS_TOKEN_MARKER);
		expect(JSON.stringify(items)).not.toContain(FIXTURES.accessTokenMarker);
	});

	it('redacts them in the full response too', async () => {
		const { items, error } = await customCall({
			method: 'GET',
			path: `/identities/${ID.twitter}.json`,
			options: { fullResponse: true },
		});
		expect(error).toBeUndefined();
		const response = items[0].json.response as IDataObject;
		expect(response).toMatchObject({ request: { status: { flag: 'success', code: 200 } } });
		expect(JSON.stringify(items)).toContain(ID.twitter);
		expect(JSON.stringify(items)).not.toContain(ACCESS_TOKEN_MARKER);
	});

	it('keeps the access tokens when Include Access Tokens is on', async () => {
		const { items, error } = await customCall({
			method: 'GET',
			path: `/identities/${ID.facebook}.json`,
			options: { includeAccessTokens: true },
		});
		expect(error).toBeUndefined();
		const identity = items[0].json.identity as IDataObject;
		const token = (identity.source as IDataObject).access_token as IDataObject;
		expect(token.key).toContain(ACCESS_TOKEN_MARKER);
		expect(token.secret).toContain(ACCESS_TOKEN_MARKER);
	});
});
