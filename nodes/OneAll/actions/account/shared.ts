import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { failFor } from '../../helpers/fail';
import { redactProviderTokens } from '../../helpers/redact';

const INCLUDE_ACCESS_TOKENS: INodeProperties = {
	displayName: 'Include Access Tokens',
	name: 'includeAccessTokens',
	type: 'boolean',
	default: false,
	description:
		"Whether to keep the users' provider access tokens and secrets in the output. Off: they are replaced by [redacted], so they don't travel on to the next nodes.",
};

/** Options of every account read. */
export const readOptions: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [INCLUDE_ACCESS_TOKENS],
};

/** Return All / Limit / order, as n8n's "Get Many" operations have them. */
export function getManyProperties(what: string): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
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
			...readOptions,
			options: [
				INCLUDE_ACCESS_TOKENS,
				{
					displayName: 'Order',
					name: 'orderDirection',
					type: 'options',
					options: [
						{ name: 'Oldest First', value: 'asc' },
						{ name: 'Newest First', value: 'desc' },
					],
					default: 'asc',
					description: `Order of the ${what} by creation date`,
				},
			],
		},
	];
}

export function getManySettings(context: IExecuteFunctions, itemIndex: number) {
	const fail = failFor(context.getNode(), itemIndex);
	const returnAll = context.getNodeParameter('returnAll', itemIndex, false) === true;
	const options = context.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const limit = Number(context.getNodeParameter('limit', itemIndex, 50));
	if (!returnAll && !(Number.isInteger(limit) && limit >= 1)) fail('"Limit" must be a whole number of at least 1');
	const order = options.orderDirection;
	if (order !== undefined && order !== 'asc' && order !== 'desc') fail('"Order" must be asc or desc');
	return { limit: returnAll ? undefined : limit, query: order ? { order_direction: order } : {} };
}

/** Provider tokens are redacted unless the user asked for them. */
export function accountOutput<T extends IDataObject | IDataObject[]>(
	context: IExecuteFunctions,
	itemIndex: number,
	data: T,
): T {
	const options = context.getNodeParameter('options', itemIndex, {}) as IDataObject;
	return options.includeAccessTokens === true ? data : redactProviderTokens(data);
}
