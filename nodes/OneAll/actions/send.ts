import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { redactProviderTokens } from '../helpers/redact';
import { fetchList } from '../transport/list';
import { RequestPacer } from '../transport/pacer';
import { oneAllApiRequest, resultData, type RequestSettings } from '../transport/request';
import type { RequestKind } from '../transport/retryPolicy';
import type { Batching } from './common/batching';
import type { OperationResult, RequestDescription, RequestIntent } from './operation';
import { fetchPulled } from './pull/fetchPulled';

export type Send = (request: RequestDescription, itemIndex: number) => Promise<OperationResult>;

/** The transport's retry policy follows what the request does (README "Retries"). */
const KIND_OF_INTENT: Record<RequestIntent, RequestKind> = {
	read: 'read',
	write: 'write',
	update: 'update',
	delete: 'delete',
};

export const ALREADY_DELETED_NOTE =
	'OneAll answered 404 Not Found to a re-sent delete whose first answer was lost: the first attempt deleted it, so it is already gone.';

/**
 * The one way operations' requests reach OneAll during an execution: every request shares the
 * execution's pacer and timeout, answers are shaped as the description asks, and provider tokens are
 * redacted unless the user kept them.
 */
export function executionSender(context: IExecuteFunctions, batching: Batching): Send {
	const settings: RequestSettings = {
		pacer: new RequestPacer(batching.maxRequestsPerSecond),
		timeoutMs: batching.timeoutMs,
	};
	return async (request, itemIndex) => {
		const output = request.output ?? { kind: 'data' };
		let result: OperationResult;
		if (output.kind === 'list') {
			result = await fetchList.call(
				context,
				request.path,
				output.collection,
				{ limit: output.limit, query: request.query, scope: settings },
				itemIndex,
			);
		} else if (output.kind === 'pulled') {
			result = await fetchPulled.call(
				context,
				request.path,
				{
					collection: output.collection,
					limit: output.limit,
					paging: output.paging,
					query: request.query,
					settings,
				},
				itemIndex,
			);
		} else {
			const { method, path, query, body, bodyIsEnvelope } = request;
			const response = await oneAllApiRequest.call(
				context,
				{
					method,
					path,
					query,
					body,
					bodyIsEnvelope,
					kind: KIND_OF_INTENT[request.intent],
					...settings,
				},
				itemIndex,
			);
			if (output.kind === 'response') result = { response } as IDataObject;
			else if (output.kind === 'deleted') {
				result = response.alreadyDeleted
					? { deleted: true, ...output.ids, note: ALREADY_DELETED_NOTE }
					: { deleted: true, ...output.ids, ...resultData(response) };
			} else result = resultData(response);
		}
		return request.keepSecrets ? result : redactProviderTokens(result);
	};
}
