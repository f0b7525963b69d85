import { sleep } from 'n8n-workflow';

import { RateLimitBlockedError, RequestPacer } from '../../nodes/OneAll/transport/pacer';

describe('request pacer', () => {
	it('without a bound, turns come at once', async () => {
		const pacer = new RequestPacer();
		const started = Date.now();
		for (let i = 0; i < 20; i++) await pacer.waitTurn();
		expect(Date.now() - started).toBeLessThan(50);
		expect(pacer.paceMs).toBe(0);
	});

	it('Max Requests per Second spaces turns 5% wider than the bound', async () => {
		const pacer = new RequestPacer(20);
		expect(pacer.paceMs).toBeCloseTo(52.5);
		const started = Date.now();
		for (let i = 0; i < 5; i++) await pacer.waitTurn();
		// 4 gaps of 52.5 ms after the first turn.
		expect(Date.now() - started).toBeGreaterThanOrEqual(200);
	});

	it('after a 429 the pace drops to what OneAll accepted in the last second', () => {
		const pacer = new RequestPacer();
		for (let i = 0; i < 4; i++) pacer.accepted();
		pacer.rateLimited(0);
		expect(pacer.paceMs).toBeCloseTo(262.5);
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
		await expect(pacer.waitTurn()).resolves.toBeUndefined();
	});
});
