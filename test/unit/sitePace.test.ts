import { RateLimitBlockedError, type PacerClock } from '../../nodes/OneAll/transport/pacer';
import { ExecutionPacer, SitePaces, sitePaceKey } from '../../nodes/OneAll/transport/sitePace';

function virtualClock(): PacerClock & { t: number } {
	const clock = {
		t: 0,
		now: () => clock.t,
		sleep: async (ms: number) => {
			clock.t += ms;
		},
	};
	return clock;
}

const BASE = 'https://mysite.api.oneall.com';
// The emulator's public key for the default site (test/emulator/fixtures.cjs), not a real one.
const SITE_ID = ['3f1c9a52', '7d4e', '4b8a', '9c1f', '2e6d5b7a8c90'].join('-');

describe('site pace key', () => {
	it('differs by site, n8n credential and public key, and holds none of them', () => {
		const key = sitePaceKey(BASE, 'cred-1', SITE_ID);
		expect(sitePaceKey(BASE, 'cred-1', SITE_ID)).toBe(key);
		const others = [
			sitePaceKey('https://other.api.oneall.com', 'cred-1', SITE_ID),
			sitePaceKey(BASE, 'cred-2', SITE_ID),
			sitePaceKey(BASE, 'cred-1', 'another-public-key'),
			sitePaceKey(BASE, undefined, SITE_ID),
		];
		expect(new Set([key, ...others]).size).toBe(5);
		for (const k of [key, ...others]) {
			expect(k).not.toContain('mysite');
			expect(k).not.toContain(SITE_ID.slice(0, 8));
			expect(k).toMatch(/^[\w-]{43}$/);
		}
	});
});

describe('site paces', () => {
	it('executions of the same site share one pace: a 429 seen by one spaces the next one', async () => {
		const clock = virtualClock();
		const sites = new SitePaces({ idleMs: 60_000, maxSites: 10 }, clock);
		const first = new ExecutionPacer(0, sites, clock).forSite('site-a');
		for (let i = 0; i < 4; i++) first.accepted();
		first.rateLimited(1000, await first.waitTurn());
		expect(first.paceMs).toBeCloseTo(262.5); // 4 accepted in the last second

		const second = new ExecutionPacer(0, sites, clock).forSite('site-a');
		expect(second.paceMs).toBeCloseTo(262.5);
		const other = new ExecutionPacer(0, sites, clock).forSite('site-b');
		expect(other.paceMs).toBe(0);
	});

	it("an execution's own bound spaces its requests; a 429 at that bound slows the site below it", async () => {
		const clock = virtualClock();
		const sites = new SitePaces({ idleMs: 60_000, maxSites: 10 }, clock);
		const bounded = new ExecutionPacer(10, sites, clock).forSite('site-a'); // 105 ms
		const times = [];
		for (let i = 0; i < 3; i++) times.push(await bounded.waitTurn());
		expect(times).toEqual([0, 105, 210]);
		for (let i = 0; i < 10; i++) bounded.accepted();
		bounded.rateLimited(0, 210);
		expect(bounded.paceMs).toBeCloseTo(105 * 1.25);
		// An execution without a bound follows the site's pace the bounded one learnt.
		expect(new ExecutionPacer(0, sites, clock).forSite('site-a').paceMs).toBeCloseTo(105 * 1.25);
	});

	it('a long Retry-After blocks the site for every execution, not another site', async () => {
		const sites = new SitePaces({ idleMs: 60_000, maxSites: 10 });
		new ExecutionPacer(0, sites).forSite('site-a').blockFor(3_600_000);
		await expect(new ExecutionPacer(0, sites).forSite('site-a').waitTurn()).rejects.toThrow(RateLimitBlockedError);
		await expect(new ExecutionPacer(0, sites).forSite('site-b').waitTurn()).resolves.toEqual(expect.any(Number));
	});

	it('an unknown site is paced within the execution only', () => {
		const sites = new SitePaces({ idleMs: 60_000, maxSites: 10 });
		const execution = new ExecutionPacer(0, sites);
		execution.forSite(undefined).rateLimited(1000, 0);
		expect(execution.forSite(undefined).paceMs).toBeGreaterThan(0);
		expect(new ExecutionPacer(0, sites).forSite(undefined).paceMs).toBe(0);
		expect(sites.size).toBe(0);
	});

	it('remembers at most maxSites, the least recently used one goes first', () => {
		const clock = virtualClock();
		const sites = new SitePaces({ idleMs: 60_000, maxSites: 3 }, clock);
		const a = sites.get('a');
		sites.get('b');
		sites.get('c');
		expect(sites.get('a')).toBe(a); // a is now the most recently used
		sites.get('d'); // b goes
		expect(sites.size).toBe(3);
		expect(sites.get('a')).toBe(a);
		for (let i = 0; i < 1000; i++) sites.get(`site-${i}`);
		expect(sites.size).toBe(3);
	});

	it('forgets a pace after it was idle for idleMs, unless a block is still in force', async () => {
		const clock = virtualClock();
		const sites = new SitePaces({ idleMs: 60_000, maxSites: 10 }, clock);
		const slowed = sites.get('a');
		slowed.rateLimited(1000, 0);
		const blocked = sites.get('b');
		blocked.blockFor(3_600_000);
		clock.t = 30_000;
		expect(sites.get('a')).toBe(slowed);
		clock.t = 100_000;
		expect(sites.get('a')).not.toBe(slowed);
		expect(sites.get('a').paceMs).toBe(0);
		expect(sites.get('b')).toBe(blocked);
		// Idle entries are dropped when another site is looked up too (a is idle again).
		clock.t = 200_000;
		sites.get('d');
		expect(sites.size).toBe(2); // b (blocked) and d
	});
});
