import type { IExecuteFunctions } from 'n8n-workflow';

import { failFor } from '../../helpers/fail';
import { asWholeNumber } from '../../helpers/validation';
import { BATCHING_OPTIONS } from '../common/batching';
import { nodeParameter } from '../common/parameters';
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
				{
					displayName: 'Return All',
					name: 'returnAll',
					type: 'boolean',
					default: true,
					description: 'Whether to return all results or only up to a given limit',
				},
				{
					displayName: 'Limit',
					name: 'limit',
					type: 'number',
					typeOptions: { minValue: 1 },
					default: 50,
					description: 'Max number of results to return',
					displayOptions: { show: { returnAll: [false] } },
				},
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
				const returnAll = nodeParameter(this, 'returnAll', itemIndex, true) === true;
				const limit = returnAll ? undefined : asWholeNumber(nodeParameter(this, 'limit', itemIndex, 50), '"Limit"', 1, fail);
				return { method: 'GET', path: '/providers.json', intent: 'read', output: { kind: 'list', collection: 'providers', limit } };
			},
		},
	],
};
