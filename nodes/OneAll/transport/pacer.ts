import { sleep } from 'n8n-workflow';

const WINDOW_MS = 1000;

/**
 * OneAll asked for a longer pause than the node waits: every later request of the execution fails at
 * once with this, instead of being sent into the block.
 */
export class RateLimitBlockedError extends Error {
	constructor(readonly retryAfterMs: number) {
		super(`OneAll asked to wait ${Math.ceil(retryAfterMs / 1000)} s before the next request`);
		this.name = 'RateLimitBlockedError';
	}
}
// Pace a little under the rate OneAll accepted, so a sliding one-second window is not hit again.
const SAFETY = 1.05;

/**
 * Spaces the requests of one node execution. Created per execution and passed along (never module
 * state), so it is safe in queue mode. On a 429 everyone waits for Retry-After and the pace drops to the
 * rate OneAll accepted during the last second.
 */
export class RequestPacer {
	private intervalMs: number;

	private nextStartAt = 0;

	private pausedUntil = 0;

	private readonly acceptedAt: number[] = [];

	private block: { until: number; retryAfterMs: number } | undefined;

	constructor(maxRequestsPerSecond = 0) {
		// Timing jitter between this turn and the wire would otherwise overflow a limit paced exactly.
		this.intervalMs = maxRequestsPerSecond > 0 ? (1000 / maxRequestsPerSecond) * SAFETY : 0;
	}

	/** Resolves when this request may start; throws RateLimitBlockedError while OneAll's long pause lasts. */
	async waitTurn(): Promise<void> {
		this.throwIfBlocked();
		const now = Date.now();
		const startAt = Math.max(now, this.nextStartAt, this.pausedUntil);
		this.nextStartAt = startAt + this.intervalMs;
		if (startAt > now) await sleep(startAt - now);
		this.throwIfBlocked(); // the block may have come while this request waited
	}

	/** OneAll asked for a pause longer than the node waits: nothing more is sent until it is over. */
	blockFor(retryAfterMs: number): void {
		const until = Date.now() + retryAfterMs;
		if (!this.block || until > this.block.until) this.block = { until, retryAfterMs };
	}

	private throwIfBlocked(): void {
		if (this.block && Date.now() < this.block.until) throw new RateLimitBlockedError(this.block.retryAfterMs);
	}

	accepted(): void {
		const now = Date.now();
		this.acceptedAt.push(now);
		while (this.acceptedAt.length > 0 && this.acceptedAt[0] < now - WINDOW_MS) this.acceptedAt.shift();
	}

	rateLimited(retryAfterMs: number): void {
		const now = Date.now();
		this.pausedUntil = Math.max(this.pausedUntil, now + retryAfterMs);
		const acceptedLastSecond = this.acceptedAt.filter((at) => at >= now - WINDOW_MS).length;
		const observedInterval = (WINDOW_MS / Math.max(1, acceptedLastSecond)) * SAFETY;
		this.intervalMs = Math.max(this.intervalMs, observedInterval);
	}

	/** Current spacing between request starts (for tests and hints). */
	get paceMs(): number {
		return this.intervalMs;
	}
}
