import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { failFor, type Fail } from '../../helpers/fail';
import { apiPath } from '../../transport/path';
import type { OperationDefinition, OperationDocs, RequestDescription } from '../operation';
import { getManyProperties, keepsSecrets, readGetMany, readOptions, type Order } from './shared';

interface ReadText {
	action: string;
	description: string;
}

/** An operation on one object named by its token in the path. */
type TokenText = ReadText & {
	/** Path with one `{token}` placeholder. */
	path: string;
	property: INodeProperties;
	readToken: (context: IExecuteFunctions, itemIndex: number, fail: Fail) => string;
	docs?: OperationDocs;
};

function tokenPath(context: IExecuteFunctions, text: TokenText, itemIndex: number, fail: Fail): string {
	return apiPath(text.path, { token: text.readToken(context, itemIndex, fail) });
}

/** Get: one object by its token, output as OneAll's `result.data` (tokens redacted unless asked for). */
export function getOperation(text: TokenText): OperationDefinition {
	return {
		value: 'get',
		name: 'Get',
		action: text.action,
		description: text.description,
		...(text.docs ? { docs: text.docs } : {}),
		properties: [text.property, readOptions],
		prepare(this: IExecuteFunctions, itemIndex: number): RequestDescription {
			const fail = failFor(this.getNode(), itemIndex);
			return {
				method: 'GET',
				path: tokenPath(this, text, itemIndex, fail),
				intent: 'read',
				keepSecrets: keepsSecrets(this, itemIndex, fail),
			};
		},
	};
}

/** Get Many: walks OneAll's pages of `result.data.<collection>`, one output item per entry. */
export function getManyOperation(
	text: ReadText & {
		path: string;
		collection: string;
		/** The order asked for by default (OneAll's own default is oldest first). */
		order?: Order;
		/** Filter fields shown before Return All, and the query they make. */
		filters?: {
			properties: INodeProperties[];
			read: (context: IExecuteFunctions, itemIndex: number, fail: Fail) => IDataObject;
		};
		docs?: OperationDocs;
	},
): OperationDefinition {
	return {
		value: 'getAll',
		name: 'Get Many',
		action: text.action,
		description: text.description,
		...(text.docs ? { docs: text.docs } : {}),
		properties: [...(text.filters?.properties ?? []), ...getManyProperties(text.collection, text.order)],
		prepare(this: IExecuteFunctions, itemIndex: number): RequestDescription {
			const fail = failFor(this.getNode(), itemIndex);
			const { limit, query } = readGetMany(this, itemIndex, fail, text.order);
			return {
				method: 'GET',
				path: text.path,
				query: {
					...(text.filters?.read(this, itemIndex, fail) ?? {}),
					...query,
				},
				intent: 'read',
				output: { kind: 'list', collection: text.collection, limit },
				keepSecrets: keepsSecrets(this, itemIndex, fail),
			};
		},
	};
}

/**
 * Delete: one object by its token, with `confirm_deletion=true` (OneAll's own examples send it for every
 * delete, docs/oneall-api.md §8.6). Outputs what every delete of the node outputs: `deleted: true`, the
 * token under `idKey`, and OneAll's status.
 */
export function deleteOperation(
	text: TokenText & {
		/** Output key of the deleted token, e.g. sharing_message_token. */
		idKey: string;
		/** A notice on the panel: what the delete does not do. */
		notice?: string;
	},
): OperationDefinition {
	return {
		value: 'delete',
		name: 'Delete',
		action: text.action,
		description: text.description,
		...(text.docs ? { docs: text.docs } : {}),
		properties: [
			...(text.notice ? [{ displayName: text.notice, name: 'deleteNotice', type: 'notice' as const, default: '' }] : []),
			text.property,
		],
		prepare(this: IExecuteFunctions, itemIndex: number): RequestDescription {
			const fail = failFor(this.getNode(), itemIndex);
			const token = text.readToken(this, itemIndex, fail);
			return {
				method: 'DELETE',
				path: apiPath(text.path, { token }),
				query: { confirm_deletion: 'true' },
				intent: 'delete',
				output: { kind: 'deleted', ids: { [text.idKey]: token } },
			};
		},
	};
}
