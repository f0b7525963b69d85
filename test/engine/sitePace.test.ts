/**
 * One pace per OneAll site and credential, shared by the executions of one process (README "Rate
 * limits"): the second execution starts at the pace the first learnt, a long Retry-After holds for every
 * execution of that site, and nothing is shared with another site or a changed credential.
 * (test/helpers/fresh-paces.cjs forgets every pace before each test.)
 */
import type { INodeExecutionData } from 'n8n-workflow';

import { DEFAULT_SITE, OTHER_SITE } from '../emulator/index.cjs';
import { note } from '../helpers/collect.cjs';
import { useEmulator } from '../helpers/emulatorSuite';
import { runOneAll, type OneAllCredentials } from '../helpers/harness.cjs';
import { emulatorCredentials, publishPin } from '../helpers/params';

const emulator = useEmulator();

const pin = (title: string) => publishPin({ title });

const pins = (tag: string, count: number): INodeExecutionData[] =>
	Array.from({ length: count }, (_, i) => ({ json: { title: `${tag} ${i}` } }));

const run = (credentials: OneAllCredentials, title: string, items?: INodeExecutionData[]) =>
	runOneAll({ credentials, parameters: pin(title), items });

/** 429s the emulator answered since `from` (an index into its request log). */
const refusedSince = (from: number) => emulator.requests.slice(from).filter((r) => r.status === 429).length;

describe('one pace per OneAll site, shared by executions', () => {
	it('two executions share one pace: the second starts at the pace the first learnt, with (almost) no 429', async () => {
		emulator.setRateLimit(10);
		const credentials = emulatorCredentials(emulator);
		const first = await run(credentials, '={{ $json.title }}', pins('First', 30));
		expect(first.error).toBeUndefined();
		const firstRefused = refusedSince(0);
		const secondFrom = emulator.requests.length;
		const second = await run(credentials, '={{ $json.title }}', pins('Second', 30));
		expect(second.error).toBeUndefined();
		expect(second.items).toHaveLength(30);
		note(`429s: first execution ${firstRefused}, second ${refusedSince(secondFrom)}`);
		// Default Concurrency 5 against 10 requests/s: the first learns the limit through 429s; the second
		// is paced from its first request (one probe upward may still be refused).
		expect(firstRefused).toBeGreaterThanOrEqual(4);
		expect(refusedSince(secondFrom)).toBeLessThanOrEqual(2);
		expect(emulator.pushes()).toHaveLength(60);
		expect(emulator.duplicates()).toEqual([]);
	}, 30000);

	it("OneAll's long Retry-After holds for every execution of that site and credential, not for another site or a changed credential", async () => {
		const credentials = emulatorCredentials(emulator);
		emulator.addFault({ type: 'rateLimit', path: '/push/', retryAfter: 3600 });
		const blocked = await run(credentials, 'Blocked');
		expect(blocked.error?.message).toMatch(/asked to wait 3600 s/);
		expect(emulator.requests).toHaveLength(1);

		// Another execution with the same credential: refused before anything is sent.
		const next = await run(credentials, 'Next');
		expect(`${next.error?.message} ${next.error?.description}`).toMatch(/3600 s/);
		expect(emulator.requests).toHaveLength(1);

		// The other site of the emulator, and the same n8n credential pointed at another base URL of the
		// same site (a changed credential): each has a pace of its own at once.
		const otherSite = emulatorCredentials(emulator, { ...OTHER_SITE, apiBaseUrl: emulator.siteUrl(OTHER_SITE.subdomain) });
		const changed = emulatorCredentials(emulator, { apiBaseUrl: emulator.siteUrl(DEFAULT_SITE.subdomain) });
		const [onOtherSite, afterChange] = await Promise.all([
			runOneAll({ credentials: otherSite, parameters: { resource: 'customApiCall', operation: 'call', method: 'GET', path: '/connections.json' } }),
			run(changed, 'After the change'),
		]);
		expect(onOtherSite.error).toBeUndefined();
		expect(afterChange.error).toBeUndefined();
		expect(emulator.pushes().map((p) => p.body.request.push.pin.title)).toEqual(['After the change']);
	});
});
