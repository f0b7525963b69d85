import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { OneAllResponse, OneAllStatus } from './envelope';
import { MAX_BLOCK_MS } from './pacer';
import { mayHaveExecuted, RATE_LIMIT_BUDGET_MS, type RequestKind } from './retryPolicy';
import { maskText } from './secrets';

const MAY_HAVE_LANDED =
	'The request may already have been executed by OneAll (a post may be live), so it was not sent again. Check the network before running it once more.';

const HINTS: Record<number, string> = {
	400: 'OneAll refused the request as invalid; the message above says which field.',
	401: 'Check the public and private key of the OneAll API credential (Settings > API Settings of the OneAll site).',
	403: "OneAll refused the request: the identity may belong to another network, or the permission isn't enabled in the site's provider settings or wasn't granted by the user at login.",
	404: 'Check the identity token and the ids used (board, playlist, user, connection): OneAll does not know one of them.',
	409: 'OneAll understood the request but cannot execute it; the message above says why.',
	429: `OneAll's rate limit was reached, and retrying for up to ${RATE_LIMIT_BUDGET_MS / 1000} s did not get the request through. Lower Concurrency or set Max Requests per Second in the node's Options, or start fewer executions at once.`,
};

function hintFor(httpCode: number, kind: RequestKind): string | undefined {
	if (kind === 'write' && httpCode >= 500) return MAY_HAVE_LANDED;
	if (httpCode >= 500) return 'OneAll reported a server problem; try again later.';
	return HINTS[httpCode];
}

export interface ApiFailure {
	httpStatus: number;
	kind: RequestKind;
	method: string;
	path: string;
	itemIndex: number;
	envelope?: OneAllResponse;
	status?: OneAllStatus;
	rawBody?: string;
	/** Values that must never be shown, e.g. the credential's keys. */
	secrets?: string[];
}

/** A body that is not OneAll's (a proxy page, a debug echo) may repeat the request's credentials. */
export function maskSecrets(text: string, secrets: string[] = []): string {
	return maskText(text, secrets);
}

/** The request an error is about. */
export interface Where {
	kind: RequestKind;
	method: string;
	path: string;
	itemIndex: number;
}

/** Starts the description's last line, naming the request; pickers leave it out of their message. */
export const REQUEST_LABEL = 'Request: ';

const asSentence = (line: string) => (/[.!?]$/.test(line.trim()) ? line : `${line}.`);

/**
 * An error's description: what happened and what to do, each line a sentence (the editor renders the
 * description as HTML, so the lines run together), then the request on a line of its own.
 */
export function describeFailure(where: { method: string; path: string }, lines: Array<string | undefined>): string {
	const text = lines.filter((line): line is string => Boolean(line && line.trim())).map(asSentence);
	return [...text, `${REQUEST_LABEL}${where.method} ${where.path}`].join('\n');
}

/**
 * Pickers (list searches) show only an error's message: give them the explanation that executing shows
 * in the description (e.g. "Check the public and private key …" for a 401).
 */
export function withHintInMessage<T>(error: T): T {
	if (!(error instanceof NodeApiError) || !error.description) return error;
	const hint = error.description
		.split('\n')
		.filter((line) => line && !line.startsWith(REQUEST_LABEL))
		.join(' ');
	if (hint && !error.message.includes(hint)) error.message = `${asSentence(error.message)} ${hint}`;
	return error;
}

/** An error whose message is OneAll's own `status.info` and code. */
export function oneAllApiError(node: INode, failure: ApiFailure): NodeApiError {
	const { status, envelope } = failure;
	const code = Number(status?.code) || failure.httpStatus;
	let message: string;
	let details: JsonObject;
	if (status?.info) {
		message = `OneAll error ${code}: ${status.info}`;
		details = { response: envelope as JsonObject };
	} else if (status) {
		// OneAll's envelope, flagged as an error, that says nothing more.
		message = `OneAll reported an error without a message (HTTP ${failure.httpStatus}${status.code !== undefined ? `, code ${String(status.code)}` : ''})`;
		details = { response: envelope as JsonObject };
	} else {
		const snippet = maskSecrets(failure.rawBody ?? '', failure.secrets).replace(/\s+/g, ' ').trim().slice(0, 300);
		message = snippet
			? `OneAll answered HTTP ${failure.httpStatus} with a body that is not a OneAll response`
			: `OneAll answered HTTP ${failure.httpStatus} with an empty body`;
		details = { body: snippet };
	}
	const lines = [hintFor(code, failure.kind)];
	if (!status?.info && failure.httpStatus < 400 && failure.kind === 'write') lines.push(MAY_HAVE_LANDED);
	if (!status && details.body) lines.push(`Body: ${String(details.body)}`);
	return new NodeApiError(node, details, {
		message,
		description: describeFailure(failure, lines),
		httpCode: String(code),
		itemIndex: failure.itemIndex,
	});
}

export function oneAllNetworkError(
	node: INode,
	code: string | undefined,
	detail: string,
	request: Where,
): NodeApiError {
	const timedOut = code === 'ECONNABORTED' || code === 'ETIMEDOUT';
	const message = timedOut
		? 'OneAll did not answer in time'
		: `Could not reach OneAll${code ? ` (${code})` : ''}`;
	const lines = [detail];
	// A refused connection or an unknown host never carried the request: nothing can be live.
	if (request.kind === 'write' && (code === undefined || mayHaveExecuted({ code }))) lines.push(MAY_HAVE_LANDED);
	const error = new NodeApiError(node, { code: code ?? 'UNKNOWN', message: detail }, {
		message,
		description: describeFailure(request, lines),
		itemIndex: request.itemIndex,
		...(code ? { httpCode: code } : {}),
	});
	// n8n swaps messages of known network codes for generic ones ("you can retry…"): wrong for a push.
	error.message = message;
	return error;
}

/** Where a redirect pointed, without user info, query or fragment (they may carry secrets). */
export function redirectTarget(location: unknown): string {
	const raw = Array.isArray(location) ? location[0] : location;
	if (typeof raw !== 'string' || raw.trim() === '') return 'nowhere (no Location header)';
	let url: URL;
	try {
		url = new URL(raw.trim(), 'http://relative.invalid');
	} catch {
		return 'an invalid Location';
	}
	const path = url.pathname.length > 200 ? `${url.pathname.slice(0, 200)}…` : url.pathname;
	return url.origin === 'http://relative.invalid' ? path : `${url.origin}${path}`;
}

/** OneAll's API does not redirect: a 3xx comes from something in between and is never followed. */
export function oneAllRedirectError(node: INode, httpStatus: number, location: unknown, where: Where): NodeApiError {
	const target = redirectTarget(location);
	const lines = [
		`The answer redirected to ${target}. OneAll's API does not redirect, so the redirect was not followed and the keys were not sent there. Check the credential's subdomain or API Base URL, and any proxy in between.`,
	];
	if (where.kind === 'write') lines.push('OneAll did not confirm the request; it was not sent again.');
	return new NodeApiError(node, { httpStatus, location: target }, {
		message: `OneAll answered HTTP ${httpStatus} (redirect to ${target})`,
		description: describeFailure(where, lines),
		httpCode: String(httpStatus),
		itemIndex: where.itemIndex,
	});
}

/** A success answer without the result a push returns (it may or may not be live), or an empty envelope. */
export function oneAllNoResultError(node: INode, httpStatus: number, envelope: OneAllResponse, where: Where): NodeApiError {
	const write = where.kind === 'write';
	const error = new NodeApiError(node, { response: envelope as JsonObject }, {
		message: write
			? 'OneAll answered without a result: the post may or may not be live; it was not sent again'
			: 'OneAll answered without a status or result',
		description: describeFailure(where, [
			write
				? `HTTP ${httpStatus} without result.data. Check the network (or the provider) before running it once more.`
				: `HTTP ${httpStatus} with an empty OneAll envelope; something between the node and OneAll may have changed the answer.`,
		]),
		httpCode: String(httpStatus),
		itemIndex: where.itemIndex,
	});
	return error;
}

/** Retry-After asks for longer than the node waits: fail now and say how long OneAll asked for. */
export function oneAllWaitTooLongError(node: INode, retryAfterMs: number, maxWaitMs: number, where: Where): NodeApiError {
	const seconds = Math.ceil(retryAfterMs / 1000);
	const held = Math.min(retryAfterMs, MAX_BLOCK_MS);
	const error = new NodeApiError(node, { retryAfterSeconds: seconds }, {
		message: `OneAll's rate limit: OneAll asked to wait ${seconds} s (Retry-After) before the next request`,
		description: describeFailure(where, [
			`That is longer than the ${Math.round(maxWaitMs / 1000)} s the node waits, so this request and the rest of this run were not sent. Run it again after ${Math.ceil(held / 1000)} s, or lower Concurrency / set Max Requests per Second in the node's Options.`,
			retryAfterMs > MAX_BLOCK_MS
				? `The node holds this site's requests for ${MAX_BLOCK_MS / 60_000} minutes at most, then asks OneAll again.`
				: undefined,
		]),
		httpCode: '429',
		itemIndex: where.itemIndex,
	});
	return error;
}
