import type { INodeProperties } from 'n8n-workflow';

import { defineGet, defineGetMany } from '../account/defineRead';
import { userLocator } from '../common/locators';
import { operationProperty } from '../common/operationProperty';

export const get = defineGet('user', '/users/{user}.json', {
	parameter: 'user',
	label: 'User token',
	property: userLocator,
});
export const getAll = defineGetMany('user', '/users.json', 'users');

export const description: INodeProperties[] = [
	operationProperty('user', [
		{
			name: 'Get',
			value: 'get',
			action: 'Get a user',
			description: 'Read a OneAll user with the identities (social accounts) it owns',
		},
		{
			name: 'Get Many',
			value: 'getAll',
			action: 'Get many users',
			description: 'List the users of your OneAll site with their identities',
		},
	]),
	...get.description,
	...getAll.description,
];
