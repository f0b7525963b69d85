import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { apiPath } from '../../transport/path';
import { oneAllApiRequest, resultData } from '../../transport/request';
import { accountOutput, readOptions } from '../account/shared';
import { locatorToken } from '../common/read';
import { identityLocator } from '../common/locators';
import type { ExecutionScope } from '../operation';

export const description = updateDisplayOptions({ show: { resource: ['identity'], operation: ['get'] } }, [
	identityLocator(),
	readOptions,
]);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	scope: ExecutionScope,
): Promise<IDataObject> {
	const identity = locatorToken(this, 'identity', itemIndex);
	const response = await oneAllApiRequest.call(
		this,
		{ method: 'GET', path: apiPath('/identities/{identity}.json', { identity }), pacer: scope.pacer },
		itemIndex,
	);
	return accountOutput(this, itemIndex, resultData(response));
}
