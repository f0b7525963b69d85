import type { IDataObject } from 'n8n-workflow';

/**
 * Where a poll left off. OneAll's dates resolve to the second, so the newest date alone would either
 * repeat or skip events sharing that second: the tokens already emitted at that second are kept too
 * (docs/oneall-api.md §8.7).
 */
export interface Cursor {
	/** What the cursor follows (event and filter); a change of either starts afresh. */
	key: string;
	/** Seconds since the epoch of the newest entry passed; null when the list was empty at activation. */
	second: number | null;
	/** Tokens passed at `second`. */
	tokens: string[];
}

export interface ListedEvent {
	token: string;
	second: number;
	entry: IDataObject;
}

/**
 * OneAll's dates ("Mon, 06 Oct 2014 10:26:44 +0200") as seconds since the epoch. The docs sometimes show
 * the "+" of the offset as a space (docs/oneall-api.md §2.4).
 */
export function parseOneAllDate(value: unknown): number | undefined {
	if (typeof value !== 'string') return undefined;
	const text = value.trim().replace(/(\d{2}:\d{2}:\d{2})\s+(\d{4})$/, '$1 +$2');
	const ms = Date.parse(text);
	return Number.isFinite(ms) ? Math.floor(ms / 1000) : undefined;
}

/** True when the entry comes after the cursor: a later second, or a token not yet passed at its second. */
export function isAfter(cursor: Cursor, event: { token: string; second: number }): boolean {
	if (cursor.second === null) return true;
	if (event.second !== cursor.second) return event.second > cursor.second;
	return !cursor.tokens.includes(event.token);
}

/** True once a desc-ordered page reaches entries at or before the cursor: older pages hold nothing new. */
export function reachedCursor(cursor: Cursor, event: { second: number }): boolean {
	return cursor.second !== null && event.second < cursor.second;
}

/** Oldest first; tokens break ties so the order is the same on every poll. */
export function oldestFirst(a: ListedEvent, b: ListedEvent): number {
	return a.second - b.second || (a.token < b.token ? -1 : a.token > b.token ? 1 : 0);
}

/** The cursor after passing `passed` (oldest first, all after `cursor`). */
export function advance(cursor: Cursor, passed: ListedEvent[]): Cursor {
	if (passed.length === 0) return cursor;
	const newest = passed[passed.length - 1].second;
	const atNewest = passed.filter((event) => event.second === newest).map((event) => event.token);
	const kept = cursor.second === newest ? cursor.tokens : [];
	return { key: cursor.key, second: newest, tokens: [...new Set([...kept, ...atNewest])] };
}

/** The stored cursor, if it is one for `key`. */
export function readCursor(stored: IDataObject, key: string): Cursor | undefined {
	const cursor = stored.cursor as Partial<Cursor> | undefined;
	if (!cursor || cursor.key !== key || !Array.isArray(cursor.tokens)) return undefined;
	if (cursor.second !== null && typeof cursor.second !== 'number') return undefined;
	return { key, second: cursor.second, tokens: cursor.tokens.map(String) };
}

export function writeCursor(stored: IDataObject, cursor: Cursor): void {
	stored.cursor = { key: cursor.key, second: cursor.second, tokens: [...cursor.tokens] };
}
