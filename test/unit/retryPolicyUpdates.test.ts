import {
	deletedBeforeLostAnswer,
	mayHaveExecuted,
	mayRetryNetworkError,
	mayRetryStatus,
	timeoutFor,
} from '../../nodes/OneAll/transport/retryPolicy';

const STATUSES = [400, 404, 429, 500, 502, 503, 504];
const CODES = ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ECONNRESET', 'ETIMEDOUT', 'ECONNABORTED', undefined];

describe('retry policy of updates and deletes (README "Retries")', () => {
	it.each(['update', 'delete'] as const)('%s: re-sent after a lost answer like a read', (kind) => {
		expect(STATUSES.filter((s) => mayRetryStatus(kind, s))).toEqual(STATUSES.filter((s) => mayRetryStatus('read', s)));
		expect(CODES.filter((c) => mayRetryNetworkError(kind, c))).toEqual(CODES.filter((c) => mayRetryNetworkError('read', c)));
		expect(timeoutFor(kind, undefined)).toBe(timeoutFor('write', undefined));
	});

	it('an attempt may have executed after a 5xx, a reset or a timeout; not after a 429 or a refused connection', () => {
		// 22 #12: only a lost answer (gateway 502/504, reset, timeout) may hide an executed delete; a 503 is OneAll's own "not processed".
		expect(STATUSES.filter((status) => mayHaveExecuted({ status }))).toEqual([502, 504]);
		expect(CODES.filter((code) => mayHaveExecuted({ code }))).toEqual(['ECONNRESET', 'ETIMEDOUT', 'ECONNABORTED']);
	});

	it('only a delete answered 404 after an attempt that may have executed counts as deleted', () => {
		expect(deletedBeforeLostAnswer('delete', 404, true)).toBe(true);
		expect(deletedBeforeLostAnswer('delete', 404, false)).toBe(false);
		expect(deletedBeforeLostAnswer('delete', 410, true)).toBe(false);
		expect(deletedBeforeLostAnswer('update', 404, true)).toBe(false);
		expect(deletedBeforeLostAnswer('write', 404, true)).toBe(false);
	});
});
