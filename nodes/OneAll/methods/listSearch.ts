import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { LOCATORS, type PullList } from '../actions/common/locators';
import { isNetwork } from '../actions/common/networks';
import { failFor } from '../helpers/fail';
import { withHintInMessage } from '../transport/errors';
import { fetchListPage, pageSignature, SeenEntries } from '../transport/list';
import { apiPath, tokenSegment } from '../transport/path';
import { identityEntry, matchesFilter, pickableId, pickerResults, tokenOf, userEntry, type PickerEntry } from './pickerLabels';

// Large enough to fill the dropdown, small enough to answer fast.
const PAGE_SIZE = 100;
// n8n's dropdown loads the next page only on scroll, so a filtered page must not come back short.
const MIN_RESULTS = 30;
const MAX_PAGES_PER_CALL = 10;

type ListResult = INodeListSearchResult['results'][number];

/**
 * Reads pages from `paginationToken` on until enough entries pass `toResult` (which filters by returning
 * undefined). Pages end as every list's do (transport/list.ts: pagination, else a short page); the token
 * carries the last page's signature, so a server that repeats a page ends the list across calls too.
 */
async function searchPages(
	context: ILoadOptionsFunctions,
	path: string,
	collection: string,
	paginationToken: string | undefined,
	toResult: (entry: IDataObject) => ListResult | undefined,
	query: IDataObject = {},
): Promise<INodeListSearchResult> {
	const [pageText, lastSignature] = (paginationToken ?? '').split('~');
	const firstPage = Math.max(1, Number(pageText) || 1);
	const seen = new SeenEntries(collection);
	let previous = lastSignature;
	const results: ListResult[] = [];
	for (let page = firstPage; page < firstPage + MAX_PAGES_PER_CALL; page++) {
		const { entries, hasMore } = await fetchListPage.call(context, path, collection, {
			...query,
			page,
			entries_per_page: PAGE_SIZE,
		});
		const signature = pageSignature(entries, collection);
		const fresh = seen.fresh(entries);
		if (fresh.length === 0 || signature === previous) return { results };
		previous = signature;
		for (const entry of fresh) {
			const result = toResult(entry);
			if (result) results.push(result);
		}
		if (!hasMore) return { results };
		if (results.length >= MIN_RESULTS || page === firstPage + MAX_PAGES_PER_CALL - 1) {
			return { results, paginationToken: `${page + 1}~${signature}` };
		}
	}
	return { results };
}

function matches(filter: string | undefined, ...texts: unknown[]): boolean {
	if (!filter) return true;
	const needle = filter.toLowerCase();
	return texts.some((text) => typeof text === 'string' && text.toLowerCase().includes(needle));
}

/** The page's results named by pickerResults, from the entries its toResult kept (by value). */
function named(page: INodeListSearchResult, entries: Map<string, PickerEntry>): INodeListSearchResult {
	const kept = page.results.map((result) => entries.get(String(result.value))).filter((entry) => entry !== undefined);
	return { ...page, results: pickerResults(kept) };
}

async function searchIdentities(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const resource = this.getCurrentNodeParameter('resource');
	const network = isNetwork(resource) ? resource : undefined;
	const entries = new Map<string, PickerEntry>();
	const page = await searchPages(this, '/identities.json', 'identities', paginationToken, (raw) => {
		const token = tokenOf(raw, 'identity_token');
		if (!token || (network && raw.provider && raw.provider !== network)) return undefined;
		const entry = identityEntry(raw, token);
		if (!matchesFilter(entry, filter)) return undefined;
		entries.set(entry.value, entry);
		return { name: entry.who + entry.detail, value: entry.value };
	});
	return named(page, entries);
}

async function searchUsers(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const entries = new Map<string, PickerEntry>();
	const page = await searchPages(this, '/users.json', 'users', paginationToken, (raw) => {
		const token = tokenOf(raw, 'user_token');
		if (!token) return undefined;
		const entry = userEntry(raw, token);
		if (!matchesFilter(entry, filter)) return undefined;
		entries.set(entry.value, entry);
		return { name: entry.who + entry.detail, value: entry.value };
	});
	return named(page, entries);
}

/** The site's sharing messages, newest first: OneAll's list names only the token and the dates (docs/oneall-api.md §8.1). */
async function searchSharingMessages(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchPages(
		this,
		'/sharing/messages.json',
		'sharing_messages',
		paginationToken,
		(entry) => {
			const token = tokenOf(entry, 'sharing_message_token');
			if (!token) return undefined;
			const date = entry.date_last_published ?? entry.date_creation;
			const name = typeof date === 'string' && date ? `${date} (${token})` : token;
			return matches(filter, name) ? { name, value: token } : undefined;
		},
		{ order_direction: 'desc' },
	);
}

/** Boards, pages, … of the identity chosen in the same node, from OneAll's Pull API. */
function objectSearch({ path: pullPath, collection, object }: PullList) {
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
		return await searchPages(this, path, collection, paginationToken, (entry) => {
			// An entry without an exact id cannot be picked (an id beyond 2^53 as a number names another object).
			const id = pickableId(entry[`${object}_id`] ?? entry.id);
			if (id === undefined) return undefined;
			const texts = [entry[`${object}_name`], entry[`${object}_title`], entry.name, entry.title];
			const name = texts.map((value) => (typeof value === 'string' ? value.trim() : '')).find(Boolean) ?? id;
			const url = entry[`${object}_url`] ?? entry.url;
			if (!matches(filter, name, id)) return undefined;
			return { name, value: id, ...(typeof url === 'string' ? { url } : {}) };
		});
	};
}

type SearchMethod = (this: ILoadOptionsFunctions, filter?: string, paginationToken?: string) => Promise<INodeListSearchResult>;

/** The node's list searches, named as the locator table (actions/common/locators.ts) names them. */
export const listSearch: Record<string, SearchMethod> = {
	[LOCATORS.identity.searchMethod]: searchIdentities,
	[LOCATORS.user.searchMethod]: searchUsers,
	[LOCATORS.sharingMessage.searchMethod]: searchSharingMessages,
};
for (const info of Object.values(LOCATORS)) {
	if (info.pull) listSearch[info.searchMethod] = objectSearch(info.pull);
}
// A picker shows only the error's message: it gets the same explanation executing shows (wrong keys, …).
for (const [name, search] of Object.entries(listSearch)) {
	listSearch[name] = async function (this: ILoadOptionsFunctions, filter?: string, paginationToken?: string) {
		try {
			return await search.call(this, filter, paginationToken);
		} catch (error) {
			throw withHintInMessage(error);
		}
	};
}
