import type { IDataObject } from 'n8n-workflow';

import { isObject } from '../helpers/validation';

/** OneAll's `{"response":{"request":{…},"result":{…}}}` answer, as far as the node relies on it. */
export interface OneAllStatus {
	flag?: string;
	code?: number | string;
	info?: string;
}

export interface OneAllResponse {
	request?: { date?: string; resource?: string; status?: OneAllStatus };
	result?: { status?: OneAllStatus; data?: IDataObject };
}

/** Parses a body (object or JSON text) into OneAll's `response`, or undefined when it is not one. */
export function readEnvelope(body: unknown): OneAllResponse | undefined {
	let parsed: unknown = body;
	if (typeof body === 'string') {
		if (body.trim() === '') return undefined;
		try {
			parsed = JSON.parse(body);
		} catch {
			return undefined;
		}
	}
	if (!isObject(parsed) || !isObject(parsed.response)) return undefined;
	return parsed.response as OneAllResponse;
}

/** The first status that reports a failure: `request.status` first, then `result.status`. */
export function failedStatus(response: OneAllResponse): OneAllStatus | undefined {
	for (const status of [response.request?.status, response.result?.status]) {
		if (!status) continue;
		const code = Number(status.code);
		if (status.flag === 'error' || (Number.isFinite(code) && code >= 400)) return status;
	}
	return undefined;
}

/** OneAll's envelope with neither a request status nor a result, e.g. `{"response":{}}`. */
export function isBareEnvelope(response: OneAllResponse): boolean {
	return response.request?.status === undefined && response.result === undefined;
}

/** True when `result.data` is an object (what a push answers with). */
export function hasResultData(response: OneAllResponse): boolean {
	const data: unknown = response.result?.data;
	return typeof data === 'object' && data !== null && !Array.isArray(data);
}
