export function startStub(body: unknown, status?: number): Promise<{ url: string; close(): Promise<void> }>;

/** A server that takes every request and never answers; notes when each client hangs up. */
export function startSilentServer(): Promise<{
	url: string;
	received: Array<{ at: number; closedAt: number | undefined }>;
	/** Resolves once `count` requests have arrived. */
	receivedCount(count: number): Promise<void>;
	close(): Promise<void>;
}>;

/** A server whose JSON answer (status 200) depends on the request; `requests` lists what arrived. */
export function startAnswerStub(answer: (request: { path: string; query: Record<string, string> }) => unknown): Promise<{
	url: string;
	requests: Array<{ path: string; query: Record<string, string> }>;
	close(): Promise<void>;
}>;

/** A server whose answer a test writes byte by byte (`serve`); `requests` lists what arrived since. */
export function startRawServer(): Promise<{
	url: string;
	requests: Array<{ method: string; path: string }>;
	serve(answer: (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => void): void;
	close(): Promise<void>;
}>;

/** `content` gzip-compressed (for answers with Content-Encoding: gzip). */
export function gzip(content: string | Buffer): Buffer;

/** Writes `chunk` to `res` every `everyMs` until the client hangs up; `onClose` is told when (ms since epoch). */
export function drip(res: import('node:http').ServerResponse, chunk: string, everyMs: number, onClose?: (at: number) => void): void;
