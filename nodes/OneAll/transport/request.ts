import type {
	IDataObject,
	IHttpRequestMethods,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError, sleep } from 'n8n-workflow';

import { CREDENTIAL_TYPE, executionCredential, type ExecutionCredential, type OneAllContext } from './credential';
import { raceDeadline, withDeadline, DeadlineExceededError } from './deadline';
import { jsonBodyWithFiles } from './jsonBody';
import { failedStatus, hasResultData, isBareEnvelope, readEnvelope, type OneAllResponse } from './envelope';
import {
	oneAllApiError,
	oneAllNetworkError,
	oneAllNoResultError,
	oneAllRedirectError,
	oneAllWaitTooLongError,
	type Where,
} from './errors';
import {
	deletedBeforeLostAnswer,
	MAX_ATTEMPTS,
	MAX_DELAY_MS,
	mayHaveExecuted,
	mayRetryNetworkError,
	mayRetryStatus,
	rateLimitWaitMs,
	requestedWaitMs,
	retryDelayMs,
	timeoutFor,
	waitTooLong,
	withinRateLimitBudget,
	type RequestKind,
} from './retryPolicy';
import { RateLimitBlockedError } from './pacer';
import { ExecutionPacer } from './sitePace';
import { maskAnswer, maskError, mergeSecrets, valueForms } from './secrets';
import { USER_AGENT } from './version';

/** Settings one node execution shares between its requests. */
export interface RequestSettings {
	/** Shared by the requests of one execution (its bound; the site's pace is shared by the process); a fresh one when absent. */
	pacer?: ExecutionPacer;
	/** Overrides the default timeout (30 s for reads, 120 s for writes); a deadline for the whole answer, at most 600 s. */
	timeoutMs?: number;
	/**
	 * Epoch ms by which every attempt together must be over (a person waiting on a page): no attempt
	 * runs past it and no retry starts that would end after it.
	 */
	endsAt?: number;
}

export interface OneAllRequest extends RequestSettings {
	method: IHttpRequestMethods;
	/** Path below the site's base URL, built with `apiPath()` so every segment is validated and encoded. */
	path: string;
	query?: IDataObject;
	/** What goes inside OneAll's `{"request": …}` envelope. */
	body?: IDataObject;
	/** Send `body` as the whole JSON body, without adding the envelope (Custom API Call). */
	bodyIsEnvelope?: boolean;
	/**
	 * The answer must carry `result.data` (an object), else it is an error that says the request may
	 * have executed. Default: true for a POST below /push/.
	 */
	expectResult?: boolean;
	/** What the request does, for the retry policy; default: 'read' for GET, 'write' otherwise. */
	kind?: RequestKind;
	/**
	 * Values of this request that must never be shown besides the credential's key (a provider access
	 * token, a user's password in the body): masked in every error, in all the forms `valueForms` gives,
	 * and in the answer unless `showSecretsInAnswer`.
	 */
	secrets?: readonly string[];
	/** The user asked to see secrets in the output (Include Access Tokens): the answer is not masked for `secrets`. */
	showSecretsInAnswer?: boolean;
}

/** OneAll's answer; `alreadyDeleted`: a delete answered 404 after an earlier attempt's answer was lost. */
export type OneAllAnswer = OneAllResponse & { alreadyDeleted?: boolean };

function errorCode(error: unknown): string | undefined {
	const withCause = error as { cause?: { code?: unknown }; code?: unknown };
	const code = withCause.cause?.code ?? withCause.code;
	return typeof code === 'string' ? code : undefined;
}

function isHttpClientError(error: unknown): boolean {
	const cause = (error as { cause?: { isAxiosError?: boolean } }).cause;
	return cause?.isAxiosError === true || errorCode(error) !== undefined;
}

function bodyText(body: unknown): string {
	if (typeof body === 'string') return body;
	if (body === undefined || body === null) return '';
	return Buffer.isBuffer(body) ? body.toString('utf8') : JSON.stringify(body);
}

/** What the HTTP client said, without n8n's generic advice for known codes ("you can retry…"). */
function networkDetail(error: unknown): string {
	const cause = (error as { cause?: unknown }).cause;
	if (cause instanceof Error && cause.message) return cause.message;
	const messages = (error as { messages?: unknown }).messages;
	if (Array.isArray(messages) && typeof messages[0] === 'string' && messages[0]) return messages[0];
	return (error as Error).message;
}

/** The body as bytes when it holds files (read here, before anything is sent); undefined otherwise. */
async function readBodyFiles(context: OneAllContext, body: IDataObject, itemIndex: number): Promise<Buffer | undefined> {
	try {
		return await jsonBodyWithFiles(body);
	} catch (error) {
		// The file's own errors (changed, too large) already say what happened; others get the item.
		const known = error instanceof NodeOperationError || error instanceof NodeApiError;
		throw known
			? error
			: new NodeOperationError(context.getNode(), `A file could not be read: ${(error as Error).message}`, {
					itemIndex,
					description: 'This item was not sent.',
				});
	}
}

/** One HTTP exchange with a deadline for the whole answer; network failures come back as errors. */
async function send(
	context: OneAllContext,
	options: IHttpRequestOptions,
	timeoutMs: number,
	credential: ExecutionCredential,
): Promise<IN8nHttpFullResponse> {
	const deadline = withDeadline(options, timeoutMs);
	const request = context.helpers.httpRequestWithAuthentication.call(
		context,
		CREDENTIAL_TYPE,
		options,
		credential.decrypted ? { credentialsDecrypted: credential.decrypted } : undefined,
	);
	return (await raceDeadline(request, deadline)) as IN8nHttpFullResponse;
}

async function exchange(
	context: OneAllContext,
	request: OneAllRequest,
	itemIndex: number,
	credential: ExecutionCredential,
): Promise<OneAllAnswer> {
	const kind: RequestKind = request.kind ?? (request.method === 'GET' ? 'read' : 'write');
	const timeoutMs = timeoutFor(kind, request.timeoutMs);
	const options: IHttpRequestOptions = {
		method: request.method,
		url: request.path,
		qs: request.query,
		headers: { 'User-Agent': USER_AGENT, Accept: 'application/json' },
		json: true,
		ignoreHttpStatusErrors: true,
		returnFullResponse: true,
		// OneAll's API never redirects; following one would carry the keys (and a push body) elsewhere.
		disableFollowRedirect: true,
		sendCredentialsOnCrossOriginRedirect: false,
		timeout: timeoutMs,
	};
	if (request.body !== undefined) {
		const body = request.bodyIsEnvelope ? request.body : { request: request.body };
		// With files: the bytes that are sent, built once (a re-send sends them again) and dropped with this request.
		const withFiles = await readBodyFiles(context, body, itemIndex);
		options.body = withFiles ?? body;
		if (withFiles) options.headers = { ...options.headers, 'Content-Type': 'application/json' };
	}
	const where: Where = { kind, method: request.method, path: request.path, itemIndex };
	const expectResult = request.expectResult ?? (request.method === 'POST' && request.path.startsWith('/push/'));
	const pacer = (request.pacer ?? new ExecutionPacer()).forSite(credential.paceKey);
	// n8n's getNode() copies the node: only for an error, not on every request.
	const node = () => context.getNode();
	let earlierMayHaveExecuted = false;
	// Failed attempts count towards MAX_ATTEMPTS; 429s (never executed) spend a time budget instead.
	let attempt = 1;
	let refusals = 0;
	let firstRefusedAt: number | undefined;
	const left = () => (request.endsAt === undefined ? Infinity : request.endsAt - Date.now());
	/** A retry after `delayMs` still has time for an answer before `endsAt`. */
	const fits = (delayMs: number) => left() - delayMs > 0;

	for (;;) {
		let sentAt: number;
		try {
			sentAt = await pacer.waitTurn();
		} catch (error) {
			if (error instanceof RateLimitBlockedError) {
				throw oneAllWaitTooLongError(node(), error.retryAfterMs, MAX_DELAY_MS, where);
			}
			throw new NodeOperationError(node(), error as Error, { itemIndex });
		}
		let response: IN8nHttpFullResponse;
		const attemptMs = Math.min(timeoutMs, left());
		if (attemptMs <= 0) throw oneAllNetworkError(node(), 'ETIMEDOUT', 'No time left before the deadline', where);
		try {
			response = await send(context, { ...options, timeout: attemptMs }, attemptMs, credential);
		} catch (error) {
			if (error instanceof DeadlineExceededError) {
				if (attempt < MAX_ATTEMPTS && mayRetryNetworkError(kind, 'ETIMEDOUT') && fits(retryDelayMs(attempt, undefined))) {
					earlierMayHaveExecuted = true;
					await sleep(retryDelayMs(attempt++, undefined));
					continue;
				}
				throw oneAllNetworkError(node(), 'ETIMEDOUT', error.message, where);
			}
			if (!isHttpClientError(error)) {
				// Raised before sending, e.g. by the credential refusing an invalid subdomain.
				throw new NodeOperationError(node(), (error as Error).message, { itemIndex });
			}
			const code = errorCode(error);
			if (code === 'ERR_CANCELED') throw new NodeApiError(node(), error as JsonObject, { itemIndex });
			if (attempt < MAX_ATTEMPTS && mayRetryNetworkError(kind, code) && fits(retryDelayMs(attempt, undefined))) {
				earlierMayHaveExecuted ||= mayHaveExecuted({ code });
				await sleep(retryDelayMs(attempt++, undefined));
				continue;
			}
			throw oneAllNetworkError(node(), code, networkDetail(error), where);
		}

		if (response.statusCode >= 300 && response.statusCode < 400) {
			pacer.accepted();
			throw oneAllRedirectError(node(), response.statusCode, response.headers?.location, where);
		}
		const envelope = readEnvelope(response.body);
		const status = envelope ? failedStatus(envelope) : undefined;
		const retryAfter = response.headers?.['retry-after'];
		const rateLimited = response.statusCode === 429;
		const delay = rateLimited ? rateLimitWaitMs(refusals + 1, retryAfter) : retryDelayMs(attempt, retryAfter);
		if (rateLimited) pacer.rateLimited(delay, sentAt);
		else pacer.accepted();
		if (response.statusCode < 400 && envelope && !status) {
			if (isBareEnvelope(envelope) || (expectResult && !hasResultData(envelope))) {
				throw oneAllNoResultError(node(), response.statusCode, envelope, where);
			}
			return envelope;
		}
		if (deletedBeforeLostAnswer(kind, response.statusCode, earlierMayHaveExecuted)) {
			return { ...(envelope ?? {}), alreadyDeleted: true };
		}

		if (mayRetryStatus(kind, response.statusCode) && waitTooLong(retryAfter)) {
			// OneAll asked for more than the node waits: say so now instead of retrying into the block.
			const requested = requestedWaitMs(retryAfter) ?? MAX_DELAY_MS;
			if (rateLimited) pacer.blockFor(requested);
			throw oneAllWaitTooLongError(node(), requested, MAX_DELAY_MS, where);
		}
		if (rateLimited) {
			refusals++;
			firstRefusedAt ??= sentAt;
			// The next attempt starts after this wait or the pacer's spacing, whichever is longer.
			if (withinRateLimitBudget(sentAt - firstRefusedAt, Math.max(delay, pacer.paceMs)) && fits(delay)) {
				if (delay > 0) await sleep(delay); // only this request waits; the pacer slowed the others down
				continue;
			}
		}
		if (!rateLimited && attempt < MAX_ATTEMPTS && mayRetryStatus(kind, response.statusCode) && fits(delay)) {
			earlierMayHaveExecuted ||= mayHaveExecuted({ status: response.statusCode });
			await sleep(delay);
			attempt++;
			continue;
		}
		throw oneAllApiError(node(), {
			...where,
			httpStatus: response.statusCode,
			envelope,
			status,
			// Masked before the snippet is cut, so no half key survives the cut.
			...(envelope ? {} : { rawBody: bodyText(response.body), secrets: credential.secrets }),
		});
	}
}

/**
 * The one way the node talks to OneAll: base URL and auth come from the credential, the body gets
 * OneAll's envelope, answers are unwrapped, every failure becomes an error that shows OneAll's text,
 * and only requests that provably did not execute are sent again. Redirects are never followed, and
 * every string that leaves here (answer or error) has the credential's key masked.
 */
export async function oneAllApiRequest(
	this: OneAllContext,
	request: OneAllRequest,
	itemIndex = 0,
): Promise<OneAllAnswer> {
	const known = await executionCredential(this);
	const credential = request.secrets?.length
		? { ...known, secrets: mergeSecrets(known.secrets, ...request.secrets.map(valueForms)) }
		: known;
	let response: OneAllAnswer;
	try {
		response = await exchange(this, request, itemIndex, credential);
	} catch (error) {
		const shown = error instanceof Error ? error : new NodeOperationError(this.getNode(), String(error), { itemIndex });
		throw maskError(shown, credential.secrets);
	}
	return maskAnswer(response, request.showSecretsInAnswer ? known.secrets : credential.secrets);
}

/** `response.result.data`, the part of OneAll's answer the node outputs. */
export function resultData(response: OneAllResponse): IDataObject {
	const data = response.result?.data;
	if (data && typeof data === 'object' && !Array.isArray(data)) return data;
	return { status: (response.request?.status ?? {}) as IDataObject };
}
