import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { apiPath } from '../../transport/path';
import { oneAllApiRequest, resultData } from '../../transport/request';
import { accountOutput, readOptions } from '../account/shared';
import { locatorToken } from '../common/read';
import { identityLocator } from '../common/locators';

export const description = updateDisplayOptions({ show: { resource: ['identity'], operation: ['get'] } }, [
	identityLocator(),
	readOptions,
]);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const identity = locatorToken(this, 'identity', itemIndex);
	const response = await oneAllApiRequest.call(
		this,
		{ method: 'GET', path: apiPath('/identities/{identity}.json', { identity }) },
		itemIndex,
	);
	return accountOutput(this, itemIndex, resultData(response));
}
