import type { IExecuteFunctions } from 'n8n-workflow';

import { failFor } from '../../helpers/fail';
import { LIMIT, readLimit, RETURN_ALL } from '../account/shared';
import { BATCHING_OPTIONS } from '../common/batching';
import type { RequestDescription, ResourceDefinition } from '../operation';

/** The networks OneAll offers (docs/oneall-api.md §6.5): one item per provider. */
export const providerResource: ResourceDefinition = {
	value: 'provider',
	name: 'Provider',
	operations: [
		{
			value: 'getAll',
			name: 'Get Many',
			action: 'Get many providers',
			description: 'List the social networks (providers) OneAll supports, with the key each one has in the API',
			docs: {
				request: 'GET /providers.json',
				certainty: 'docs',
				source: 'docs/oneall-api.md §6.5 (path: docs providers table, php-sdk Provider::getAll; list key "providers": guess)',
			},
			properties: [
				{ ...RETURN_ALL, default: true },
				LIMIT,
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
				const limit = readLimit(this, itemIndex, fail, true);
				return { method: 'GET', path: '/providers.json', intent: 'read', output: { kind: 'list', collection: 'providers', limit } };
			},
		},
	],
};
