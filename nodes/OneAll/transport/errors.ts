import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { OneAllResponse, OneAllStatus } from './envelope';
import type { RequestKind } from './retryPolicy';

const MAY_HAVE_LANDED =
	'The request may already have been executed by OneAll (a post may be live), so it was not sent again. Check the network before running it once more.';

const HINTS: Record<number, string> = {
	400: 'OneAll refused the request as invalid; the message above says which field.',
	401: 'Check the public and private key of the OneAll API credential (Settings > API Settings of the OneAll site).',
	403: "OneAll refused the request: the identity may belong to another network, or the permission isn't enabled in the site's provider settings or wasn't granted by the user at login.",
	404: 'Check the identity token and the ids used (board, playlist, user, connection): OneAll does not know one of them.',
	409: 'OneAll understood the request but cannot execute it; the message above says why.',
	429: "OneAll's rate limit was reached and retries were exhausted. Lower Concurrency or set Max Requests per Second in the node's Options.",
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

const AUTH_VALUE = /\b(Basic|Bearer)\s+[A-Za-z0-9+/=._~-]+/gi;

/** A body that is not OneAll's (a proxy page, a debug echo) may repeat the request's credentials. */
export function maskSecrets(text: string, secrets: string[] = []): string {
	let masked = text.replace(AUTH_VALUE, '$1 [redacted]');
	for (const secret of secrets) {
		if (secret.length >= 4) masked = masked.split(secret).join('[redacted]');
	}
	return masked;
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
	} else {
		const snippet = maskSecrets(failure.rawBody ?? '', failure.secrets).replace(/\s+/g, ' ').trim().slice(0, 300);
		message = snippet
			? `OneAll answered HTTP ${failure.httpStatus} with a body that is not a OneAll response`
			: `OneAll answered HTTP ${failure.httpStatus} with an empty body`;
		details = { body: snippet };
	}
	const lines = [`${failure.method} ${failure.path}`, hintFor(code, failure.kind)];
	if (!status?.info && failure.httpStatus < 400 && failure.kind === 'write') lines.push(MAY_HAVE_LANDED);
	if (!status?.info && details.body) lines.push(`Body: ${String(details.body)}`);
	return new NodeApiError(node, details, {
		message,
		description: lines.filter(Boolean).join('\n'),
		httpCode: String(code),
		itemIndex: failure.itemIndex,
	});
}

export function oneAllNetworkError(
	node: INode,
	code: string | undefined,
	detail: string,
	request: { kind: RequestKind; method: string; path: string; itemIndex: number },
): NodeApiError {
	const timedOut = code === 'ECONNABORTED' || code === 'ETIMEDOUT';
	const message = timedOut
		? 'OneAll did not answer in time'
		: `Could not reach OneAll${code ? ` (${code})` : ''}`;
	const lines = [`${request.method} ${request.path}`, detail];
	if (request.kind === 'write' && code !== 'ECONNREFUSED') lines.push(MAY_HAVE_LANDED);
	const error = new NodeApiError(node, { code: code ?? 'UNKNOWN', message: detail }, {
		message,
		description: lines.join('\n'),
		itemIndex: request.itemIndex,
		...(code ? { httpCode: code } : {}),
	});
	// n8n swaps messages of known network codes for generic ones ("you can retry…"): wrong for a push.
	error.message = message;
	return error;
}
