import type { IDataObject, IExecuteFunctions, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { redactProviderTokens } from '../helpers/redact';
import { fetchList } from '../transport/list';
import { readDataList, type ListShapeError } from '../transport/listAnswer';
import { hasResultData, type OneAllResponse } from '../transport/envelope';
import { ExecutionPacer } from '../transport/sitePace';
import { oneAllApiRequest, resultData, type RequestSettings } from '../transport/request';
import { rerunGuard } from '../transport/rerun';
import type { RequestKind } from '../transport/retryPolicy';
import type { Batching } from './common/batching';
import {
	isSplitOutput,
	type FanOut,
	type OperationResult,
	type OutputPart,
	type RequestDescription,
	type RequestIntent,
	type SplitOutput,
} from './operation';
import { fetchPulled } from './pull/fetchPulled';
import { PublishedChecks } from './push/publishedChecks';

export type Send = (request: RequestDescription, itemIndex: number) => Promise<OperationResult | SplitOutput>;

/** The transport's retry policy follows what the request does (README "Retries"). */
const KIND_OF_INTENT: Record<RequestIntent, RequestKind> = {
	read: 'read',
	write: 'write',
	update: 'update',
	delete: 'delete',
};

/** OneAll's own plugins test a site's keys with it (docs/oneall-api.md §7.5). */
const PING_PATH = '/tools/ping.json';

export const ALREADY_DELETED_NOTE =
	'OneAll answered 404 Not Found to a re-sent delete whose first answer was lost: the first attempt deleted it, so it is already gone.';

/** `result.data.entries` read by the list rules (`{count: 0}` is empty); any other shape is an error. */
function entriesOfData(context: IExecuteFunctions, response: OneAllResponse, what: string, path: string, itemIndex: number): IDataObject[] {
	try {
		return readDataList(response.result?.data, what);
	} catch (error) {
		const shape = error as ListShapeError;
		throw new NodeApiError(context.getNode(), (response.result ?? {}) as JsonObject, {
			message: `${shape.message} (GET ${path})`,
			description: `${shape.description ?? ''} Use a Custom API Call to see the raw answer.`.trim(),
			itemIndex,
		});
	}
}

/** Each part's json only: a part's failure stays the error it is. */
function redactParts(output: SplitOutput): SplitOutput {
	return { ...output, split: output.split.map((part) => ({ ...part, json: redactProviderTokens(part.json) })) };
}

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
	const checks = new PublishedChecks(context.getNode(), async (read, itemIndex) => (await sendOne(read, itemIndex)) as IDataObject[]);

	/**
	 * A write, once per execution (the re-run guard); with Skip If Already Published, only after a read of
	 * the target shows it is not there yet, which also settles a write an earlier try left uncertain.
	 */
	async function write(request: RequestDescription, itemIndex: number, deliver: () => Promise<OperationResult>) {
		const check = request.alreadyPublished;
		if (!check) return await rerun.write(request, itemIndex, deliver);
		return await rerun.write(request, itemIndex, async () => await checks.publish(check, itemIndex, deliver), { checksFirst: true });
	}

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
		const { method, path, query, bodyIsEnvelope, secrets } = request;
		const body = request.finishBody ? await request.finishBody() : request.body;
		const kind = KIND_OF_INTENT[request.intent];
		const response = await oneAllApiRequest.call(
			context,
			{ method, path, query, body, bodyIsEnvelope, kind, secrets, showSecretsInAnswer: request.keepSecrets, ...settings },
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
		if (output.kind === 'entries') return entriesOfData(context, response, output.what, path, itemIndex);
		if (request.intent === 'read' && output.kind === 'data' && !output.dataOptional && !hasResultData(response)) {
			// What a read returns is required: a success without it must not pass as an item holding only the status.
			throw new NodeApiError(context.getNode(), (response.result ?? {}) as JsonObject, {
				message: `OneAll's answer has no result.data (GET ${path})`,
				description: `OneAll answered with success but without the data this read returns${response.result === undefined ? ' (no result)' : ''}. Use a Custom API Call to see the raw answer.`,
				itemIndex,
			});
		}
		const data = resultData(response);
		return output.withStatus && response.request?.status ? { status: response.request.status as IDataObject, ...data } : data;
	}

	/** One write after the other; a failed one is a failed part and the others still go out. */
	async function sendEach(fanOut: FanOut, itemIndex: number): Promise<SplitOutput> {
		const split: OutputPart[] = [];
		for (const { request, about } of fanOut.entries) {
			try {
				// Each network's push is its own write for the re-run guard: a re-run answers the published ones.
				const answer = await write(request, itemIndex, () => sendOne(request, itemIndex));
				const json = request.finish && !Array.isArray(answer) ? request.finish(answer) : answer;
				split.push({ json: isSplitOutput(json) || Array.isArray(json) ? about : json });
			} catch (error) {
				const failure =
					error instanceof NodeApiError || error instanceof NodeOperationError
						? error
						: new NodeOperationError(context.getNode(), error as Error, { itemIndex });
				const code = failure instanceof NodeApiError && failure.httpCode ? { code: failure.httpCode } : {};
				split.push({ json: { ...about, status: 'failed', message: failure.message, ...code }, failure });
			}
		}
		const failed = split.filter((part) => part.failure);
		return { split, allFailed: fanOut.noneSucceeded(failed) };
	}

	/** The output an error answer stands for when the request names its status as an outcome; else undefined. */
	async function outcomeOf(request: RequestDescription, error: unknown, itemIndex: number): Promise<IDataObject | undefined> {
		if (!(error instanceof NodeApiError) || !request.outcomes) return undefined;
		const outcome = request.outcomes[Number(error.httpCode)];
		if (!outcome) return undefined;
		if (outcome.confirmKeys) {
			// Throws the ping's own error (e.g. "check the public and private key") when the keys are wrong.
			await oneAllApiRequest.call(context, { method: 'GET', path: PING_PATH, kind: 'read', ...settings }, itemIndex);
		}
		return { ...outcome.output };
	}

	return async (request, itemIndex) => {
		let complete = request;
		if (request.resolve) {
			// The read's answer only completes the request: it never reaches the output, so it stays unredacted.
			const answer = await sendOne({ ...request.resolve.read, output: { kind: 'data' } }, itemIndex);
			complete = request.resolve.complete(answer as IDataObject);
		}
		if (complete.fanOut) return redactParts(await sendEach(complete.fanOut, itemIndex));
		// The re-run guard remembers OneAll's answer (redacted), not the finished output: `finish` may split
		// it into parts that carry errors, and makes them again from the remembered answer on a re-run.
		const deliver = async () => {
			const answer = await sendOne(complete, itemIndex);
			return complete.keepSecrets ? answer : redactProviderTokens(answer);
		};
		let answer: OperationResult;
		try {
			answer = complete.intent === 'write' ? await write(complete, itemIndex, deliver) : await deliver();
		} catch (error) {
			const outcome = await outcomeOf(complete, error, itemIndex);
			if (outcome !== undefined) return outcome;
			throw error instanceof NodeApiError || error instanceof NodeOperationError
				? error
				: new NodeOperationError(context.getNode(), error as Error, { itemIndex });
		}
		const result = complete.finish && !Array.isArray(answer) ? complete.finish(answer) : answer;
		if (complete.keepSecrets) return result;
		return isSplitOutput(result) ? redactParts(result) : redactProviderTokens(result);
	};
}
