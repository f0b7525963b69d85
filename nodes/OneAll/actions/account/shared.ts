import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { Fail } from '../../helpers/fail';
import { asCollection, asOption, asWholeNumber, optionFlag } from '../../helpers/validation';

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

/** Include Access Tokens, from the item's Options. */
export function keepsSecrets(context: IExecuteFunctions, itemIndex: number, fail: Fail): boolean {
	const options = asCollection(context.getNodeParameter('options', itemIndex, {}), 'Options', fail);
	return optionFlag(options, 'includeAccessTokens', 'Include Access Tokens', fail);
}

/** Return All / Limit / Order of one item, checked. */
export function readGetMany(context: IExecuteFunctions, itemIndex: number, fail: Fail) {
	const returnAll = context.getNodeParameter('returnAll', itemIndex, false) === true;
	const options = asCollection(context.getNodeParameter('options', itemIndex, {}), 'Options', fail);
	const limit = returnAll ? undefined : asWholeNumber(context.getNodeParameter('limit', itemIndex, 50), '"Limit"', 1, fail);
	const order = options.orderDirection === undefined ? undefined : asOption(options.orderDirection, '"Order"', ['asc', 'desc'], fail);
	return { limit, query: order ? { order_direction: order } : {} };
}
