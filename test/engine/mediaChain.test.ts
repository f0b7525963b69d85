/**
 * OneAll's two-step media pattern (docs/oneall-api.md §4.4 #2/#8, §4.7 #15): upload a picture, then attach the returned
 * picture_id to a new post. Two OneAll nodes in one workflow, the second reading the first one's output
 * with an expression, run in n8n-core against the emulator.
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { FIXTURES } from '../emulator/index.cjs';
import { useEmulator } from '../helpers/emulatorSuite';
import { NODE_TYPE, runWorkflow } from '../helpers/harness.cjs';
import { pushOutput } from '../helpers/collect.cjs';
import { byId, emulatorCredentials } from '../helpers/params';

const emulator = useEmulator();

const ID = FIXTURES.identities;
const PAGE = FIXTURES.facebook.pageIds[1];

function oneAllNode(name: string, x: number, parameters: IDataObject): IDataObject {
	return {
		id: `node-${name}`,
		name,
		type: NODE_TYPE,
		typeVersion: 1,
		position: [x, 0],
		parameters,
		credentials: { oneAllApi: { id: 'cred-1', name: 'OneAll test' } },
	};
}

/** Runs `first` → `second` (main output 0 to main input 0). */
async function chain(first: [string, IDataObject], second: [string, IDataObject], items?: INodeExecutionData[]) {
	const [firstName, firstParameters] = first;
	const [secondName, secondParameters] = second;
	const result = await runWorkflow({
		nodes: [oneAllNode(firstName, 0, firstParameters), oneAllNode(secondName, 200, secondParameters)],
		connections: { [firstName]: { main: [[{ node: secondName, type: 'main', index: 0 }]] } },
		items,
		credentials: emulatorCredentials(emulator),
	});
	expect(result.error).toBeUndefined();
	return { uploads: result.output(firstName), posts: result.output(secondName) };
}

describe('Twitter: Upload Picture → Publish Tweet', () => {
	it('the tweet carries the picture_id OneAll returned for the upload', async () => {
		const { uploads, posts } = await chain(
			[
				'Upload',
				{
					resource: 'twitter',
					operation: 'uploadPicture',
					identity: byId(ID.twitter),
					url: 'https://www.oneall.com/logo.jpg',
					additionalFields: { description: 'OneAll Logo' },
				},
			],
			[
				'Tweet',
				{
					resource: 'twitter',
					operation: 'publishTweet',
					identity: byId(ID.twitter),
					message: 'Look at this',
					additionalFields: { attachments: '={{ $json.picture_id }}' },
				},
			],
		);

		expect(emulator.requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
			`POST /push/identities/${ID.twitter}/twitter/picture.json 200`,
			`POST /push/identities/${ID.twitter}/twitter/post.json 200`,
		]);
		const [upload, tweet] = emulator.requests;
		const pictureId = upload.result?.picture_id as string;
		expect(typeof pictureId).toBe('string');
		expect(pictureId).not.toBe('');

		expect(upload.body).toEqual({
			request: { push: { picture: { description: 'OneAll Logo', url: 'https://www.oneall.com/logo.jpg' } } },
		});
		expect(tweet.body).toEqual({
			request: { push: { post: { message: 'Look at this', attachments: [pictureId] } } },
		});
		expect(tweet.validation.unknownKeys).toEqual([]);

		expect(uploads.map((item) => item.json)).toEqual([pushOutput(upload)]);
		expect(posts.map((item) => item.json)).toEqual([pushOutput(tweet)]);
		expect(posts[0].pairedItem).toEqual({ item: 0 });
	});

	it('two items: each tweet gets its own picture', async () => {
		const { posts } = await chain(
			[
				'Upload',
				{
					resource: 'twitter',
					operation: 'uploadPicture',
					identity: byId(ID.twitter),
					url: '={{ $json.picture }}',
				},
			],
			[
				'Tweet',
				{
					resource: 'twitter',
					operation: 'publishTweet',
					identity: byId(ID.twitter),
					message: "={{ 'Picture ' + $itemIndex }}",
					additionalFields: { attachments: '={{ $json.picture_id }}' },
				},
			],
			[{ json: { picture: 'https://www.oneall.com/one.jpg' } }, { json: { picture: 'https://www.oneall.com/two.jpg' } }],
		);

		const uploads = emulator.requests.filter((r) => r.path.endsWith('/twitter/picture.json'));
		const tweets = emulator.requests.filter((r) => r.path.endsWith('/twitter/post.json'));
		expect(uploads.map((r) => r.body.request.push.picture.url)).toEqual([
			'https://www.oneall.com/one.jpg',
			'https://www.oneall.com/two.jpg',
		]);
		const pictureIds = uploads.map((r) => r.result?.picture_id as string);
		expect(new Set(pictureIds).size).toBe(2);
		expect(tweets.map((r) => r.body.request.push.post)).toEqual([
			{ message: 'Picture 0', attachments: [pictureIds[0]] },
			{ message: 'Picture 1', attachments: [pictureIds[1]] },
		]);
		expect(posts.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});
});

describe('Facebook: Upload Page Picture → Publish Page Post', () => {
	it('the page post carries the picture_id OneAll returned for the upload', async () => {
		const { uploads, posts } = await chain(
			[
				'Upload',
				{
					resource: 'facebook',
					operation: 'uploadPagePicture',
					identity: byId(ID.facebook),
					page: byId(PAGE),
					url: 'https://example.com/picture.png',
				},
			],
			[
				'Post',
				{
					resource: 'facebook',
					operation: 'publishPagePost',
					identity: byId(ID.facebook),
					page: byId(PAGE),
					message: 'Hello World!',
					additionalFields: { attachments: '={{ $json.picture_id }}' },
				},
			],
		);

		expect(emulator.requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
			`POST /push/identities/${ID.facebook}/facebook/page/picture.json 200`,
			`POST /push/identities/${ID.facebook}/facebook/page/post.json 200`,
		]);
		const [upload, post] = emulator.requests;
		const pictureId = upload.result?.picture_id as string;
		expect(typeof pictureId).toBe('string');
		expect(pictureId).not.toBe('');

		// A page picture has no create_post key (only the user picture upload documents it).
		expect(upload.body).toEqual({
			request: { push: { page: { id: PAGE, url: 'https://example.com/picture.png' } } },
		});
		expect(post.body).toEqual({
			request: { push: { page: { id: PAGE, message: 'Hello World!', attachments: [pictureId] } } },
		});
		expect(upload.validation.unknownKeys).toEqual([]);
		expect(post.validation.unknownKeys).toEqual([]);

		expect(uploads.map((item) => item.json)).toEqual([pushOutput(upload)]);
		expect(posts.map((item) => item.json)).toEqual([pushOutput(post)]);
		expect(posts[0].pairedItem).toEqual({ item: 0 });
	});
});

describe('Facebook: Upload User Picture (Create Post off) → Publish User Post', () => {
	it('uploads without a post of its own, then attaches the picture_id to the post', async () => {
		await chain(
			[
				'Upload',
				{
					resource: 'facebook',
					operation: 'uploadUserPicture',
					identity: byId(ID.facebook),
					url: 'http://public.oneallcdn.com/img/oneall/logo_sni_retina.png',
					additionalFields: { createPost: false },
				},
			],
			[
				'Post',
				{
					resource: 'facebook',
					operation: 'publishUserPost',
					identity: byId(ID.facebook),
					message: 'OneAll',
					additionalFields: { attachments: '={{ $json.picture_id }}' },
				},
			],
		);

		const [upload, post] = emulator.requests;
		expect(emulator.requests).toHaveLength(2);
		expect(upload.path).toBe(`/push/identities/${ID.facebook}/facebook/picture.json`);
		expect(upload.body).toEqual({
			request: {
				push: { picture: { url: 'http://public.oneallcdn.com/img/oneall/logo_sni_retina.png', create_post: false } },
			},
		});
		const pictureId = upload.result?.picture_id as string;
		expect(pictureId).toBeTruthy();
		expect(post.path).toBe(`/push/identities/${ID.facebook}/facebook/post.json`);
		expect(post.body).toEqual({ request: { push: { post: { message: 'OneAll', attachments: [pictureId] } } } });
		expect(post.status).toBe(200);
	});
});
