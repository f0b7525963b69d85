import type { INodeProperties } from 'n8n-workflow';

import { BATCHING_OPTIONS } from '../common/batching';

/** Options of the Sharing API's writes: the execution settings (Concurrency, Max Requests per Second, Timeout). */
export const writeOptions: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: BATCHING_OPTIONS,
};
