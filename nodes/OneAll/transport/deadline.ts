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
	return await new Promise<T>((resolve, reject) => {
		const expire = () => reject(new DeadlineExceededError(timeoutMs));
		if (deadline.aborted) {
			expire();
			request.catch(() => undefined); // the abandoned request's failure is not unhandled
			return;
		}
		deadline.addEventListener('abort', expire, { once: true });
		request.then(
			(value) => {
				deadline.removeEventListener('abort', expire);
				resolve(value);
			},
			(error: unknown) => {
				deadline.removeEventListener('abort', expire);
				// Aborted by the deadline: report the deadline, not the client's "canceled".
				if (deadline.aborted) expire();
				else reject(error);
			},
		);
	});
}
