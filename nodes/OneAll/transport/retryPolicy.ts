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

/** The wait `Retry-After` asks for (seconds or an HTTP date), uncapped; undefined without a valid one. */
export function requestedWaitMs(retryAfter: unknown, now = Date.now()): number | undefined {
	const header = Array.isArray(retryAfter) ? retryAfter[0] : retryAfter;
	if (typeof header === 'string' || typeof header === 'number') {
		if (String(header).trim() === '') return undefined;
		const seconds = Number(header);
		if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
		// An HTTP date names its weekday and month; "-1" would otherwise parse as the year -1.
		const date = /[a-z]/i.test(String(header)) ? Date.parse(String(header)) : Number.NaN;
		if (Number.isFinite(date)) return Math.max(date - now, 0);
	}
	return undefined;
}

/** True when OneAll asks for a longer pause than the node is willing to wait: fail at once instead. */
export function waitTooLong(retryAfter: unknown, now = Date.now()): boolean {
	const requested = requestedWaitMs(retryAfter, now);
	return requested !== undefined && requested > MAX_DELAY_MS;
}

/** `Retry-After` in seconds or as an HTTP date; otherwise exponential back-off. Capped. */
export function retryDelayMs(attempt: number, retryAfter: unknown, now = Date.now()): number {
	const requested = requestedWaitMs(retryAfter, now);
	if (requested !== undefined) return Math.min(requested, MAX_DELAY_MS);
	return Math.min(BASE_DELAY_MS * 2 ** (attempt - 1), MAX_DELAY_MS);
}

export const READ_TIMEOUT_MS = 30_000;
// Pushes make OneAll fetch the media and talk to the network: give them time.
export const WRITE_TIMEOUT_MS = 120_000;
/** Upper bound of the Timeout option (and far below the 2^31 ms that timers overflow at). */
export const MAX_TIMEOUT_MS = 600_000;

/** The deadline of one request: the option when set (at most 10 min), else the default for its kind. */
export function timeoutFor(kind: RequestKind, timeoutMs: number | undefined): number {
	if (timeoutMs === undefined || !Number.isFinite(timeoutMs) || timeoutMs <= 0) {
		return kind === 'read' ? READ_TIMEOUT_MS : WRITE_TIMEOUT_MS;
	}
	return Math.min(Math.max(Math.round(timeoutMs), 1), MAX_TIMEOUT_MS);
}
