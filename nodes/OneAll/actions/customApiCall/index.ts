import type { INodeProperties } from 'n8n-workflow';

import { operationProperty } from '../common/operationProperty';
import * as call from './call.operation';

export { call };

export const description: INodeProperties[] = [
	operationProperty('customApiCall', [
		{
			name: 'Make a Call',
			value: 'call',
			action: 'Make a custom API call',
			description: "Call any OneAll endpoint the node doesn't model yet, with the credential's authentication",
		},
	]),
	...call.description,
];
