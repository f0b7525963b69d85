import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { apiPath } from '../../transport/path';
import { oneAllApiRequest, resultData } from '../../transport/request';
import { accountOutput, readOptions } from '../account/shared';
import { readToken } from '../common/read';
import { identityLocator } from '../common/locators';
import type { ExecutionScope } from '../operation';

const properties: INodeProperties[] = [
	identityLocator(),
	{
		displayName: 'Update User Data',
		name: 'updateUserData',
		type: 'boolean',
		default: true,
		description: "Whether to re-read the user's profile from the network too (off: only refresh the access token)",
	},
	{
		displayName: 'Force Token Update',
		name: 'forceTokenUpdate',
		type: 'boolean',
		default: false,
		description: 'Whether to refresh the access token even if it has not expired',
	},
	readOptions,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['identity'], operation: ['synchronize'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	scope: ExecutionScope,
): Promise<IDataObject> {
	const identity = readToken(this, 'identity', 'Identity token', itemIndex);
	const response = await oneAllApiRequest.call(
		this,
		{
			method: 'PUT',
			path: apiPath('/identities/{identity}/synchronize.json', { identity }),
			...scope,
			body: {
				synchronize: {
					update_user_data: this.getNodeParameter('updateUserData', itemIndex, true) as boolean,
					force_token_update: this.getNodeParameter('forceTokenUpdate', itemIndex, false) as boolean,
				},
			},
		},
		itemIndex,
	);
	return accountOutput(this, itemIndex, resultData(response));
}
