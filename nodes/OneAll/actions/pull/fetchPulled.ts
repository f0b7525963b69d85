import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { readListPage, SeenEntries, walkList } from '../../transport/list';
import type { RequestSettings } from '../../transport/request';
import type { PullPaging } from '../operation';

/**
 * Reads a Pull API list with the node's one list reader (transport/list.ts; the answer's shape is
 * undocumented, docs/oneall-api.md §6). With a page parameter, pages of `pageSize` are walked like every
 * other list, up to `limit`; with only a size parameter one request asks for `limit` entries; without
 * either one request reads what OneAll returns.
 */
export async function fetchPulled(
	this: IExecuteFunctions,
	path: string,
	{
		collection,
		limit,
		paging,
		query = {},
		settings,
	}: {
		collection: string;
		limit?: number;
		paging: PullPaging;
		query?: IDataObject;
		settings: RequestSettings;
	},
	itemIndex: number,
): Promise<IDataObject[]> {
	if (paging.page && paging.size) {
		const pageSize = Math.min(paging.pageSize ?? 50, limit ?? Number.MAX_SAFE_INTEGER);
		return await walkList.call(this, {
			path,
			collection,
			query,
			pageParam: paging.page,
			sizeParam: paging.size,
			pageSize,
			limit,
			itemIndex,
			settings,
		});
	}
	const sized = paging.size !== undefined && limit !== undefined;
	const { entries } = await readListPage.call(this, {
		path,
		collection,
		query: sized ? { ...query, [paging.size as string]: limit } : query,
		itemIndex,
		settings,
	});
	const unique = new SeenEntries(collection).fresh(entries);
	return limit === undefined ? unique : unique.slice(0, limit);
}
