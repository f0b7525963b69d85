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
 * redacted unless the user kept them. A request with a `resolve` step first sends its read the same way.
 */
export function executionSender(context: IExecuteFunctions, batching: Batching): Send {
	const settings: RequestSettings = {
		pacer: new RequestPacer(batching.maxRequestsPerSecond),
		timeoutMs: batching.timeoutMs,
	};

	async function sendOne(request: RequestDescription, itemIndex: number): Promise<OperationResult> {
		const output = request.output ?? { kind: 'data' };
		if (output.kind === 'list') {
			return await fetchList.call(
				context,
				request.path,
				output.collection,
				{ limit: output.limit, query: request.query, scope: settings },
				itemIndex,
			);
		}
		const { method, path, query, body, bodyIsEnvelope } = request;
		const response = await oneAllApiRequest.call(context, { method, path, query, body, bodyIsEnvelope, ...settings }, itemIndex);
		if (output.kind === 'response') return { response } as IDataObject;
		const data = resultData(response);
		return output.withStatus && response.request?.status ? { status: response.request.status as IDataObject, ...data } : data;
	}

	return async (request, itemIndex) => {
		let complete = request;
		if (request.resolve) {
			// The read's answer only completes the request: it never reaches the output, so it stays unredacted.
			const answer = await sendOne({ ...request.resolve.read, output: { kind: 'data' } }, itemIndex);
			complete = request.resolve.complete(answer as IDataObject);
		}
		const result = await sendOne(complete, itemIndex);
		return complete.keepSecrets ? result : redactProviderTokens(result);
	};
}
