import type { IExecuteFunctions } from 'n8n-workflow';

import { failFor } from '../../helpers/fail';
import { apiPath } from '../../transport/path';
import { BATCHING_OPTIONS } from '../common/batching';
import { locatorProperty, readLocator } from '../common/locators';
import type { OperationDefinition, RequestDescription } from '../operation';

/**
 * Delete of an identity or a user (docs/oneall-api.md §7.1, §7.2, §8.6): DELETE with
 * `?confirm_deletion=true`, which OneAll's SDKs and examples send on every delete.
 */
export function deleteOperation(text: {
	kind: 'identity' | 'user';
	action: string;
	/** What OneAll removes, shown in the dropdown and to AI agents. */
	description: string;
	/** Path with one `{token}` placeholder. */
	path: string;
	/** Output key of the deleted token. */
	idKey: string;
}): OperationDefinition {
	return {
		value: 'delete',
		name: 'Delete',
		action: text.action,
		description: text.description,
		properties: [
			locatorProperty(text.kind),
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: BATCHING_OPTIONS,
			},
		],
		prepare(this: IExecuteFunctions, itemIndex: number): RequestDescription {
			const fail = failFor(this.getNode(), itemIndex);
			const token = readLocator(this, itemIndex, text.kind, fail);
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
