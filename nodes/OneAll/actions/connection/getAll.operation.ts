import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { fetchList } from '../../transport/list';
import { accountOutput, getManyProperties, getManySettings } from '../account/shared';

export const description = updateDisplayOptions(
	{ show: { resource: ['connection'], operation: ['getAll'] } },
	getManyProperties('connections'),
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const entries = await fetchList.call(
		this,
		'/connections.json',
		'connections',
		getManySettings(this, itemIndex),
		itemIndex,
	);
	return accountOutput(this, itemIndex, entries);
}
