/**
 * Input checks: bad input fails with a NodeOperationError that names the field and the item, BEFORE any
 * request reaches OneAll (a push can't be taken back). And the checks don't refuse what is valid.
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { FIXTURES } from '../emulator/index.cjs';
import { useEmulator } from '../helpers/emulatorSuite';
import { runOneAll } from '../helpers/harness.cjs';
import { pushOutput } from '../helpers/collect.cjs';
import { byId, emulatorCredentials, publishPin } from '../helpers/params';

const emulator = useEmulator();

const ID = FIXTURES.identities;
const PAGE = FIXTURES.facebook.pageIds[0];
const PICTURE = 'https://www.oneall.com/logo.jpg';

const run = (parameters: IDataObject, items?: INodeExecutionData[]) =>
	runOneAll({ credentials: emulatorCredentials(emulator), parameters, items });

const tweet = (message: string, overrides: IDataObject = {}): IDataObject => ({
	resource: 'twitter',
	operation: 'publishTweet',
	identity: byId(ID.twitter),
	message,
	...overrides,
});

/** A parameter value taken from the input item's `value` (what n8n can't check before the node runs). */
const FROM_ITEM = '={{ $json.value }}';

/**
 * Runs the node (over one item whose `value` is each of `values`, when given); expects a
 * NodeOperationError mentioning every one of `mentions`, for item 0, and no request at all.
 */
async function expectRefused(parameters: IDataObject, ...args: Array<string | RegExp | string[]>) {
	const values = Array.isArray(args[0]) ? (args.shift() as string[]) : undefined;
	const mentions = args as Array<string | RegExp>;
	const { items, error } = await run(parameters, values?.map((value) => ({ json: { value } })));
	expect(error?.name).toBe('NodeOperationError');
	for (const mention of mentions) expect(error?.message).toMatch(mention);
	expect(error?.context?.itemIndex).toBe(0);
	expect(items).toHaveLength(0);
	expect(emulator.requests).toHaveLength(0);
	return error!;
}

/** Runs one item; expects exactly one push that OneAll accepted. */
async function expectPublished(parameters: IDataObject) {
	const { items, error } = await run(parameters);
	expect(error).toBeUndefined();
	expect(emulator.requests).toHaveLength(1);
	expect(emulator.requests[0].status).toBe(200);
	expect(items).toHaveLength(1);
	expect(items[0].json).toEqual(pushOutput(emulator.requests[0]));
	return emulator.requests[0];
}

describe('URLs must be fully qualified http(s) URLs', () => {
	it.each([
		['ftp://', 'ftp://files.example.com/logo.jpg'],
		['not a URL', 'not a url'],
		['a relative path', '/relative.jpg'],
		['no scheme', 'www.oneall.com/logo.jpg'],
		['javascript:', 'javascript:alert(1)'],
	])('Pinterest pin picture: %s is refused', async (_name, picture) => {
		const error = await expectRefused(publishPin({ picture }), '"Picture URL"', /fully qualified URL/);
		expect(error.description).toContain(picture);
	});

	it('Twitter picture upload: an ftp URL is refused', async () => {
		await expectRefused(
			{ resource: 'twitter', operation: 'uploadPicture', identity: byId(ID.twitter), url: 'ftp://example.com/a.png' },
			'"Picture URL"',
		);
	});

	it('an optional URL field is checked too (LinkedIn post link without a scheme)', async () => {
		await expectRefused(
			{ resource: 'linkedin', operation: 'publishUserPost', identity: byId(ID.linkedin), link: 'www.oneall.com' },
			'"Link"',
		);
	});

	it('an optional URL in Additional Fields is checked too (pin link)', async () => {
		await expectRefused(publishPin({ additionalFields: { link: 'not a url' } }), '"Link"');
	});
});

describe('tweet length, counted as X counts it', () => {
	it('281 characters are refused, naming the field and the limit', async () => {
		await expectRefused(tweet('a'.repeat(281)), '"Text"', /281/, /280/);
	});

	it('280 characters pass and reach OneAll unchanged', async () => {
		const request = await expectPublished(tweet('a'.repeat(280)));
		expect(request.body).toEqual({ request: { push: { post: { message: 'a'.repeat(280) } } } });
	});

	it('a long URL counts as 23: 256 letters + space + a 221-character URL = 280 passes', async () => {
		const url = `https://www.example.com/${'x'.repeat(197)}`;
		const message = `${'a'.repeat(256)} ${url}`;
		expect(url).toHaveLength(221);
		const request = await expectPublished(tweet(message));
		expect(request.body.request.push.post.message).toBe(message);
	});

	it('one more letter before the URL makes 281 and is refused', async () => {
		await expectRefused(tweet(`${'a'.repeat(257)} https://www.example.com/${'x'.repeat(197)}`), '"Text"', /281/);
	});

	it('an emoji counts double: 279 letters + 1 emoji = 281 is refused', async () => {
		const message = `${'a'.repeat(279)}😀`;
		expect(Array.from(message)).toHaveLength(280); // would pass if counted per character
		await expectRefused(tweet(message), '"Text"', /281/);
	});

	it('an emoji counts double: 278 letters + 1 emoji = 280 passes', async () => {
		await expectPublished(tweet(`${'a'.repeat(278)}😀`));
	});

	it('140 emoji (280) pass', async () => {
		await expectPublished(tweet('🎉'.repeat(140)));
	});

	it('Skip Length Checks lets a long tweet through to OneAll', async () => {
		const message = 'a'.repeat(400);
		const request = await expectPublished(tweet(message, { options: { skipLengthChecks: true } }));
		expect(request.body).toEqual({ request: { push: { post: { message } } } });
	});

	it('other networks have their own limits (pin title over 100 characters)', async () => {
		await expectRefused(publishPin({ title: 'x'.repeat(101) }), '"Title"', /101/);
	});
});

describe('identity tokens and path ids are checked before they go into the path', () => {
	// Typed into the editor, such values are already stopped by n8n's own parameter check (the locators'
	// regex, see the last test); the node's check matters for values that come from expressions.
	it.each([
		['../x', '../x'],
		['abc', 'abc'],
		['empty', ''],
		['a token with /', '1232fe86-abcc-4122-b220-aaaabd5fe/fa'],
		['a token followed by a path', `${ID.twitter}/../../tools/ping`],
		['an encoded slash', `${ID.twitter.slice(0, 30)}%2Ffa`],
	])('identity token: %s', async (_name, token) => {
		await expectRefused(tweet('Hello', { identity: byId(FROM_ITEM) }), [token], 'Identity token');
	});

	it.each([
		['a/b', 'a/b'],
		['..', '..'],
		['%2F', '%2F'],
		['a dot', '987.65'],
		['empty', ''],
	])('Pinterest board id: %s', async (_name, board) => {
		await expectRefused(publishPin({ board: byId(FROM_ITEM) }), [board], 'Board ID');
	});

	it('YouTube playlist id: PL/../x', async () => {
		await expectRefused(
			{
				resource: 'youtube',
				operation: 'addVideoToPlaylist',
				identity: byId(ID.youtube),
				playlist: byId(FROM_ITEM),
				videoId: 'dQw4w9WgXcQ',
			},
			['PL/../x'],
			'Playlist ID',
		);
	});

	it('a Facebook page id with a space is refused (it goes into the body)', async () => {
		await expectRefused(
			{
				resource: 'facebook',
				operation: 'uploadPagePicture',
				identity: byId(ID.facebook),
				page: byId(FROM_ITEM),
				url: PICTURE,
			},
			['1048 576'],
			'"Page"',
		);
	});

	it('typed in by hand, a bad token or board id is refused by the node before any request, naming the field', async () => {
		const badToken = await run(tweet('Hello', { identity: byId('../x') }));
		expect(badToken.error?.name).toBe('NodeOperationError');
		expect(badToken.error?.message).toMatch(/Identity token "\.\.\/x" is not a valid OneAll token/);
		const badBoard = await run(publishPin({ board: byId('a/b') }));
		expect(badBoard.error?.name).toBe('NodeOperationError');
		expect(badBoard.error?.message).toMatch(/Board ID "a\/b" is not a valid id/);
		expect(emulator.requests).toHaveLength(0);
	});
});

describe('Extra Body Fields (JSON)', () => {
	it('invalid JSON is refused', async () => {
		await expectRefused(tweet('Hello', { options: { extraBodyFields: '{"location": ' } }), '"Extra Body Fields (JSON)"', /JSON/);
	});

	it('a JSON array is refused', async () => {
		await expectRefused(tweet('Hello', { options: { extraBodyFields: '["location", "Ahmedabad"]' } }), '"Extra Body Fields (JSON)"', /object/);
	});

	it('a JSON string is refused', async () => {
		await expectRefused(tweet('Hello', { options: { extraBodyFields: '"location"' } }), '"Extra Body Fields (JSON)"');
	});

	it('a JSON object is merged into the push object and reaches OneAll', async () => {
		const request = await expectPublished(
			tweet('Hello', { options: { extraBodyFields: '{"reply_settings": "following", "location": "Ahmedabad"}' } }),
		);
		expect(request.body).toEqual({
			request: { push: { post: { message: 'Hello', reply_settings: 'following', location: 'Ahmedabad' } } },
		});
		// Tweets are only known from OneAll's SDK: the emulator accepts the unknown key and lists it.
		expect(request.validation.unknownKeys).toEqual(['request.push.post.reply_settings']);
	});

	it('its keys win over the node\'s fields', async () => {
		const request = await expectPublished(
			tweet('Hello', {
				additionalFields: { location: 'Barcelona' },
				options: { extraBodyFields: '{"location": "Ahmedabad"}' },
			}),
		);
		expect(request.body.request.push.post).toEqual({ message: 'Hello', location: 'Ahmedabad' });
	});

	it('an empty object changes nothing', async () => {
		const request = await expectPublished(tweet('Hello', { options: { extraBodyFields: '{}' } }));
		expect(request.body).toEqual({ request: { push: { post: { message: 'Hello' } } } });
	});

	it('"__proto__" is refused', async () => {
		await expectRefused(tweet('Hello', { options: { extraBodyFields: '{"__proto__": {"x": 1}}' } }), '"Extra Body Fields (JSON)"');
	});
});

describe('rules across fields and required fields', () => {
	it('a Facebook page post with both a link and attachments is refused', async () => {
		await expectRefused(
			{
				resource: 'facebook',
				operation: 'publishPagePost',
				identity: byId(ID.facebook),
				page: byId(PAGE),
				message: 'Hello',
				additionalFields: { link: 'https://www.oneall.com/', attachments: '10213128014248748' },
			},
			'Link',
			'Attachment Picture IDs',
		);
	});

	// The empty value comes from the item: typed-in empty required parameters are n8n's own parameter issue.
	it.each<[string, IDataObject, string]>([
		['Twitter Upload Picture without its URL', { resource: 'twitter', operation: 'uploadPicture', identity: byId(ID.twitter), url: FROM_ITEM }, '"Picture URL" is required'],
		['Publish Tweet without text or media', tweet(FROM_ITEM), 'Enter a Text or Attachment Media IDs'],
		['Pin without a title', publishPin({ title: FROM_ITEM }), '"Title" is required'],
		['Pin without a picture', publishPin({ picture: FROM_ITEM }), '"Picture URL" is required'],
		['YouTube Upload Video without a title', { resource: 'youtube', operation: 'uploadVideo', identity: byId(ID.youtube), videoUrl: 'https://example.com/a.mp4', title: FROM_ITEM }, '"Title" is required'],
		['Pinterest board without a name', { resource: 'pinterest', operation: 'publishBoard', identity: byId(ID.pinterest), name: FROM_ITEM }, '"Name" is required'],
		['Facebook page picture without a page', { resource: 'facebook', operation: 'uploadPagePicture', identity: byId(ID.facebook), page: byId(FROM_ITEM), url: PICTURE }, '"Page" is required'],
		['LinkedIn company post without a company', { resource: 'linkedin', operation: 'publishCompanyPost', identity: byId(ID.linkedin), company: byId(FROM_ITEM), link: 'https://www.oneall.com/' }, '"Company" is required'],
		['YouTube playlist video without a video id', { resource: 'youtube', operation: 'addVideoToPlaylist', identity: byId(ID.youtube), playlist: byId(FIXTURES.youtube.playlistIds[0]), videoId: FROM_ITEM }, '"Video ID" is required'],
		['Add Channel Section without a type', { resource: 'youtube', operation: 'addChannelSection', identity: byId(ID.youtube), sectionType: FROM_ITEM }, '"Section Type" is required'],
	])('%s', async (_name, parameters, message) => {
		await expectRefused(parameters, [''], message);
	});

	it('only spaces count as empty', async () => {
		await expectRefused(tweet('   '), 'Enter a Text or Attachment Media IDs');
	});

	it('a tweet with media and no text is sent (X allows media-only tweets)', async () => {
		const { error } = await run(tweet('', { additionalFields: { attachments: '912249625129684992' } }));
		expect(error).toBeUndefined();
		expect(emulator.requests[0].body).toEqual({
			request: { push: { post: { attachments: ['912249625129684992'] } } },
		});
	});

	it('a required parameter left empty in the editor never gets to run: n8n reports it', async () => {
		await expect(run(publishPin({ title: '' }))).rejects.toThrow(/Parameter "Title" is required/);
		expect(emulator.requests).toHaveLength(0);
	});

	it('a Facebook user post with no message, link or attachments is refused', async () => {
		await expectRefused({ resource: 'facebook', operation: 'publishUserPost', identity: byId(ID.facebook) }, /Message/, /Link/);
	});

	it('more than 4 picture ids on a tweet are refused', async () => {
		await expectRefused(tweet('Hello', { additionalFields: { attachments: '1,2,3,4,5' } }), '"Attachment Media IDs"');
	});
});

describe('which item failed', () => {
	const picturesOf = (...pictures: string[]) => pictures.map((picture) => ({ json: { picture } }));

	it('the error names the failing item, and nothing was sent: every item is checked before the first request', async () => {
		const { error } = await run(publishPin({ picture: '={{ $json.picture }}' }), picturesOf(PICTURE, PICTURE, 'ftp://x/y.jpg'));
		expect(error?.name).toBe('NodeOperationError');
		expect(error?.message).toContain('"Picture URL"');
		expect(error?.context?.itemIndex).toBe(2);
		expect(emulator.requests).toHaveLength(0);
	});

	it('continueOnFail: item 1 invalid → items 0 and 2 published, item 1 an error item paired with it', async () => {
		const { items, error } = await run(
			{ ...publishPin({ picture: '={{ $json.picture }}' }), __continueOnFail: true },
			picturesOf('https://www.oneall.com/first.jpg', 'not a url', 'https://www.oneall.com/third.jpg'),
		);
		expect(error).toBeUndefined();
		expect(emulator.requests).toHaveLength(2);
		expect(emulator.requests.map((r) => r.body.request.push.pin.picture)).toEqual([
			'https://www.oneall.com/first.jpg',
			'https://www.oneall.com/third.jpg',
		]);
		expect(emulator.requests.every((r) => r.status === 200)).toBe(true);

		expect(items).toHaveLength(3);
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(items[0].json).toEqual(pushOutput(emulator.requests[0]));
		expect(items[2].json).toEqual(pushOutput(emulator.requests[1]));
		expect(items[1].json.error).toMatch(/"Picture URL" must be a fully qualified URL/);
		expect(items[1].json.pin_id).toBeUndefined();
	});

	it('continueOnFail with a too-long tweet in the middle', async () => {
		const { items, error } = await run(
			{ ...tweet('={{ $json.text }}'), __continueOnFail: true },
			[{ json: { text: 'first' } }, { json: { text: 'b'.repeat(281) } }, { json: { text: 'third' } }],
		);
		expect(error).toBeUndefined();
		expect(emulator.requests.map((r) => r.body.request.push.post.message)).toEqual(['first', 'third']);
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(items[1].json.error).toMatch(/"Text" is too long: 281/);
		expect(items[0].json).toEqual(pushOutput(emulator.requests[0]));
		expect(items[2].json).toEqual(pushOutput(emulator.requests[1]));
	});
});
