import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { failFor, type Fail } from '../../helpers/fail';
import { apiPath } from '../../transport/path';
import type { OperationDefinition, RequestDescription } from '../operation';
import { getManyProperties, keepsSecrets, readGetMany, readOptions } from './shared';

interface ReadText {
	action: string;
	description: string;
}

/** Get: one object by its token, output as OneAll's `result.data` (tokens redacted unless asked for). */
export function getOperation(
	text: ReadText & {
		/** Path with one `{token}` placeholder. */
		path: string;
		property: INodeProperties;
		readToken: (context: IExecuteFunctions, itemIndex: number, fail: Fail) => string;
	},
): OperationDefinition {
	return {
		value: 'get',
		name: 'Get',
		action: text.action,
		description: text.description,
		properties: [text.property, readOptions],
		prepare(this: IExecuteFunctions, itemIndex: number): RequestDescription {
			const fail = failFor(this.getNode(), itemIndex);
			return {
				method: 'GET',
				path: apiPath(text.path, { token: text.readToken(this, itemIndex, fail) }),
				intent: 'read',
				keepSecrets: keepsSecrets(this, itemIndex, fail),
			};
		},
	};
}

/** Get Many: walks OneAll's pages of `result.data.<collection>`, one output item per entry. */
export function getManyOperation(text: ReadText & { path: string; collection: string }): OperationDefinition {
	return {
		value: 'getAll',
		name: 'Get Many',
		action: text.action,
		description: text.description,
		properties: getManyProperties(text.collection),
		prepare(this: IExecuteFunctions, itemIndex: number): RequestDescription {
			const fail = failFor(this.getNode(), itemIndex);
			const { limit, query } = readGetMany(this, itemIndex, fail);
			return {
				method: 'GET',
				path: text.path,
				query,
				intent: 'read',
				output: { kind: 'list', collection: text.collection, limit },
				keepSecrets: keepsSecrets(this, itemIndex, fail),
			};
		},
	};
}
