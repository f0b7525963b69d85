import { sleep } from 'n8n-workflow';

import { RateLimitBlockedError, RequestPacer, type PacerClock } from '../../nodes/OneAll/transport/pacer';

/** A clock that only moves when the pacer sleeps (or the test says so). */
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

/** Starts `count` turns at once and returns when each one was let go. */
async function startTimes(pacer: RequestPacer, count: number): Promise<number[]> {
	return await Promise.all(Array.from({ length: count }, async () => await pacer.waitTurn()));
}

const gaps = (times: number[]) => times.slice(1).map((t, i) => Math.round(t - times[i]));

/**
 * A pace OneAll refused at 50.5 ms while accepting its full rate (20 in the last second): refused pace
 * 50.5 ms, pace a fifth slower (63.1 ms), calm from t = 100.
 */
function refusedAt50(clock: PacerClock & { t: number }): RequestPacer {
	const pacer = new RequestPacer(0, clock);
	for (let i = 0; i < 20; i++) pacer.accepted();
	pacer.rateLimited(0, 0); // unpaced: 1 % under what was accepted, 50.5 ms
	clock.t = 100;
	pacer.rateLimited(0, 100); // refused at that pace: it is the refused pace now
	return pacer;
}

describe('request pacer', () => {
	it('without a bound, turns come at once', async () => {
		const clock = virtualClock();
		const pacer = new RequestPacer(0, clock);
		expect(await startTimes(pacer, 20)).toEqual(Array(20).fill(0));
		expect(pacer.paceMs).toBe(0);
	});

	it("a site's pace (rampUp) starts at most 10 in a second, or twice what OneAll accepted in the last second", async () => {
		const clock = virtualClock();
		const pacer = new RequestPacer(0, clock, true);
		const times = await startTimes(pacer, 12);
		expect(times.slice(0, 10)).toEqual(Array(10).fill(0));
		// Nothing was accepted: the 11th waits until the first start leaves the second.
		expect(times[10]).toBeGreaterThanOrEqual(1000);
		expect(times[10]).toBeLessThanOrEqual(1020);

		const answered = new RequestPacer(0, virtualClock(), true);
		await startTimes(answered, 10);
		for (let i = 0; i < 8; i++) answered.accepted(); // 8 answers: up to 16 starts in the second
		expect(await startTimes(answered, 6)).toEqual(Array(6).fill(0));
	});

	it('Max Requests per Second spaces turns 5% wider than the bound', async () => {
		const pacer = new RequestPacer(20, virtualClock());
		expect(pacer.paceMs).toBeCloseTo(52.5);
		const times = await startTimes(pacer, 5);
		[0, 52.5, 105, 157.5, 210].forEach((expected, i) => expect(times[i]).toBeCloseTo(expected));
	});

	it('a timer firing up to 3 ms late does not make the pace drift; later than that, turns count from when they came', async () => {
		const lateBy = (ms: number) => {
			const clock = virtualClock();
			clock.sleep = async (wait: number) => {
				clock.t += wait + ms;
			};
			return clock;
		};
		const slightly = lateBy(2);
		await startTimes(new RequestPacer(20, slightly), 5);
		expect(slightly.t).toBeCloseTo(4 * 52.5 + 2); // due at 210, fired 2 ms late
		const stalled = lateBy(10);
		await startTimes(new RequestPacer(20, stalled), 5);
		expect(stalled.t).toBeCloseTo(4 * (52.5 + 10)); // never sent together to catch up
	});

	it('with the real clock, Max Requests per Second really waits', async () => {
		const pacer = new RequestPacer(20);
		const started = Date.now();
		for (let i = 0; i < 5; i++) await pacer.waitTurn();
		expect(Date.now() - started).toBeGreaterThanOrEqual(200); // 4 gaps of 52.5 ms
	});

	it('the first 429 drops the pace to 1 % under what OneAll accepted in the last second', () => {
		const clock = virtualClock();
		const pacer = new RequestPacer(0, clock);
		for (let i = 0; i < 4; i++) pacer.accepted();
		pacer.rateLimited(1000, clock.now());
		expect(pacer.paceMs).toBeCloseTo(252.5);
	});

	it('429s of requests sent before the pace was lowered change nothing; a later one lowers the rate by a fifth', () => {
		const clock = virtualClock();
		const pacer = new RequestPacer(0, clock);
		clock.t = 1000;
		for (let i = 0; i < 4; i++) pacer.accepted();
		pacer.rateLimited(1000, 990);
		clock.t = 1100;
		pacer.rateLimited(1000, 995); // sent before the slow-down: same refusal
		pacer.rateLimited(1000, 1000); // sent when the pace was lowered: still the same refusal
		expect(pacer.paceMs).toBeCloseTo(252.5);
		pacer.rateLimited(1000, 1050); // sent at the lower pace and still refused
		expect(pacer.paceMs).toBeCloseTo(252.5 * 1.25);
	});

	it('a 429 at the bound of Max Requests per Second never paces faster than the bound', () => {
		const clock = virtualClock();
		const pacer = new RequestPacer(2, clock); // 525 ms
		for (let i = 0; i < 10; i++) pacer.accepted();
		pacer.rateLimited(1000, 0);
		expect(pacer.paceMs).toBeCloseTo(525 * 1.25);
	});

	it('refusals in a row slow the pace by a fifth each, never below one request per 2 s', () => {
		const clock = virtualClock();
		const pacer = new RequestPacer(0, clock);
		pacer.rateLimited(1000, 0); // nothing accepted: 1010 ms
		const paces = [pacer.paceMs];
		for (let i = 1; i <= 12; i++) {
			clock.t = i * 100;
			pacer.rateLimited(1000, clock.t); // each one sent after the last slow-down
			paces.push(pacer.paceMs);
		}
		expect(paces[1]).toBeCloseTo(1010 * 1.25);
		expect(paces[2]).toBeCloseTo(1010 * 1.25 ** 2);
		expect(paces.at(-1)).toBe(2000);
	});

	it('each calm second speeds the pace up (a quarter, a half, then doubling) back to the bound, never past it', async () => {
		const clock = virtualClock();
		const pacer = new RequestPacer(10, clock); // bound 105 ms
		pacer.accepted();
		pacer.rateLimited(1000, 0); // 1 accepted: 1010 ms; calm is judged from t = 1000
		expect(pacer.paceMs).toBeCloseTo(1010);
		const paces: number[] = [];
		for (const t of [1500, 2000, 3000, 4000, 5000, 6000, 7000]) {
			clock.t = t;
			await pacer.waitTurn();
			paces.push(Math.round(pacer.paceMs));
		}
		// 1.5 s: not yet a calm second. Then 1010 / 1.25 = 808, / 1.5 = 539, / 2 = 269, / 2 = 135, then the bound.
		expect(paces).toEqual([1010, 808, 539, 269, 135, 105, 105]);
	});

	it('without a bound, calm seconds end the pacing altogether', async () => {
		const clock = virtualClock();
		const pacer = new RequestPacer(0, clock);
		for (let i = 0; i < 5; i++) pacer.accepted();
		pacer.rateLimited(0, 0); // 5 accepted, too few to be the limit: 202 ms, then a quarter, a half, doubling
		for (let t = 1000; t <= 7000; t += 1000) {
			clock.t = t;
			await pacer.waitTurn();
		}
		expect(pacer.paceMs).toBe(0);
	});

	it('a probe that overshoots steps straight back under the refused pace, and the next probe waits 2, 4, then 8 calm seconds', async () => {
		const clock = virtualClock();
		const pacer = refusedAt50(clock);
		const under = 50.5 * 1.01;
		const probeTimes: number[] = [];
		for (let t = 1500; t <= 30_500; t += 1000) {
			clock.t = t;
			await pacer.waitTurn(); // the first calm second brings the pace back to just under 50.5 ms
			if (pacer.paceMs < under - 0.01) {
				probeTimes.push(t);
				for (let n = 0; n < 20; n++) pacer.accepted(); // OneAll accepted 20 in that second
				pacer.rateLimited(0, t); // and refused the probe
				expect(pacer.paceMs).toBeCloseTo(under);
			}
		}
		expect(gaps(probeTimes)).toEqual([2000, 4000, 8000, 8000]);
	});

	it('a refusal at a pace that had held doubles the margin under it, up to 8 %; each 10 s without another halves it', async () => {
		const clock = virtualClock();
		const pacer = refusedAt50(clock);
		for (let i = 1; i <= 4; i++) {
			clock.t = 100 + i * 10_000; // one refusal every 10 s: each alone
			for (let n = 0; n < 20; n++) pacer.accepted(); // OneAll accepted its full rate
			pacer.rateLimited(0, clock.t); // and refused all the same: timing jitter, a wider margin (at most 8 %)
		}
		clock.t = 41_200;
		await pacer.waitTurn(); // a calm second: back to 8 % under the refused pace
		expect(pacer.paceMs).toBeCloseTo(50.5 * 1.08);
		clock.t = 50_200;
		await pacer.waitTurn(); // 10 s without another: 4 %
		expect(pacer.paceMs).toBeCloseTo(50.5 * 1.04);
		clock.t = 60_200;
		await pacer.waitTurn(); // and 2 %
		expect(pacer.paceMs).toBeCloseTo(50.5 * 1.02);
	});

	it('refusals at the full rate that come often are others taking the room (queue-mode workers): a fifth slower each', () => {
		const clock = virtualClock();
		const pacer = refusedAt50(clock);
		clock.t = 2000;
		for (let n = 0; n < 20; n++) pacer.accepted();
		pacer.rateLimited(0, 2000); // 1.9 s after the last refusal: not jitter
		expect(pacer.paceMs).toBeCloseTo(50.5 * 1.25 * 1.25);
	});

	it('refused while paced with less accepted (others share the limit): a fifth slower, then probes past it by 2 %, 4 %, 8 %', async () => {
		const clock = virtualClock();
		const pacer = new RequestPacer(0, clock);
		for (let i = 0; i < 20; i++) pacer.accepted();
		pacer.rateLimited(0, 0); // unpaced: 1 % under what was accepted, 50.5 ms
		clock.t = 1100;
		for (let i = 0; i < 15; i++) pacer.accepted(); // only 15 in the last second
		pacer.rateLimited(0, 1100); // refused at 50.5 ms: refused pace 63.1 ms (a quarter at most), 1 % under it
		const under = 50.5 * 1.25 * 1.01;
		expect(pacer.paceMs).toBeCloseTo(under);
		const paces: number[] = [];
		for (let t = 2100; t <= 5100; t += 1000) {
			clock.t = t;
			await pacer.waitTurn();
			paces.push(Number(pacer.paceMs.toFixed(1)));
		}
		expect(paces).toEqual([under / 1.02, under / 1.02 / 1.04, under / 1.02 / 1.04 / 1.08, under / 1.02 / 1.04 / 1.08 / 1.16].map((p) => Number(p.toFixed(1))));
	});

	it('requests already waiting get a faster pace as soon as it comes (turns are not booked ahead)', async () => {
		const clock = virtualClock();
		const pacer = new RequestPacer(0, clock);
		pacer.accepted();
		pacer.accepted();
		pacer.rateLimited(0, 0); // 2 accepted: 505 ms, calm from t = 0
		const times = (await startTimes(pacer, 6)).map(Math.round);
		// The first waits until the two accepted at 0 leave OneAll's second (1000). Calm seconds: at 1000
		// 505 / 1.25 = 404 ms; at 2212 505 / 1.25 / 1.5 = 269 ms, for the turns computed from then on.
		expect(times).toEqual([1000, 1404, 1808, 2212, 2481, 2751]);
		expect(gaps(times)).toEqual([404, 404, 404, 269, 270]);
	});

	it('a long Retry-After blocks every later turn with the wait OneAll asked for', async () => {
		const pacer = new RequestPacer();
		pacer.blockFor(3_600_000);
		await expect(pacer.waitTurn()).rejects.toThrow(RateLimitBlockedError);
		await expect(pacer.waitTurn()).rejects.toMatchObject({ retryAfterMs: 3_600_000 });
	});

	it('a turn that was already waiting is refused when the block comes meanwhile', async () => {
		const pacer = new RequestPacer(10); // 105 ms apart
		await pacer.waitTurn();
		const waiting = pacer.waitTurn();
		pacer.blockFor(120_000);
		await expect(waiting).rejects.toThrow(/asked to wait 120 s/);
	});

	it('a block ends when its time is over', async () => {
		const pacer = new RequestPacer();
		pacer.blockFor(30);
		await expect(pacer.waitTurn()).rejects.toThrow(RateLimitBlockedError);
		await sleep(40);
		await expect(pacer.waitTurn()).resolves.toEqual(expect.any(Number));
	});
});
