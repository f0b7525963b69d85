import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { RequestPacer } from '../transport/pacer';
import type { RequestSettings } from '../transport/request';

/** What one node execution shares between its items: spread into every request. */
export interface ExecutionScope extends RequestSettings {
	pacer: RequestPacer;
}

export type OperationResult = IDataObject | IDataObject[];

export interface OperationModule {
	description: INodeProperties[];
	execute(this: IExecuteFunctions, itemIndex: number, scope: ExecutionScope): Promise<OperationResult>;
	/**
	 * Optional first phase: reads and checks the item's parameters without sending anything and
	 * returns the call that sends it. The router prepares every item before sending any.
	 */
	prepare?(this: IExecuteFunctions, itemIndex: number, scope: ExecutionScope): () => Promise<OperationResult>;
}
