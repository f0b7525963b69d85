/**
 * Concurrency bounds the requests in flight (README "Rate limits"): a push refused with 429 was not
 * executed, so while it waits for its Retry-After it gives its slot to the next item, and takes one back
 * before it is re-sent. Concurrency 1 keeps strict input order: there the refused item keeps its slot.
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { FIXTURES, startEmulator, type Emulator, type RequestLogEntry } from '../emulator/index.cjs';
import { note } from '../helpers/collect.cjs';
import { runOneAll } from '../helpers/harness.cjs';
import { byId, emulatorCredentials } from '../helpers/params';

const LATENCY_MS = 200;
const RETRY_AFTER_S = 2;

interface Exchange {
	title: string;
	status: number | null;
	from: number;
	to: number;
}

let emulator: Emulator;
let exchanges: Exchange[] = [];
/** The request after which OneAll refuses one push (with Retry-After), once. */
let refuseAfter = Infinity;

beforeAll(async () => {
	emulator = await startEmulator({
		onRequest: (entry: RequestLogEntry) => {
			const title = String(entry.body?.request?.push?.pin?.title ?? '');
			exchanges.push({ title, status: entry.status, from: Date.parse(entry.receivedAt), to: Date.now() });
			if (exchanges.length === refuseAfter) emulator.addFault({ type: 'rateLimit', path: '/push/', retryAfter: RETRY_AFTER_S });
		},
	});
});
afterAll(async () => await emulator.close());
beforeEach(() => {
	emulator.reset();
	emulator.setLatency(LATENCY_MS);
	exchanges = [];
});

const pins = (count: number): INodeExecutionData[] => Array.from({ length: count }, (_, i) => ({ json: { title: `Pin ${i}` } }));

const publish = (concurrency: number, count: number) =>
	runOneAll({
		credentials: emulatorCredentials(emulator),
		parameters: {
			resource: 'pinterest',
			operation: 'publishPin',
			identity: byId(FIXTURES.identities.pinterest),
			board: byId(FIXTURES.pinterest.boardIds[0]),
			title: '={{ $json.title }}',
			picture: 'https://www.oneall.com/logo.jpg',
			options: { concurrency } as IDataObject,
		},
		items: pins(count),
	});

/** Most exchanges the emulator had open at once among `list` (by when each arrived and was answered). */
function mostInFlight(list: Exchange[]): number {
	const edges = list.flatMap((e) => [
		{ at: e.from, step: 1 },
		{ at: e.to, step: -1 },
	]);
	// An answer at the same ms as an arrival closes first.
	edges.sort((a, b) => a.at - b.at || a.step - b.step);
	let open = 0;
	let most = 0;
	for (const { step } of edges) most = Math.max(most, (open += step));
	return most;
}

/** The refused push, its re-send, and the exchanges that started and ended in between. */
function whileRefusedWaits() {
	const refused = exchanges.find((e) => e.status === 429) as Exchange;
	const resent = exchanges.find((e) => e.title === refused.title && e.status === 200) as Exchange;
	const between = exchanges.filter((e) => e !== refused && e !== resent && e.from >= refused.to && e.to <= resent.from);
	return { refused, resent, between };
}

describe('a push waiting out a 429 lends its Concurrency slot', () => {
	it('Concurrency 2: while the refused push waits, the next items go two at a time; never more than 2 in flight; each pin published once', async () => {
		refuseAfter = 6;
		const result = await publish(2, 40);
		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => item.json.error)).toEqual(Array(40).fill(undefined));
		const { refused, resent, between } = whileRefusedWaits();
		note(`refused "${refused.title}", re-sent ${resent.from - refused.to} ms later; ${between.length} pushes meanwhile, at most ${mostInFlight(between)} at once`);
		expect(resent.from - refused.to).toBeGreaterThanOrEqual(RETRY_AFTER_S * 1000 - 50);
		// Without the hand-off the refused push holds one of the two slots: one push at a time meanwhile.
		expect(mostInFlight(between)).toBe(2);
		expect(mostInFlight(exchanges)).toBeLessThanOrEqual(2);
		expect(emulator.pushes()).toHaveLength(40);
		expect(emulator.duplicates()).toEqual([]);
	}, 60000);

	it('Concurrency 1: the refused item keeps its slot, nothing else is sent before it is re-sent (strict input order)', async () => {
		refuseAfter = 3;
		const result = await publish(1, 6);
		expect(result.error).toBeUndefined();
		const { refused, between } = whileRefusedWaits();
		expect(refused.title).toBe('Pin 3');
		expect(between).toEqual([]);
		expect(emulator.pushes().map((push) => push.body.request.push.pin.title)).toEqual(pins(6).map((item) => item.json.title));
		expect(mostInFlight(exchanges)).toBe(1);
	}, 60000);
});
