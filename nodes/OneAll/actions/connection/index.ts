import type { INodeProperties } from 'n8n-workflow';

import { defineGet, defineGetMany } from '../account/defineRead';
import { operationProperty } from '../common/operationProperty';

export const get = defineGet('connection', '/connections/{connection}.json', {
	parameter: 'connection',
	label: 'Connection token',
	property: {
		displayName: 'Connection',
		name: 'connection',
		type: 'string',
		required: true,
		default: '',
		placeholder: '7a559a39-51a5-4f21-92aa-cc880da2233f',
		description:
			"The connection_token OneAll posted to your callback URL after a social login, e.g. mapped from a Webhook node's body",
	},
});
export const getAll = defineGetMany('connection', '/connections.json', 'connections');

export const description: INodeProperties[] = [
	operationProperty('connection', [
		{
			name: 'Get',
			value: 'get',
			action: 'Get a connection',
			description: 'Read who logged in, from the connection_token OneAll posted to your callback after a social login',
		},
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many connections',
			description: 'List the social logins made on your OneAll site',
		},
	]),
	...get.description,
	...getAll.description,
];
