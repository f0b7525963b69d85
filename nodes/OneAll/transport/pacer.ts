import { sleep } from 'n8n-workflow';

const WINDOW_MS = 1000;
/**
 * The longest a Retry-After holds every request of a site (OneAll documents no Retry-After at all; a proxy's
 * or a typo's "86400000" must not stop a site's workflows, its polling trigger included, until n8n restarts).
 */
export const MAX_BLOCK_MS = 3_600_000;

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
// Once the pace was refused while paced, calm seconds bring it back only to just under that pace, then
// probe past it by 1 %, 2 %, 4 %… per calm second, so that the whole limit is taken back when others
// sharing it stop.
const FIRST_PROBE = 0.01;
// "Just under" the refused pace: 1 % slower (10 ms in OneAll's second at 20 requests/s). Pauses between a
// turn and the wire sometimes take more; such a refusal costs a tenth slower for a while (EDGE_SLOW_DOWN).
const UNDER_REFUSED = 1.01;
// A probe that overshoots goes back to the pace that held a whole calm second before it (not slower: that
// pace was accepted), and the next probe waits 1, 2, then 4 more calm seconds: alone on a limit, the node
// then spends its time just under it, not in probes and step-backs (measured: bench section (a)).
const MAX_PROBE_WAIT_SECONDS = 4;
// Refused at that pace just under an earlier refusal (no probe): OneAll's limit is right there, and timing
// jitter alone can cross it; a tenth slower is enough (still less each time: executions sharing the limit
// settle), a fifth is for a pace that had not been refused before.
const EDGE_SLOW_DOWN = 1.1;
// A pace shared by many executions (a site's) starts at most this many requests in a second, or twice
// what OneAll accepted in the last second if more: a hundred executions starting together ramp up
// within a few round trips instead of sending a hundred requests into an unknown limit at once.
const FIRST_STARTS = 10;
// While that cap holds, the queue looks again this often (answers raise it).
const RAMP_RECHECK_MS = 20;
// On a learnt pace, a turn let go up to this late counts from when it was due: timer lateness would
// otherwise add up, a millisecond or two per turn, into a pace a few per cent slower than the one learnt.
// Later than that (a busy process), it counts from when it went, so two starts are never closer than the
// pace less this. A bound (Max Requests per Second) always counts from when a turn went: its 5 % is all
// the room it keeps for pauses between the turn and OneAll's clock, and nothing adapts it.
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
 * Spaces requests: a 429 lowers the pace (the first time to what OneAll accepted in the last second),
 * calm seconds raise it again. Waiting requests form one queue, and each turn is computed when it comes
 * due, so a faster pace applies to the requests already waiting. One per OneAll site and credential is
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

	/** The spacing at which OneAll last refused a paced request (0: not known), and the probes past it since. */
	private refusedPaceMs = 0;

	private probeSteps = 0;

	/** The pace before the current probe (it held a whole calm second), probes that overshot in a row, and calm seconds still to wait before the next probe. */
	private heldPaceMs = 0;

	private overshoots = 0;

	private calmBeforeProbe = 0;

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
				const late = this.clock.now() - startAt;
				this.started(this.boundMs === 0 && late <= TIMER_SLACK_MS ? startAt : this.clock.now());
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

	/**
	 * OneAll asked for a pause longer than the node waits: nothing more is sent until it is over, or for
	 * MAX_BLOCK_MS at most (then one request asks again), so that one absurd Retry-After cannot silence the
	 * site for the life of the process.
	 */
	blockFor(retryAfterMs: number): void {
		const until = this.clock.now() + Math.min(retryAfterMs, MAX_BLOCK_MS);
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
		this.slowedAt = now;
		// The refused request was also spaced by its own bound (`floorMs`, a shared site pace has none).
		const bound = Math.max(this.boundMs, floorMs);
		// At the bound (or unpaced) there is no estimate yet: take the rate OneAll accepted.
		const acceptedLastSecond = this.acceptedAt.filter((at) => at >= now - WINDOW_MS).length;
		const paced = this.intervalMs > bound;
		// A probe past the last refusal overshot: back to the pace that held before it, and probe less often.
		const overshot = paced && this.probeSteps > 0;
		const atEdge = paced && !overshot && this.atUnderRefused();
		this.overshoots = overshot ? this.overshoots + 1 : 0;
		this.calmBeforeProbe = overshot ? Math.min(2 ** Math.min(this.overshoots - 1, 8), MAX_PROBE_WAIT_SECONDS) : 0;
		// Refused while paced: that pace is too fast, and the rate OneAll accepted in the last second says by
		// how much (a quarter at most: with few requests that count says little). Unpaced, the accepted
		// count is only a lower bound.
		const acceptedPaceMs = WINDOW_MS / Math.max(1, acceptedLastSecond);
		this.refusedPaceMs = paced ? Math.max(this.intervalMs, Math.min(acceptedPaceMs, this.intervalMs * SLOW_DOWN)) : 0;
		this.probeSteps = 0;
		let lowered: number;
		if (overshot) lowered = Math.max(this.heldPaceMs, this.refusedPaceMs * UNDER_REFUSED);
		else if (paced) lowered = this.intervalMs * (atEdge ? EDGE_SLOW_DOWN : SLOW_DOWN);
		else lowered = Math.max(bound * SLOW_DOWN, acceptedPaceMs * SAFETY);
		this.intervalMs = Math.min(lowered, Math.max(SLOWEST_PACE_MS, bound));
		// Refused unpaced: OneAll's second is full of what it accepted; the next start waits until the
		// first of those leaves it, instead of being refused at the new pace meanwhile.
		const firstAccepted = this.acceptedAt.find((at) => at >= now - WINDOW_MS);
		if (!paced && firstAccepted !== undefined) {
			this.lastStartAt = Math.max(this.lastStartAt, firstAccepted + WINDOW_MS - this.intervalMs);
		}
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
		if (this.intervalMs <= this.boundMs || now - this.calmSince < WINDOW_MS) return;
		let faster: number;
		if (!this.atUnderRefused()) {
			const factor = Math.min(1 + FIRST_SPEED_UP * 2 ** this.calmSteps, MAX_SPEED_UP);
			faster = Math.max(this.intervalMs / factor, this.refusedPaceMs * UNDER_REFUSED);
		} else if (this.calmBeforeProbe > 0) {
			this.calmBeforeProbe--; // probes overshot lately: stay just under the refused pace a while longer
			faster = this.intervalMs;
		} else {
			this.heldPaceMs = this.intervalMs;
			faster = this.intervalMs / Math.min(1 + FIRST_PROBE * 2 ** this.probeSteps++, MAX_SPEED_UP);
		}
		this.intervalMs = faster <= this.boundMs || faster < UNPACED_BELOW_MS ? this.boundMs : faster;
		this.calmSince = now;
		this.calmSteps++;
	}

	/** At (or faster than) just under the last refused pace, give or take rounding: where probes start. */
	private atUnderRefused(): boolean {
		return this.intervalMs <= this.refusedPaceMs * UNDER_REFUSED * 1.001;
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
