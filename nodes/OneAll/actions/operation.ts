import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { RequestPacer } from '../transport/pacer';

/** What one node execution shares between its items. */
export interface ExecutionScope {
	pacer: RequestPacer;
}

export interface OperationModule {
	description: INodeProperties[];
	execute(this: IExecuteFunctions, itemIndex: number, scope: ExecutionScope): Promise<IDataObject | IDataObject[]>;
}
