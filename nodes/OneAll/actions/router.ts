import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { readBatching } from './common/batching';
import { isSplitOutput, type Caveat, type RequestDescription, type SplitOutput } from './operation';
import { findOperation } from './registry';
import { executionSender } from './send';

type NodeError = NodeApiError | NodeOperationError;

function asNodeError(context: IExecuteFunctions, error: unknown, itemIndex: number): NodeError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeOperationError(context.getNode(), error as Error, { itemIndex });
}

/**
 * OneAll's answer to an operation with a caveat (a retired endpoint, a network's restriction) gets the
 * likely reason first in its description; errors that are not OneAll's answers (timeouts) are left alone.
 */
function withCaveat(error: NodeError, caveat: Caveat | undefined): NodeError {
	if (!caveat || !(error instanceof NodeApiError)) return error;
	const code = String(error.httpCode ?? '');
	if (!/^[45]\d\d$/.test(code) || (caveat.status !== undefined && String(caveat.status) !== code)) return error;
	error.description = [caveat.onError, error.description].filter(Boolean).join('\n');
	return error;
}

/**
 * A failed item under Continue On Fail: OneAll's message as `error`, with the description and HTTP code.
 * For On Error → Continue (using error output), n8n moves an item to the error output only by its json:
 * n8n 1.x only when the json is `{ error }` or `{ error, message }`, n8n 2.x also with `details`
 * (n8n-core's handleNodeErrorOutput). An `error` on the item itself is routed by both, but n8n then
 * replaces the json by the message alone. So there the json is `{ error: { message, … } }`, as n8n's HTTP
 * Request node gives it. `known` is what the item is about (which network), kept next to the error; the
 * error's own `message` wins over a network's (it quotes it).
 */
export function errorItem(error: NodeError, itemIndex: number, toErrorOutput: boolean, known: IDataObject = {}): INodeExecutionData {
	const about = {
		...known,
		...(error.description ? { description: error.description } : {}),
		...('httpCode' in error && error.httpCode ? { httpCode: error.httpCode } : {}),
	};
	return {
		json: toErrorOutput ? { error: { ...about, message: error.message } } : { error: error.message, ...about },
		pairedItem: { item: itemIndex },
	};
}

/**
 * The output items of an item that gave several (one per network), each paired with it. Under Continue
 * On Fail (or the error output) a failed part is an error item that keeps what it is about (which
 * network); otherwise it stays a regular item saying it failed, unless every part failed.
 */
function splitItems(output: SplitOutput, itemIndex: number, onFail: { continueOnFail: boolean; toErrorOutput: boolean }) {
	const failed = output.split.filter((part) => part.failure);
	if (!onFail.continueOnFail && failed.length > 0 && failed.length === output.split.length) throw output.allFailed;
	return output.split.map(({ json, failure }): INodeExecutionData =>
		failure && onFail.continueOnFail
			? errorItem(failure, itemIndex, onFail.toErrorOutput, json)
			: { json, pairedItem: { item: itemIndex } },
	);
}

/**
 * The item loop of every operation. First each item is prepared (parameters read and checked, the
 * request described): nothing is sent while one is bad, unless Continue On Fail turns it into an error
 * item. Then the requests go out `concurrency` at a time; outputs keep the input order.
 */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const definition = findOperation(resource, operation);
	if (!definition) {
		throw new NodeOperationError(this.getNode(), `The operation "${operation}" of "${resource}" is not supported`);
	}
	const batching = readBatching(this);
	const continueOnFail = this.continueOnFail();
	const toErrorOutput = this.getNode().onError === 'continueErrorOutput';

	const results: INodeExecutionData[][] = new Array(items.length);
	const requests: Array<RequestDescription | undefined> = new Array(items.length);
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			requests[itemIndex] = await definition.prepare.call(this, itemIndex);
		} catch (error) {
			const nodeError = asNodeError(this, error, itemIndex);
			if (!continueOnFail) throw nodeError;
			results[itemIndex] = [errorItem(nodeError, itemIndex, toErrorOutput)];
		}
	}

	const send = executionSender(this, batching);
	let next = 0;
	let failure: NodeError | undefined;
	const worker = async () => {
		while (failure === undefined && next < items.length) {
			const itemIndex = next++;
			const request = requests[itemIndex];
			if (!request) continue;
			try {
				const answer = await send(request, itemIndex);
				results[itemIndex] = isSplitOutput(answer)
					? splitItems(answer, itemIndex, { continueOnFail, toErrorOutput })
					: this.helpers.constructExecutionMetaData(this.helpers.returnJsonArray(answer), {
							itemData: { item: itemIndex },
						});
			} catch (error) {
				const nodeError = withCaveat(asNodeError(this, error, itemIndex), definition.caveat);
				if (continueOnFail) results[itemIndex] = [errorItem(nodeError, itemIndex, toErrorOutput)];
				// Stop starting new items: what has not been sent stays unsent.
				else failure ??= nodeError;
			}
		}
	};
	await Promise.all(Array.from({ length: Math.min(batching.concurrency, items.length) }, worker));
	if (failure) throw failure;
	return [results.flat()];
}
