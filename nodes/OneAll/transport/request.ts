import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IN8nHttpFullResponse,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError, sleep } from 'n8n-workflow';

import { failedStatus, readEnvelope, type OneAllResponse } from './envelope';
import { oneAllApiError, oneAllNetworkError } from './errors';
import {
	deletedBeforeLostAnswer,
	MAX_ATTEMPTS,
	mayHaveExecuted,
	mayRetryNetworkError,
	mayRetryStatus,
	retryDelayMs,
	type RequestKind,
} from './retryPolicy';
import { RequestPacer } from './pacer';
import { USER_AGENT } from './version';

/** Settings one node execution shares between its requests. */
export interface RequestSettings {
	/** Shared by the requests of one execution; a private one is used when absent. */
	pacer?: RequestPacer;
	/** Overrides the default timeout (30 s for reads, 120 s for writes). */
	timeoutMs?: number;
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
	/** What the request does, for the retry policy; default: 'read' for GET, 'write' otherwise. */
	kind?: RequestKind;
}

/** OneAll's answer; `alreadyDeleted`: a delete answered 404 after an earlier attempt's answer was lost. */
export type OneAllAnswer = OneAllResponse & { alreadyDeleted?: boolean };

type OneAllContext = IExecuteFunctions | ILoadOptionsFunctions;

const READ_TIMEOUT_MS = 30_000;
// Pushes make OneAll fetch the media and talk to the network: give them time.
const WRITE_TIMEOUT_MS = 120_000;

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

/** The key forms an echoing proxy page could show: the private key and the Basic auth value. */
async function credentialSecrets(context: OneAllContext): Promise<string[]> {
	const credentials = await context.getCredentials('oneAllApi');
	const publicKey = String(credentials.publicKey ?? '');
	const privateKey = String(credentials.privateKey ?? '');
	return [privateKey, Buffer.from(`${publicKey}:${privateKey}`).toString('base64')];
}

/**
 * The one way the node talks to OneAll: base URL and auth come from the credential, the body gets
 * OneAll's envelope, answers are unwrapped, every failure becomes an error that shows OneAll's text,
 * and only requests that provably did not execute are sent again.
 */
export async function oneAllApiRequest(
	this: OneAllContext,
	request: OneAllRequest,
	itemIndex = 0,
): Promise<OneAllAnswer> {
	const kind: RequestKind = request.kind ?? (request.method === 'GET' ? 'read' : 'write');
	const options: IHttpRequestOptions = {
		method: request.method,
		url: request.path,
		qs: request.query,
		headers: { 'User-Agent': USER_AGENT, Accept: 'application/json' },
		json: true,
		ignoreHttpStatusErrors: true,
		returnFullResponse: true,
		timeout: request.timeoutMs ?? (kind === 'read' ? READ_TIMEOUT_MS : WRITE_TIMEOUT_MS),
	};
	if (request.body !== undefined) {
		options.body = request.bodyIsEnvelope ? request.body : { request: request.body };
	}
	const where = { kind, method: request.method, path: request.path, itemIndex };
	const pacer = request.pacer ?? new RequestPacer();
	let earlierMayHaveExecuted = false;

	for (let attempt = 1; ; attempt++) {
		await pacer.waitTurn();
		let response: IN8nHttpFullResponse;
		try {
			response = (await this.helpers.httpRequestWithAuthentication.call(
				this,
				'oneAllApi',
				options,
			)) as IN8nHttpFullResponse;
		} catch (error) {
			if (!isHttpClientError(error)) {
				// Raised before sending, e.g. by the credential refusing an invalid subdomain.
				throw new NodeOperationError(this.getNode(), (error as Error).message, { itemIndex });
			}
			const code = errorCode(error);
			if (code === 'ERR_CANCELED') throw new NodeApiError(this.getNode(), error as JsonObject, { itemIndex });
			if (attempt < MAX_ATTEMPTS && mayRetryNetworkError(kind, code)) {
				earlierMayHaveExecuted ||= mayHaveExecuted({ code });
				await sleep(retryDelayMs(attempt, undefined));
				continue;
			}
			throw oneAllNetworkError(this.getNode(), code, (error as Error).message, where);
		}

		const envelope = readEnvelope(response.body);
		const status = envelope ? failedStatus(envelope) : undefined;
		const delay = retryDelayMs(attempt, response.headers?.['retry-after']);
		if (response.statusCode === 429) pacer.rateLimited(delay);
		else pacer.accepted();
		if (response.statusCode < 400 && envelope && !status) return envelope;
		if (deletedBeforeLostAnswer(kind, response.statusCode, earlierMayHaveExecuted)) {
			return { ...(envelope ?? {}), alreadyDeleted: true };
		}

		if (attempt < MAX_ATTEMPTS && mayRetryStatus(kind, response.statusCode)) {
			earlierMayHaveExecuted ||= mayHaveExecuted({ status: response.statusCode });
			// After a 429 the pacer holds every request of this execution until Retry-After.
			if (response.statusCode !== 429) await sleep(delay);
			continue;
		}
		throw oneAllApiError(this.getNode(), {
			...where,
			httpStatus: response.statusCode,
			envelope,
			status,
			...(envelope ? {} : { rawBody: bodyText(response.body), secrets: await credentialSecrets(this) }),
		});
	}
}

/** `response.result.data`, the part of OneAll's answer the node outputs. */
export function resultData(response: OneAllResponse): IDataObject {
	const data = response.result?.data;
	if (data && typeof data === 'object' && !Array.isArray(data)) return data;
	return { status: (response.request?.status ?? {}) as IDataObject };
}
