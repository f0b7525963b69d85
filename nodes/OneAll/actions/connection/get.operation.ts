import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { failFor } from '../../helpers/fail';
import { apiPath, tokenSegment } from '../../transport/path';
import { oneAllApiRequest, resultData } from '../../transport/request';
import { accountOutput, readOptions } from '../account/shared';
import type { ExecutionScope } from '../operation';

export const description = updateDisplayOptions({ show: { resource: ['connection'], operation: ['get'] } }, [
	{
		displayName: 'Connection',
		name: 'connection',
		type: 'string',
		required: true,
		default: '',
		placeholder: '7a559a39-51a5-4f21-92aa-cc880da2233f',
		description:
			"The connection_token OneAll posted to your callback URL after a social login, e.g. mapped from a Webhook node's body",
	},
	readOptions,
]);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	scope: ExecutionScope,
): Promise<IDataObject> {
	const connection = tokenSegment(
		this.getNodeParameter('connection', itemIndex, ''),
		'Connection token',
		failFor(this.getNode(), itemIndex),
	);
	const response = await oneAllApiRequest.call(
		this,
		{ method: 'GET', path: apiPath('/connections/{connection}.json', { connection }), pacer: scope.pacer },
		itemIndex,
	);
	return accountOutput(this, itemIndex, resultData(response));
}
