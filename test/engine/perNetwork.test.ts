/**
 * Issue 23 part 1, through n8n-core's own WorkflowExecute: a Sharing publish (node version 1.1) outputs one
 * item per network; failed networks reach n8n's error output (On Error → Continue (using error output)),
 * stay error items in place with Continue On Fail, and fail the node only when every network failed.
 * Version-1 nodes keep one item per message.
 */
import type { IDataObject } from 'n8n-workflow';

import { FIXTURES } from '../emulator/index.cjs';
import { useEmulator } from '../helpers/emulatorSuite';
import { runOneAll } from '../helpers/harness.cjs';
import { byId, emulatorCredentials, pairedIndex, sharingPublish } from '../helpers/params';

const emulator = useEmulator();

const SHARING_USER = FIXTURES.users.sharing;
const IDS = FIXTURES.sharingIdentities;

type OnError = 'continueRegularOutput' | 'continueErrorOutput';
const run = (
	parameters: IDataObject,
	{ onError, typeVersion = 1.1, nodeSettings }: { onError?: OnError; typeVersion?: number; nodeSettings?: IDataObject } = {},
) => runOneAll({ credentials: emulatorCredentials(emulator), parameters, items: [{ json: { source: 'form' } }], onError, typeVersion, nodeSettings });

describe('23 part 1: one item per network (node version 1.1)', () => {
	it('one item per network: provider, identity, status, the post id, the message token on each; the failed one says why', async () => {
		const { items, errorItems, error } = await run(sharingPublish());
		expect(error).toBeUndefined();
		expect(errorItems).toEqual([]);
		expect(items.map((item) => [item.json.provider, item.json.status])).toEqual([
			['facebook', 'published'],
			['twitter', 'published'],
			['linkedin', 'failed'],
		]);
		const token = items[0].json.sharing_message_token;
		expect(token).toMatch(/^[0-9a-f-]{36}$/);
		for (const item of items) {
			expect(item.json).toMatchObject({ sharing_message_token: token, user_token: SHARING_USER, identity_token: expect.any(String) });
			expect(pairedIndex(item)).toBe(0);
		}
		expect(items[0].json.post_id).toMatch(/^\d+$/);
		expect(items[2].json).toMatchObject({ identity_token: IDS.linkedin, code: 401, message: expect.stringMatching(/revoked/) });
		expect(items[2].json.error).toBeUndefined();
		expect(items[2].json.post_id).toBeUndefined();
		expect(emulator.pushes()).toHaveLength(1);
	});

	it('On Error → Continue (using error output): the failed network on the error output, the published ones on the success output', async () => {
		const { items, errorItems, error } = await run(sharingPublish(), { onError: 'continueErrorOutput' });
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json.provider)).toEqual(['facebook', 'twitter']);
		expect(errorItems).toHaveLength(1);
		// n8n 1.x moves only items whose json is { error } (or { error, message }): the rest goes inside error.
		expect(Object.keys(errorItems[0].json)).toEqual(['error']);
		expect(errorItems[0].json).toMatchObject({
			error: {
				message: expect.stringMatching(/^Not published on linkedin: .*revoked/),
				provider: 'linkedin',
				status: 'failed',
				identity_token: IDS.linkedin,
				sharing_message_token: items[0].json.sharing_message_token,
				httpCode: '401',
			},
		});
		expect(pairedIndex(errorItems[0])).toBe(0);
	});

	it('Continue On Fail (regular output): the failed network is an error item in place', async () => {
		const { items, errorItems } = await run(sharingPublish(), { onError: 'continueRegularOutput' });
		expect(errorItems).toEqual([]);
		expect(items.map((item) => [item.json.provider, Boolean(item.json.error)])).toEqual([
			['facebook', false],
			['twitter', false],
			['linkedin', true],
		]);
		expect(items[2].json).toMatchObject({ status: 'failed', identity_token: IDS.linkedin, error: expect.stringMatching(/revoked/) });
	});

	it('every network failed: the node fails with the networks\' messages; with the error output, one error item per network', async () => {
		const failing = sharingPublish({ networkChoice: 'chosen', networks: ['linkedin', 'google'] });
		const stopped = await run(failing);
		expect(stopped.items).toEqual([]);
		expect(stopped.error?.message).toMatch(/none of its 2 networks: linkedin: .*revoked.*; google: /);
		const routed = await run(failing, { onError: 'continueErrorOutput' });
		expect(routed.error).toBeUndefined();
		expect(routed.items).toEqual([]);
		expect(routed.errorItems.map((item) => (item.json.error as IDataObject).provider)).toEqual(['linkedin', 'google']);
	});

	it('Re-Publish outputs one item per network too', async () => {
		const first = await run(sharingPublish({ networkChoice: 'chosen', networks: ['facebook'] }));
		const token = String(first.items[0].json.sharing_message_token);
		const { items, error } = await run({
			resource: 'sharingMessage',
			operation: 'republish',
			sharingMessageToken: byId(token),
			publishFor: 'identity',
			identity: byId(IDS.twitter),
		});
		expect(error).toBeUndefined();
		expect(items.length).toBeGreaterThan(0);
		expect(items.every((item) => item.json.sharing_message_token === token)).toBe(true);
		expect(items.some((item) => item.json.provider === 'twitter' && item.json.status === 'published')).toBe(true);
	});

	it('a saved version-1 node keeps one item per message (networks_published / networks_failed)', async () => {
		const { items } = await run(sharingPublish(), { typeVersion: 1 });
		expect(items).toHaveLength(1);
		expect(items[0].json.networks_published).toEqual(['facebook', 'twitter']);
	});

	it('version 1.1 with the option off: one item per message', async () => {
		const { items } = await run(sharingPublish({ perNetwork: false }));
		expect(items).toHaveLength(1);
		expect(items[0].json.sharing_message).toBeDefined();
	});

	it('Retry On Fail re-running the node (the first network failed, Continue On Fail): one publish, the same items from the remembered answer', async () => {
		const { items } = await run(sharingPublish({ networkChoice: 'chosen', networks: ['linkedin', 'facebook'] }), {
			onError: 'continueRegularOutput',
			nodeSettings: { retryOnFail: true, maxTries: 3, waitBetweenTries: 0 },
		});
		expect(items.map((item) => [item.json.provider, item.json.status, Boolean(item.json.error)])).toEqual([
			['linkedin', 'failed', true],
			['facebook', 'published', false],
		]);
		expect(emulator.requests.filter((request) => request.method === 'POST')).toHaveLength(1);
	});

	it('every network failed, Retry On Fail: the message is published once and the node fails with the networks\' messages each try', async () => {
		const { error } = await run(sharingPublish({ networkChoice: 'chosen', networks: ['linkedin'] }), {
			nodeSettings: { retryOnFail: true, maxTries: 3, waitBetweenTries: 0 },
		});
		expect(error?.message).toMatch(/none of its 1 network: linkedin: .*revoked/);
		// OneAll stored (and tried) the message: a re-run answers from the remembered answer instead of publishing it again.
		expect(emulator.requests.filter((request) => request.method === 'POST')).toHaveLength(1);
	});
});

