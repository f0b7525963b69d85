import type { IDataObject, IExecuteFunctions, ILoadOptionsFunctions, IPollFunctions, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { ListShapeError, readListAnswer, SeenEntries, toCount, type ListPage } from './listAnswer';
import type { RequestSettings } from './request';
import { oneAllApiRequest } from './request';

export { entryKey, pageSignature, SeenEntries, type ListPage } from './listAnswer';

/** OneAll's maximum page size. */
export const MAX_PAGE_SIZE = 500;

/**
 * Pages one walk reads at most (500,000 entries at OneAll's largest page): only a server that keeps
 * answering new pages reaches it, and then the walk fails instead of passing a cut list as complete.
 */
export const MAX_LIST_PAGES = 1000;

type ListContext = IExecuteFunctions | ILoadOptionsFunctions | IPollFunctions;

export interface PageRequest {
	path: string;
	collection: string;
	query: IDataObject;
	/** Entries asked for: a page with as many (and no pagination) may have a next page. */
	askedSize?: number;
	itemIndex?: number;
	settings?: RequestSettings;
}

/** One page of a OneAll list, read by the tolerant rules of listAnswer.ts. */
export async function readListPage(this: ListContext, request: PageRequest): Promise<ListPage> {
	const { path, collection, query, askedSize, itemIndex = 0, settings = {} } = request;
	const response = await oneAllApiRequest.call(this, { method: 'GET', path, query, ...settings }, itemIndex);
	try {
		return readListAnswer(response.result?.data, collection, askedSize);
	} catch (error) {
		// readListAnswer throws only ListShapeError: the answer is not a list in any shape OneAll shows.
		const shape = error instanceof ListShapeError ? error : new ListShapeError(String(error), '');
		throw new NodeApiError(this.getNode(), (response.result ?? {}) as JsonObject, {
			message: `${shape.message} (GET ${path})`,
			description: `${shape.description} Use a Custom API Call to see the raw answer.`,
			itemIndex,
		});
	}
}

/**
 * One page of a OneAll list (`result.data.<collection>`, see readListAnswer). `hasMore`: pagination says
 * more pages follow, or, without pagination, the page holds `query.entries_per_page` entries.
 */
export async function fetchListPage(
	this: ListContext,
	path: string,
	collection: string,
	query: IDataObject,
	itemIndex = 0,
	settings: RequestSettings = {},
): Promise<ListPage> {
	const askedSize = toCount(query.entries_per_page);
	return await readListPage.call(this, { path, collection, query, askedSize, itemIndex, settings });
}

export interface ListWalk {
	path: string;
	collection: string;
	query?: IDataObject;
	/** Query parameter names of the page number and of the page size. */
	pageParam?: string;
	sizeParam?: string;
	pageSize: number;
	/** Stop once this many entries are collected. */
	limit?: number;
	itemIndex: number;
	settings?: RequestSettings;
}

/**
 * Reads pages 1, 2, … until the list ends: pagination says it was the last page (or, without
 * pagination, a page came back short or empty), `limit` entries are collected, or a page brings no entry
 * not seen before (a server that repeats a page). Each entry is output once (by its token or id). More
 * than MAX_LIST_PAGES pages: an error, never a silently cut list.
 */
export async function walkList(this: IExecuteFunctions, walk: ListWalk): Promise<IDataObject[]> {
	const { path, collection, query = {}, pageSize, limit, itemIndex, settings } = walk;
	const { pageParam = 'page', sizeParam = 'entries_per_page' } = walk;
	const seen = new SeenEntries(collection);
	const entries: IDataObject[] = [];
	for (let page = 1; ; page++) {
		if (page > MAX_LIST_PAGES) {
			throw new NodeOperationError(
				this.getNode(),
				`OneAll's ${collection} list did not end after ${MAX_LIST_PAGES} pages (GET ${path})`,
				{
					description: `${entries.length} entries were read and OneAll still announced more, so the list is not output as if it were complete. Set a Limit to read only the first entries.`,
					itemIndex,
				},
			);
		}
		const answer = await readListPage.call(this, {
			path,
			collection,
			query: { ...query, [pageParam]: page, [sizeParam]: pageSize },
			askedSize: pageSize,
			itemIndex,
			settings,
		});
		const fresh = seen.fresh(answer.entries);
		entries.push(...fresh);
		if (fresh.length === 0 || !answer.hasMore) break;
		if (limit !== undefined && entries.length >= limit) break;
	}
	return limit === undefined ? entries : entries.slice(0, limit);
}

/** Every entry of a OneAll list (`entries_per_page` / `page`), up to `limit`. */
export async function fetchList(
	this: IExecuteFunctions,
	path: string,
	collection: string,
	{ limit, query = {}, scope }: { limit?: number; query?: IDataObject; scope?: RequestSettings },
	itemIndex: number,
): Promise<IDataObject[]> {
	const pageSize = limit === undefined ? MAX_PAGE_SIZE : Math.min(Math.max(limit, 1), MAX_PAGE_SIZE);
	return await walkList.call(this, { path, collection, query, pageSize, limit, itemIndex, settings: scope });
}
