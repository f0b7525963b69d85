/**
 * Outcomes (issue 22 items 13 and 15, issue 27 item 10), through n8n-core's own WorkflowExecute: failed
 * items reach n8n's error output with On Error → Continue (using error output), and stay error items on
 * the regular output with Continue On Fail; a Sharing publish where every network failed is an error,
 * one where some failed says so; publish outputs name the identity (or user) used.
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { FIXTURES } from '../emulator/index.cjs';
import { useEmulator } from '../helpers/emulatorSuite';
import { loadPackage, runOneAll } from '../helpers/harness.cjs';
import { callListSearch } from '../helpers/listSearch.cjs';
import { byId, emulatorCredentials, pairedIndex, publishPin, sharingPublish } from '../helpers/params';

const emulator = useEmulator();

const ID = FIXTURES.identities;
const SHARING_USER = FIXTURES.users.sharing;
const REVOKED_LINKEDIN = FIXTURES.sharingIdentities.linkedin;

type OnError = 'continueRegularOutput' | 'continueErrorOutput';
const run = (parameters: IDataObject, items?: INodeExecutionData[], onError?: OnError) =>
	runOneAll({ credentials: emulatorCredentials(emulator), parameters, items, onError });

const pinItems = [{ json: { title: 'One' } }, { json: { title: 'T'.repeat(101) } }, { json: { title: 'Three' } }];
const pin = (overrides: IDataObject = {}) => publishPin({ title: '={{ $json.title }}', options: { concurrency: 1 }, ...overrides });

describe('22 #15: failures reach the error output (On Error → Continue (using error output))', () => {
	it('a pin whose title is too long goes to the error output; the two others publish on the success output', async () => {
		const { items, errorItems, error } = await run(pin(), pinItems, 'continueErrorOutput');
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json.pin_title)).toEqual(['One', 'Three']);
		expect(errorItems).toHaveLength(1);
		expect(pairedIndex(errorItems[0])).toBe(1);
		// n8n 1.x routes only items whose json is { error } (or { error, message }); 2.x allows details too.
		expect(Object.keys(errorItems[0].json)).toEqual(['error']);
		expect(errorItems[0].json.error).toMatchObject({ message: expect.stringMatching(/too long/), description: expect.stringMatching(/Shorten/) });
		expect(emulator.pushes()).toHaveLength(2);
	});

	it('Continue On Fail (regular output): the same error item, in place, with its pairedItem', async () => {
		const { items, errorItems } = await run(pin(), pinItems, 'continueRegularOutput');
		expect(errorItems).toEqual([]);
		expect(items).toHaveLength(3);
		expect(items.map(pairedIndex)).toEqual([0, 1, 2]);
		expect(String(items[1].json.error)).toMatch(/too long/);
		expect(items[1].json.description).toMatch(/Shorten/);
		expect(items[0].json.error).toBeUndefined();
	});

	it('a OneAll error of a push (404 unknown board), of a read, of a delete and of a list all go to the error output', async () => {
		const cases: IDataObject[] = [
			pin({ board: byId('404404404'), title: 'Lost' }),
			{ resource: 'identity', operation: 'get', identity: byId('00000000-0000-4000-8000-000000000404') },
			{ resource: 'twitter', operation: 'deleteTweet', identity: byId(ID.twitter), postId: '1460323737035677698' },
			{ resource: 'sharingMessage', operation: 'getAll', returnAll: true },
		];
		emulator.addFault({ type: 'status', path: '/sharing/messages.json', method: 'GET', status: 400 });
		for (const parameters of cases) {
			const { items, errorItems, error } = await run(parameters, [{ json: {} }], 'continueErrorOutput');
			expect({ operation: parameters.operation, error }).toEqual({ operation: parameters.operation, error: undefined });
			expect({ operation: parameters.operation, success: items.length }).toEqual({ operation: parameters.operation, success: 0 });
			expect(errorItems).toHaveLength(1);
			expect(errorItems[0].json).toEqual({ error: { message: expect.stringMatching(/^OneAll error 4\d\d: /), httpCode: expect.stringMatching(/^4\d\d$/), description: expect.any(String) } });
		}
	});
});

describe('22 #13: a Sharing publish where networks failed', () => {
	it('every publication failed (HTTP 207): the node fails with the networks\' own messages', async () => {
		const { error, items } = await run(sharingPublish({ publishFor: 'identity', identity: byId(REVOKED_LINKEDIN) }));
		expect(items).toEqual([]);
		expect(error?.message).toMatch(/published on none of its 1 network: linkedin: .*revoked/);
		expect(emulator.pushes()).toHaveLength(1);
	});

	it('every publication failed, On Error → Continue (using error output): an error item on the error output', async () => {
		const { items, errorItems, error } = await run(
			sharingPublish({ networkChoice: 'chosen', networks: ['linkedin', 'google'] }),
			[{ json: {} }],
			'continueErrorOutput',
		);
		expect(error).toBeUndefined();
		expect(items).toEqual([]);
		expect(errorItems).toHaveLength(1);
		expect((errorItems[0].json.error as IDataObject).message).toMatch(/none of its 2 networks: linkedin: .*revoked.*; google: /);
	});

	it('some failed: OneAll\'s answer as before, plus networks_published / networks_failed and a warning on the run', async () => {
		const { items, error, run: execution } = await run(sharingPublish());
		expect(error).toBeUndefined();
		expect(items[0].json.status).toMatchObject({ code: 207 });
		expect(items[0].json.sharing_message).toBeDefined();
		expect(items[0].json.networks_published).toEqual(['facebook', 'twitter']);
		expect(items[0].json.networks_failed).toEqual([
			expect.objectContaining({ provider: 'linkedin', identity_token: REVOKED_LINKEDIN, message: expect.stringMatching(/revoked/) }),
		]);
		const hints = execution.data.resultData.runData.OneAll[0].hints ?? [];
		expect(hints).toEqual([expect.objectContaining({ type: 'warning', message: expect.stringMatching(/1 of 3 networks failed \(linkedin: /) })]);
	});

	it('all published: empty networks_failed, no warning', async () => {
		const { items, run: execution } = await run(sharingPublish({ networkChoice: 'chosen', networks: ['facebook'] }));
		expect(items[0].json.networks_published).toEqual(['facebook']);
		expect(items[0].json.networks_failed).toEqual([]);
		expect(execution.data.resultData.runData.OneAll[0].hints ?? []).toEqual([]);
	});
});

describe('27 #10: publish outputs name who published', () => {
	it('a push outputs the identity_token it used; a Sharing publish the user_token or identity_token', async () => {
		const pushed = await run(pin({ title: 'Stadium' }));
		expect(pushed.items[0].json).toMatchObject({ pin_title: 'Stadium', identity_token: ID.pinterest });
		const forUser = await run(sharingPublish({ networkChoice: 'chosen', networks: ['facebook'] }));
		expect(forUser.items[0].json.user_token).toBe(SHARING_USER);
		const forIdentity = await run(sharingPublish({ publishFor: 'identity', identity: byId(FIXTURES.sharingIdentities.facebook) }));
		expect(forIdentity.items[0].json.identity_token).toBe(FIXTURES.sharingIdentities.facebook);
	});
});

describe('22 #11: ids that arrive as JSON numbers beyond 2^53 are refused before any request', () => {
	it('Delete Tweet, a Facebook page (body id) and attachment ids: refused with a hint to pass ids as text; nothing sent', async () => {
		const cases: IDataObject[] = [
			{ resource: 'twitter', operation: 'deleteTweet', identity: byId(ID.twitter), postId: '={{ $json.id }}' },
			{
				resource: 'facebook',
				operation: 'publishPagePost',
				identity: byId(ID.facebook),
				page: byId('={{ $json.id }}'),
				message: 'Hello',
			},
			{
				resource: 'facebook',
				operation: 'publishUserPost',
				identity: byId(ID.facebook),
				message: 'Hello',
				additionalFields: { attachments: '={{ [$json.id] }}' },
			},
		];
		for (const parameters of cases) {
			// JSON.parse of {"id": 1460323737035677698} gives 1460323737035677700.
			const { error } = await run(parameters, [{ json: JSON.parse('{"id": 1460323737035677698}') as IDataObject }]);
			expect({ operation: parameters.operation, message: error?.message }).toEqual({
				operation: parameters.operation,
				message: expect.stringMatching(/1460323737035677700 is a number too large to be exact/),
			});
			expect(error?.description).toMatch(/Pass ids as text/);
		}
		expect(emulator.requests).toEqual([]);
	});

	it('the same id as text is sent exactly', async () => {
		await run({ resource: 'twitter', operation: 'deleteTweet', identity: byId(ID.twitter), postId: '={{ $json.id }}' }, [
			{ json: { id: '1460323737035677698' } },
		]);
		expect(emulator.requests.map((request) => request.path)).toEqual([`/update/identities/${ID.twitter}/twitter/post/1460323737035677698.json`]);
	});
});

describe('21 part 3: what OneAll or the networks retired, said in the editor and in errors', () => {
	const noticesOf = async (resource: string, operation: string) => {
		const { nodeTypes } = await loadPackage();
		const properties = (nodeTypes.oneAll.type as { description: { properties: Array<IDataObject & { displayOptions?: { show?: IDataObject } }> } })
			.description.properties;
		return properties
			.filter((p) => p.type === 'notice')
			.filter((p) => {
				const show = p.displayOptions?.show ?? {};
				return (show.resource as string[] | undefined)?.includes(resource) && (show.operation as string[] | undefined)?.includes(operation);
			})
			.map((p) => String(p.displayName));
	};

	it('the three Facebook group operations, Get Many Pins and Update Pin carry a notice; other operations none', async () => {
		for (const operation of ['publishGroupPost', 'uploadGroupPicture', 'uploadGroupVideo']) {
			expect(await noticesOf('facebook', operation)).toEqual([expect.stringMatching(/22 April 2024 \(API v19\.0\)/)]);
		}
		expect(await noticesOf('pinterest', 'getPins')).toEqual([expect.stringMatching(/Get Many Board Pins/)]);
		expect(await noticesOf('pinterest', 'updatePin')).toEqual([expect.stringMatching(/delete it and publish it again/)]);
		expect(await noticesOf('pinterest', 'publishPin')).toEqual([]);
		expect(await noticesOf('facebook', 'publishPagePost')).toEqual([]);
	});

	it('a OneAll error on a group post says why it most likely failed; on a page post it does not', async () => {
		emulator.addFault({ type: 'status', status: 403, path: /\/facebook\/(group|page)\/post\.json$/, times: 2 });
		const group = await run({
			resource: 'facebook',
			operation: 'publishGroupPost',
			identity: byId(ID.facebook),
			group: byId(FIXTURES.facebook.groupIds[0]),
			message: 'Hello',
		});
		expect(group.error?.description).toMatch(/^Most likely cause: Meta removed publishing to Facebook groups/);
		const page = await run({
			resource: 'facebook',
			operation: 'publishPagePost',
			identity: byId(ID.facebook),
			page: byId(FIXTURES.facebook.pageIds[0]),
			message: 'Hello',
		});
		expect(page.error?.httpCode).toBe('403');
		expect(page.error?.description).not.toMatch(/Meta removed/);
	});

	it('a 404 on Get Many Pins explains that OneAll may have retired it and what to use instead; other errors are left alone', async () => {
		emulator.addFault({ type: 'status', status: 404, path: /\/pinterest\/pins\.json$/ });
		const { error } = await run({ resource: 'pinterest', operation: 'getPins', identity: byId(ID.pinterest) });
		expect(error?.description).toMatch(/OneAll may have retired this endpoint.*Get Many Board Pins/);
		emulator.addFault({ type: 'status', status: 400, path: /\/pinterest\/pins\.json$/ });
		const other = await run({ resource: 'pinterest', operation: 'getPins', identity: byId(ID.pinterest) });
		expect(other.error?.description).not.toMatch(/retired/);
	});

	it('a 404 on Update Pin: the pin may not exist, or OneAll retired the update; delete and publish again', async () => {
		const { error } = await run({
			resource: 'pinterest',
			operation: 'updatePin',
			identity: byId(ID.pinterest),
			pinId: '700000000000000999',
			description: 'New',
		});
		expect(error?.httpCode).toBe('404');
		expect(error?.description).toMatch(/retired updating pins.*delete it and publish it again/);
	});

	it("Sharing → all of the user's networks sends only the networks Sharing publishes to, and says which identities were left out", async () => {
		const user = FIXTURES.users.primary; // pinterest + facebook + twitter
		const { items, error } = await run(sharingPublish({ user: byId(user) }));
		expect(error).toBeUndefined();
		const publish = emulator.requests.find((request) => request.method === 'POST');
		expect(publish?.body.request.sharing_message.publish_for_user).toEqual({ user_token: user, providers: ['facebook', 'twitter'] });
		expect(items[0].json.networks_left_out).toEqual([
			{ provider: 'pinterest', identity_token: ID.pinterest, reason: expect.stringMatching(/Sharing API does not publish to pinterest/) },
		]);
	});

	it('a user with no network Sharing publishes to: refused after the read, nothing published', async () => {
		const [user] = emulator.addEvents({
			users: [{ date_creation: Date.now(), identities: [{ provider: 'pinterest' }, { provider: 'youtube' }] }],
		}).users;
		const { error } = await run(sharingPublish({ user: byId(user) }));
		expect(error?.message).toMatch(/None of the user's networks \(pinterest, youtube\) is one OneAll's Sharing API publishes to/);
		expect(emulator.requests.map((request) => request.method)).toEqual(['GET']);
	});
});

describe('27 #4: Sharing Message → Delete', () => {
	const publishOne = async (text: string) => {
		const { items } = await run(sharingPublish({ networkChoice: 'chosen', networks: ['facebook'], text }));
		return String((items[0].json.sharing_message as IDataObject).sharing_message_token);
	};

	it('the token field is a picker of the site\'s messages, newest first; a picked message is deleted', async () => {
		const first = await publishOne('First');
		const second = await publishOne('Second');
		const parameters = { resource: 'sharingMessage', operation: 'delete', sharingMessageToken: { __rl: true, mode: 'list', value: '' } };
		const { results } = await callListSearch('searchSharingMessages', {
			parameters,
			credentials: emulatorCredentials(emulator),
			path: 'parameters.sharingMessageToken',
		});
		expect(results.map((result) => result.value).slice(0, 2)).toEqual([second, first]);
		expect(String(results[0].name)).toContain(second);
		const { items } = await run({ ...parameters, sharingMessageToken: { __rl: true, mode: 'list', value: second } });
		expect(items[0].json).toMatchObject({ deleted: true, sharing_message_token: second, status: { code: 200 } });
	});

	it('delete outputs have one shape across the node: deleted, the ids, status (as Delete Tweet)', async () => {
		const token = await publishOne('Gone');
		// A saved workflow's plain token (before the picker) still works.
		const sharing = await run({ resource: 'sharingMessage', operation: 'delete', sharingMessageToken: token });
		expect(Object.keys(sharing.items[0].json).sort()).toEqual(['deleted', 'sharing_message_token', 'status']);
		const tweet = await run({ resource: 'twitter', operation: 'publishTweet', identity: byId(ID.twitter), message: 'Bye' });
		const deletedTweet = await run({
			resource: 'twitter',
			operation: 'deleteTweet',
			identity: byId(ID.twitter),
			postId: String(tweet.items[0].json.post_id),
		});
		expect(Object.keys(deletedTweet.items[0].json).sort()).toEqual(['deleted', 'post_id', 'status']);
		const user = await run({ resource: 'user', operation: 'delete', user: byId(FIXTURES.users.secondary) });
		expect(Object.keys(user.items[0].json).sort()).toEqual(['deleted', 'status', 'user_token']);
	});

	it('the panel says the posts stay live on the networks', async () => {
		const { nodeTypes } = await loadPackage();
		const properties = (nodeTypes.oneAll.type as { description: { properties: IDataObject[] } }).description.properties;
		const notices = properties.filter(
			(p) =>
				p.type === 'notice' &&
				((p.displayOptions as { show: IDataObject }).show.resource as string[]).includes('sharingMessage') &&
				((p.displayOptions as { show: IDataObject }).show.operation as string[]).includes('delete'),
		);
		expect(notices.map((p) => p.displayName)).toEqual([expect.stringMatching(/posts it made stay live on the networks/)]);
	});
});

describe('27 #8: error texts', () => {
	it('the request stands on its own last line, after the advice, each line a sentence', async () => {
		const { error } = await run({ resource: 'identity', operation: 'get', identity: byId(FIXTURES.unknownIdentity) });
		const lines = String(error?.description).split('\n');
		expect(lines[lines.length - 1]).toBe(`Request: GET /identities/${FIXTURES.unknownIdentity}.json`);
		expect(lines.slice(0, -1).every((line) => /[.!?]$/.test(line))).toBe(true);
	});

	it('a malformed token: the description says something the title does not', async () => {
		const { error } = await run({ resource: 'identity', operation: 'get', identity: byId('not-a-token') });
		expect(error?.message).toMatch(/^Identity token "not-a-token" is not a valid OneAll token/);
		expect(error?.description).toBeTruthy();
		expect(error?.message).not.toContain(String(error?.description).replace(/\.$/, ''));
		expect(String(error?.description)).not.toMatch(/tokens look like/);
	});
});
