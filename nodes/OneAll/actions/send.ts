import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { redactProviderTokens } from '../helpers/redact';
import { fetchList } from '../transport/list';
import { RequestPacer } from '../transport/pacer';
import { oneAllApiRequest, resultData, type RequestSettings } from '../transport/request';
import type { Batching } from './common/batching';
import type { OperationResult, RequestDescription } from './operation';

export type Send = (request: RequestDescription, itemIndex: number) => Promise<OperationResult>;

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
		} else {
			const { method, path, query, body, bodyIsEnvelope } = request;
			const response = await oneAllApiRequest.call(
				context,
				{ method, path, query, body, bodyIsEnvelope, ...settings },
				itemIndex,
			);
			result = output.kind === 'response' ? ({ response } as IDataObject) : resultData(response);
		}
		return request.keepSecrets ? result : redactProviderTokens(result);
	};
}
