import { sleep } from 'n8n-workflow';

import { MAX_BLOCK_MS, RateLimitBlockedError, RequestPacer, type PacerClock } from '../../nodes/OneAll/transport/pacer';

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

	it('with the real clock, Max Requests per Second really waits', async () => {
		const pacer = new RequestPacer(20);
		const started = Date.now();
		for (let i = 0; i < 5; i++) await pacer.waitTurn();
		expect(Date.now() - started).toBeGreaterThanOrEqual(200); // 4 gaps of 52.5 ms
	});

	it('the first 429 drops the pace to what OneAll accepted in the last second', () => {
		const clock = virtualClock();
		const pacer = new RequestPacer(0, clock);
		for (let i = 0; i < 4; i++) pacer.accepted();
		pacer.rateLimited(1000, clock.now());
		expect(pacer.paceMs).toBeCloseTo(262.5);
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
		expect(pacer.paceMs).toBeCloseTo(262.5);
		pacer.rateLimited(1000, 1050); // sent at the lower pace and still refused
		expect(pacer.paceMs).toBeCloseTo(262.5 * 1.25);
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
		pacer.rateLimited(1000, 0); // nothing accepted: 1050 ms
		const paces = [pacer.paceMs];
		for (let i = 1; i <= 12; i++) {
			clock.t = i * 100;
			pacer.rateLimited(1000, clock.t); // each one sent after the last slow-down
			paces.push(pacer.paceMs);
		}
		expect(paces[1]).toBeCloseTo(1050 * 1.25);
		expect(paces[2]).toBeCloseTo(1050 * 1.25 ** 2);
		expect(paces.at(-1)).toBe(2000);
	});

	it('each calm second speeds the pace up (a quarter, a half, then doubling) back to the bound, never past it', async () => {
		const clock = virtualClock();
		const pacer = new RequestPacer(10, clock); // bound 105 ms
		pacer.accepted();
		pacer.rateLimited(1000, 0); // 1 accepted: 1050 ms; calm is judged from t = 1000
		expect(pacer.paceMs).toBeCloseTo(1050);
		const paces: number[] = [];
		for (const t of [1500, 2000, 3000, 4000, 5000, 6000, 7000]) {
			clock.t = t;
			await pacer.waitTurn();
			paces.push(Math.round(pacer.paceMs));
		}
		// 1.5 s: not yet a calm second. Then 1050 / 1.25 = 840, / 1.5 = 560, / 2 = 280, / 2 = 140, then the bound.
		expect(paces).toEqual([1050, 840, 560, 280, 140, 105, 105]);
	});

	it('without a bound, calm seconds end the pacing altogether', async () => {
		const clock = virtualClock();
		const pacer = new RequestPacer(0, clock);
		for (let i = 0; i < 10; i++) pacer.accepted();
		pacer.rateLimited(0, 0); // 105 ms
		for (let t = 1000; t <= 6000; t += 1000) {
			clock.t = t;
			await pacer.waitTurn();
		}
		expect(pacer.paceMs).toBe(0);
	});

	it('a 429 restarts the calm count: the next speed-up is a quarter again', async () => {
		const clock = virtualClock();
		const pacer = new RequestPacer(0, clock);
		pacer.accepted();
		pacer.rateLimited(0, 0); // 1050 ms
		for (const t of [1000, 2000]) {
			clock.t = t;
			await pacer.waitTurn();
		}
		expect(pacer.paceMs).toBeCloseTo(1050 / 1.25 / 1.5); // 560
		pacer.rateLimited(0, 2000); // sent after the last slow-down: 560 x 1.25 = 700
		expect(pacer.paceMs).toBeCloseTo(700);
		clock.t = 2999;
		await pacer.waitTurn();
		expect(pacer.paceMs).toBeCloseTo(700);
		clock.t = 3000;
		await pacer.waitTurn();
		// Nothing accepted in the last second: the refused pace counts as up to a quarter slower (700),
		// so a calm second probes 1 % past it, not back to 560.
		expect(pacer.paceMs).toBeCloseTo(700 / 1.01);
	});

	it('refused while paced: calm seconds return to 1 % under that pace, then probe past it by 1 %, 2 %, 4 %', async () => {
		const clock = virtualClock();
		const pacer = new RequestPacer(0, clock);
		for (let i = 0; i < 20; i++) pacer.accepted();
		pacer.rateLimited(0, 0); // unpaced: from what was accepted, 52.5 ms
		clock.t = 100;
		pacer.rateLimited(0, 100); // refused at 52.5 ms: 65.6 ms
		const paces: number[] = [];
		for (let t = 1100; t <= 5100; t += 1000) {
			clock.t = t;
			await pacer.waitTurn();
			paces.push(Number(pacer.paceMs.toFixed(1)));
		}
		const under = 52.5 * 1.01;
		expect(paces).toEqual([under, under / 1.01, under / 1.01 / 1.02, under / 1.01 / 1.02 / 1.04, under / 1.01 / 1.02 / 1.04 / 1.08].map((p) => Number(p.toFixed(1))));
	});

	/** A pace refused at 52.5 ms with 20 accepted in the second, now calm at just under it (53 ms). */
	async function pacerJustUnderALimit() {
		const clock = virtualClock();
		const pacer = new RequestPacer(0, clock);
		const refuse = () => {
			for (let i = 0; i < 20; i++) pacer.accepted(); // OneAll's second was full: 20 accepted
			pacer.rateLimited(0, clock.t);
		};
		refuse(); // unpaced: 52.5 ms
		clock.t += 100;
		refuse(); // refused at 52.5 ms: a fifth slower
		/** The pace after each of the next `seconds` calm seconds. */
		const calmSeconds = async (seconds: number) => {
			const paces: number[] = [];
			for (let i = 0; i < seconds; i++) {
				clock.t += 1000;
				await pacer.waitTurn();
				paces.push(Number(pacer.paceMs.toFixed(1)));
			}
			return paces;
		};
		await calmSeconds(1);
		expect(pacer.paceMs).toBeCloseTo(52.5 * 1.01);
		return { clock, pacer, refuse, calmSeconds };
	}

	it('a probe that overshoots goes back to the pace that held before it; the next probes wait 1, 2, then 4 more calm seconds', async () => {
		const { pacer, refuse, calmSeconds } = await pacerJustUnderALimit();
		const under = Number((52.5 * 1.01).toFixed(1));
		const probe = Number((52.5 * 1.01 / 1.01).toFixed(1));
		expect(await calmSeconds(1)).toEqual([probe]);
		for (const wait of [1, 2, 4, 4]) {
			refuse(); // the probe overshot
			expect(pacer.paceMs).toBeCloseTo(52.5 * 1.01, 1); // back to what held, not slower
			// `wait` calm seconds just under the limit, then the next probe.
			expect(await calmSeconds(wait + 1)).toEqual([...Array(wait).fill(under), probe]);
		}
	});

	it('refused at the pace just under an earlier refusal: a tenth slower, not a fifth; a pace never refused before: a fifth', async () => {
		const { clock, pacer, refuse } = await pacerJustUnderALimit();
		refuse(); // no probe yet: timing jitter at the limit, or another execution's share
		expect(pacer.paceMs).toBeCloseTo(52.5 * 1.01 * 1.1);
		clock.t += 100;
		refuse(); // that pace was never refused before
		expect(pacer.paceMs).toBeCloseTo(52.5 * 1.01 * 1.1 * 1.25);
	});

	describe('timer lateness', () => {
		/** When each of 21 turns really started, by the test's clock. */
		const actualStarts = async (pacer: RequestPacer, clock: { t: number }) => {
			const starts: number[] = [];
			await Promise.all(
				Array.from({ length: 21 }, async () => {
					await pacer.waitTurn();
					starts.push(clock.t);
				}),
			);
			return starts;
		};
		/** A clock on which every timer fires `lateMs` late. */
		const lateClock = (lateMs: number) => {
			const clock = virtualClock();
			const late: PacerClock = {
				now: clock.now,
				sleep: async (ms) => {
					await sleep(0); // a macrotask: the turns already let go read the clock first
					clock.t += ms + lateMs;
				},
			};
			return { clock, late };
		};
		/** A pace learnt from a 429 with 20 accepted in the second: 52.5 ms, calm judged only after 5 s. */
		const learnt = (clock: PacerClock) => {
			const pacer = new RequestPacer(0, clock, true);
			for (let i = 0; i < 20; i++) pacer.accepted();
			pacer.rateLimited(5000, 0);
			return pacer;
		};

		it('on a learnt pace, turns let go up to 3 ms late count from when they were due: lateness does not add up', async () => {
			const slightly = lateClock(2);
			const starts = await actualStarts(learnt(slightly.late), slightly.clock);
			expect(starts[20] - starts[0]).toBeCloseTo(20 * 52.5); // not 20 × 54.5
			expect(Math.min(...gaps(starts))).toBeGreaterThanOrEqual(52);
			// Much later (a busy process): counted from when they went, so never closer than the pace.
			const very = lateClock(20);
			const late = await actualStarts(learnt(very.late), very.clock);
			expect(late[20] - late[0]).toBeCloseTo(20 * (52.5 + 20));
		});

		it('a bound (Max Requests per Second) counts from when turns went: lateness only widens its margin', async () => {
			const { clock, late } = lateClock(2);
			const starts = await actualStarts(new RequestPacer(20, late), clock);
			expect(starts[20] - starts[0]).toBeCloseTo(20 * (52.5 + 2));
		});
	});

	it('requests already waiting get a faster pace as soon as it comes (turns are not booked ahead)', async () => {
		const clock = virtualClock();
		const pacer = new RequestPacer(0, clock);
		pacer.accepted();
		pacer.accepted();
		pacer.rateLimited(0, 0); // 2 accepted: 525 ms, calm from t = 0
		const times = await startTimes(pacer, 6);
		// The first waits until the two accepted at 0 leave OneAll's second (1000). Calm seconds: at 1000
		// 525 / 1.25 = 420 ms; at 2260 525 / 1.25 / 1.5 = 280 ms, for the turns computed from then on.
		expect(times).toEqual([1000, 1420, 1840, 2260, 2540, 2820]);
		expect(gaps(times)).toEqual([420, 420, 420, 280, 280]);
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

	it('an absurd Retry-After (10^10 s) blocks for an hour at most, then one request asks again', async () => {
		const clock = virtualClock();
		const pacer = new RequestPacer(0, clock);
		pacer.blockFor(1e13);
		clock.t = MAX_BLOCK_MS - 1;
		await expect(pacer.waitTurn()).rejects.toMatchObject({ retryAfterMs: 1e13 });
		clock.t = MAX_BLOCK_MS;
		await expect(pacer.waitTurn()).resolves.toBe(MAX_BLOCK_MS);
		expect(MAX_BLOCK_MS).toBe(3_600_000);
	});
});
