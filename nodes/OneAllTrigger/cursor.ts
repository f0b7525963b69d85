import type { IDataObject } from 'n8n-workflow';

import { readOneAllDate } from '../OneAll/helpers/dates';

/** Tokens remembered as already passed (newest kept): what tells an undated entry apart from a new one. */
export const SEEN_LIMIT = 5000;
/** Events whose full read keeps failing, remembered with their failure count (newest kept). */
export const FAILURE_LIMIT = 50;
/** The cursor never moves further ahead of the poll's own clock than this (a future-dated entry). */
export const CLOCK_SKEW_SECONDS = 120;
/**
 * Dated entries this far before the cursor are still looked at (and told apart by `seen`): after a
 * future-dated entry held the cursor at clock + skew, events dated from the clock on still count.
 */
export const LOOK_BACK_SECONDS = 2 * CLOCK_SKEW_SECONDS;

/**
 * Where a poll left off. OneAll's dates resolve to the second, so the newest date alone would either
 * repeat or skip events sharing that second: the tokens passed at that second are kept too
 * (docs/oneall-api.md §8.7). Entries without a date are told apart by `seen`.
 */
export interface Cursor {
	/** What the cursor follows (event and filter); a change of either starts afresh. */
	key: string;
	/** Seconds since the epoch of the newest dated entry passed; null when none was. */
	second: number | null;
	/** Tokens passed at `second`, newest last, at most SEEN_LIMIT. */
	tokens: string[];
	/** Every token passed, newest last, at most SEEN_LIMIT. */
	seen: string[];
	/** Failed full reads per token, at most FAILURE_LIMIT tokens. */
	failures: Record<string, number>;
	/** `seen` holds every entry dated from this second on (null: every entry); bounds the look-back. */
	seenFrom: number | null;
}

export interface ListedEvent {
	token: string;
	/** Undefined when OneAll sent no readable date_creation. */
	second: number | undefined;
	entry: IDataObject;
}

/** OneAll's dates (helpers/dates.ts) as seconds since the epoch; undefined when unreadable (then undated). */
export function parseOneAllDate(value: unknown): number | undefined {
	const ms = readOneAllDate(value);
	return ms === undefined ? undefined : Math.floor(ms / 1000);
}

/** The oldest second still looked at: the cursor less the look-back, but not before `seen` is complete. */
function windowStart(cursor: Cursor): number | null {
	if (cursor.second === null) return null;
	return Math.max(cursor.second - LOOK_BACK_SECONDS, cursor.seenFrom ?? -Infinity);
}

/** True when an entry not in `seen` is new: undated, or dated in or after the look-back window. */
export function isAfter(cursor: Cursor, event: { token: string; second: number | undefined }): boolean {
	const start = windowStart(cursor);
	if (start === null || event.second === undefined) return true;
	if (event.second > start) return true;
	return event.second === start && !cursor.tokens.includes(event.token);
}

/** True once a desc-ordered page reaches entries before the window: older pages hold nothing new. */
export function reachedCursor(cursor: Cursor, event: { second: number | undefined }): boolean {
	const start = windowStart(cursor);
	return start !== null && event.second !== undefined && event.second < start;
}

/**
 * Oldest first. `found` is in list order (newest first); dated entries are ordered by date, tokens
 * breaking ties, so the order is the same on every poll; undated ones keep their (reversed) list place.
 */
export function oldestFirst(found: ListedEvent[]): ListedEvent[] {
	const reversed = [...found].reverse();
	if (reversed.some((event) => event.second === undefined)) return reversed;
	return reversed.sort((a, b) => (a.second as number) - (b.second as number) || (a.token < b.token ? -1 : a.token > b.token ? 1 : 0));
}

/**
 * The cursor after passing `passed` (oldest first). The date never moves beyond `nowSecond` plus
 * CLOCK_SKEW_SECONDS: a future-dated entry must not hide the real events of the hours before it (it is
 * not emitted twice: its token is in `seen`).
 */
export function advance(cursor: Cursor, passed: ListedEvent[], nowSecond: number): Cursor {
	if (passed.length === 0) return cursor;
	const seen = [...new Set([...cursor.seen, ...passed.map((event) => event.token)])].slice(-SEEN_LIMIT);
	const failures = { ...cursor.failures };
	for (const event of passed) delete failures[event.token];
	const dated = passed.filter((event) => event.second !== undefined).map((event) => event.second as number);
	if (dated.length === 0) return { ...cursor, seen, failures };
	const newest = Math.min(Math.max(...dated), nowSecond + CLOCK_SKEW_SECONDS);
	if (cursor.second !== null && newest < cursor.second) return { ...cursor, seen, failures };
	const atNewest = passed.filter((event) => event.second === newest).map((event) => event.token);
	const kept = cursor.second === newest ? cursor.tokens : [];
	// Bounded like `seen` (which holds them too): entries sharing one second must not grow the static data.
	const tokens = [...new Set([...kept, ...atNewest])].slice(-SEEN_LIMIT);
	return { ...cursor, second: newest, tokens, seen, failures };
}

/** The cursor with one more failed full read of `token`, the failure table kept bounded. */
export function withFailure(cursor: Cursor, token: string): Cursor {
	const entries = Object.entries(cursor.failures).filter(([key]) => key !== token);
	entries.push([token, (cursor.failures[token] ?? 0) + 1]);
	return { ...cursor, failures: Object.fromEntries(entries.slice(-FAILURE_LIMIT)) };
}

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);

/** The stored cursor, if it is one for `key` (cursors stored before `seen` existed are read too). */
export function readCursor(stored: IDataObject, key: string): Cursor | undefined {
	const cursor = stored.cursor as Partial<Cursor> | undefined;
	if (!cursor || cursor.key !== key || !Array.isArray(cursor.tokens)) return undefined;
	if (cursor.second !== null && typeof cursor.second !== 'number') return undefined;
	const tokens = strings(cursor.tokens).slice(-SEEN_LIMIT);
	const failures: Record<string, number> = {};
	const storedFailures = cursor.failures && typeof cursor.failures === 'object' ? cursor.failures : {};
	for (const [token, count] of Object.entries(storedFailures)) {
		if (typeof count === 'number' && count > 0) failures[token] = count;
	}
	// A cursor stored before `seen` existed: `seen` is complete from its second on only.
	const legacy = !Array.isArray(cursor.seen);
	const seen = legacy ? tokens : strings(cursor.seen);
	const seenFrom = legacy ? cursor.second : typeof cursor.seenFrom === 'number' ? cursor.seenFrom : null;
	return { key, second: cursor.second, tokens, seen: seen.slice(-SEEN_LIMIT), failures, seenFrom };
}

export function writeCursor(stored: IDataObject, cursor: Cursor): void {
	stored.cursor = {
		key: cursor.key,
		second: cursor.second,
		tokens: [...cursor.tokens],
		seen: [...cursor.seen],
		failures: { ...cursor.failures },
		seenFrom: cursor.seenFrom,
	};
}
