import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { RequestPacer } from '../transport/pacer';
import type { RequestSettings } from '../transport/request';

/** What one node execution shares between its items: spread into every request. */
export interface ExecutionScope extends RequestSettings {
	pacer: RequestPacer;
}

export interface OperationModule {
	description: INodeProperties[];
	execute(this: IExecuteFunctions, itemIndex: number, scope: ExecutionScope): Promise<IDataObject | IDataObject[]>;
}
