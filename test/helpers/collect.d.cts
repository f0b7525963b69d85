export interface Prng {
	/** A float in [0, 1). */
	next(): number;
	/** An integer in [0, n). */
	int(n: number): number;
	chance(p: number): boolean;
	pick<T>(list: readonly T[]): T;
}

/** mulberry32, seeded: the same seed gives the same sequence. */
export function prng(seed: number): Prng;

/** Prints one line to the test output. */
export function note(message: string): void;

/** A TCP port that was free a moment ago. */
export function freePort(): Promise<number>;

export interface Trap {
	port: number;
	url: string;
	/** One entry per TCP connection, with the first bytes received. */
	hits: Array<{ at: number; data: string }>;
	close(): Promise<void>;
}

/** A TCP server nothing should ever connect to. */
export function startTrap(): Promise<Trap>;

/** A server answering every request with an HTML page of `status` echoing the request and its headers. */
export function startEchoServer(options?: { status?: number }): Promise<{ url: string; close(): Promise<void> }>;

export interface Recorder {
	url: string;
	/** Every request received. */
	requests: Array<{ method: string; url: string; authorization: boolean; body: string }>;
	close(): Promise<void>;
}

/** Another origin a redirect could point at: records requests, answers a OneAll-shaped success. */
export function startRecorder(): Promise<Recorder>;

export interface SleepRecorder {
	/** Every delay (ms) passed to n8n-workflow's sleep while active, in order. */
	delays: number[];
	restore(): void;
}

/**
 * Records n8n-workflow's sleep (the node's back-off and pacer); `skip` resolves at once;
 * `onSleep` runs before each sleep.
 */
export function recordSleeps(options?: {
	skip?: boolean;
	onSleep?: (ms: number, index: number) => Promise<void> | void;
}): SleepRecorder;

export interface Capture {
	lines: string[];
	stop(): string[];
}

/** Captures console.*, process.stdout/stderr writes and n8n's LoggerProxy until stop(). */
export function captureOutput(): Capture;

/** Every string reachable from value (own properties, enumerable or not; cycles once), joined by newlines. */
export function deepText(value: unknown, maxNodes?: number): string;

/** What the node outputs for a push the emulator logged: OneAll's result plus the identity_token of its path. */
export function pushOutput(entry: { path: string; result: unknown }): Record<string, unknown>;
