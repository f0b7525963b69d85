import type { INodeProperties } from 'n8n-workflow';

import { defineGet, defineGetMany } from '../account/defineRead';
import { identityLocator } from '../common/locators';
import { operationProperty } from '../common/operationProperty';
import * as relink from './relink.operation';
import * as synchronize from './synchronize.operation';

export const get = defineGet('identity', '/identities/{identity}.json', {
	parameter: 'identity',
	label: 'Identity token',
	property: identityLocator(),
});
export const getAll = defineGetMany('identity', '/identities.json', 'identities');
export { relink, synchronize };

export const description: INodeProperties[] = [
	operationProperty('identity', [
		{
			name: 'Get',
			value: 'get',
			action: 'Get an identity',
			description: 'Read a connected social account: provider, profile and (on request) its access token',
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
	]),
	...get.description,
	...getAll.description,
	...relink.description,
	...synchronize.description,
];
