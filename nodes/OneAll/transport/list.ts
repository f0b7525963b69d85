import type { IDataObject, IExecuteFunctions, ILoadOptionsFunctions, IPollFunctions, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { RequestSettings } from './request';
import { oneAllApiRequest } from './request';

/** OneAll's maximum page size. */
export const MAX_PAGE_SIZE = 500;

export interface ListPage {
	entries: IDataObject[];
	hasMore: boolean;
}

/**
 * One page of a OneAll list: `result.data.<collection>` holds `{pagination, count, entries}`
 * (or, for some Pull endpoints, a plain array).
 */
export async function fetchListPage(
	this: IExecuteFunctions | ILoadOptionsFunctions | IPollFunctions,
	path: string,
	collection: string,
	query: IDataObject,
	itemIndex = 0,
	settings: RequestSettings = {},
): Promise<ListPage> {
	const response = await oneAllApiRequest.call(this, { method: 'GET', path, query, ...settings }, itemIndex);
	const data = response.result?.data?.[collection];
	if (Array.isArray(data)) return { entries: data as IDataObject[], hasMore: false };
	const list = data as IDataObject | undefined;
	if (!list || typeof list !== 'object' || !Array.isArray(list.entries)) {
		// Never a silent empty list: a changed answer shape must be visible.
		throw new NodeApiError(this.getNode(), (response.result ?? {}) as JsonObject, {
			message: `OneAll's answer to GET ${path} has no "${collection}" list`,
			description: `Expected result.data.${collection}.entries. Use a Custom API Call to see the raw answer.`,
			itemIndex,
		});
	}
	const pagination = (list.pagination ?? {}) as IDataObject;
	return {
		entries: list.entries as IDataObject[],
		hasMore: Number(pagination.current_page) < Number(pagination.total_pages),
	};
}

/** Walks OneAll's pages until `limit` entries are collected or the last page is read. */
export async function fetchList(
	this: IExecuteFunctions,
	path: string,
	collection: string,
	{ limit, query = {}, scope }: { limit?: number; query?: IDataObject; scope?: RequestSettings },
	itemIndex: number,
): Promise<IDataObject[]> {
	const entries: IDataObject[] = [];
	const pageSize = limit === undefined ? MAX_PAGE_SIZE : Math.min(Math.max(limit, 1), MAX_PAGE_SIZE);
	for (let page = 1; ; page++) {
		const result = await fetchListPage.call(
			this,
			path,
			collection,
			{ ...query, page, entries_per_page: pageSize },
			itemIndex,
			scope,
		);
		entries.push(...result.entries);
		if (!result.hasMore || result.entries.length === 0) break;
		if (limit !== undefined && entries.length >= limit) break;
	}
	return limit === undefined ? entries : entries.slice(0, limit);
}
