import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { failFor, type Fail } from '../../helpers/fail';
import { asCollection, asText, asWholeNumber } from '../../helpers/validation';
import { MAX_PAGE_SIZE } from '../../transport/list';
import { apiPath } from '../../transport/path';
import { getManyOperation } from '../account/reads';
import { BATCHING_OPTIONS } from '../common/batching';
import { nodeParameter } from '../common/parameters';
import type { OperationDefinition, RequestDescription, ResourceDefinition } from '../operation';
import { sharingTokenField } from './tokens';

const SOURCE = 'docs/oneall-api.md §8.4';
const PAGE = '/sharing/pages/{token}.json';
const PAGE_BY_URL = '/sharing/pages/page.json';
const MAX_URL_LENGTH = 2048;

const pageToken = sharingTokenField(
	'sharingPageToken',
	'Sharing Page Token',
	'The sharing_page_token of a shared page, e.g. from Get Many',
);

/** Which page of the page's shares (each with date, IP and place) to read: OneAll pages them by 250. */
const SHARES_OPTIONS: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
		{
			displayName: 'Shares Page',
			name: 'page',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 1,
			description: 'Which page of the list of shares to include',
		},
		{
			displayName: 'Shares per Page',
			name: 'entriesPerPage',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: MAX_PAGE_SIZE },
			default: 250,
			description: `How many shares to include, at most ${MAX_PAGE_SIZE}`,
		},
		...BATCHING_OPTIONS,
	],
};

function sharesQuery(context: IExecuteFunctions, itemIndex: number, fail: Fail): IDataObject {
	const options = asCollection(nodeParameter(context, 'options', itemIndex, {}), 'Options', fail);
	const query: IDataObject = {};
	if (options.page !== undefined) query.page = asWholeNumber(options.page, '"Shares Page"', 1, fail);
	if (options.entriesPerPage !== undefined) {
		const size = asWholeNumber(options.entriesPerPage, '"Shares per Page"', 1, fail);
		if (size > MAX_PAGE_SIZE) fail(`"Shares per Page" must be at most ${MAX_PAGE_SIZE}`);
		query.entries_per_page = size;
	}
	return query;
}

/** The address of a shared page: OneAll takes it with or without http(s)://, so only its form is checked. */
function pageUrl(value: unknown, fail: Fail): string {
	const url = asText(value, '"Page URL"', fail).trim();
	if (url === '') fail('"Page URL" is empty');
	if (url.length > MAX_URL_LENGTH || /\s/.test(url) || !/^(https?:\/\/)?[^/\s.]+\.[^\s]+$/i.test(url)) {
		fail(`"Page URL" must be the address of a page, e.g. https://www.example.com/post`, `Got ${JSON.stringify(url.slice(0, 100))}.`);
	}
	return url;
}

function detailOperation(byUrl: boolean): OperationDefinition {
	return {
		value: byUrl ? 'getByUrl' : 'get',
		name: byUrl ? 'Get by URL' : 'Get',
		action: byUrl ? 'Get a shared page by its URL' : 'Get a shared page',
		description: `Read how often ${byUrl ? 'the page at a URL' : 'a page'} was shared through the Share Icons, with each share's date and place`,
		docs: {
			request: byUrl ? `GET ${PAGE_BY_URL}?page_url=<url>` : 'GET /sharing/pages/<sharing_page_token>.json',
			certainty: 'docs',
			source: `${SOURCE} (docs sharing/pages/read-page-details; shares paging: php-api-examples)`,
		},
		properties: [
			byUrl
				? {
						displayName: 'Page URL',
						name: 'pageUrl',
						type: 'string',
						required: true,
						default: '',
						placeholder: 'https://www.example.com/post',
						description: 'The address of the shared page; http://, https:// and no scheme name the same page',
					}
				: pageToken.property,
			SHARES_OPTIONS,
		],
		prepare(this: IExecuteFunctions, itemIndex: number): RequestDescription {
			const fail = failFor(this.getNode(), itemIndex);
			const target = byUrl
				? { path: PAGE_BY_URL, query: { page_url: pageUrl(nodeParameter(this, 'pageUrl', itemIndex, ''), fail) } }
				: { path: apiPath(PAGE, { token: pageToken.read(this, itemIndex, fail) }), query: {} };
			return {
				method: 'GET',
				path: target.path,
				query: { ...target.query, ...sharesQuery(this, itemIndex, fail) },
				intent: 'read',
			};
		},
	};
}

/** Pages of your site that visitors shared with OneAll's Share Icons (docs/oneall-api.md §8.4). */
export const sharingPageResource: ResourceDefinition = {
	value: 'sharingPage',
	name: 'Shared Page',
	operations: [
		detailOperation(false),
		detailOperation(true),
		getManyOperation({
			action: 'Get many shared pages',
			description: 'List the pages of your site shared at least once through the Share Icons, with counts per network',
			docs: { request: 'GET /sharing/pages.json', certainty: 'docs', source: `${SOURCE} (docs sharing/pages/list-all-pages)` },
			path: '/sharing/pages.json',
			collection: 'sharing_pages',
			order: 'desc',
		}),
	],
};
