import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { fetchList } from '../../transport/list';
import { accountOutput, getManyProperties, getManySettings } from '../account/shared';
import type { ExecutionScope } from '../operation';

export const description = updateDisplayOptions(
	{ show: { resource: ['identity'], operation: ['getAll'] } },
	getManyProperties('identities'),
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	scope: ExecutionScope,
): Promise<IDataObject[]> {
	const entries = await fetchList.call(this, '/identities.json', 'identities', { ...getManySettings(this, itemIndex), pacer: scope.pacer }, itemIndex);
	return accountOutput(this, itemIndex, entries);
}
