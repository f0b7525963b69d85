import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { redactProviderTokens } from '../helpers/redact';
import { fetchList } from '../transport/list';
import { ExecutionPacer } from '../transport/sitePace';
import { oneAllApiRequest, resultData, type RequestSettings } from '../transport/request';
import { rerunGuard } from '../transport/rerun';
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
 * redacted unless the user kept them. A request with a `resolve` step first sends its read the same way.
 * Writes go through the re-run guard: when n8n runs the node again in the same execution (Retry On
 * Fail), a write an earlier try sent is answered from memory or reported as not re-sent.
 */
export function executionSender(context: IExecuteFunctions, batching: Batching): Send {
	const settings: RequestSettings = {
		pacer: new ExecutionPacer(batching.maxRequestsPerSecond),
		timeoutMs: batching.timeoutMs,
	};
	const rerun = rerunGuard(context);

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
		if (output.kind === 'pulled') {
			const { collection, limit, paging } = output;
			return await fetchPulled.call(
				context,
				request.path,
				{ collection, limit, paging, query: request.query, settings },
				itemIndex,
			);
		}
		const { method, path, query, bodyIsEnvelope } = request;
		const body = request.finishBody ? await request.finishBody() : request.body;
		const kind = KIND_OF_INTENT[request.intent];
		const response = await oneAllApiRequest.call(
			context,
			{ method, path, query, body, bodyIsEnvelope, kind, ...settings },
			itemIndex,
		);
		// Any delete (also Sharing's) whose 404 came after a lost answer: the first attempt deleted it.
		if (response.alreadyDeleted) {
			return { deleted: true, ...(output.kind === 'deleted' ? output.ids : {}), note: ALREADY_DELETED_NOTE };
		}
		if (output.kind === 'response') return { response } as IDataObject;
		if (output.kind === 'deleted') {
			// One shape for every delete: deleted, the ids, OneAll's status (and any data it sent).
			const status = response.request?.status;
			return { deleted: true, ...output.ids, ...(status ? { status: status as IDataObject } : {}), ...resultData(response) };
		}
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
		const deliver = async () => {
			let result = await sendOne(complete, itemIndex);
			if (complete.finish && !Array.isArray(result)) result = complete.finish(result);
			return complete.keepSecrets ? result : redactProviderTokens(result);
		};
		return complete.intent === 'write' ? await rerun.write(complete, itemIndex, deliver) : await deliver();
	};
}
