/**
 * Sharing API (docs/oneall-api.md §8.1-§8.3): Sharing Message, Short URL and Sharing Analytics in
 * n8n-core against the emulator. Expected paths and bodies are written from the docs, not from the node.
 * Files come from real n8n binary items, stored in memory mode and then in filesystem mode.
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { FIXTURES } from '../emulator/index.cjs';
import { binaryMode, storeBinary, useFilesystemMode, watchFileReads } from '../helpers/binary.cjs';
import { useEmulator } from '../helpers/emulatorSuite';
import { runOneAll } from '../helpers/harness.cjs';
import { callLoadOptions } from '../helpers/listSearch.cjs';
import { byId, emulatorCredentials } from '../helpers/params';
import { startReceiver } from '../helpers/pingbackReceiver.cjs';

const emulator = useEmulator({ asyncCallbackDelayMs: 300 });

const SHARING_USER = FIXTURES.users.sharing;
const MiB = 1024 * 1024;

const run = async (parameters: IDataObject, items?: INodeExecutionData[]) =>
	await runOneAll({
		credentials: emulatorCredentials(emulator),
		parameters,
		items,
	});

const sent = () =>
	emulator.requests.map((r) => ({
		method: r.method,
		path: r.path,
		query: r.query,
		body: r.body,
	}));
const obj = (value: unknown) => value as IDataObject;
const entries = (json: IDataObject) => obj(obj(json.sharing_message).publications).entries as IDataObject[];

/** Deterministic bytes that are not text, so base64 mistakes show. */
function fileBytes(size: number, seed = 7): Buffer {
	const bytes = Buffer.alloc(size);
	let x = seed;
	for (let i = 0; i < size; i++) {
		x = (x * 1103515245 + 12345) >>> 0;
		bytes[i] = x >>> 24;
	}
	return bytes;
}

const binaryItem = async (files: Record<string, Buffer>, meta: Record<string, { fileName?: string; mimeType?: string }> = {}) => {
	const binary: NonNullable<INodeExecutionData['binary']> = {};
	for (const [property, content] of Object.entries(files)) binary[property] = await storeBinary(content, meta[property]);
	return { json: {}, binary } as INodeExecutionData;
};

/** Records every file read by the node, with how many requests the emulator had received at that moment. */
function recordFileReads(): { requestsAtRead: number[]; restore(): void } {
	const requestsAtRead: number[] = [];
	const restore = watchFileReads(() => requestsAtRead.push(emulator.requests.length));
	return { requestsAtRead, restore };
}

const publishToIdentity = (identity: string, extra: IDataObject = {}) => ({
	resource: 'sharingMessage',
	operation: 'publish',
	publishFor: 'identity',
	identity: byId(identity),
	...extra,
});

async function publishedMessageToken(): Promise<string> {
	const { items, error } = await run(publishToIdentity(FIXTURES.identities.twitter, { text: 'Seed message' }));
	expect(error).toBeUndefined();
	return String(obj(items[0].json.sharing_message).sharing_message_token);
}

describe('Sharing Message → Publish', () => {
	it('minimal: text for one identity → POST /sharing/messages.json with publish_for_identity and parts.text', async () => {
		const { items, error } = await run(
			publishToIdentity(FIXTURES.identities.facebook, {
				text: 'Hello from n8n',
			}),
		);
		expect(error).toBeUndefined();
		expect(sent()).toEqual([
			{
				method: 'POST',
				path: '/sharing/messages.json',
				query: {},
				body: {
					request: {
						sharing_message: {
							publish_for_identity: {
								identity_token: FIXTURES.identities.facebook,
							},
							parts: { text: { body: 'Hello from n8n' } },
						},
					},
				},
			},
		]);
		expect(emulator.requests[0].validation).toEqual({
			errors: [],
			unknownKeys: [],
		});
		expect(items).toHaveLength(1);
		expect(items[0].json.status).toMatchObject({ flag: 'success', code: 200 });
		expect(entries(items[0].json)).toEqual([
			expect.objectContaining({
				provider: 'facebook',
				identity_token: FIXTURES.identities.facebook,
				status: expect.objectContaining({ flag: 'success' }),
			}),
		]);
	});

	it(`full: chosen networks of a user, every part, two files from binary data (${binaryMode()} mode) → parts.uploads base64`, async () => {
		const picture = fileBytes(70_000, 1);
		const document = fileBytes(1_234, 2);
		const item = await binaryItem(
			{ data: picture, attachment: document },
			{
				data: { fileName: 'launch.png', mimeType: 'image/png' },
				attachment: { fileName: 'specs.pdf', mimeType: 'application/pdf' },
			},
		);
		const { items, error } = await run(
			{
				resource: 'sharingMessage',
				operation: 'publish',
				publishFor: 'user',
				user: byId(FIXTURES.users.primary),
				networkChoice: 'chosen',
				networks: ['facebook', 'twitter'],
				text: 'Our new product',
				additionalParts: {
					linkUrl: 'https://example.com/product',
					linkName: 'The product',
					linkCaption: 'example.com',
					linkDescription: 'All about it',
					pictureUrl: 'https://example.com/picture.jpg',
					videoUrl: 'https://example.com/video.mp4',
					binaryProperties: 'data, attachment',
					enableTracking: true,
				},
			},
			[item],
		);
		expect(error).toBeUndefined();
		expect(sent()).toEqual([
			{
				method: 'POST',
				path: '/sharing/messages.json',
				query: {},
				body: {
					request: {
						sharing_message: {
							publish_for_user: {
								user_token: FIXTURES.users.primary,
								providers: ['facebook', 'twitter'],
							},
							parts: {
								text: { body: 'Our new product' },
								link: {
									url: 'https://example.com/product',
									name: 'The product',
									caption: 'example.com',
									description: 'All about it',
								},
								picture: { url: 'https://example.com/picture.jpg' },
								video: { url: 'https://example.com/video.mp4' },
								uploads: [
									{ name: 'launch.png', data: picture.toString('base64') },
									{ name: 'specs.pdf', data: document.toString('base64') },
								],
								flags: { enable_tracking: 1 },
							},
						},
					},
				},
			},
		]);
		expect(emulator.requests[0].validation.errors).toEqual([]);
		const received = emulator.requests[0].body.request.sharing_message.parts.uploads;
		expect(Buffer.from(received[0].data, 'base64').equals(picture)).toBe(true);
		expect(entries(items[0].json).map((p) => [p.provider, obj(p.status).flag])).toEqual([
			['facebook', 'success'],
			['twitter', 'success'],
		]);
	});

	it("all of the user's networks: reads the user first, publishes on each; a revoked network fails, the others publish", async () => {
		const { items, error } = await run({
			resource: 'sharingMessage',
			operation: 'publish',
			publishFor: 'user',
			user: byId(SHARING_USER),
			networkChoice: 'all',
			text: 'Welcome!',
		});
		expect(error).toBeUndefined();
		expect(sent().map((r) => `${r.method} ${r.path}`)).toEqual([`GET /users/${SHARING_USER}.json`, 'POST /sharing/messages.json']);
		expect(emulator.requests[1].body.request.sharing_message.publish_for_user).toEqual({
			user_token: SHARING_USER,
			providers: ['facebook', 'twitter', 'linkedin'],
		});
		// Reported plainly: OneAll's 207 status and each publication as OneAll returned it.
		expect(items).toHaveLength(1);
		expect(items[0].json.status).toMatchObject({ code: 207 });
		expect(entries(items[0].json).map((p) => [p.provider, obj(p.status).flag])).toEqual([
			['facebook', 'success'],
			['twitter', 'success'],
			['linkedin', 'error'],
		]);
		expect(String(obj(entries(items[0].json)[2].status).info)).toMatch(/revoked/);
		expect(emulator.pushes()).toHaveLength(1);
	});

	it('the network list (loadOptions) shows the networks of the chosen user', async () => {
		const options = await callLoadOptions('getUserNetworks', {
			parameters: {
				resource: 'sharingMessage',
				operation: 'publish',
				publishFor: 'user',
				user: byId(SHARING_USER),
				networkChoice: 'chosen',
			},
			credentials: emulatorCredentials(emulator),
			path: 'parameters.networks',
		});
		expect(options).toEqual([
			{ name: 'Facebook', value: 'facebook' },
			{ name: 'Twitter (X)', value: 'twitter' },
			{ name: 'LinkedIn', value: 'linkedin' },
		]);
		expect(sent().map((r) => `${r.method} ${r.path}`)).toEqual([`GET /users/${SHARING_USER}.json`]);
	});

	it('the network list of a user whose read answers without result.data is an error, never an empty list', async () => {
		emulator.addFault({ type: 'reshape', path: `/users/${SHARING_USER}.json`, drop: ['response.result.data'] } as never);
		await expect(
			callLoadOptions('getUserNetworks', {
				parameters: { resource: 'sharingMessage', operation: 'publish', publishFor: 'user', user: byId(SHARING_USER), networkChoice: 'chosen' },
				credentials: emulatorCredentials(emulator),
				path: 'parameters.networks',
			}),
		).rejects.toThrow(`OneAll's answer has no result.data (GET /users/${SHARING_USER}.json)`);
	});

	it("each item's files are read when that item is sent, not all before the first request (Concurrency 2)", async () => {
		const files = Array.from({ length: 12 }, (_, i) => fileBytes(50_000, i + 1));
		const items = await Promise.all(files.map(async (data) => await binaryItem({ data })));
		const reads = recordFileReads();
		try {
			const { error, items: out } = await run(
				publishToIdentity(FIXTURES.identities.facebook, {
					text: 'x',
					additionalParts: { binaryProperties: 'data' },
					options: { concurrency: 2 },
				}),
				items,
			);
			expect(error).toBeUndefined();
			expect(out).toHaveLength(12);
			// The k-th read happens once the requests before the last two are on the wire.
			expect(reads.requestsAtRead).toHaveLength(12);
			reads.requestsAtRead.forEach((requests, k) => expect(requests).toBeGreaterThanOrEqual(k - 2));
		} finally {
			reads.restore();
		}
		const sentFiles = emulator.requests.map((r) => Buffer.from(r.body.request.sharing_message.parts.uploads[0].data, 'base64').toString('hex'));
		expect(sentFiles.sort()).toEqual(files.map((file) => file.toString('hex')).sort());
	});

	describe('bad input is refused before anything is sent', () => {
		const expectNothingSent = () => expect(emulator.requests).toHaveLength(0);

		it('a missing binary property names the item and the property', async () => {
			const good = await binaryItem({ data: fileBytes(10) });
			const { error } = await run(
				publishToIdentity(FIXTURES.identities.facebook, {
					additionalParts: { binaryProperties: 'data' },
				}),
				[good, { json: {}, binary: { other: good.binary!.data } }],
			);
			expect(error?.message).toMatch(/'data'/);
			expect(error?.message).toMatch(/item 1/);
			expectNothingSent();
		});

		it('with Continue On Fail the bad item becomes an error item (paired with it) and the good one is published', async () => {
			const good = await binaryItem({ data: fileBytes(2048, 5) });
			const { items, error } = await run(
				{ ...publishToIdentity(FIXTURES.identities.facebook, { additionalParts: { binaryProperties: 'data' } }), __continueOnFail: true },
				[good, { json: {} }],
			);
			expect(error).toBeUndefined();
			expect(items).toHaveLength(2);
			expect(items[0].json.sharing_message).toBeDefined();
			expect(items[1].json.error).toMatch(/item 1/);
			expect(items[1].pairedItem).toEqual({ item: 1 });
			expect(emulator.requests).toHaveLength(1);
		});

		it('a file too large in item 50 stops the run before item 1 is sent, and no file is read before sending', async () => {
			const items = await Promise.all(Array.from({ length: 50 }, async (_, i) => await binaryItem({ data: fileBytes(1000, i + 1) })));
			items.push(await binaryItem({ data: fileBytes(5 * MiB + 1, 3) }));
			const reads = recordFileReads();
			try {
				const { error } = await run(
					publishToIdentity(FIXTURES.identities.facebook, { text: 'x', additionalParts: { binaryProperties: 'data' } }),
					items,
				);
				expect(error?.message).toBe(`The file in binary property "data" of item 50 is too large: 5.0 MB (${5 * MiB + 1} bytes)`);
				expect(error?.description).toMatch(/Nothing was sent\.$/);
				expectNothingSent();
				// Sizes come from n8n's binary metadata: no file was read into memory to check it.
				expect(reads.requestsAtRead).toEqual([]);
			} finally {
				reads.restore();
			}
		});

		it('an empty file names the item and the property', async () => {
			const { error } = await run(
				publishToIdentity(FIXTURES.identities.facebook, {
					additionalParts: { binaryProperties: 'data' },
				}),
				[
					{
						json: {},
						binary: {
							data: { data: '', mimeType: 'image/png', fileName: 'empty.png' },
						},
					},
				],
			);
			expect(error?.message).toBe('The file in binary property "data" of item 0 is empty');
			expectNothingSent();
		});

		it('a file over 5 MiB is refused whole (no truncation), and its content is in no error', async () => {
			const tooBig = fileBytes(5 * MiB + 1, 3);
			const { error } = await run(
				publishToIdentity(FIXTURES.identities.facebook, {
					text: 'x',
					additionalParts: { binaryProperties: 'data' },
				}),
				[await binaryItem({ data: fileBytes(100) }), await binaryItem({ data: tooBig })],
			);
			expect(error?.message).toBe(`The file in binary property "data" of item 1 is too large: 5.0 MB (${5 * MiB + 1} bytes)`);
			const everything = JSON.stringify({
				message: error?.message,
				description: error?.description,
				error,
			});
			expect(everything).not.toContain(tooBig.subarray(0, 300).toString('base64'));
			expectNothingSent();
		});

		it('exactly 5 MiB is sent', async () => {
			const limit = fileBytes(5 * MiB, 4);
			const { error } = await run(
				publishToIdentity(FIXTURES.identities.facebook, {
					additionalParts: { binaryProperties: 'data' },
				}),
				[await binaryItem({ data: limit })],
			);
			expect(error).toBeUndefined();
			const upload = emulator.requests[0].body.request.sharing_message.parts.uploads[0];
			expect(Buffer.from(upload.data, 'base64').equals(limit)).toBe(true);
		});

		it('an empty message, link details without a link, a bad URL and an empty network choice', async () => {
			const cases: Array<[IDataObject, RegExp]> = [
				[publishToIdentity(FIXTURES.identities.facebook), /The message is empty/],
				[
					publishToIdentity(FIXTURES.identities.facebook, {
						additionalParts: { linkName: 'x' },
					}),
					/need a "Link URL"/,
				],
				[
					publishToIdentity(FIXTURES.identities.facebook, {
						additionalParts: { pictureUrl: 'ftp://x' },
					}),
					/"Picture URL" must be a fully qualified URL/,
				],
				[
					{
						resource: 'sharingMessage',
						operation: 'publish',
						publishFor: 'user',
						user: byId(SHARING_USER),
						networkChoice: 'chosen',
						networks: [],
						text: 'x',
					},
					/Choose at least one network/,
				],
			];
			for (const [parameters, message] of cases) {
				const { error } = await run(parameters);
				expect(error?.message).toMatch(message);
			}
			expectNothingSent();
		});
	});
});

describe('Sharing Message → Re-Publish, Get, Get Many, Delete', () => {
	it('Re-Publish minimal: one identity → POST /sharing/messages/<token>.json with publish_for_identity only', async () => {
		const token = await publishedMessageToken();
		emulator.reset();
		const { items, error } = await run({
			resource: 'sharingMessage',
			operation: 'republish',
			sharingMessageToken: token,
			publishFor: 'identity',
			identity: byId(FIXTURES.identities.facebook),
		});
		expect(error).toBeUndefined();
		expect(sent()).toEqual([
			{
				method: 'POST',
				path: `/sharing/messages/${token}.json`,
				query: {},
				body: {
					request: {
						sharing_message: {
							publish_for_identity: {
								identity_token: FIXTURES.identities.facebook,
							},
						},
					},
				},
			},
		]);
		expect(entries(items[0].json).map((p) => p.provider)).toEqual(['twitter', 'facebook']);
	});

	it("Re-Publish full: all of a user's networks → the user is read, then publish_for_user with every provider", async () => {
		const token = await publishedMessageToken();
		emulator.reset();
		const { items, error } = await run({
			resource: 'sharingMessage',
			operation: 'republish',
			sharingMessageToken: token,
			publishFor: 'user',
			user: byId(SHARING_USER),
			networkChoice: 'all',
		});
		expect(error).toBeUndefined();
		expect(sent()).toEqual([
			{
				method: 'GET',
				path: `/users/${SHARING_USER}.json`,
				query: {},
				body: null,
			},
			{
				method: 'POST',
				path: `/sharing/messages/${token}.json`,
				query: {},
				body: {
					request: {
						sharing_message: {
							publish_for_user: {
								user_token: SHARING_USER,
								providers: ['facebook', 'twitter', 'linkedin'],
							},
						},
					},
				},
			},
		]);
		expect(items[0].json.status).toMatchObject({ code: 207 });
	});

	it('Get reads the message with its publications; Get Many lists newest first; Delete sends confirm_deletion=true', async () => {
		const first = await publishedMessageToken();
		const second = await publishedMessageToken();
		emulator.reset();

		const got = await run({
			resource: 'sharingMessage',
			operation: 'get',
			sharingMessageToken: first,
		});
		expect(got.error).toBeUndefined();
		expect(sent()[0]).toEqual({
			method: 'GET',
			path: `/sharing/messages/${first}.json`,
			query: {},
			body: null,
		});
		expect(entries(got.items[0].json)).toHaveLength(1);

		emulator.reset();
		const many = await run({
			resource: 'sharingMessage',
			operation: 'getAll',
			returnAll: false,
			limit: 2,
		});
		expect(many.error).toBeUndefined();
		expect(sent()[0]).toMatchObject({
			method: 'GET',
			path: '/sharing/messages.json',
			query: { order_direction: 'desc', page: '1', entries_per_page: '2' },
		});
		expect(many.items.map((item) => item.json.sharing_message_token)).toEqual([second, first]);

		emulator.reset();
		const deleted = await run({
			resource: 'sharingMessage',
			operation: 'delete',
			sharingMessageToken: first,
		});
		expect(deleted.error).toBeUndefined();
		expect(sent()).toEqual([
			{
				method: 'DELETE',
				path: `/sharing/messages/${first}.json`,
				query: { confirm_deletion: 'true' },
				body: null,
			},
		]);
		expect(deleted.items[0].json.status).toMatchObject({
			flag: 'success',
			code: 200,
		});
		const gone = await run({
			resource: 'sharingMessage',
			operation: 'get',
			sharingMessageToken: first,
		});
		expect(gone.error?.httpCode).toBe('404');
	});

	it('a token with a slash or dot segment never reaches a path', async () => {
		const { error } = await run({
			resource: 'sharingMessage',
			operation: 'delete',
			sharingMessageToken: '../users/x',
		});
		expect(error?.message).toMatch(/Sharing Message Token .* is not a valid id/);
		expect(emulator.requests).toHaveLength(0);
	});
});

describe('Short URL', () => {
	it('Create → Get → Get Many → Delete', async () => {
		const created = await run({
			resource: 'shortUrl',
			operation: 'create',
			originalUrl: 'https://example.com/a/long/address?x=1',
		});
		expect(created.error).toBeUndefined();
		expect(sent()).toEqual([
			{
				method: 'POST',
				path: '/shorturls.json',
				query: {},
				body: {
					request: {
						shorturl: {
							original_url: 'https://example.com/a/long/address?x=1',
						},
					},
				},
			},
		]);
		const shorturl = obj(created.items[0].json.shorturl);
		expect(shorturl).toMatchObject({
			original_url: 'https://example.com/a/long/address?x=1',
			num_referrals: 0,
		});
		const token = String(shorturl.shorturl_token);

		emulator.reset();
		const got = await run({
			resource: 'shortUrl',
			operation: 'get',
			shortUrlToken: token,
		});
		expect(obj(got.items[0].json.shorturl).short_url).toBe(shorturl.short_url);
		const many = await run({
			resource: 'shortUrl',
			operation: 'getAll',
			returnAll: true,
		});
		expect(many.items.map((item) => item.json.shorturl_token)).toContain(token);
		const deleted = await run({
			resource: 'shortUrl',
			operation: 'delete',
			shortUrlToken: token,
		});
		expect(deleted.error).toBeUndefined();
		expect(sent().map((r) => [r.method, r.path, r.query])).toEqual([
			['GET', `/shorturls/${token}.json`, {}],
			['GET', '/shorturls.json', { page: '1', entries_per_page: '500' }],
			['DELETE', `/shorturls/${token}.json`, { confirm_deletion: 'true' }],
		]);
	});

	it('Create refuses a URL that is not http(s) before sending', async () => {
		const { error } = await run({
			resource: 'shortUrl',
			operation: 'create',
			originalUrl: 'javascript:alert(1)',
		});
		expect(error?.message).toMatch(/"Original URL" must be a fully qualified URL/);
		expect(emulator.requests).toHaveLength(0);
	});
});

describe('Sharing Analytics', () => {
	it('Start Snapshot minimal → 201 "scheduled"; again while pending → 207; both output with their status, not as errors', async () => {
		const token = await publishedMessageToken();
		emulator.reset();
		const parameters = {
			resource: 'sharingAnalytics',
			operation: 'startSnapshot',
			sharingMessageToken: token,
		};
		const first = await run(parameters);
		expect(first.error).toBeUndefined();
		expect(sent()).toEqual([
			{
				method: 'PUT',
				path: '/sharing/analytics/snapshots.json',
				query: {},
				body: {
					request: { analytics: { sharing: { sharing_message_token: token } } },
				},
			},
		]);
		expect(emulator.requests[0].status).toBe(201);
		expect(first.items[0].json.status).toEqual({
			flag: 'scheduled',
			code: 201,
			info: 'Your request has been received and scheduled to be processed',
		});
		expect(obj(first.items[0].json.sharing_analytics_snapshot).sharing_analytics_snapshot_token).toEqual(expect.any(String));

		const second = await run(parameters);
		expect(second.error).toBeUndefined();
		expect(emulator.requests[1].status).toBe(207);
		expect(second.items[0].json.status).toMatchObject({ code: 207 });
	});

	it('Start Snapshot full: the pingback URL is sent and OneAll POSTs the finished snapshot to it', async () => {
		const token = await publishedMessageToken();
		const receiver = await startReceiver();
		try {
			emulator.reset();
			const { items, error } = await run({
				resource: 'sharingAnalytics',
				operation: 'startSnapshot',
				sharingMessageToken: token,
				pingbackUrl: receiver.url,
			});
			expect(error).toBeUndefined();
			expect(emulator.requests[0].body).toEqual({
				request: {
					analytics: {
						sharing: {
							sharing_message_token: token,
							pingback_uri: receiver.url,
						},
					},
				},
			});
			const snapshotToken = obj(items[0].json.sharing_analytics_snapshot).sharing_analytics_snapshot_token;
			const [pingback] = await receiver.waitFor(1);
			expect(pingback.method).toBe('POST');
			const body = pingback.body as {
				response: {
					request: { status: IDataObject };
					result: { data: IDataObject };
				};
			};
			expect(body.response.request.status.code).toBe(200);
			expect(obj(body.response.result.data.sharing_analytics_snapshot).sharing_analytics_snapshot_token).toBe(snapshotToken);
		} finally {
			await receiver.close();
		}
	});

	it('Get, Get Many filtered by user or identity, Delete with confirm_deletion=true', async () => {
		const token = await publishedMessageToken(); // published by FIXTURES.identities.twitter (user primary)
		const started = await run({
			resource: 'sharingAnalytics',
			operation: 'startSnapshot',
			sharingMessageToken: token,
		});
		const snapshotToken = String(obj(started.items[0].json.sharing_analytics_snapshot).sharing_analytics_snapshot_token);
		emulator.reset();

		const got = await run({
			resource: 'sharingAnalytics',
			operation: 'get',
			snapshotToken,
		});
		expect(obj(got.items[0].json.sharing_analytics_snapshot).sharing_message).toMatchObject({ sharing_message_token: token });

		const byUser = await run({
			resource: 'sharingAnalytics',
			operation: 'getAll',
			returnAll: true,
			filters: { user: FIXTURES.users.primary },
		});
		expect(byUser.items.map((item) => item.json.sharing_analytics_snapshot_token)).toContain(snapshotToken);
		const byIdentity = await run({
			resource: 'sharingAnalytics',
			operation: 'getAll',
			returnAll: true,
			filters: { identity: FIXTURES.identities.linkedin },
		});
		expect(byIdentity.items.map((item) => item.json.sharing_analytics_snapshot_token)).not.toContain(snapshotToken);

		const deleted = await run({
			resource: 'sharingAnalytics',
			operation: 'delete',
			snapshotToken,
		});
		expect(deleted.error).toBeUndefined();
		expect(sent().map((r) => [r.method, r.path, r.query])).toEqual([
			['GET', `/sharing/analytics/snapshots/${snapshotToken}.json`, {}],
			[
				'GET',
				'/sharing/analytics/snapshots.json',
				{
					user_token: FIXTURES.users.primary,
					page: '1',
					entries_per_page: '500',
				},
			],
			[
				'GET',
				'/sharing/analytics/snapshots.json',
				{
					identity_token: FIXTURES.identities.linkedin,
					page: '1',
					entries_per_page: '500',
				},
			],
			['DELETE', `/sharing/analytics/snapshots/${snapshotToken}.json`, { confirm_deletion: 'true' }],
		]);
	});
});

// Last: switching n8n-core to filesystem mode holds for the rest of this file.
describe('binary data in filesystem mode', () => {
	it('a file stored by n8n on disk (the item holds only its id) is sent byte for byte', async () => {
		await useFilesystemMode();
		const picture = fileBytes(300_000, 9);
		const item = await binaryItem({ data: picture }, { data: { fileName: 'disk.png' } });
		expect(item.binary!.data.id).toMatch(/^filesystem(-v2)?:/);
		expect(item.binary!.data.data).not.toBe(picture.toString('base64'));
		const { error } = await run(
			{
				resource: 'sharingMessage',
				operation: 'publish',
				publishFor: 'user',
				user: byId(SHARING_USER),
				networkChoice: 'chosen',
				networks: ['facebook'],
				additionalParts: { binaryProperties: 'data' },
			},
			[item],
		);
		expect(error).toBeUndefined();
		const upload = emulator.requests[0].body.request.sharing_message.parts.uploads[0];
		expect(upload.name).toBe('disk.png');
		expect(Buffer.from(upload.data, 'base64').equals(picture)).toBe(true);
	});

	it('a stored file whose item lacks its size is measured from the stored metadata: too large in item 1, nothing sent or read', async () => {
		const small = await binaryItem({ data: fileBytes(1000) });
		const big = await binaryItem({ data: fileBytes(5 * MiB + 10, 4) });
		delete big.binary!.data.bytes;
		const reads = recordFileReads();
		try {
			const { error } = await run(
				publishToIdentity(FIXTURES.identities.facebook, { text: 'x', additionalParts: { binaryProperties: 'data' } }),
				[small, big],
			);
			expect(error?.message).toBe(`The file in binary property "data" of item 1 is too large: 5.0 MB (${5 * MiB + 10} bytes)`);
			expect(emulator.requests).toHaveLength(0);
			expect(reads.requestsAtRead).toEqual([]);
		} finally {
			reads.restore();
		}
	});

	it('a file that grew over the limit after the check is refused when its item is sent: that item is not sent', async () => {
		const stored = await binaryItem({ data: fileBytes(5 * MiB + 1, 5) });
		// The item says 1,000 bytes; the stored file holds more (n8n's metadata is not read when bytes is set).
		const { error } = await run(
			publishToIdentity(FIXTURES.identities.facebook, { text: 'x', additionalParts: { binaryProperties: 'data' } }),
			[{ json: {}, binary: { data: { ...stored.binary!.data, bytes: 1000 } } }],
		);
		expect(error?.message).toBe(`The file in binary property "data" of item 0 is too large: 5.0 MB (${5 * MiB + 1} bytes)`);
		expect(error?.description).toMatch(/This item was not sent\.$/);
		expect(emulator.requests).toHaveLength(0);
	});

	it('a video over the 5 MiB picture limit is sent byte for byte, read in chunks across base64 groups, with the text as UTF-8', async () => {
		// Not a multiple of 3 and larger than one read chunk: groups of 3 bytes span chunk boundaries.
		const video = fileBytes(6 * MiB + 1, 11);
		const item = await binaryItem({ data: video }, { data: { fileName: 'clip.mp4', mimeType: 'video/mp4' } });
		const { error } = await run(
			publishToIdentity(FIXTURES.identities.facebook, { text: 'Vidéo 🎬 "quoted"', additionalParts: { binaryProperties: 'data' } }),
			[item],
		);
		expect(error).toBeUndefined();
		expect(emulator.requests).toHaveLength(1);
		const parts = emulator.requests[0].body.request.sharing_message.parts;
		expect(parts.text.body).toBe('Vidéo 🎬 "quoted"');
		expect(parts.uploads[0].name).toBe('clip.mp4');
		expect(Buffer.from(parts.uploads[0].data, 'base64').equals(video)).toBe(true);
	});

	it('a video over 256 MiB is refused before anything is sent, and so is a picture over 5 MiB named like a video', async () => {
		const stored = await binaryItem({ data: fileBytes(1000) }, { data: { fileName: 'clip.mp4', mimeType: 'video/mp4' } });
		const tooBig = 256 * MiB + 1;
		const { error } = await run(
			publishToIdentity(FIXTURES.identities.facebook, { text: 'x', additionalParts: { binaryProperties: 'data' } }),
			[stored, { json: {}, binary: { data: { ...stored.binary!.data, bytes: tooBig } } }],
		);
		expect(error?.message).toBe(`The file in binary property "data" of item 1 is too large: 256.0 MB (${tooBig} bytes)`);
		expect(error?.description).toMatch(/no limit for uploads.*Nothing was sent\.$/);
		expect(emulator.requests).toHaveLength(0);
		const picture = await binaryItem({ data: fileBytes(5 * MiB + 1) }, { data: { fileName: 'clip.mp4', mimeType: 'image/png' } });
		const second = await run(
			publishToIdentity(FIXTURES.identities.facebook, { text: 'x', additionalParts: { binaryProperties: 'data' } }),
			[picture],
		);
		expect(second.error?.message).toMatch(/is too large: 5\.0 MB/);
		expect(emulator.requests).toHaveLength(0);
	});
});
