import type { IDataObject } from 'n8n-workflow';

import { isObject } from '../helpers/validation';

/**
 * How one answer's list is read (docs/oneall-api.md §2.5 "Lists as the node reads them"). Pure: no
 * requests; transport/list.ts sends them and turns a ListShapeError into a NodeApiError.
 */

/** OneAll's page size when a resource ignores `entries_per_page` (docs/oneall-api.md §2.5). */
export const DEFAULT_PAGE_SIZE = 250;

export interface ListPage {
	entries: IDataObject[];
	/** Pagination says more pages follow, or (without pagination) the page came back full. */
	hasMore: boolean;
}

/** The answer is not a list in any shape OneAll shows: never read as an empty list. */
export class ListShapeError extends Error {
	constructor(
		message: string,
		readonly description: string,
	) {
		super(message);
		this.name = 'ListShapeError';
	}
}

/** A count or page number: a whole number ≥ 0, also when it arrives as text ("3"); else undefined. */
export function toCount(value: unknown): number | undefined {
	const number = typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value;
	return typeof number === 'number' && Number.isSafeInteger(number) && number >= 0 ? number : undefined;
}

/** True when a page without pagination came back full, so a next page may follow. */
function pageWasFull(length: number, askedSize: number | undefined): boolean {
	if (askedSize === undefined || length === 0) return false;
	// A resource that ignores entries_per_page answers OneAll's default page size instead.
	return length >= askedSize || (askedSize > DEFAULT_PAGE_SIZE && length === DEFAULT_PAGE_SIZE);
}

function morePages(pagination: unknown): boolean | undefined {
	if (!isObject(pagination)) return undefined;
	const current = toCount(pagination.current_page);
	const total = toCount(pagination.total_pages);
	return current === undefined || total === undefined ? undefined : current < total;
}

function entriesOf(list: IDataObject, collection: string): unknown[] {
	const { entries } = list;
	if (Array.isArray(entries)) return entries;
	if (entries !== undefined && entries !== null) {
		throw new ListShapeError(
			`OneAll's "${collection}" list has entries that are not a list`,
			`Expected result.data.${collection}.entries as a list, got ${typeof entries}.`,
		);
	}
	// OneAll's own examples of an empty list: {"count":0}, without entries.
	const count = list.count === undefined || list.count === null ? 0 : toCount(list.count);
	if (count === 0) return [];
	throw new ListShapeError(
		`OneAll's "${collection}" list sent no entries although its count is ${JSON.stringify(list.count)}`,
		`Expected result.data.${collection}.entries when the count is above 0.`,
	);
}

/**
 * The entries of `result.data.<collection>` and whether more pages follow. Accepted: `{pagination, count,
 * entries}`, `{count: 0}` or `{}` (empty), a plain array, `null` (empty); counts and page numbers as
 * numbers or text; unknown keys ignored. `result.data` without any key is an empty list too. Anything else
 * (a string, entries that are no list, a count above 0 without entries, other keys but not this one)
 * throws a ListShapeError: a changed answer must show, never pass as an empty list.
 */
export function readListAnswer(data: unknown, collection: string, askedSize?: number): ListPage {
	if (!isObject(data)) {
		throw new ListShapeError(
			`OneAll's answer has no result.data for the "${collection}" list`,
			`Expected result.data.${collection}; got ${dataShape(data)}.`,
		);
	}
	const list = data[collection];
	let raw: unknown[];
	let pagination: unknown;
	if (list === undefined) {
		const keys = Object.keys(data);
		if (keys.length > 0) {
			throw new ListShapeError(
				`OneAll's answer has no "${collection}" list`,
				`Expected result.data.${collection}; result.data holds ${keys.slice(0, 10).join(', ')}.`,
			);
		}
		raw = []; // result.data is empty: nothing else it could mean
	} else if (list === null) {
		raw = [];
	} else if (Array.isArray(list)) {
		raw = list;
	} else if (isObject(list)) {
		raw = entriesOf(list, collection);
		pagination = list.pagination;
	} else {
		throw new ListShapeError(
			`OneAll's "${collection}" list is not a list`,
			`Expected result.data.${collection} as {count, entries} or a list, got ${typeof list}.`,
		);
	}
	const index = raw.findIndex((entry) => !isObject(entry));
	if (index >= 0) {
		throw new ListShapeError(
			`OneAll's "${collection}" list has an entry that is not an object`,
			`Entry ${index + 1} of result.data.${collection} is ${JSON.stringify(raw[index])?.slice(0, 100)}.`,
		);
	}
	const entries = raw as IDataObject[];
	const hasMore = entries.length > 0 && (morePages(pagination) ?? pageWasFull(entries.length, askedSize));
	return { entries, hasMore };
}

/** How `result.data` is named in an error: "no result.data", "result.data of type string". */
function dataShape(data: unknown): string {
	return data === undefined ? 'no result.data' : `result.data of type ${Array.isArray(data) ? 'array' : data === null ? 'null' : typeof data}`;
}

/**
 * The entries of a list that is `result.data` itself (`{count, entries}`, Twitter search), by the rules of
 * readListAnswer; `{}` is empty. No result.data, or one with other keys but neither `entries` nor `count`,
 * throws a ListShapeError: a changed answer must not pass as "nothing found".
 */
export function readDataList(data: unknown, what: string): IDataObject[] {
	if (!isObject(data)) {
		throw new ListShapeError(`OneAll's answer has no result.data for the ${what}`, `Expected result.data as {count, entries}; got ${dataShape(data)}.`);
	}
	const keys = Object.keys(data);
	if (keys.length > 0 && !('entries' in data) && !('count' in data)) {
		throw new ListShapeError(
			`OneAll's answer has no ${what} list`,
			`Expected result.data.entries; result.data holds ${keys.slice(0, 10).join(', ')}.`,
		);
	}
	return readListAnswer({ [what]: data }, what).entries;
}

/** `users` → `user`, `identities` → `identity`, `sharing_messages` → `sharing_message`. */
function singular(collection: string): string {
	return collection.replace(/ies$/, 'y').replace(/s$/, '');
}

/**
 * What makes an entry the same entry on another page: its `<singular>_token` or `<singular>_id`
 * (`identity_token`, `pin_id`), else `id` or `token`, else the whole entry. A number counts only while
 * it is exact: beyond 2^53 JSON reading rounded it (tweet ids), so two tweets could share one.
 */
export function entryKey(entry: IDataObject, collection: string): string {
	const one = singular(collection);
	for (const key of [`${one}_token`, `${one}_id`, 'id', 'token']) {
		const value = entry[key];
		if ((typeof value === 'string' && value !== '') || Number.isSafeInteger(value)) return `${key}=${value as string | number}`;
	}
	return JSON.stringify(entry);
}

/** Keeps what one walk has seen, so no entry is output twice. */
export class SeenEntries {
	private readonly keys = new Set<string>();

	constructor(private readonly collection: string) {}

	/** The entries not seen before, each once; they count as seen from now on. */
	fresh(entries: IDataObject[]): IDataObject[] {
		return entries.filter((entry) => {
			const key = entryKey(entry, this.collection);
			if (this.keys.has(key)) return false;
			this.keys.add(key);
			return true;
		});
	}
}

/** A short fingerprint of a page's entry keys (FNV-1a), to notice a page repeated across picker calls. */
export function pageSignature(entries: IDataObject[], collection: string): string {
	let hash = 0x811c9dc5;
	for (const char of entries.map((entry) => entryKey(entry, collection)).join('\n')) {
		hash ^= char.codePointAt(0) ?? 0;
		hash = Math.imul(hash, 0x01000193) >>> 0;
	}
	return hash.toString(36);
}
