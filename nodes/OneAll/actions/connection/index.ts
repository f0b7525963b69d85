import type { INodeProperties } from 'n8n-workflow';

import * as get from './get.operation';
import * as getAll from './getAll.operation';

export { get, getAll };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['connection'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				action: 'Get a connection',
				description:
					'Read who logged in, from the connection_token OneAll posted to your callback after a social login',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many connections',
				description: 'List the social logins made on your OneAll site',
			},
		],
		default: 'get',
	},
	...get.description,
	...getAll.description,
];
