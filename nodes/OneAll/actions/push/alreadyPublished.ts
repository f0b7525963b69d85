import type { IDataObject, INodeProperties } from 'n8n-workflow';

import type { Fail } from '../../helpers/fail';
import { readOneAllDate } from '../../helpers/dates';
import { asNumber, optionFlag } from '../../helpers/validation';
import { apiPath } from '../../transport/path';
import type { RequestDescription } from '../operation';
import { PULLS } from '../pull/pulls';
import type { PullSpec } from '../pull/spec';

/**
 * "Skip If Already Published" (issue 23): before a push, read the target's latest posts with its Pull API
 * read (docs/oneall-api.md §6) and skip the item when the same text, link or title is already there
 * within a window. Offered only on push rows that name a read (`alreadyPublishedRead`); the read's answer
 * is undocumented, so entries are compared by tolerant key names and an answer without any comparable
 * key fails the item instead of passing as "not published".
 */

/** A push row's read of its target: which Pull API row, and how a read entry names the compared fields. */
export interface AlreadyPublishedRead {
	/** `operation` of a PULLS row of the same network; its path locators are the push's fields of the same name. */
	pull: string;
	/** Push body key → names an entry may give it: an entry key equal to one, or ending in `_<name>` (`pin_title`). */
	compare: Record<string, string[]>;
}

export const SKIP_IF_PUBLISHED = 'skipIfPublished';
export const PUBLISHED_WINDOW = 'publishedWindowHours';
const DEFAULT_WINDOW_HOURS = 24;
/** Entries read at most where OneAll pages or takes a size; lists without either come whole in one answer. */
export const CHECK_DEPTH = 200;

export interface AlreadyPublishedCheck {
	/** The Pull API read of the target (output `pulled`). */
	read: RequestDescription;
	/** Normalised values this item sends, by push body key. */
	values: Record<string, string>;
	compare: Record<string, string[]>;
	windowMs: number;
	/** The read's list (`posts`, `pins`), for the existing entry's id. */
	collection: string;
}

export function alreadyPublishedOptions(target: string): INodeProperties[] {
	return [
		{
			displayName: 'Skip If Already Published',
			name: SKIP_IF_PUBLISHED,
			type: 'boolean',
			default: false,
			description: `Whether to read ${target} first and skip the item (status "skipped", with the existing post's ID) when the same text, link or title was published within the window. Costs one read per target and execution; a read that fails fails the item, nothing is published. Offered only where OneAll has a read of the target.`,
		},
		{
			displayName: 'Already Published Window (Hours)',
			name: PUBLISHED_WINDOW,
			type: 'number',
			typeOptions: { minValue: 0 },
			default: DEFAULT_WINDOW_HOURS,
			description: 'How far back "Skip If Already Published" looks for the same post',
		},
	];
}

export function pullOf(spec: { network: string; alreadyPublishedRead?: AlreadyPublishedRead }): PullSpec | undefined {
	const read = spec.alreadyPublishedRead;
	return read && PULLS.find((pull) => pull.network === spec.network && pull.operation === read.pull);
}

/** Trimmed, whitespace runs as one space, Unicode NFC: the same post typed twice compares equal. */
export function normalise(value: unknown): string {
	return String(value).normalize('NFC').replace(/\s+/g, ' ').trim();
}

/**
 * The check for one item, or undefined when the option is off. `segments` holds the read's path values
 * (identity and the pull's locators); `push` the push object as it will be sent.
 */
export function readAlreadyPublishedCheck(
	read: AlreadyPublishedRead,
	pull: PullSpec,
	segments: Record<string, string>,
	push: IDataObject,
	options: Record<string, unknown>,
	fail: Fail,
): AlreadyPublishedCheck | undefined {
	if (!optionFlag(options, SKIP_IF_PUBLISHED, 'Skip If Already Published', fail)) return undefined;
	const rawHours = options[PUBLISHED_WINDOW] ?? DEFAULT_WINDOW_HOURS;
	const hours = asNumber(rawHours, '"Already Published Window (Hours)"', fail);
	if (hours < 0) fail('"Already Published Window (Hours)" must be 0 or more');
	const values: Record<string, string> = {};
	for (const key of Object.keys(read.compare)) {
		const value = push[key];
		if (typeof value === 'string' || typeof value === 'number') {
			const text = normalise(value);
			if (text !== '') values[key] = text;
		}
	}
	if (Object.keys(values).length === 0) {
		fail(
			`"Skip If Already Published" has nothing to compare: enter ${Object.keys(read.compare).join(' or ')}`,
			'The check compares the text, link or title of the item with the posts already published.',
		);
	}
	const sized = pull.paging.size !== undefined;
	return {
		read: {
			method: 'GET',
			path: apiPath(`/pull/identities/{identity}/${pull.path}`, segments),
			intent: 'read',
			output: { kind: 'pulled', collection: pull.collection, paging: pull.paging, ...(sized ? { limit: CHECK_DEPTH } : {}) },
		},
		values,
		compare: read.compare,
		windowMs: hours * 3600_000,
		collection: pull.collection,
	};
}

function namedValues(entry: IDataObject, names: string[]): string[] {
	const found: string[] = [];
	for (const [key, value] of Object.entries(entry)) {
		if (typeof value !== 'string' && typeof value !== 'number') continue;
		if (names.some((name) => key === name || key.endsWith(`_${name}`))) found.push(normalise(value));
	}
	return found;
}

const DATE_KEYS = ['date_creation', 'created_at', 'created_time', 'published_at', 'date_published', 'date'];

/** When the entry was published (ms), from its first readable date key (helpers/dates.ts: ISO without a zone is UTC). */
export function publishedAt(entry: IDataObject): number | undefined {
	const keys = Object.keys(entry).filter((key) => DATE_KEYS.includes(key) || key.endsWith('_created_at'));
	for (const key of keys) {
		const ms = readOneAllDate(entry[key]);
		if (ms !== undefined) return ms;
	}
	return undefined;
}

export type CheckOutcome =
	| { kind: 'found'; entry: IDataObject; at?: number }
	| { kind: 'none' }
	/** Entries, but none names any compared field: the answer cannot say whether the post is there. */
	| { kind: 'unknown'; keys: string[] };

/**
 * The first entry (newest first, as the reads answer) that carries the item's compared values and was
 * published within the window. An entry is the same post when every compared field it names equals the
 * item's, and it names at least one; one without a readable date counts as recent (skipping is the side
 * that never posts twice).
 */
export function findPublished(entries: IDataObject[], check: AlreadyPublishedCheck, now: number): CheckOutcome {
	let comparable = false;
	for (const entry of entries) {
		let matched = 0;
		let differs = false;
		for (const [field, value] of Object.entries(check.values)) {
			const seen = namedValues(entry, check.compare[field]);
			if (seen.length === 0) continue;
			comparable = true;
			if (!seen.includes(value)) {
				differs = true;
				break;
			}
			matched++;
		}
		if (differs || matched === 0) continue;
		const at = publishedAt(entry);
		if (at !== undefined && now - at > check.windowMs) continue;
		return { kind: 'found', entry, at };
	}
	if (!comparable && entries.length > 0) return { kind: 'unknown', keys: Object.keys(entries[0]).slice(0, 10) };
	return { kind: 'none' };
}

/**
 * The existing entry's id: `<singular>_id` of the list (`pin_id`), else `id` or `id_str`, else the first `…_id`; a
 * number only while exact (beyond 2^53 JSON reading rounded it: it would name another post).
 */
export function existingId(entry: IDataObject, collection: string): { key: string; id: string } | undefined {
	const one = collection.replace(/s$/, '');
	const keys = [`${one}_id`, 'id', 'id_str', ...Object.keys(entry).filter((key) => key.endsWith('_id'))];
	for (const key of keys) {
		const value = entry[key];
		if ((typeof value === 'string' && value !== '') || Number.isSafeInteger(value)) return { key, id: String(value) };
	}
	return undefined;
}

/** The existing post as a read gave it: its id (under the list's id key and as existing_id), date and entry. */
function existingPost(found: { entry: IDataObject; at?: number }, check: AlreadyPublishedCheck): IDataObject {
	const existing = existingId(found.entry, check.collection);
	return {
		...(existing ? { [existing.key]: existing.id, existing_id: existing.id } : {}),
		...(found.at !== undefined ? { published_at: new Date(found.at).toISOString() } : {}),
		existing: found.entry,
	};
}

/** The item's output when it was skipped: says so and why, and gives the existing post. */
export function skippedOutput(found: { entry: IDataObject; at?: number }, check: AlreadyPublishedCheck): IDataObject {
	const hours = check.windowMs / 3600_000;
	return {
		status: 'skipped',
		skipped_reason: `Already published within the last ${hours} hour${hours === 1 ? '' : 's'}: the same ${Object.keys(check.values).join(', ')}`,
		...existingPost(found, check),
	};
}

/**
 * The item's output when its push's answer was lost and a read then found the post: published, with the
 * id and date from the read (OneAll's answer to the push itself never arrived).
 */
export function confirmedOutput(found: { entry: IDataObject; at?: number }, check: AlreadyPublishedCheck): IDataObject {
	return {
		status: 'published',
		confirmed_by_read: true,
		note: "OneAll's answer to the push was lost; a read of the target found the post, so it was not sent again.",
		...existingPost(found, check),
	};
}

/** An output made from a read (skipped, or confirmed after a lost answer) rather than from OneAll's push answer. */
export const isFromRead = (output: IDataObject): boolean =>
	(output.status === 'skipped' && 'skipped_reason' in output) || output.confirmed_by_read === true;
