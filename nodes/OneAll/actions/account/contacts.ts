import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { failFor } from '../../helpers/fail';
import { asCollection, asOption, asWholeNumber, optionFlag } from '../../helpers/validation';
import { MAX_PAGE_SIZE } from '../../transport/list';
import { apiPath } from '../../transport/path';
import { locatorProperty, readLocator } from '../common/locators';
import { nodeParameter } from '../common/parameters';
import type { OperationDefinition, RequestDescription } from '../operation';
import { INCLUDE_ACCESS_TOKENS } from './shared';

const BYPASS_CACHE: INodeProperties = {
	displayName: 'Bypass Cache',
	name: 'disableCache',
	type: 'boolean',
	default: false,
	description:
		"Whether to read the contacts from the network now instead of OneAll's daily cache (slower; counts against the network's limits)",
};

/** Page options of the identity contacts, as OneAll's SDK and examples send them. */
const PAGE_OPTIONS: INodeProperties[] = [
	{
		displayName: 'Page',
		name: 'page',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 1,
		description: 'Which page of contacts to read (OneAll pages lists of contacts)',
	},
	{
		displayName: 'Contacts per Page',
		name: 'entriesPerPage',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: MAX_PAGE_SIZE },
		default: 250,
		description: `How many contacts a page holds, at most ${MAX_PAGE_SIZE}`,
	},
	{
		displayName: 'Order',
		name: 'orderDirection',
		type: 'options',
		options: [
			{ name: 'Ascending', value: 'asc' },
			{ name: 'Descending', value: 'desc' },
		],
		default: 'asc',
		description: 'Order of the contacts',
	},
];

/**
 * Contacts of a user or an identity (docs/oneall-api.md §7.1, §7.2): OneAll reads them from the network
 * and caches them for a day. The output is OneAll's `result.data` as it comes (the cache's dates and the
 * contacts): its list key is not public, so nothing is guessed from it.
 */
export function contactsOperation(kind: 'user' | 'identity'): OperationDefinition {
	const paged = kind === 'identity';
	const path = kind === 'user' ? '/users/{token}/contacts.json' : '/identities/{token}/contacts.json';
	return {
		value: 'getContacts',
		name: 'Get Contacts',
		action: kind === 'user' ? "Get a user's contacts" : "Get an identity's contacts",
		description:
			kind === 'user'
				? "Read the contacts (friends, followers) of a user's social accounts, as OneAll normalizes them"
				: 'Read the contacts (friends, followers) of one social account, as OneAll normalizes them',
		docs: {
			request: `GET ${path.replace('{token}', `<${kind}_token>`)}`,
			certainty: 'docs',
			source: `docs/oneall-api.md ${paged ? '§7.1' : '§7.2'} (path: docs; disable_cache${paged ? ', page, entries_per_page, order_direction' : ''}: sdk)`,
		},
		properties: [
			locatorProperty(kind),
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [BYPASS_CACHE, ...(paged ? PAGE_OPTIONS : []), INCLUDE_ACCESS_TOKENS],
			},
		],
		prepare(this: IExecuteFunctions, itemIndex: number): RequestDescription {
			const fail = failFor(this.getNode(), itemIndex);
			const token = readLocator(this, itemIndex, kind, fail);
			const options = asCollection(nodeParameter(this, 'options', itemIndex, {}), 'Options', fail);
			// OneAll's examples send the flag every time, as text.
			const query: IDataObject = { disable_cache: String(optionFlag(options, 'disableCache', 'Bypass Cache', fail)) };
			if (paged) {
				if (options.page !== undefined) query.page = asWholeNumber(options.page, '"Page"', 1, fail);
				if (options.entriesPerPage !== undefined) {
					const size = asWholeNumber(options.entriesPerPage, '"Contacts per Page"', 1, fail);
					if (size > MAX_PAGE_SIZE) fail(`"Contacts per Page" must be at most ${MAX_PAGE_SIZE}`);
					query.entries_per_page = size;
				}
				if (options.orderDirection !== undefined) {
					query.order_direction = asOption(options.orderDirection, '"Order"', ['asc', 'desc'], fail);
				}
			}
			return {
				method: 'GET',
				path: apiPath(path, { token }),
				query,
				intent: 'read',
				keepSecrets: optionFlag(options, 'includeAccessTokens', 'Include Access Tokens', fail),
			};
		},
	};
}
