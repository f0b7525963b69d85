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

/**
 * Gateway answers: the proxy in front of OneAll lost OneAll's own answer (502 Bad Gateway, 504 Gateway
 * Timeout). Other statuses are OneAll's own word: a 503 says it did not process the request.
 */
const LOST_ANSWER_STATUSES = new Set([502, 504]);

/**
 * Whether a failed attempt may have reached OneAll and been executed with its answer lost on the way
 * back (a timeout, a reset, a gateway's 502/504). Only then does a later 404 of a delete mean that this
 * attempt deleted the object; after a 503 (or any answer OneAll gave itself) a 404 stays an error.
 */
export function mayHaveExecuted(failure: { status?: number; code?: string }): boolean {
	if (failure.status !== undefined) return LOST_ANSWER_STATUSES.has(failure.status);
	return failure.code !== undefined && !NOT_SENT_ERROR_CODES.has(failure.code);
}

/** A delete answered 404 after an earlier attempt may have executed: that attempt deleted the object. */
export function deletedBeforeLostAnswer(kind: RequestKind, status: number, earlierMayHaveExecuted: boolean): boolean {
	return kind === 'delete' && status === 404 && earlierMayHaveExecuted;
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

/**
 * A request refused for the rate limit (429) was not executed, so it is sent again as long as the next
 * attempt starts within this time of the first refused one: when many executions share OneAll's
 * limit, a fixed number of attempts would fail the unlucky ones.
 */
export const RATE_LIMIT_BUDGET_MS = 60_000;
// Each wait after a 429 is stretched by up to a fifth, at random, so executions refused in the same
// second come back spread out instead of all together.
const RATE_LIMIT_JITTER = 0.2;

/** The wait before re-sending a request refused with 429 for the `refusal`-th time: Retry-After or back-off, plus jitter. */
export function rateLimitWaitMs(refusal: number, retryAfter: unknown, random: () => number = Math.random, now = Date.now()): number {
	const wait = retryDelayMs(refusal, retryAfter, now);
	return Math.min(Math.round(wait * (1 + RATE_LIMIT_JITTER * random())), MAX_DELAY_MS);
}

/** Whether an attempt `nextWaitMs` from now still starts within the budget, `elapsedMs` after the first refused one. */
export function withinRateLimitBudget(elapsedMs: number, nextWaitMs: number): boolean {
	return elapsedMs + nextWaitMs <= RATE_LIMIT_BUDGET_MS;
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
