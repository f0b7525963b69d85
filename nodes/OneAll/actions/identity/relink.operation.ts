import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { apiPath } from '../../transport/path';
import { oneAllApiRequest, resultData } from '../../transport/request';
import { accountOutput, readOptions } from '../account/shared';
import { readToken } from '../common/read';
import { identityLocator, userLocator } from '../common/locators';
import type { ExecutionScope } from '../operation';

export const description = updateDisplayOptions({ show: { resource: ['identity'], operation: ['relink'] } }, [
	identityLocator(),
	{ ...userLocator, displayName: 'Link To User', description: 'The OneAll user the identity moves to' },
	readOptions,
]);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	scope: ExecutionScope,
): Promise<IDataObject> {
	const identity = readToken(this, 'identity', 'Identity token', itemIndex);
	const userToken = readToken(this, 'user', 'User token', itemIndex);
	const response = await oneAllApiRequest.call(
		this,
		{
			method: 'PUT',
			path: apiPath('/identities/{identity}/link.json', { identity }),
			body: { user: { user_token: userToken } },
			...scope,
		},
		itemIndex,
	);
	return accountOutput(this, itemIndex, resultData(response));
}
