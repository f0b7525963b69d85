import type { IHttpRequestOptions } from 'n8n-workflow';

/** Thrown when the whole request (connect, headers and body) took longer than its Timeout. */
export class DeadlineExceededError extends Error {
	constructor(readonly timeoutMs: number) {
		super(`No complete answer within ${Math.round(timeoutMs / 100) / 10} s`);
		this.name = 'DeadlineExceededError';
	}
}

/**
 * Gives `options` an abort signal that fires `timeoutMs` after now, for the whole request. The HTTP
 * client's own `timeout` only counts idle time, so a server sending a byte a second never trips it.
 * n8n overwrites `abortSignal` with the execution's cancel signal before sending: the property keeps
 * both (whichever fires first aborts the request).
 */
export function withDeadline(options: IHttpRequestOptions, timeoutMs: number): AbortSignal {
	const deadline = AbortSignal.timeout(timeoutMs);
	let combined: AbortSignal = deadline;
	Object.defineProperty(options, 'abortSignal', {
		configurable: true,
		enumerable: true,
		get: () => combined,
		set: (cancel: AbortSignal | undefined) => {
			combined = cancel ? AbortSignal.any([deadline, cancel]) : deadline;
		},
	});
	return deadline;
}

/**
 * Settles like `request`, or rejects with DeadlineExceededError when `deadline` fires first (in case
 * the client does not honour the signal, the node still returns on time).
 */
export async function raceDeadline<T>(request: Promise<T>, deadline: AbortSignal, timeoutMs: number): Promise<T> {
	if (deadline.aborted) throw new DeadlineExceededError(timeoutMs);
	let onAbort: (() => void) | undefined;
	const expired = new Promise<never>((_resolve, reject) => {
		onAbort = () => reject(new DeadlineExceededError(timeoutMs));
		deadline.addEventListener('abort', onAbort, { once: true });
	});
	try {
		return await Promise.race([request, expired]);
	} catch (error) {
		if (deadline.aborted) throw new DeadlineExceededError(timeoutMs);
		throw error;
	} finally {
		if (onAbort) deadline.removeEventListener('abort', onAbort);
		request.catch(() => undefined); // a late failure of the abandoned request is not unhandled
	}
}
