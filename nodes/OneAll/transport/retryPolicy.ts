/**
 * When may a request be sent again? Reads are idempotent; a push that may already be live must never
 * be re-sent (duplicate posts), so writes retry only when OneAll provably did not process them.
 */

export type RequestKind = 'read' | 'write';

/** Statuses after which a read may be re-sent. */
const READ_RETRY_STATUSES = new Set([429, 502, 503]);

/** Network failures that happen before the request reaches the server. */
const NOT_SENT_ERROR_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN']);

export const MAX_ATTEMPTS = 5;
const BASE_DELAY_MS = 1000;
export const MAX_DELAY_MS = 60_000;

export function mayRetryStatus(kind: RequestKind, status: number): boolean {
	if (status === 429) return true; // OneAll rejects over-limit requests before executing them
	return kind === 'read' && READ_RETRY_STATUSES.has(status);
}

export function mayRetryNetworkError(kind: RequestKind, code: string | undefined): boolean {
	if (code === undefined) return false;
	if (NOT_SENT_ERROR_CODES.has(code)) return true;
	// A reset or timeout may come after OneAll executed the push.
	return kind === 'read' && (code === 'ECONNRESET' || code === 'ETIMEDOUT' || code === 'ECONNABORTED');
}

/** `Retry-After` in seconds or as an HTTP date; otherwise exponential back-off. Capped. */
export function retryDelayMs(attempt: number, retryAfter: unknown, now = Date.now()): number {
	const header = Array.isArray(retryAfter) ? retryAfter[0] : retryAfter;
	if (typeof header === 'string' || typeof header === 'number') {
		const seconds = Number(header);
		if (Number.isFinite(seconds) && seconds >= 0) return Math.min(seconds * 1000, MAX_DELAY_MS);
		const date = Date.parse(String(header));
		if (Number.isFinite(date)) return Math.min(Math.max(date - now, 0), MAX_DELAY_MS);
	}
	return Math.min(BASE_DELAY_MS * 2 ** (attempt - 1), MAX_DELAY_MS);
}
