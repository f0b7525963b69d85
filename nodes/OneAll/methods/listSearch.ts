import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { isNetwork } from '../actions/common/networks';
import { failFor } from '../helpers/fail';
import { oneAllApiRequest } from '../transport/request';
import { apiPath, tokenSegment } from '../transport/path';

// Large enough to fill the dropdown, small enough to answer fast; OneAll's maximum is 500.
const PAGE_SIZE = 100;

interface ListPage {
	entries: IDataObject[];
	nextPage?: string;
}

/** Reads `result.data.<collection>`, whether it holds `{pagination, entries}` or a plain array. */
async function fetchPage(
	context: ILoadOptionsFunctions,
	path: string,
	collection: string,
	paginationToken?: string,
): Promise<ListPage> {
	const page = Math.max(1, Number(paginationToken) || 1);
	const response = await oneAllApiRequest.call(context, {
		method: 'GET',
		path,
		query: { page, entries_per_page: PAGE_SIZE },
	});
	const data = response.result?.data?.[collection];
	if (Array.isArray(data)) return { entries: data as IDataObject[] };
	const list = (data ?? {}) as IDataObject;
	const pagination = (list.pagination ?? {}) as IDataObject;
	const entries = Array.isArray(list.entries) ? (list.entries as IDataObject[]) : [];
	const hasMore = Number(pagination.current_page) < Number(pagination.total_pages);
	return { entries, nextPage: hasMore ? String(page + 1) : undefined };
}

function matches(filter: string | undefined, ...texts: unknown[]): boolean {
	if (!filter) return true;
	const needle = filter.toLowerCase();
	return texts.some((text) => typeof text === 'string' && text.toLowerCase().includes(needle));
}

export async function searchIdentities(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const resource = this.getCurrentNodeParameter('resource');
	const network = isNetwork(resource) ? resource : undefined;
	const { entries, nextPage } = await fetchPage(this, '/identities.json', 'identities', paginationToken);
	const results = entries
		.filter((entry) => !network || !entry.provider || entry.provider === network)
		.filter((entry) => matches(filter, entry.displayName, entry.identity_token, entry.provider))
		.map((entry) => {
			const token = String(entry.identity_token);
			const label = typeof entry.displayName === 'string' ? entry.displayName : token;
			return { name: entry.provider ? `${label} (${String(entry.provider)})` : label, value: token };
		});
	return { results, paginationToken: nextPage };
}

/** Boards, pages, … of the identity chosen in the same node, from OneAll's Pull API. */
function objectSearch(pullPath: string, collection: string, object: string) {
	return async function (
		this: ILoadOptionsFunctions,
		filter?: string,
		paginationToken?: string,
	): Promise<INodeListSearchResult> {
		const identity = this.getCurrentNodeParameter('identity', { extractValue: true });
		if (!identity) {
			throw new NodeOperationError(this.getNode(), 'Choose the identity first: the list shows its objects');
		}
		const token = tokenSegment(identity, 'Identity token', failFor(this.getNode()));
		const path = apiPath(`/pull/identities/{identity}/${pullPath}`, { identity: token });
		const { entries, nextPage } = await fetchPage(this, path, collection, paginationToken);
		const results = entries
			.map((entry) => {
				const id = entry[`${object}_id`] ?? entry.id;
				const name = entry[`${object}_name`] ?? entry[`${object}_title`] ?? entry.name ?? entry.title ?? id;
				const url = entry[`${object}_url`] ?? entry.url;
				return {
					name: String(name),
					value: String(id),
					...(typeof url === 'string' ? { url } : {}),
				};
			})
			.filter((result) => result.value !== 'undefined' && matches(filter, result.name, result.value));
		return { results, paginationToken: nextPage };
	};
}

export const searchPinterestBoards = objectSearch('pinterest/boards.json', 'boards', 'board');
export const searchFacebookPages = objectSearch('facebook/pages.json', 'pages', 'page');
export const searchFacebookGroups = objectSearch('facebook/groups.json', 'groups', 'group');
export const searchLinkedInCompanies = objectSearch('linkedin/companies.json', 'companies', 'company');
export const searchYouTubePlaylists = objectSearch('youtube/playlists.json', 'playlists', 'playlist');
