import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { isNetwork } from '../actions/common/networks';
import { failFor } from '../helpers/fail';
import { fetchListPage } from '../transport/list';
import { apiPath, tokenSegment } from '../transport/path';

// Large enough to fill the dropdown, small enough to answer fast.
const PAGE_SIZE = 100;

async function fetchPage(context: ILoadOptionsFunctions, path: string, collection: string, paginationToken?: string) {
	const page = Math.max(1, Number(paginationToken) || 1);
	const { entries, hasMore } = await fetchListPage.call(context, path, collection, {
		page,
		entries_per_page: PAGE_SIZE,
	});
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

export async function searchUsers(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const { entries, nextPage } = await fetchPage(this, '/users.json', 'users', paginationToken);
	const results = entries
		.map((entry) => {
			const identities = Array.isArray(entry.identities) ? (entry.identities as Array<{ provider?: string }>) : [];
			const providers = [...new Set(identities.map((identity) => identity.provider).filter(Boolean))].join(', ');
			const token = String(entry.user_token);
			return { name: providers ? `${token} (${providers})` : token, value: token };
		})
		.filter((result) => matches(filter, result.name));
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
