/**
 * When may a request be sent again? Reads are idempotent; a push that may already be live must never
 * be re-sent (duplicate posts), so writes retry only when OneAll provably did not process them.
 * Updates (a PUT replacing fields) and deletes are idempotent too: re-sending one after a lost answer
 * gives the same result, so they retry like reads; a delete whose earlier answer was lost and that then
 * answers 404 has done its job (see deletedBeforeLostAnswer).
 */

export type RequestKind = 'read' | 'write' | 'update' | 'delete';

/** Kinds that may be re-sent after an answer was lost (same request, same result). */
const IDEMPOTENT_KINDS = new Set<RequestKind>(['read', 'update', 'delete']);

/** Statuses after which a read may be re-sent. */
const READ_RETRY_STATUSES = new Set([429, 502, 503]);

/** Network failures that happen before the request reaches the server. */
const NOT_SENT_ERROR_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN']);

export const MAX_ATTEMPTS = 5;
const BASE_DELAY_MS = 1000;
export const MAX_DELAY_MS = 60_000;

export function mayRetryStatus(kind: RequestKind, status: number): boolean {
	if (status === 429) return true; // OneAll rejects over-limit requests before executing them
	return IDEMPOTENT_KINDS.has(kind) && READ_RETRY_STATUSES.has(status);
}

export function mayRetryNetworkError(kind: RequestKind, code: string | undefined): boolean {
	if (code === undefined) return false;
	if (NOT_SENT_ERROR_CODES.has(code)) return true;
	// A reset or timeout may come after OneAll executed the push.
	return IDEMPOTENT_KINDS.has(kind) && (code === 'ECONNRESET' || code === 'ETIMEDOUT' || code === 'ECONNABORTED');
}

/** Whether a failed attempt may have reached OneAll and been executed (its answer lost on the way back). */
export function mayHaveExecuted(failure: { status?: number; code?: string }): boolean {
	if (failure.status !== undefined) return failure.status >= 500;
	return failure.code !== undefined && !NOT_SENT_ERROR_CODES.has(failure.code);
}

/** A delete answered 404 after an earlier attempt may have executed: that attempt deleted the object. */
export function deletedBeforeLostAnswer(kind: RequestKind, status: number, earlierMayHaveExecuted: boolean): boolean {
	return kind === 'delete' && status === 404 && earlierMayHaveExecuted;
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
