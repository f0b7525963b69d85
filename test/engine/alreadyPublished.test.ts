/**
 * Never twice across executions (issue 23 part 3): "Skip If Already Published" reads the target's
 * latest posts (its Pull API read) before a push and skips the item when the same text, link or title
 * is there within the window. Run in n8n-core's WorkflowExecute against the emulator, whose Pull reads
 * list what it recorded from pushes (dated by its clock).
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { FIXTURES, startEmulator, type Emulator } from '../emulator/index.cjs';
import { runOneAll } from '../helpers/harness.cjs';
import { byId, emulatorCredentials } from '../helpers/params';

const HOUR = 3600_000;
let clockOffset = 0;
// The emulator keeps what was published across reset(): each test publishes texts of its own.
let tag = 0;
const t = (text: string) => `${text} ${tag}`;
let emulator: Emulator;
beforeAll(async () => {
	emulator = await startEmulator({ now: () => Date.now() + clockOffset });
});
afterAll(async () => await emulator.close());
beforeEach(() => {
	tag++;
	clockOffset = 0;
	emulator.reset();
});

const ID = FIXTURES.identities;
const BOARD = FIXTURES.pinterest.boardIds[0];
const SKIP = { skipIfPublished: true };

const pin = (options: IDataObject = SKIP, overrides: IDataObject = {}): IDataObject => ({
	resource: 'pinterest',
	operation: 'publishPin',
	identity: byId(ID.pinterest),
	board: byId(BOARD),
	title: '={{ $json.title }}',
	picture: 'https://www.oneall.com/stadium.jpg',
	options,
	...overrides,
});
const titled = (...titles: string[]): INodeExecutionData[] => titles.map((title) => ({ json: { title: t(title) } }));

const run = (parameters: IDataObject, items: INodeExecutionData[] = [{ json: {} }], nodeSettings: IDataObject = {}, typeVersion?: number) =>
	runOneAll({ credentials: emulatorCredentials(emulator), parameters, items, nodeSettings, typeVersion });

const pushCount = () => emulator.pushes().length;
const reads = (path: string) => emulator.requests.filter((request) => request.method === 'GET' && request.path.startsWith(path));

describe('Skip If Already Published: pins (generous answers)', () => {
	it('a second execution with the same title is skipped and gives the existing pin; OneAll recorded one pin', async () => {
		const first = await run(pin(), titled('Stadium tour'));
		expect(first.error).toBeUndefined();
		const pinId = first.items[0].json.pin_id;
		expect(typeof pinId).toBe('string');

		const second = await run(pin(), titled('  Stadium   tour ')); // same title, other whitespace
		expect(second.error).toBeUndefined();
		expect(second.items).toHaveLength(1);
		expect(second.items[0].json).toMatchObject({
			status: 'skipped',
			pin_id: pinId,
			existing_id: pinId,
			identity_token: ID.pinterest,
			existing: expect.objectContaining({ pin_title: t('Stadium tour') }),
		});
		expect(second.items[0].json.skipped_reason).toMatch(/^Already published within the last 24 hours: the same title/);
		expect(second.items[0].pairedItem).toEqual({ item: 0 });
		expect(pushCount()).toBe(1);
	});

	it('a different title publishes; without the option the same title publishes again', async () => {
		await run(pin(), titled('Stadium tour'));
		const other = await run(pin(), titled('Museum tour'));
		expect(other.items[0].json).toMatchObject({ pin_title: t('Museum tour') });
		expect(other.items[0].json.status).toBeUndefined();
		const without = await run(pin({}), titled('Stadium tour'));
		expect(without.items[0].json.pin_title).toBe(t('Stadium tour'));
		expect(pushCount()).toBe(3);
	});

	it('a pin older than the window does not count: it publishes again', async () => {
		clockOffset = -25 * HOUR; // the first pin is recorded 25 hours ago
		await run(pin(), titled('Stadium tour'));
		clockOffset = 0;
		const again = await run(pin(), titled('Stadium tour'));
		expect(again.items[0].json.pin_title).toBe(t('Stadium tour'));
		expect(pushCount()).toBe(2);
		// A wider window finds it
		const wider = await run(pin({ ...SKIP, publishedWindowHours: 48 }), titled('Stadium tour'));
		expect(wider.items[0].json.status).toBe('skipped');
		expect(pushCount()).toBe(2);
	});

	it('one read per target and execution; the same title twice in one run publishes once', async () => {
		const { items, error } = await run(pin(), titled('A', 'B', 'A', 'C'));
		expect(error).toBeUndefined();
		expect(reads(`/pull/identities/${ID.pinterest}/pinterest/board/${BOARD}/pins.json`)).toHaveLength(1);
		expect(items.map((item) => item.json.status ?? 'published')).toEqual(['published', 'published', 'skipped', 'published']);
		expect(items[2].json.pin_id).toBe(items[0].json.pin_id);
		expect(items.map((item) => item.pairedItem)).toEqual([0, 1, 2, 3].map((item) => ({ item })));
		expect(pushCount()).toBe(3);
	});

	it('a read that fails fails the item with OneAll\'s error and publishes nothing', async () => {
		emulator.addFault({ type: 'status', path: '/pull/', status: 403, times: -1 });
		const { error, items } = await run(pin(), titled('Stadium tour'));
		expect(items).toHaveLength(0);
		expect(error?.httpCode).toBe('403'); // OneAll's error, e.g. Read Pins not allowed for the site
		expect(error?.description).toMatch(/"Skip If Already Published" could not read what is published \(GET \/pull\/identities\/.+\/pins\.json\), so nothing was published/);
		expect(pushCount()).toBe(0);
	});

	it('Continue On Fail: a failed read gives error items paired with their inputs; nothing published', async () => {
		emulator.addFault({ type: 'status', path: '/pull/', status: 403, times: -1 });
		const { error, items } = await run(pin(), titled('A', 'B'), { onError: 'continueRegularOutput' });
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json.error !== undefined)).toEqual([true, true]);
		expect(items[1].json.description).toMatch(/so nothing was published/);
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(pushCount()).toBe(0);
	});

	it('a lost answer is settled at once by a fresh read: published, with the pin id from the read; nothing re-sent', async () => {
		emulator.addFault({ type: 'afterProcessing', path: '/push/', status: 504 });
		const { error, items } = await run(pin(), titled('Stadium tour', 'Museum tour'));
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ status: 'published', confirmed_by_read: true, pin_id: expect.any(String), existing: expect.objectContaining({ pin_title: t('Stadium tour') }) });
		expect(items[1].json.pin_title).toBe(t('Museum tour'));
		expect(reads('/pull/')).toHaveLength(2); // the check, then the fresh read after the lost answer
		expect(pushCount()).toBe(2);
	});

	it('lost answer and the fresh read fails too: the item fails; Retry On Fail re-runs, reads again and finds the pin (one pin)', async () => {
		emulator.addFault({ type: 'afterProcessing', path: '/push/', status: 504 });
		emulator.addFault({ type: 'status', path: '/pull/', status: 403, after: 1 }); // the 2nd read only
		const { error, items } = await run(pin(), titled('Stadium tour', 'Museum tour'), { retryOnFail: true, maxTries: 3, waitBetweenTries: 1 });
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json.status ?? 'published')).toEqual(['skipped', 'published']);
		expect(items[0].json.existing).toMatchObject({ pin_title: t('Stadium tour') });
		expect(pushCount()).toBe(2);
	});

	it('without Retry On Fail the same case fails the item with the lost answer\'s error (never re-sent)', async () => {
		emulator.addFault({ type: 'afterProcessing', path: '/push/', status: 504 });
		emulator.addFault({ type: 'status', path: '/pull/', status: 403, after: 1 });
		const { error } = await run(pin(), titled('Stadium tour'));
		expect(error?.httpCode).toBe('504');
		expect(pushCount()).toBe(1);
	});

	it('bad input: a negative window fails before anything is sent', async () => {
		const { error } = await run(pin({ ...SKIP, publishedWindowHours: -1 }), titled('A'));
		expect(error?.message).toMatch(/"Already Published Window \(Hours\)" must be 0 or more/);
		expect(emulator.requests).toHaveLength(0);
	});
});

describe('Skip If Already Published: public answers (pull entries carry ids only)', () => {
	beforeEach(() => emulator.setAnswers('public'));

	it('entries without any comparable key fail the item clearly, nothing published (never read as "not there")', async () => {
		const { error } = await run(pin(), titled('Stadium tour'));
		expect(error?.message).toMatch(/^"Skip If Already Published" cannot compare: OneAll's pins list names no title/);
		expect(error?.description).toMatch(/Its entries hold pin_id\. Nothing was published/);
		expect(pushCount()).toBe(0);
	});

	it('Continue On Fail (error output): the item goes to the error output with its pairedItem', async () => {
		const result = await runOneAll({
			credentials: emulatorCredentials(emulator),
			parameters: pin(),
			items: titled('A'),
			onError: 'continueErrorOutput',
		});
		const [success, failed] = result.outputs();
		expect(success ?? []).toHaveLength(0);
		expect(failed).toHaveLength(1);
		expect(failed[0].json).toEqual({ error: expect.objectContaining({ message: expect.stringMatching(/cannot compare/) }) });
		expect(failed[0].pairedItem).toEqual({ item: 0 });
		expect(pushCount()).toBe(0);
	});
});

describe('Skip If Already Published on every push that has a read of its target', () => {
	const PAGE = FIXTURES.facebook.pageIds[0];
	const COMPANY = FIXTURES.linkedin.companyIds[0];
	const PLAYLIST = FIXTURES.youtube.playlistIds[0];
	const cases: Array<[string, IDataObject, string]> = [
		['Facebook page post', { resource: 'facebook', operation: 'publishPagePost', identity: byId(ID.facebook), page: byId(PAGE), message: 'Open on Monday' }, 'post_id'],
		[
			'LinkedIn company post',
			{ resource: 'linkedin', operation: 'publishCompanyPost', identity: byId(ID.linkedin), company: byId(COMPANY), message: 'Open on Monday', link: 'https://example.com/store' },
			'post_id',
		],
		['X tweet', { resource: 'twitter', operation: 'publishTweet', identity: byId(ID.twitter), message: 'Open on Monday' }, 'tweet_id'],
		['YouTube playlist video', { resource: 'youtube', operation: 'addVideoToPlaylist', identity: byId(ID.youtube), playlist: byId(PLAYLIST), videoId: 'x' }, 'video_id'],
	];
	it.each(cases)('%s: the second execution is skipped with the existing id', async (_name, params, idKey) => {
		const parameters = { ...params, ...(params.message ? { message: t('Open on Monday') } : {}), ...(params.videoId ? { videoId: `dQw4w9Wg${tag}` } : {}) };
		const first = await run({ ...parameters, options: SKIP });
		expect(first.error).toBeUndefined();
		expect(first.items[0].json.status).toBeUndefined();
		const second = await run({ ...parameters, options: SKIP });
		expect(second.error).toBeUndefined();
		expect(second.items[0].json).toMatchObject({ status: 'skipped', [idKey]: expect.any(String) });
		expect(pushCount()).toBe(1);
	});

	it('a push without a read of its target does not offer the option', async () => {
		const { loadPackage, NODE_TYPE } = await import('../helpers/harness.cjs');
		const { nodeTypes } = await loadPackage();
		const description = (nodeTypes[NODE_TYPE.split('.')[1]].type as { description: { properties: IDataObject[] } }).description;
		const optionsOf = (resource: string, operation: string) =>
			description.properties
				.filter((property) => property.name === 'options')
				.find((property) => {
					const show = (property.displayOptions as { show: IDataObject }).show;
					return (show.resource as string[]).includes(resource) && (show.operation as string[]).includes(operation);
				})
				?.options as IDataObject[];
		const names = (resource: string, operation: string) => optionsOf(resource, operation).map((option) => option.name);
		expect(names('pinterest', 'publishPin')).toContain('skipIfPublished');
		expect(names('linkedin', 'publishUserPost')).not.toContain('skipIfPublished');
		expect(names('facebook', 'publishUserPost')).not.toContain('skipIfPublished');
		expect(names('multiNetwork', 'publish')).toContain('skipIfPublished');
	});
});

describe('Skip If Already Published in Publish to Several Networks', () => {
	const PAGE = FIXTURES.facebook.pageIds[0];
	const everywhere = (): IDataObject => ({
		resource: 'multiNetwork',
		operation: 'publish',
		publishFor: 'identities',
		text: t('Our new store opens on Monday'),
		link: 'https://example.com/store',
		networks: {
			network: [
				{ network: 'twitter', identity: ID.twitter },
				{ network: 'linkedin', identity: ID.linkedin },
				{ network: 'facebook', identity: ID.facebook, page: PAGE },
			],
		},
		options: SKIP,
	});

	it('X and the Facebook page are skipped the second time; LinkedIn (no read) publishes and says checked: false', async () => {
		const first = await run(everywhere(), undefined, {}, 1.1);
		expect(first.error).toBeUndefined();
		expect(first.items.map((item) => item.json.status)).toEqual(['published', 'published', 'published']);
		expect(first.items[1].json.checked).toBe(false);
		const second = await run(everywhere(), undefined, {}, 1.1);
		expect(second.error).toBeUndefined();
		expect(second.items.map((item) => [item.json.provider, item.json.status])).toEqual([
			['twitter', 'skipped'],
			['linkedin', 'published'],
			['facebook', 'skipped'],
		]);
		expect(second.items[0].json.post_id).toBe(first.items[0].json.post_id);
		expect(second.items[2].json.post_id).toBe(first.items[2].json.post_id);
		expect(second.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 0 }, { item: 0 }]);
		expect(pushCount()).toBe(4);
	});
});
