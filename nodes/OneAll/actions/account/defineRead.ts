import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { fetchList } from '../../transport/list';
import { apiPath } from '../../transport/path';
import { oneAllApiRequest, resultData } from '../../transport/request';
import { readToken } from '../common/read';
import type { ExecutionScope, OperationModule } from '../operation';
import { accountOutput, getManyProperties, getManySettings, readOptions } from './shared';

/** Get Many: walks OneAll's pages of `result.data.<collection>`, one output item per entry. */
export function defineGetMany(resource: string, path: string, collection: string): OperationModule {
	return {
		description: updateDisplayOptions(
			{ show: { resource: [resource], operation: ['getAll'] } },
			getManyProperties(collection),
		),
		async execute(this: IExecuteFunctions, itemIndex: number, scope: ExecutionScope): Promise<IDataObject[]> {
			const settings = { ...getManySettings(this, itemIndex), scope };
			return accountOutput(this, itemIndex, await fetchList.call(this, path, collection, settings, itemIndex));
		},
	};
}

export interface TokenInput {
	/** The parameter holding the token; also the `{placeholder}` in the path. */
	parameter: string;
	label: string;
	property: INodeProperties;
}

/** Get: one object by its token, output as OneAll's `result.data`. */
export function defineGet(resource: string, path: string, token: TokenInput): OperationModule {
	return {
		description: updateDisplayOptions({ show: { resource: [resource], operation: ['get'] } }, [
			token.property,
			readOptions,
		]),
		async execute(this: IExecuteFunctions, itemIndex: number, scope: ExecutionScope): Promise<IDataObject> {
			const value = readToken(this, token.parameter, token.label, itemIndex);
			const response = await oneAllApiRequest.call(
				this,
				{ method: 'GET', path: apiPath(path, { [token.parameter]: value }), ...scope },
				itemIndex,
			);
			return accountOutput(this, itemIndex, resultData(response));
		},
	};
}
