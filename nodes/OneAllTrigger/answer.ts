import { NodeOperationError } from 'n8n-workflow';

/**
 * OneAll answered an event's read, but without a part the event cannot be read without (a connection
 * without its user, a user read without the user). It concerns this event only, never OneAll as a whole:
 * the poll goes on past it (poll.ts) and the login callback names it as the reason (callback.ts).
 */
export class EventAnswerError extends NodeOperationError {}

/** How a missing or wrong part is named in an error: "missing", "null", "a list", "the text "x"". */
export function shapeOf(value: unknown): string {
	if (value === undefined) return 'missing';
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'a list';
	if (typeof value === 'string') return `the text ${JSON.stringify(value.slice(0, 60))}`;
	return typeof value === 'object' ? 'an object' : `the ${typeof value} ${String(value)}`;
}
