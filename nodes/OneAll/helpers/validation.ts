import type { IDataObject } from 'n8n-workflow';

import type { Fail } from './fail';
import { weightedTweetLength } from './tweetLength';

// WHATWG parsing forgives spaces, tabs, newlines and a missing "//"; OneAll would get the raw text.
const LITERAL_HTTP_URL = /^https?:\/\/[^\s\p{Cc}]+$/iu;

/** Fully qualified http(s) URL, as OneAll requires for media and links, sent exactly as given. */
export function checkUrl(value: string, label: string, fail: Fail): string {
	let url: URL | undefined;
	try {
		url = LITERAL_HTTP_URL.test(value) ? new URL(value) : undefined;
	} catch {
		url = undefined;
	}
	if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || !url.hostname) {
		fail(
			`${label} must be a fully qualified URL starting with https:// or http://`,
			`Got "${value.slice(0, 120)}". OneAll fetches media and links itself, so the URL must be public.`,
		);
	}
	return value;
}

export type LengthCounter = 'characters' | 'twitter';

function textLength(value: string, counter: LengthCounter): number {
	return counter === 'twitter' ? weightedTweetLength(value) : Array.from(value).length;
}

export function checkLength(value: string, label: string, max: number, counter: LengthCounter, fail: Fail): void {
	const length = textLength(value, counter);
	if (length > max) {
		const how = counter === 'twitter' ? 'Counted as X does: links count 23, most CJK characters and emoji 2. ' : '';
		fail(
			`${label} is too long: ${length} characters, the network allows ${max}`,
			`${how}Shorten ${label} to at most ${max} characters, or turn on "Skip Length Checks" under Options to let the network decide.`,
		);
	}
}

// In valid JSON text, a string literal or a number literal; everything between is punctuation or a word.
const JSON_STRING_OR_NUMBER = /"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g;

/**
 * The first number of valid JSON text that JSON.parse does not hold as written: an integer past 2^53
 * (1460323737035677698 becomes 1460323737035677700, another id) or a number past 1.8e308 (Infinity,
 * which goes out as null).
 */
function inexactNumber(text: string): { written: string; parsed: number } | undefined {
	for (const [token] of text.matchAll(JSON_STRING_OR_NUMBER)) {
		if (token.startsWith('"')) continue;
		const parsed = Number(token);
		const integer = /^-?\d+$/.test(token);
		if (!Number.isFinite(parsed) || (integer && BigInt(token) !== BigInt(parsed))) return { written: token, parsed };
	}
	return undefined;
}

/** A JSON object given as text or as an object (from an expression). */
export function parseJsonObject(value: unknown, label: string, fail: Fail): Record<string, unknown> {
	let parsed = value;
	if (value === undefined || value === null) return {};
	if (typeof value === 'string') {
		if (value.trim() === '') return {};
		try {
			parsed = JSON.parse(value);
		} catch (error) {
			fail(`${label} is not valid JSON`, (error as Error).message);
		}
	}
	if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
		fail(`${label} must be a JSON object, e.g. {"key": "value"}`);
	}
	const inexact = typeof value === 'string' ? inexactNumber(value) : undefined;
	if (inexact) {
		fail(
			`${label} holds the number ${inexact.written.slice(0, 40)}, which JSON cannot carry exactly: it would be sent as ${JSON.stringify(inexact.parsed)}`,
			'Quote it ("…") where OneAll takes text, as it does for ids; otherwise use a smaller number.',
		);
	}
	return parsed as Record<string, unknown>;
}

// ---------------------------------------------------------------------------------------------
// Coercion of parameter values (they may come from expressions: any JSON value, any type)
// ---------------------------------------------------------------------------------------------

/** Nothing entered: undefined, null or blank text. */
export function isEmpty(value: unknown): boolean {
	return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/** A JSON object: not null, not a list. */
export const isObject = (value: unknown): value is IDataObject =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/** What a value is, for messages: "a list", "object", "boolean", … */
export function typeName(value: unknown): string {
	return Array.isArray(value) ? 'a list' : typeof value;
}

/** Text, numbers and booleans as text; objects and lists are refused. */
export function asText(value: unknown, label: string, fail: Fail): string {
	if (typeof value === 'string') return value;
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	return fail(`${label} must be text, got ${typeName(value)}`);
}

/** Only a real boolean: the text "false" from an expression would be truthy for OneAll. */
export function asBoolean(value: unknown, label: string, fail: Fail): boolean {
	return typeof value === 'boolean'
		? value
		: fail(`${label} must be true or false`, `Got ${typeName(value)}. In an expression, return a boolean: {{ true }}, not "true".`);
}

export function asNumber(value: unknown, label: string, fail: Fail): number {
	const number = typeof value === 'string' ? Number(value) : value;
	return typeof number === 'number' && Number.isFinite(number) ? number : fail(`${label} must be a number`);
}

/** A whole number, or text holding one; never a list, boolean or object (Number([5]) is 5, Number(true) 1). */
export function asWholeNumber(value: unknown, label: string, min: number, fail: Fail): number {
	const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	return typeof number === 'number' && Number.isInteger(number) && number >= min
		? number
		: fail(`${label} must be a whole number of at least ${min}`);
}

/** One of the allowed values, compared as text. */
export function asOption<T extends string>(value: unknown, label: string, allowed: readonly T[], fail: Fail): T {
	const text = asText(value, label, fail);
	return (allowed as readonly string[]).includes(text) ? (text as T) : fail(`${label} must be one of: ${allowed.join(', ')}`);
}

/**
 * An id given as a JSON number is exact only up to 2^53: beyond, it was rounded before the node saw it
 * (1460323737035677698 arrives as 1460323737035677700) and would name another object. Every id field
 * reads numbers through this; text passes as it is.
 */
export function idText(value: unknown, label: string, fail: Fail): unknown {
	if (typeof value !== 'number') return value;
	if (Number.isSafeInteger(value) && value >= 0) return String(value);
	return fail(
		Number.isInteger(value) && value > 0
			? `${label} ${String(value)} is a number too large to be exact: it was rounded before the node got it, so it would name another object`
			: `${label} ${String(value)} is not an id: ids are whole numbers or text`,
		'Pass ids as text: quote them in JSON ("1460323737035677698") or map the text form the source gives (e.g. id_str). Converting with String() afterwards does not help: the digits are already lost.',
	);
}

/** A provider id that goes into a body: no spaces, at most 256 characters. */
const BODY_ID = /^\S{1,256}$/;

export function asBodyId(value: unknown, label: string, fail: Fail): string {
	const id = asText(idText(value, label, fail), label, fail).trim();
	return BODY_ID.test(id) ? id : fail(`${label} must be an id without spaces`);
}

/** Ids given as a list or as comma/space-separated text. */
export function asIdList(value: unknown, label: string, fail: Fail, maxItems?: number): string[] {
	const parts: unknown[] = Array.isArray(value) ? value : asText(idText(value, label, fail), label, fail).split(/[\s,]+/);
	const ids = parts.map((part) => asText(idText(part, label, fail), label, fail).trim()).filter((id) => id !== '');
	for (const id of ids) {
		if (!BODY_ID.test(id)) fail(`${label} contains an invalid id "${id.slice(0, 60)}"`);
	}
	if (maxItems !== undefined && ids.length > maxItems) {
		fail(`${label} has ${ids.length} ids; at most ${maxItems} are allowed`);
	}
	return ids;
}

/** A collection parameter (Additional Fields, Options): an object, or nothing. */
export function asCollection(value: unknown, label: string, fail: Fail): Record<string, unknown> {
	if (value === undefined || value === null) return {};
	return typeof value === 'object' && !Array.isArray(value)
		? (value as Record<string, unknown>)
		: fail(`"${label}" must be a collection of fields`);
}

/** A boolean of an Options collection: absent is false, anything but a boolean is refused. */
export function optionFlag(options: Record<string, unknown>, name: string, label: string, fail: Fail): boolean {
	return options[name] === undefined ? false : asBoolean(options[name], `"${label}"`, fail);
}
