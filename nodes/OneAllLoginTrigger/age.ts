import type { IDataObject } from 'n8n-workflow';

import { parseOneAllDate } from '../OneAllTrigger/cursor';
import { NEUTRAL, refuse } from './refusal';

/** How far OneAll's clock may run ahead of n8n's before a login counts as dated in the future. */
export const CLOCK_SKEW_SECONDS = 60;

/**
 * Fails closed (docs/oneall-api.md §8.7): a connection without a readable date, dated in the future
 * beyond the skew, or older than `maxAgeSeconds` is refused. 0 turns the check off.
 */
export function checkLoginAge(connection: IDataObject, maxAgeSeconds: number, nowMs = Date.now()): void {
	if (!maxAgeSeconds) return;
	const loggedInAt = parseOneAllDate(connection.date ?? connection.date_creation);
	if (loggedInAt === undefined) refuse(403, NEUTRAL.title, NEUTRAL.message, 'OneAll gave this connection no readable date');
	const age = nowMs / 1000 - loggedInAt;
	if (age < -CLOCK_SKEW_SECONDS) refuse(403, NEUTRAL.title, NEUTRAL.message, 'OneAll dated this connection in the future');
	if (age > maxAgeSeconds) refuse(403, NEUTRAL.title, NEUTRAL.message, 'this login is older than Max Login Age');
}
