/**
 * Reads an answer's body from the stream the HTTP client hands over, with a size bound. n8n's client
 * would otherwise buffer any body, of any size (decompressed, too), until the deadline: a proxy or a
 * server sending endlessly, or a small gzip bomb, fills the process's memory within seconds.
 */

/**
 * OneAll's largest answers (a page of 500 identities) are a few MiB; this is far above any of them and
 * low enough that a few requests in flight cannot exhaust a process.
 */
export const MAX_ANSWER_BYTES = 64 * 1024 * 1024;

/** The body was larger than MAX_ANSWER_BYTES (or its Content-Length said it would be): it was not read. */
export class AnswerTooLargeError extends Error {
	constructor(
		readonly maxBytes: number,
		readonly statusCode: number,
	) {
		super(`The answer is larger than ${Math.round(maxBytes / (1024 * 1024))} MiB`);
		this.name = 'AnswerTooLargeError';
	}
}

/**
 * Reading the body failed after its status arrived: the connection dropped mid-body (a network code,
 * see `droppedMidBody`), or the body could not be decoded (a wrong Content-Encoding).
 */
export class AnswerReadError extends Error {
	readonly code: string | undefined;

	constructor(
		readonly statusCode: number,
		readonly cause: unknown,
	) {
		super((cause as Error)?.message || 'The answer could not be read');
		this.name = 'AnswerReadError';
		const code = (cause as { code?: unknown })?.code;
		this.code = typeof code === 'string' ? code : undefined;
	}
}

// How a connection that breaks while the body streams in is reported; any other failure is the decoding's.
const CONNECTION_CODES = new Set(['ECONNRESET', 'ECONNABORTED', 'ETIMEDOUT', 'EPIPE', 'ERR_STREAM_PREMATURE_CLOSE', 'ERR_CANCELED']);

/** The connection broke while the body streamed in (rather than the body being undecodable). */
export function droppedMidBody(error: AnswerReadError): boolean {
	return error.code !== undefined && CONNECTION_CODES.has(error.code);
}

interface BodyStream extends AsyncIterable<Uint8Array | string> {
	destroy(error?: Error): void;
}

function isStream(body: unknown): body is BodyStream {
	return (
		typeof body === 'object' &&
		body !== null &&
		typeof (body as Partial<BodyStream>)[Symbol.asyncIterator] === 'function' &&
		typeof (body as Partial<BodyStream>).destroy === 'function'
	);
}

/** The body's text as JSON when it is JSON (a leading BOM ignored), else the text itself; '' when empty. */
export function parseAnswerText(text: string): unknown {
	const clean = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
	if (clean.trim() === '') return '';
	try {
		return JSON.parse(clean) as unknown;
	} catch {
		return clean;
	}
}

function declaredLength(headers: Record<string, unknown> | undefined): number | undefined {
	const value = Number(headers?.['content-length']);
	return Number.isFinite(value) && value >= 0 ? value : undefined;
}

/**
 * The answer's body, read to its end or up to `maxBytes` (then the connection is dropped and
 * AnswerTooLargeError thrown). A body that is not a stream (a test double) is returned as it is.
 * `signal` (the request's deadline or the execution's cancel) drops the connection too.
 */
export async function readAnswerBody(
	response: { body: unknown; statusCode: number; headers?: Record<string, unknown> },
	maxBytes: number,
	signal?: AbortSignal,
): Promise<unknown> {
	const { body, statusCode, headers } = response;
	if (!isStream(body)) return body;
	if ((declaredLength(headers) ?? 0) > maxBytes) {
		body.destroy();
		throw new AnswerTooLargeError(maxBytes, statusCode);
	}
	const stop = () => body.destroy(Object.assign(new Error('The request was aborted'), { code: 'ERR_CANCELED' }));
	if (signal?.aborted) stop();
	signal?.addEventListener('abort', stop, { once: true });
	const chunks: Buffer[] = [];
	let bytes = 0;
	let tooLarge = false;
	let failure: unknown;
	try {
		for await (const chunk of body) {
			const piece = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length);
			bytes += piece.length;
			if (bytes > maxBytes) {
				tooLarge = true;
				body.destroy();
				break;
			}
			chunks.push(piece);
		}
	} catch (error) {
		failure = error;
	} finally {
		signal?.removeEventListener('abort', stop);
	}
	if (tooLarge) throw new AnswerTooLargeError(maxBytes, statusCode);
	if (failure !== undefined) throw new AnswerReadError(statusCode, failure);
	return parseAnswerText(Buffer.concat(chunks, bytes).toString('utf8'));
}
