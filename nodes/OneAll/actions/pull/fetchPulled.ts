import type { IDataObject, IExecuteFunctions, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { oneAllApiRequest, type RequestSettings } from '../../transport/request';
import type { PullPaging } from '../operation';

/** Pages walked at most, in case OneAll ignores the page parameter and keeps answering. */
const MAX_PAGES = 1000;

/**
 * The entries of one Pull API answer. Its shape is undocumented (docs/oneall-api.md §6): accept the list
 * under `result.data.<collection>` as an array or as `{entries}`; anything else is an error, never a
 * silent empty list.
 */
export function pulledEntries(
	context: IExecuteFunctions,
	result: IDataObject | undefined,
	path: string,
	collection: string,
	itemIndex: number,
): IDataObject[] {
	const list = (result?.data as IDataObject | undefined)?.[collection];
	if (Array.isArray(list)) return list as IDataObject[];
	if (list && typeof list === 'object' && Array.isArray((list as IDataObject).entries)) {
		return (list as IDataObject).entries as IDataObject[];
	}
	throw new NodeApiError(context.getNode(), (result ?? {}) as JsonObject, {
		message: `OneAll's answer to GET ${path} has no "${collection}" list`,
		description: `Expected result.data.${collection} as a list or as {entries: [...]}. OneAll does not document this answer; use a Custom API Call to see it raw.`,
		itemIndex,
	});
}

/**
 * Reads a Pull API list. With a page parameter, pages of `pageSize` are read until one comes back short
 * or empty, repeats the previous one, or `limit` entries are collected; with only a size parameter one
 * request asks for `limit` entries; without either one request reads what OneAll returns.
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
	const read = async (pageQuery: IDataObject) => {
		const response = await oneAllApiRequest.call(
			this,
			{
				method: 'GET',
				path,
				query: { ...query, ...pageQuery },
				kind: 'read',
				...settings,
			},
			itemIndex,
		);
		return pulledEntries(this, response.result as IDataObject | undefined, path, collection, itemIndex);
	};
	const trim = (entries: IDataObject[]) => (limit === undefined ? entries : entries.slice(0, limit));

	if (!paging.page || !paging.size) {
		return trim(await read(paging.size && limit !== undefined ? { [paging.size]: limit } : {}));
	}
	const pageSize = Math.min(paging.pageSize ?? 50, limit ?? Number.MAX_SAFE_INTEGER);
	const entries: IDataObject[] = [];
	let previous = '';
	for (let page = 1; page <= MAX_PAGES; page++) {
		const batch = await read({ [paging.size]: pageSize, [paging.page]: page });
		const fingerprint = JSON.stringify(batch);
		if (batch.length === 0 || fingerprint === previous) break;
		entries.push(...batch);
		previous = fingerprint;
		if (batch.length < pageSize || (limit !== undefined && entries.length >= limit)) break;
	}
	return trim(entries);
}
