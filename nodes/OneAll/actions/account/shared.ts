import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { Fail } from '../../helpers/fail';
import { asCollection, asOption, asWholeNumber, optionFlag } from '../../helpers/validation';
import { nodeParameter } from '../common/parameters';

/** Include Access Tokens: the one definition, used by the account reads, Sharing and both triggers. */
export const INCLUDE_ACCESS_TOKENS: INodeProperties = {
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

export type Order = 'asc' | 'desc';

/** Return All, as n8n's "Get Many" operations have it. */
export const RETURN_ALL: INodeProperties = {
	displayName: 'Return All',
	name: 'returnAll',
	type: 'boolean',
	default: false,
	description: 'Whether to return all results or only up to a given limit',
};

/** Limit, shown while Return All is off. */
export const LIMIT: INodeProperties = {
	displayName: 'Limit',
	name: 'limit',
	type: 'number',
	typeOptions: { minValue: 1 },
	default: 50,
	description: 'Max number of results to return',
	displayOptions: { show: { returnAll: [false] } },
};

/** The item's Limit, checked; undefined when Return All is on. */
export function readLimit(context: IExecuteFunctions, itemIndex: number, fail: Fail, returnAllByDefault = false): number | undefined {
	const returnAll = nodeParameter(context, 'returnAll', itemIndex, returnAllByDefault) === true;
	return returnAll ? undefined : asWholeNumber(nodeParameter(context, 'limit', itemIndex, 50), '"Limit"', 1, fail);
}

/** Return All / Limit / order, as n8n's "Get Many" operations have them; `order` is what OneAll is asked for by default. */
export function getManyProperties(what: string, order: Order = 'asc'): INodeProperties[] {
	return [
		RETURN_ALL,
		LIMIT,
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
					default: order,
					description: `Order of the ${what} by creation date`,
				},
			],
		},
	];
}

/** Include Access Tokens, from the item's Options. */
export function keepsSecrets(context: IExecuteFunctions, itemIndex: number, fail: Fail): boolean {
	const options = asCollection(nodeParameter(context, 'options', itemIndex, {}), 'Options', fail);
	return optionFlag(options, 'includeAccessTokens', 'Include Access Tokens', fail);
}

/** Return All / Limit / Order of one item, checked. Without an Order, `order` is sent when it isn't OneAll's default (asc). */
export function readGetMany(context: IExecuteFunctions, itemIndex: number, fail: Fail, order: Order = 'asc') {
	const options = asCollection(nodeParameter(context, 'options', itemIndex, {}), 'Options', fail);
	const limit = readLimit(context, itemIndex, fail);
	const chosen =
		options.orderDirection === undefined
			? order === 'asc'
				? undefined
				: order
			: asOption(options.orderDirection, '"Order"', ['asc', 'desc'], fail);
	return { limit, query: chosen ? { order_direction: chosen } : {} };
}
