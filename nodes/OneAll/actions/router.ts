import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { RequestPacer } from '../transport/pacer';
import { DEFAULT_CONCURRENCY } from './common/batching';
import type { ExecutionScope, OperationResult } from './operation';
import { operations } from './resources';

const MAX_CONCURRENCY = 50;

function asNodeError(context: IExecuteFunctions, error: unknown, itemIndex: number) {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeOperationError(context.getNode(), error as Error, { itemIndex });
}

function errorItem(error: NodeApiError | NodeOperationError, itemIndex: number): INodeExecutionData {
	return {
		json: {
			error: error.message,
			...(error.description ? { description: error.description } : {}),
			...('httpCode' in error && error.httpCode ? { httpCode: error.httpCode } : {}),
		},
		pairedItem: { item: itemIndex },
	};
}

/** Batching settings live in the operation's Options; the defaults apply where there are none. */
function batching(context: IExecuteFunctions) {
	const options = context.getNodeParameter('options', 0, {}) as IDataObject;
	const concurrency = Math.round(Number(options.concurrency ?? DEFAULT_CONCURRENCY));
	const maxRequestsPerSecond = Number(options.maxRequestsPerSecond ?? 0);
	const timeoutSeconds = Number(options.timeout ?? 0);
	return {
		concurrency: Number.isFinite(concurrency) ? Math.min(Math.max(concurrency, 1), MAX_CONCURRENCY) : 1,
		maxRequestsPerSecond: Number.isFinite(maxRequestsPerSecond) ? Math.max(maxRequestsPerSecond, 0) : 0,
		timeoutMs: Number.isFinite(timeoutSeconds) && timeoutSeconds > 0 ? timeoutSeconds * 1000 : undefined,
	};
}

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const implementation = operations[resource]?.[operation];
	if (!implementation) {
		throw new NodeOperationError(this.getNode(), `The operation "${operation}" of "${resource}" is not supported`);
	}
	const { concurrency, maxRequestsPerSecond, timeoutMs } = batching(this);
	const scope: ExecutionScope = { pacer: new RequestPacer(maxRequestsPerSecond), timeoutMs };
	const continueOnFail = this.continueOnFail();

	// First every item's parameters are read and checked (nothing is sent if one is bad and errors
	// stop the node), then the items are sent `concurrency` at a time; outputs keep the input order.
	const results: INodeExecutionData[][] = new Array(items.length);
	const calls: Array<(() => Promise<OperationResult>) | undefined> = new Array(items.length);
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			calls[itemIndex] = implementation.prepare
				? implementation.prepare.call(this, itemIndex, scope)
				: async () => await implementation.execute.call(this, itemIndex, scope);
		} catch (error) {
			const nodeError = asNodeError(this, error, itemIndex);
			if (!continueOnFail) throw nodeError;
			results[itemIndex] = [errorItem(nodeError, itemIndex)];
		}
	}

	let next = 0;
	let failure: NodeApiError | NodeOperationError | undefined;
	const worker = async () => {
		while (failure === undefined && next < items.length) {
			const itemIndex = next++;
			const call = calls[itemIndex];
			if (!call) continue;
			try {
				results[itemIndex] = this.helpers.constructExecutionMetaData(this.helpers.returnJsonArray(await call()), {
					itemData: { item: itemIndex },
				});
			} catch (error) {
				const nodeError = asNodeError(this, error, itemIndex);
				if (continueOnFail) results[itemIndex] = [errorItem(nodeError, itemIndex)];
				// Stop starting new items: what has not been sent stays unsent.
				else failure ??= nodeError;
			}
		}
	};
	await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
	if (failure) throw failure;
	return [results.flat()];
}
