import type { INodeProperties } from 'n8n-workflow';

import * as call from './call.operation';

export { call };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['customApiCall'] } },
		options: [
			{
				name: 'Make a Call',
				value: 'call',
				action: 'Make a custom API call',
				description: "Call any OneAll endpoint the node doesn't model yet, with the credential's authentication",
			},
		],
		default: 'call',
	},
	...call.description,
];
