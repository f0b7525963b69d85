import {
	MAX_DELAY_MS,
	MAX_TIMEOUT_MS,
	mayRetryNetworkError,
	mayRetryStatus,
	RATE_LIMIT_BUDGET_MS,
	rateLimitWaitMs,
	requestedWaitMs,
	retryDelayMs,
	timeoutFor,
	waitTooLong,
	withinRateLimitBudget,
} from '../../nodes/OneAll/transport/retryPolicy';

const NOW = Date.parse('2026-01-01T00:00:00Z');

describe('retry policy', () => {
	it('re-sends a push only after a 429 or a connection that never reached OneAll', () => {
		expect([400, 401, 404, 409, 429, 500, 502, 503, 504].filter((s) => mayRetryStatus('write', s))).toEqual([429]);
		expect([400, 429, 500, 502, 503, 504].filter((s) => mayRetryStatus('read', s))).toEqual([429, 502, 503]);
		const codes = ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ECONNRESET', 'ETIMEDOUT', 'ECONNABORTED', undefined];
		expect(codes.filter((c) => mayRetryNetworkError('write', c))).toEqual(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN']);
		expect(codes.filter((c) => mayRetryNetworkError('read', c))).toEqual(codes.slice(0, 6));
	});

	it('reads Retry-After as seconds or an HTTP date, uncapped; anything else is no request', () => {
		expect(requestedWaitMs('3', NOW)).toBe(3000);
		expect(requestedWaitMs(3600, NOW)).toBe(3_600_000);
		expect(requestedWaitMs(['2'], NOW)).toBe(2000);
		expect(requestedWaitMs(new Date(NOW + 90_000).toUTCString(), NOW)).toBe(90_000);
		expect(requestedWaitMs(new Date(NOW - 5000).toUTCString(), NOW)).toBe(0);
		for (const none of [undefined, null, '', ' ', 'soon', '-1', {}]) expect(requestedWaitMs(none, NOW)).toBeUndefined();
	});

	it('waits at most 60 s; a longer request is "too long" (fail at once)', () => {
		expect(retryDelayMs(1, '3600', NOW)).toBe(MAX_DELAY_MS);
		expect(retryDelayMs(1, '60', NOW)).toBe(60_000);
		expect(waitTooLong('60', NOW)).toBe(false);
		expect(waitTooLong('61', NOW)).toBe(true);
		expect(waitTooLong(new Date(NOW + 3_600_000).toUTCString(), NOW)).toBe(true);
		expect(waitTooLong(undefined, NOW)).toBe(false);
	});

	it('backs off 1, 2, 4, 8 s without Retry-After', () => {
		expect([1, 2, 3, 4].map((attempt) => retryDelayMs(attempt, undefined, NOW))).toEqual([1000, 2000, 4000, 8000]);
		expect(retryDelayMs(10, undefined, NOW)).toBe(MAX_DELAY_MS);
	});

	it('bounds Timeout to 10 minutes; 0, negative or not a number means the default for the kind', () => {
		expect(timeoutFor('read', undefined)).toBe(30_000);
		expect(timeoutFor('write', 0)).toBe(120_000);
		expect(timeoutFor('write', -5)).toBe(120_000);
		expect(timeoutFor('read', Number.NaN)).toBe(30_000);
		expect(timeoutFor('write', 3000)).toBe(3000);
		expect(timeoutFor('write', 3_000_000_000)).toBe(MAX_TIMEOUT_MS);
		expect(timeoutFor('write', Number.POSITIVE_INFINITY)).toBe(120_000);
		expect(MAX_TIMEOUT_MS).toBeLessThan(2 ** 31);
	});

	it('a 429 waits Retry-After (else 1, 2, 4 s…) stretched by up to a fifth at random, never past 60 s', () => {
		const low = () => 0;
		const high = () => 0.999_999;
		expect(rateLimitWaitMs(1, '1', low, NOW)).toBe(1000);
		expect(rateLimitWaitMs(1, '1', high, NOW)).toBe(1200);
		expect(rateLimitWaitMs(5, '1', high, NOW)).toBe(1200); // Retry-After, not the back-off, decides
		expect([1, 2, 3].map((refusal) => rateLimitWaitMs(refusal, undefined, low, NOW))).toEqual([1000, 2000, 4000]);
		expect(rateLimitWaitMs(1, '0', high, NOW)).toBe(0);
		expect(rateLimitWaitMs(1, '55', high, NOW)).toBe(MAX_DELAY_MS);
		const spread = new Set(Array.from({ length: 50 }, () => rateLimitWaitMs(1, '1', Math.random, NOW)));
		expect(spread.size).toBeGreaterThan(10); // really at random: executions refused together come back apart
		for (const wait of spread) expect(wait >= 1000 && wait <= 1200).toBe(true);
	});

	it('429s are retried while the next attempt starts within 60 s of the first refused one', () => {
		expect(RATE_LIMIT_BUDGET_MS).toBe(60_000);
		expect(withinRateLimitBudget(0, 1000)).toBe(true);
		expect(withinRateLimitBudget(59_000, 1000)).toBe(true);
		expect(withinRateLimitBudget(59_001, 1000)).toBe(false);
		// Back-off without Retry-After: 1 + 2 + 4 + 8 + 16 = 31 s, and 32 s more would pass 60 s.
		expect(withinRateLimitBudget(31_000, 16_000)).toBe(true);
		expect(withinRateLimitBudget(31_000, 32_000)).toBe(false);
	});
});
