import type { INodeProperties } from 'n8n-workflow';

import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as relink from './relink.operation';
import * as synchronize from './synchronize.operation';

export { get, getAll, relink, synchronize };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['identity'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				action: 'Get an identity',
				description: "Read a connected social account: provider, profile and (on request) its access token",
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many identities',
				description: 'List the social accounts connected to your OneAll site',
			},
			{
				name: 'Relink to User',
				value: 'relink',
				action: 'Relink an identity to another user',
				description: 'Move a connected social account to another OneAll user',
			},
			{
				name: 'Synchronize',
				value: 'synchronize',
				action: 'Synchronize an identity',
				description: "Refresh an identity's access token and profile, e.g. after a push failed for an expired token",
			},
		],
		default: 'get',
	},
	...get.description,
	...getAll.description,
	...relink.description,
	...synchronize.description,
];
