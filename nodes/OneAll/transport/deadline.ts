import type { IHttpRequestOptions } from 'n8n-workflow';

/** Thrown when the whole request (connect, headers and body) took longer than its Timeout. */
export class DeadlineExceededError extends Error {
	constructor(readonly timeoutMs: number) {
		super(`No complete answer within ${Math.round(timeoutMs / 100) / 10} s`);
		this.name = 'DeadlineExceededError';
	}
}

/** One request's deadline: `signal` fires `timeoutMs` after it was set; `release()` once the request is over. */
export interface Deadline {
	readonly signal: AbortSignal;
	readonly timeoutMs: number;
	release(): void;
}

/**
 * Gives `options` an abort signal that fires `timeoutMs` after now, for the whole request. The HTTP
 * client's own `timeout` only counts idle time, so a server sending a byte a second never trips it.
 * n8n overwrites `abortSignal` with the execution's cancel signal before sending: the property keeps
 * both (whichever fires first aborts the request).
 */
export function withDeadline(options: IHttpRequestOptions, timeoutMs: number): Deadline {
	const signal = AbortSignal.timeout(timeoutMs);
	let combined: AbortSignal = signal;
	let releaseCancel = () => {};
	Object.defineProperty(options, 'abortSignal', {
		configurable: true,
		enumerable: true,
		get: () => combined,
		set: (cancel: AbortSignal | undefined) => {
			releaseCancel();
			({ signal: combined, release: releaseCancel } = cancel ? either(signal, cancel) : { signal, release: () => {} });
		},
	});
	return { signal, timeoutMs, release: () => releaseCancel() };
}

/**
 * A signal that aborts when `deadline` or `cancel` does. Cheaper than AbortSignal.any (no weak
 * references for the garbage collector to track per request); the listener on the execution's
 * long-lived cancel signal is removed by `release`, so it does not collect one per request.
 */
function either(deadline: AbortSignal, cancel: AbortSignal): { signal: AbortSignal; release: () => void } {
	const controller = new AbortController();
	if (deadline.aborted || cancel.aborted) {
		controller.abort(deadline.aborted ? deadline.reason : cancel.reason);
		return { signal: controller.signal, release: () => {} };
	}
	const release = () => {
		deadline.removeEventListener('abort', onDeadline);
		cancel.removeEventListener('abort', onCancel);
	};
	const onDeadline = () => {
		release();
		controller.abort(deadline.reason);
	};
	const onCancel = () => {
		release();
		controller.abort(cancel.reason);
	};
	deadline.addEventListener('abort', onDeadline);
	cancel.addEventListener('abort', onCancel);
	return { signal: controller.signal, release };
}

/**
 * Settles like `request`, or rejects with DeadlineExceededError when the deadline fires first (in case
 * the client does not honour the signal, the node still returns on time). Releases the deadline either way.
 */
export async function raceDeadline<T>(request: Promise<T>, deadline: Deadline): Promise<T> {
	const { signal, timeoutMs } = deadline;
	try {
		return await new Promise<T>((resolve, reject) => {
			const expire = () => reject(new DeadlineExceededError(timeoutMs));
			if (signal.aborted) {
				expire();
				request.catch(() => undefined); // the abandoned request's failure is not unhandled
				return;
			}
			signal.addEventListener('abort', expire, { once: true });
			request.then(
				(value) => {
					signal.removeEventListener('abort', expire);
					resolve(value);
				},
				(error: unknown) => {
					signal.removeEventListener('abort', expire);
					// Aborted by the deadline: report the deadline, not the client's "canceled".
					if (signal.aborted) expire();
					else reject(error);
				},
			);
		});
	} finally {
		deadline.release();
	}
}
