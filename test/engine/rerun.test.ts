/**
 * Never twice within an execution (issue 23 part 3): n8n's node setting Retry On Fail runs the whole node
 * again, every item, in the same execution, when the node threw or when its first output item is an error
 * item (n8n-core 2.41.1 WorkflowExecute). The node recognises the re-run (same execution id, node, run
 * and item): a pin an earlier try published is answered with the same output and no request; a pin whose
 * answer was lost after OneAll recorded it is reported "outcome unknown, not re-sent". Counted on the
 * emulator: one push per pin. A new execution (the user running it again) sends again.
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { FIXTURES } from '../emulator/index.cjs';
import { useEmulator } from '../helpers/emulatorSuite';
import { runOneAll, runWorkflow, NODE_TYPE } from '../helpers/harness.cjs';
import { pushOutput } from '../helpers/collect.cjs';
import { byId, emulatorCredentials, publishPin } from '../helpers/params';

const emulator = useEmulator();

const ID = FIXTURES.identities;
const OUTCOME_UNKNOWN = /^Outcome unknown, not re-sent/;

/** Retry On Fail with 3 tries, as measured in the issue; 1 ms between tries (0 means n8n's default 1 s). */
const RETRY_3 = { retryOnFail: true, maxTries: 3, waitBetweenTries: 1 };

const pin = (overrides: IDataObject = {}) => publishPin({ title: '={{ $json.title }}', picture: '={{ $json.picture }}', ...overrides });
const pins = (...pictures: string[]): INodeExecutionData[] =>
	pictures.map((picture, index) => ({ json: { title: `Pin ${index}`, picture } }));

const run = (parameters: IDataObject, items: INodeExecutionData[], nodeSettings: IDataObject = RETRY_3) =>
	runOneAll({ credentials: emulatorCredentials(emulator), parameters, items, nodeSettings });

const posts = () => emulator.requests.filter((request) => request.method === 'POST');
/** Pushes OneAll recorded, by pin title. */
const pushesByTitle = () => {
	const counts: Record<string, number> = {};
	for (const push of emulator.pushes()) {
		const title = String((push.body as IDataObject & { request: { push: { pin: { title: string } } } }).request.push.pin.title);
		counts[title] = (counts[title] ?? 0) + 1;
	}
	return counts;
};

describe('Retry On Fail re-runs the node in the same execution: each pin is posted once', () => {
	it('the answer to a push is lost after OneAll recorded it: the re-runs do not post it again and say the outcome is unknown', async () => {
		emulator.addFault({ type: 'afterProcessing', path: '/push/', status: 504 });
		const { error, items } = await run(pin(), pins('https://www.oneall.com/a.jpg'));

		expect(pushesByTitle()).toEqual({ 'Pin 0': 1 });
		expect(posts()).toHaveLength(1);
		expect(items).toHaveLength(0);
		expect(error?.message).toMatch(OUTCOME_UNKNOWN);
		expect(error?.description).toMatch(/n8n ran this node again in the same execution \(Retry On Fail/);
		expect(error?.description).toMatch(/OneAll error 504/); // what the first try got
		expect(error?.message).toMatch(/got no clear answer, so the post may be live$/);
		expect(error?.context?.itemIndex).toBe(0);
	});

	it('Continue On Fail with an invalid first item (n8n re-runs while item 0 is an error item): each valid pin posted once, the same output as the first try', async () => {
		const { error, items } = await run(
			pin(),
			pins('not a url', 'https://www.oneall.com/b.jpg', 'https://www.oneall.com/c.jpg'),
			{ ...RETRY_3, onError: 'continueRegularOutput' },
		);

		expect(error).toBeUndefined();
		expect(pushesByTitle()).toEqual({ 'Pin 1': 1, 'Pin 2': 1 });
		expect(posts()).toHaveLength(2);
		expect(items).toHaveLength(3);
		expect(items[0].json.error).toMatch(/"Picture URL"/);
		// What the first try output for the published pins: OneAll's answer to each push, with the identity used.
		const answers = emulator.pushes().map(pushOutput);
		expect(items.slice(1).map((item) => item.json)).toEqual(answers);
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	});

	it('Continue On Fail, the first pin\'s answer lost: item 0 says outcome unknown, item 1 is answered from the first try; one push each', async () => {
		emulator.addFault({ type: 'afterProcessing', path: '/push/', then: 'reset' });
		const { error, items } = await run(
			{ ...pin(), options: { concurrency: 1 } },
			pins('https://www.oneall.com/a.jpg', 'https://www.oneall.com/b.jpg'),
			{ ...RETRY_3, onError: 'continueRegularOutput' },
		);
		expect(error).toBeUndefined();
		expect(pushesByTitle()).toEqual({ 'Pin 0': 1, 'Pin 1': 1 });
		expect(posts()).toHaveLength(2);
		expect(items[0].json.error).toMatch(OUTCOME_UNKNOWN);
		expect(items[1].json).toEqual(pushOutput(emulator.pushes()[1]));
	});

	it('a push OneAll refused (400) published nothing: the re-run sends it again and it is published once', async () => {
		emulator.addFault({ type: 'status', path: '/push/', status: 400, info: 'Temporary refusal' });
		const { error, items } = await run(pin(), pins('https://www.oneall.com/a.jpg'));
		expect(error).toBeUndefined();
		expect(posts()).toHaveLength(2);
		expect(pushesByTitle()).toEqual({ 'Pin 0': 1 });
		expect(items[0].json).toEqual(pushOutput(emulator.pushes()[0]));
	});

	it('a text that changes between tries (an expression) is not a new pin: not re-sent, and the item says why', async () => {
		emulator.addFault({ type: 'afterProcessing', path: '/push/', status: 502 });
		const { error } = await run(pin({ title: '={{ "Pin " + Math.random() }}' }), pins('https://www.oneall.com/a.jpg'));
		expect(emulator.pushes()).toHaveLength(1);
		expect(posts()).toHaveLength(1);
		expect(error?.message).toMatch(OUTCOME_UNKNOWN);
		expect(error?.description).toMatch(/differs from the earlier try's/);
	});

	it('running the workflow again is a new execution: it is sent again (a deliberate re-run is never held back)', async () => {
		const first = await run(pin(), pins('https://www.oneall.com/a.jpg'));
		const second = await run(pin(), pins('https://www.oneall.com/a.jpg'));
		expect(first.executionId).not.toBe(second.executionId);
		expect(first.error).toBeUndefined();
		expect(second.error).toBeUndefined();
		expect(posts()).toHaveLength(2);
	});

	it('reads are not remembered: a re-run reads again', async () => {
		const { error, items } = await run(
			{ resource: 'identity', operation: 'get', identity: byId('={{ $json.identity }}') },
			[{ json: { identity: '' } }, { json: { identity: ID.pinterest } }],
			{ ...RETRY_3, onError: 'continueRegularOutput' },
		);
		expect(error).toBeUndefined();
		expect(items[0].json.error).toBeDefined();
		// Item 0 is an error item after every try, so n8n ran the node 3 times; each read went out.
		expect(emulator.requests.filter((request) => request.method === 'GET')).toHaveLength(3);
	});

	it("Sharing → Publish to all of a user's networks, answer lost: the user is read again on each try, the message is posted once", async () => {
		emulator.addFault({ type: 'afterProcessing', path: '/sharing/messages.json', status: 502 });
		const { error } = await run(
			{ resource: 'sharingMessage', operation: 'publish', publishFor: 'user', user: byId(FIXTURES.users.sharing), networkChoice: 'all', text: 'Welcome!' },
			[{ json: {} }],
		);
		expect(error?.message).toMatch(OUTCOME_UNKNOWN);
		expect(emulator.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
			`GET /users/${FIXTURES.users.sharing}.json`,
			'POST /sharing/messages.json',
			`GET /users/${FIXTURES.users.sharing}.json`,
			`GET /users/${FIXTURES.users.sharing}.json`,
		]);
		expect(emulator.pushes()).toHaveLength(1);
	});
});

/** A node that passes its input on: two of them make the OneAll node run twice in one execution. */
const PASS_TYPE = 'test.pass';
const passNodeType = {
	description: {
		displayName: 'Pass', name: PASS_TYPE, group: ['transform'], version: 1, description: '',
		defaults: { name: 'Pass' }, inputs: ['main'], outputs: ['main'], properties: [],
	},
	async execute(this: { getInputData(): INodeExecutionData[] }) {
		return [this.getInputData()];
	},
};

describe('a second run of the node in the same execution is not a re-run', () => {
	it('the same pin reaching the node from two branches is posted twice (n8n gives each run its own run index)', async () => {
		const passNode = (name: string, x: number) => ({ id: name, name, type: PASS_TYPE, typeVersion: 1, position: [x, 0], parameters: {} });
		const oneAll = {
			id: 'oneall', name: 'OneAll', type: NODE_TYPE, typeVersion: 1, position: [600, 0], parameters: pin(),
			credentials: { oneAllApi: { id: 'cred-1', name: 'OneAll test' } }, ...RETRY_3,
		};
		const to = (node: string) => ({ main: [[{ node, type: 'main', index: 0 }]] });
		const { error, run: result } = await runWorkflow({
			nodes: [passNode('Start', 0), passNode('Branch A', 200), passNode('Branch B', 200), oneAll],
			connections: {
				Start: { main: [[{ node: 'Branch A', type: 'main', index: 0 }, { node: 'Branch B', type: 'main', index: 0 }]] },
				'Branch A': to('OneAll'),
				'Branch B': to('OneAll'),
			},
			items: pins('https://www.oneall.com/a.jpg'),
			credentials: emulatorCredentials(emulator),
			extraNodeTypes: { [PASS_TYPE]: passNodeType },
			settings: { executionOrder: 'v1' },
		});
		expect(error).toBeUndefined();
		expect(result.data.resultData.runData.OneAll).toHaveLength(2);
		expect(pushesByTitle()).toEqual({ 'Pin 0': 2 });
	});
});
