import type { Fail } from './fail';
import { weightedTweetLength } from './tweetLength';

/** Fully qualified http(s) URL, as OneAll requires for media and links. */
export function checkUrl(value: string, label: string, fail: Fail): string {
	let url: URL | undefined;
	try {
		url = new URL(value);
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
			`${how}Shorten the text, or turn on "Skip Length Checks" under Options to let the network decide.`,
		);
	}
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
	return parsed as Record<string, unknown>;
}
