/**
 * Issue 23 part 2, through n8n-core's own WorkflowExecute: Multi-Network → Publish to Several Networks
 * sends each network its own text (one push per network), checks every network before anything is sent,
 * and outputs one item per network, failed ones on n8n's error output.
 */
import type { IDataObject } from 'n8n-workflow';

import { FIXTURES } from '../emulator/index.cjs';
import { useEmulator } from '../helpers/emulatorSuite';
import { runOneAll } from '../helpers/harness.cjs';
import { byId, emulatorCredentials } from '../helpers/params';

const emulator = useEmulator();

const ID = FIXTURES.identities;
const PAGE = FIXTURES.facebook.pageIds[0];

type OnError = 'continueRegularOutput' | 'continueErrorOutput';
const run = (parameters: IDataObject, onError?: OnError, nodeSettings?: IDataObject) =>
	runOneAll({ credentials: emulatorCredentials(emulator), parameters, items: [{ json: {} }], onError, typeVersion: 1.1, nodeSettings });

const everywhere = (network: IDataObject[], overrides: IDataObject = {}): IDataObject => ({
	resource: 'multiNetwork',
	operation: 'publish',
	publishFor: 'identities',
	text: 'Our new store opens on Monday',
	link: 'https://example.com/store',
	networks: { network },
	...overrides,
});
const X = { network: 'twitter', identity: ID.twitter, text: 'Store opens Monday! #news' };
const LINKEDIN = { network: 'linkedin', identity: ID.linkedin, text: 'We are pleased to announce that our new store opens on Monday.' };
const FACEBOOK = { network: 'facebook', identity: ID.facebook, page: PAGE };

const pushBodies = () =>
	emulator.pushes().map((entry) => ({ path: entry.path, body: entry.body as IDataObject }));

describe('23 part 2: Publish to Several Networks', () => {
	it("each network's own text (or the base text) reaches its push; one output item per network", async () => {
		const { items, error } = await run(everywhere([X, LINKEDIN, FACEBOOK]));
		expect(error).toBeUndefined();
		expect(pushBodies()).toEqual([
			{
				path: `/push/identities/${ID.twitter}/twitter/post.json`,
				body: { request: { push: { post: { message: 'Store opens Monday! #news https://example.com/store' } } } },
			},
			{
				path: `/push/identities/${ID.linkedin}/linkedin/post.json`,
				body: { request: { push: { post: { message: LINKEDIN.text, link: 'https://example.com/store' } } } },
			},
			{
				path: `/push/identities/${ID.facebook}/facebook/page/post.json`,
				body: { request: { push: { page: { id: PAGE, message: 'Our new store opens on Monday', link: 'https://example.com/store' } } } },
			},
		]);
		expect(items.map((item) => [item.json.provider, item.json.identity_token, item.json.status])).toEqual([
			['twitter', ID.twitter, 'published'],
			['linkedin', ID.linkedin, 'published'],
			['facebook', ID.facebook, 'published'],
		]);
		expect(items.every((item) => typeof item.json.post_id === 'string')).toBe(true);
		expect(items.every((item) => (item.pairedItem as { item: number }).item === 0)).toBe(true);
	});

	it('a too-long X text stops everything before any push (the base link appended, counted 23 as X counts it)', async () => {
		// 257 characters + a space + the link (23) = 281.
		const { error, items } = await run(everywhere([LINKEDIN, FACEBOOK, { ...X, text: 'x'.repeat(257) }]));
		expect(items).toEqual([]);
		expect(error?.message).toMatch(/^X \(Twitter\): "Text" is too long: 281 characters, the network allows 280/);
		expect(emulator.requests).toEqual([]);
	});

	it('media rules are checked for every network first: a picture for X, a video for LinkedIn', async () => {
		const withPicture = await run(everywhere([FACEBOOK, { ...X, picture: 'https://example.com/a.jpg' }]));
		expect(withPicture.error?.message).toMatch(/^X \(Twitter\): X takes pictures and videos only as uploaded media/);
		const withVideo = await run(everywhere([{ ...LINKEDIN, video: 'https://example.com/a.mp4' }]));
		expect(withVideo.error?.message).toMatch(/^LinkedIn: LinkedIn posts through OneAll take no video/);
		expect(emulator.requests).toEqual([]);
	});

	it('a failed network goes to the error output; the others publish', async () => {
		emulator.addFault({ type: 'status', method: 'POST', path: `/push/identities/${ID.linkedin}/`, status: 403, info: 'Access denied by LinkedIn' });
		const { items, errorItems, error } = await run(everywhere([X, LINKEDIN, FACEBOOK]), 'continueErrorOutput');
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json.provider)).toEqual(['twitter', 'facebook']);
		expect(errorItems).toHaveLength(1);
		expect(errorItems[0].json).toMatchObject({
			error: { message: expect.stringMatching(/403/), provider: 'linkedin', identity_token: ID.linkedin, status: 'failed' },
		});
		expect(emulator.pushes()).toHaveLength(2);
	});

	it('every network failed and no On Error setting: the node fails naming each network', async () => {
		emulator.addFault({ type: 'status', method: 'POST', path: '/push/', status: 403, times: -1 });
		const { error, items } = await run(everywhere([X, FACEBOOK]));
		expect(items).toEqual([]);
		expect(error?.message).toMatch(/^Published on none of the 2 networks: twitter: .*; facebook: /);
	});

	it("for a user: the user's account on each network publishes, read once before any push", async () => {
		const { items, error } = await run(
			everywhere([{ network: 'twitter' }, { network: 'facebook', page: PAGE }], { publishFor: 'user', user: byId(FIXTURES.users.primary) }),
		);
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json.identity_token)).toEqual([ID.twitter, ID.facebook]);
		expect(emulator.requests.map((request) => request.method)).toEqual(['GET', 'POST', 'POST']);
	});

	it('for a user without an account on a chosen network: nothing is published', async () => {
		const { error } = await run(everywhere([X, { network: 'linkedin' }], { publishFor: 'user', user: byId(FIXTURES.users.primary) }));
		expect(error?.message).toMatch(/has no account on LinkedIn/);
		expect(emulator.pushes()).toEqual([]);
	});

	it('Retry On Fail re-running the node (first network failed, Continue On Fail): the published networks are not posted again', async () => {
		emulator.addFault({ type: 'status', method: 'POST', path: `/push/identities/${ID.twitter}/`, status: 403, times: -1 });
		const { items } = await run(everywhere([X, LINKEDIN, FACEBOOK]), 'continueRegularOutput', {
			retryOnFail: true,
			maxTries: 3,
			waitBetweenTries: 0,
		});
		expect(items.map((item) => [item.json.provider, item.json.status])).toEqual([
			['twitter', 'failed'],
			['linkedin', 'published'],
			['facebook', 'published'],
		]);
		const posts = (network: string) => emulator.requests.filter((request) => request.method === 'POST' && request.path.includes(`/${network}/`)).length;
		// n8n ran the node 3 times (its first item is an error item); X refused each time, the others went once.
		expect([posts('twitter'), posts('linkedin'), posts('facebook')]).toEqual([3, 1, 1]);
	});
});
