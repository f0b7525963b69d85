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

// Max Requests per Second paces 5 % under the bound set: that execution never hears of 429s.
const SAFETY = 1.05;
// A pace learnt from 429s keeps this far under the rate OneAll accepted (1 %: 10 ms of timing jitter in a
// one-second window at 20 requests/s). A refusal at that pace doubles the margin (timing jitter on a busy
// machine), up to 8 %; each 10 s without another halves it again.
const FIRST_MARGIN = 0.01;
const MAX_MARGIN_STEPS = 3;
const MARGIN_HOLD_MS = 10_000;
// A refusal with none in this long before it can be timing jitter; refusals closer together are other
// processes taking the room (measured: queue-mode batches, docs/queue-mode.md).
const LONE_REFUSAL_MS = 3000;
// A later refusal lowers the rate by a fifth only: executions sharing the limit then settle near their
// share instead of halving each other's pace.
const SLOW_DOWN = 1.25;
// Never slower than this: refusals in a row must not stretch the pace beyond what calm seconds undo, nor
// leave the last waiting executions idle while the limit has room again (measured: bench section (f)).
const SLOWEST_PACE_MS = 2000;
// Each second without a 429 raises the rate, by a quarter, then a half, then doubling while it stays
// calm (up to the bound set, or none): when the other executions sharing the limit finish, the last
// one left takes the whole limit back within a few seconds.
const FIRST_SPEED_UP = 0.25;
const MAX_SPEED_UP = 2;
// Once the pace was refused, calm seconds bring it back only to just under that pace (the margin), then
// probe past it by 2 %, 4 %, 8 %… per calm second, so that room freed by others is found again. A probe
// that overshoots steps straight back under the refused pace, and the next probe waits twice as many calm
// seconds (2, 4, up to 8): against a limit that does not move, a probe costs one 429 about every 10 s
// instead of every 3–5 s (measured: bench section (a)).
const FIRST_PROBE = 0.02;
const MAX_PROBE_WAIT_STEPS = 3;
// Accepted in a second this many more than the refused pace allows: the limit moved (one more is timing).
const ROOM_FOUND = 2;
// An accepted count this large is OneAll's full rate at the refused pace, not a sample of a few requests.
const TRUSTED_COUNT = 10;
// A pace shared by many executions (a site's) starts at most this many requests in a second, or twice
// what OneAll accepted in the last second if more: a hundred executions starting together ramp up
// within a few round trips instead of sending a hundred requests into an unknown limit at once.
const FIRST_STARTS = 10;
// While that cap holds, the queue looks again this often (answers raise it).
const RAMP_RECHECK_MS = 20;
// How late a timer may fire and still count the turn from when it was due (see dispatch).
const TIMER_SLACK_MS = 3;
// Spacing below this is no pacing at all (Concurrency and latency space requests more than that).
const UNPACED_BELOW_MS = 10;

/** Time as the pacer sees it; tests pass a virtual one. */
export interface PacerClock {
	now(): number;
	sleep(ms: number): Promise<void>;
}

const REAL_CLOCK: PacerClock = { now: () => Date.now(), sleep: async (ms) => await sleep(ms) };

interface Waiter {
	resolve: (startedAt: number) => void;
	reject: (error: Error) => void;
}

/**
 * Spaces requests: a 429 lowers the pace (the first time to 1 % under what OneAll accepted in the last
 * second), calm seconds raise it again to just under the refused pace, and probes past it find room freed
 * by others. Waiting requests form one queue, and each turn is computed when it comes due, so a faster pace
 * applies to the requests already waiting. One per OneAll site and credential is
 * shared by the executions of the process (sitePaces.ts); each execution also keeps one with its own
 * bound (Max Requests per Second), which never hears of 429s.
 */
export class RequestPacer {
	/** The spacing Max Requests per Second asks for (0: none); the pace never gets faster than this. */
	private readonly boundMs: number;

	private intervalMs: number;

	/** Since when the current pace has run without a 429, and how many calm seconds in a row. */
	private calmSince = 0;

	private calmSteps = 0;

	/** The spacing OneAll refused, as estimated from what it accepted (0: not known), and the probes past it since. */
	private refusedPaceMs = 0;

	private probeSteps = 0;

	/** Probes that overshot since the last one that found room: each doubles the calm wait before the next. */
	private failedProbes = 0;

	/** Doublings of the margin under the refused pace (refusals at a pace that had held), and since when. */
	private marginSteps = 0;

	private marginSince = Number.NEGATIVE_INFINITY;

	/** When the pace was last lowered: a 429 for a request sent before that tells nothing new. */
	private slowedAt = Number.NEGATIVE_INFINITY;

	private lastStartAt = Number.NEGATIVE_INFINITY;

	private readonly acceptedAt: number[] = [];

	/** Starts in the last second, kept only when starts are capped (`rampUp`). */
	private readonly startedAt: number[] = [];

	private readonly waiting: Waiter[] = [];

	private dispatching = false;

	private block: { until: number; retryAfterMs: number } | undefined;

	private readonly createdAt: number;

	/**
	 * `rampUp`: cap the starts per second by what OneAll accepted (FIRST_STARTS); for paces that hear of
	 * every answer (a site's), never for an execution's own bound, which hears of none.
	 */
	constructor(
		maxRequestsPerSecond = 0,
		private readonly clock: PacerClock = REAL_CLOCK,
		private readonly rampUp = false,
	) {
		// Timing jitter between this turn and the wire would otherwise overflow a limit paced exactly.
		this.boundMs = maxRequestsPerSecond > 0 ? (1000 / maxRequestsPerSecond) * SAFETY : 0;
		this.intervalMs = this.boundMs;
		this.createdAt = clock.now();
	}

	/**
	 * Resolves with the time the request may start (now); throws RateLimitBlockedError while OneAll's
	 * long pause lasts.
	 */
	async waitTurn(): Promise<number> {
		this.throwIfBlocked();
		const now = this.clock.now();
		this.speedUpWhenCalm(now);
		if (this.waiting.length === 0 && now >= this.lastStartAt + this.intervalMs && this.mayStart(now)) {
			this.started(now); // nobody waiting and the pace allows it: no queue
			return now;
		}
		const turn = new Promise<number>((resolve, reject) => this.waiting.push({ resolve, reject }));
		if (!this.dispatching) void this.dispatch();
		return await turn;
	}

	/**
	 * Lets the waiting requests go one at a time: the turn of the first in line is computed when it
	 * reaches the front, from the pace of that moment.
	 */
	private async dispatch(): Promise<void> {
		this.dispatching = true;
		try {
			while (this.waiting.length > 0) {
				const now = this.clock.now();
				this.speedUpWhenCalm(now);
				const startAt = this.lastStartAt + this.intervalMs;
				if (startAt > now) await this.clock.sleep(startAt - now);
				else if (!this.mayStart(now)) {
					await this.clock.sleep(RAMP_RECHECK_MS);
					continue;
				}
				const waiter = this.waiting.shift() as Waiter;
				if (this.blockedNow()) {
					waiter.reject(this.blockError());
					continue;
				}
				// A timer fires a millisecond or two late: the next turn is counted from when this one was due,
				// or a thousand turns would drift a second behind the pace. Later than that (a busy event
				// loop), from now: overdue turns are never sent together to catch up.
				const late = this.clock.now() - startAt;
				this.started(late > 0 && late <= TIMER_SLACK_MS ? startAt : Math.max(this.clock.now(), startAt));
				waiter.resolve(this.lastStartAt);
			}
		} finally {
			this.dispatching = false;
		}
	}

	private started(at: number): void {
		this.lastStartAt = at;
		if (this.rampUp) this.startedAt.push(at);
	}

	/** Under the cap of starts per second (rampUp only). */
	private mayStart(now: number): boolean {
		if (!this.rampUp) return true;
		const since = now - WINDOW_MS;
		while (this.startedAt.length > 0 && this.startedAt[0] <= since) this.startedAt.shift();
		while (this.acceptedAt.length > 0 && this.acceptedAt[0] <= since) this.acceptedAt.shift();
		return this.startedAt.length < Math.max(FIRST_STARTS, 2 * this.acceptedAt.length);
	}

	/** OneAll asked for a pause longer than the node waits: nothing more is sent until it is over. */
	blockFor(retryAfterMs: number): void {
		const until = this.clock.now() + retryAfterMs;
		if (!this.block || until > this.block.until) this.block = { until, retryAfterMs };
	}

	accepted(): void {
		const now = this.clock.now();
		this.acceptedAt.push(now);
		while (this.acceptedAt.length > 0 && this.acceptedAt[0] < now - WINDOW_MS) this.acceptedAt.shift();
	}

	/**
	 * A request that started at `sentAt` was refused with 429 and will wait `waitMs` before it is sent
	 * again: lower the pace once per refusal (the requests already on their way when the pace was
	 * lowered come back refused too, and say nothing new), and judge the new pace after that wait.
	 * `floorMs`: the spacing the refused request already kept by its own bound (Max Requests per Second
	 * of its execution); the lowered pace is slower than that.
	 */
	rateLimited(waitMs: number, sentAt: number, floorMs = 0): void {
		const now = this.clock.now();
		this.calmSince = Math.max(this.calmSince, now + waitMs);
		this.calmSteps = 0;
		if (sentAt <= this.slowedAt) return;
		const sinceLastRefusalMs = now - this.slowedAt;
		this.slowedAt = now;
		// The refused request was also spaced by its own bound (`floorMs`, a shared site pace has none).
		const bound = Math.max(this.boundMs, floorMs);
		const acceptedLastSecond = this.acceptedInLastSecond(now);
		const acceptedPaceMs = WINDOW_MS / Math.max(1, acceptedLastSecond);
		const paced = this.intervalMs > bound;
		const probing = this.probeSteps > 0;
		this.probeSteps = 0;
		let lowered: number;
		if (!paced) {
			// Refused unpaced: the accepted count only bounds the limit from below (other processes may have
			// taken the rest of OneAll's second, and leave), so calm seconds speed up again freely.
			this.refusedPaceMs = 0;
			lowered = Math.max(bound * SLOW_DOWN, acceptedPaceMs * (1 + this.margin));
		} else {
			// Refused while paced: this pace is too fast. If OneAll still accepted its full rate in the last
			// second (the count at the refused pace, less one for timing), the room is where it was.
			const fullRate = this.refusedPaceMs > 0 && acceptedLastSecond >= TRUSTED_COUNT && acceptedLastSecond + 1 >= WINDOW_MS / this.refusedPaceMs;
			if (fullRate && probing) {
				// A probe overshot: the limit is where it was. Back under it, and probe less often.
				this.failedProbes = Math.min(this.failedProbes + 1, MAX_PROBE_WAIT_STEPS);
				lowered = Math.max(this.intervalMs, this.underRefusedMs());
			} else if (fullRate && sinceLastRefusalMs >= LONE_REFUSAL_MS) {
				// A lone refusal while OneAll accepted its full rate: timing jitter, not less room. At a pace
				// that had held, a wider margin from now on; either way straight back under the refused pace.
				// Refusals coming often are other processes taking the room (queue-mode workers): those slow
				// down below, or they would keep colliding and no second would ever be calm.
				if (this.intervalMs >= this.refusedPaceMs) this.widenMargin(now);
				lowered = Math.max(this.intervalMs, this.underRefusedMs());
			} else {
				// Less room than before (others take more of the limit): the rate OneAll accepted in the last
				// second says how much (a quarter slower at most: with few requests that count says little).
				if (probing) this.failedProbes = Math.min(this.failedProbes + 1, MAX_PROBE_WAIT_STEPS);
				this.refusedPaceMs = Math.max(this.intervalMs, Math.min(acceptedPaceMs, this.intervalMs * SLOW_DOWN));
				lowered = Math.max(this.intervalMs * SLOW_DOWN, this.underRefusedMs());
			}
		}
		this.intervalMs = Math.min(lowered, Math.max(SLOWEST_PACE_MS, bound));
		// Refused unpaced: OneAll's second is full of what it accepted; the next start waits until the
		// first of those leaves it, instead of being refused at the new pace meanwhile.
		const firstAccepted = this.acceptedAt.find((at) => at >= now - WINDOW_MS);
		if (!paced && firstAccepted !== undefined) {
			this.lastStartAt = Math.max(this.lastStartAt, firstAccepted + WINDOW_MS - this.intervalMs);
		}
	}

	private widenMargin(now: number): void {
		this.marginSteps = Math.min(this.marginSteps + 1, MAX_MARGIN_STEPS);
		this.marginSince = now;
	}

	/** One step narrower after MARGIN_HOLD_MS without a refusal at a pace that had held. */
	private narrowMarginWhenSteady(now: number): void {
		if (this.marginSteps > 0 && now - this.marginSince >= MARGIN_HOLD_MS) {
			this.marginSteps--;
			this.marginSince = now;
		}
	}

	private acceptedInLastSecond(now: number): number {
		return this.acceptedAt.filter((at) => at >= now - WINDOW_MS).length;
	}

	/** How far under the refused pace calm seconds bring the pace back. */
	private get margin(): number {
		return FIRST_MARGIN * 2 ** this.marginSteps;
	}

	private underRefusedMs(): number {
		return this.refusedPaceMs * (1 + this.margin);
	}

	/**
	 * Nothing waits, no block is in force and nothing happened for `idleMs`: what it learnt is stale and
	 * it may be forgotten.
	 */
	isIdle(idleMs: number): boolean {
		const now = this.clock.now();
		const lastActivity = Math.max(this.createdAt, this.lastStartAt, this.acceptedAt[this.acceptedAt.length - 1] ?? Number.NEGATIVE_INFINITY, this.slowedAt, this.calmSince);
		return this.waiting.length === 0 && !this.blockedNow() && now - lastActivity >= idleMs;
	}

	/** Current spacing between request starts (for tests and hints). */
	get paceMs(): number {
		return this.intervalMs;
	}

	private speedUpWhenCalm(now: number): void {
		this.narrowMarginWhenSteady(now);
		const calmMs = now - this.calmSince;
		if (this.intervalMs <= this.boundMs || calmMs < WINDOW_MS) return;
		const underRefused = this.underRefusedMs();
		let faster: number;
		if (this.intervalMs > underRefused * 1.001) {
			const factor = Math.min(1 + FIRST_SPEED_UP * 2 ** this.calmSteps, MAX_SPEED_UP);
			faster = Math.max(this.intervalMs / factor, underRefused);
		} else {
			// Just under the refused pace: the first probe waits 1, 2, 4 or 8 calm seconds (one more per
			// probe that overshot). A probe under which OneAll accepted more than the refused pace allows found
			// room: the limit moved, so the next probes come sooner and the margin narrows again.
			if (this.probeSteps === 0 && calmMs < WINDOW_MS * 2 ** this.failedProbes) return;
			if (this.probeSteps > 0 && this.acceptedInLastSecond(now) >= WINDOW_MS / this.refusedPaceMs + ROOM_FOUND) {
				this.failedProbes = 0;
			}
			faster = this.intervalMs / Math.min(1 + FIRST_PROBE * 2 ** this.probeSteps++, MAX_SPEED_UP);
		}
		this.intervalMs = faster <= this.boundMs || faster < UNPACED_BELOW_MS ? this.boundMs : faster;
		this.calmSince = now;
		this.calmSteps++;
	}

	private blockedNow(): boolean {
		return this.block !== undefined && this.clock.now() < this.block.until;
	}

	private blockError(): RateLimitBlockedError {
		return new RateLimitBlockedError((this.block as { retryAfterMs: number }).retryAfterMs);
	}

	private throwIfBlocked(): void {
		if (this.blockedNow()) throw this.blockError();
	}
}
