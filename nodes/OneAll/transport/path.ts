import type { Fail } from '../helpers/fail';
import { idText, typeName } from '../helpers/validation';

/** OneAll tokens (identity, user, connection) are UUID-shaped; OneAll's own examples use letters beyond hex. */
export const TOKEN_PATTERN = '^[A-Za-z0-9]{8}-[A-Za-z0-9]{4}-[A-Za-z0-9]{4}-[A-Za-z0-9]{4}-[A-Za-z0-9]{12}$';
/** Provider object ids that go into a path (Pinterest boards, YouTube playlists). */
export const PATH_ID_PATTERN = '^[A-Za-z0-9_-]{1,128}$';

const TOKEN = new RegExp(TOKEN_PATTERN);
const PATH_ID = new RegExp(PATH_ID_PATTERN);

/**
 * The text of a token or id; a number only when it is exact (idText refuses rounded ones). Nothing
 * (undefined, null) is empty; a list, object or boolean is refused as such, not as "empty".
 */
function asText(value: unknown, label: string, fail: Fail): string {
	const checked = idText(value, label, fail);
	if (checked === undefined || checked === null) return '';
	if (typeof checked !== 'string') {
		fail(
			`${label} must be text, got ${typeName(checked)}`,
			'Give the token or id itself: map the field that holds it, e.g. {{ $json.identity_token }}, not the object or list around it.',
		);
	}
	return checked.trim();
}

export function tokenSegment(value: unknown, label: string, fail: Fail): string {
	const text = asText(value, label, fail);
	if (!TOKEN.test(text)) {
		fail(
			// The message alone reaches an AI agent, so it says what a token looks like.
			text
				? `${label} "${text.slice(0, 60)}" is not a valid OneAll token: tokens look like 8a7b4c1d-2e3f-4a5b-8c9d-0e1f2a3b4c5d`
				: `${label} is empty`,
			// Not the message again: where a valid token comes from.
			'Pick it from the list, or map it from an earlier step that outputs it, e.g. a social login or a Get Many of users or identities.',
		);
	}
	return text;
}

export function idSegment(value: unknown, label: string, fail: Fail): string {
	const text = asText(value, label, fail);
	if (!PATH_ID.test(text)) {
		fail(
			text
				? `${label} "${text.slice(0, 60)}" is not a valid id: give the id itself (letters, digits, - and _), not a name or URL`
				: `${label} is empty`,
			'Pick it from the list, or map it from an earlier step that outputs it, e.g. a publish or a Get Many.',
		);
	}
	return text;
}

/** Fills `{name}` placeholders of a template with validated segments, each URL-encoded. */
export function apiPath(template: string, segments: Record<string, string> = {}): string {
	return template.replace(/\{(\w+)\}/g, (_match, name: string) => encodeURIComponent(segments[name] ?? ''));
}
