import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { failFor, type Fail } from '../../helpers/fail';
import { asCollection } from '../../helpers/validation';

/** Items sent at the same time unless the user sets Concurrency. */
export const DEFAULT_CONCURRENCY = 5;
const MAX_CONCURRENCY = 50;
/** Longest Timeout a user may set: ten minutes. */
export const MAX_TIMEOUT_SECONDS = 600;

/** The execution settings every operation offers under Options; read once per execution by `readBatching`. */
export const BATCHING_OPTIONS: INodeProperties[] = [
	{
		displayName: 'Concurrency',
		name: 'concurrency',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: MAX_CONCURRENCY },
		default: DEFAULT_CONCURRENCY,
		description:
			'How many items are sent to OneAll at the same time. Set 1 to publish strictly in input order. On a rate limit (429) the node slows down and re-sends only the requests OneAll did not process.',
	},
	{
		displayName: 'Max Requests per Second',
		name: 'maxRequestsPerSecond',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 0,
		description: 'Upper bound on the request rate of this node (0 = no bound; the node still adapts to 429 answers)',
	},
	{
		displayName: 'Timeout (Seconds)',
		name: 'timeout',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: MAX_TIMEOUT_SECONDS },
		default: 0,
		description: `How long a request may take in all, at most ${MAX_TIMEOUT_SECONDS} s (0 = 30 s for reads, 120 s for pushes, which make OneAll fetch media). A push that times out is not sent again: it may be live.`,
	},
];

export interface Batching {
	concurrency: number;
	maxRequestsPerSecond: number;
	/** Undefined: the transport's default for the kind of request. */
	timeoutMs?: number;
}

/** Slowest bound taken: one request a day. Slower spacings do not fit a timer and would send unpaced. */
const MIN_REQUESTS_PER_SECOND = 1 / 86_400;

/**
 * A number option (from an expression it may be anything): absent is `fallback`; text holding a number
 * is that number; anything else is refused naming the option.
 */
function optionNumber(options: IDataObject, name: string, label: string, fallback: number, fail: Fail): number {
	const value = options[name];
	if (value === undefined || value === null || value === '') return fallback;
	const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	return typeof number === 'number' && Number.isFinite(number) ? number : fail(`"${label}" must be a number`, `Got ${JSON.stringify(value)?.slice(0, 60)}.`);
}

const clamp = (value: number, min: number, max: number) => Math.min(Math.max(value, min), max);

/**
 * The Options of the first item apply to the whole execution (they are not per item). Numbers past the
 * editor's bounds are brought within them; what is no number, or a bound on the rate that would lift it
 * (negative, or slower than one request a day), is refused before anything is sent.
 */
export function readBatching(context: IExecuteFunctions): Batching {
	const fail = failFor(context.getNode(), 0);
	const options = asCollection(context.getNodeParameter('options', 0, {}), 'Options', fail) as IDataObject;
	const concurrency = Math.round(clamp(optionNumber(options, 'concurrency', 'Concurrency', DEFAULT_CONCURRENCY, fail), 1, MAX_CONCURRENCY));
	const timeoutSeconds = clamp(optionNumber(options, 'timeout', 'Timeout (Seconds)', 0, fail), 0, MAX_TIMEOUT_SECONDS);
	const maxRequestsPerSecond = optionNumber(options, 'maxRequestsPerSecond', 'Max Requests per Second', 0, fail);
	if (maxRequestsPerSecond < 0 || (maxRequestsPerSecond > 0 && maxRequestsPerSecond < MIN_REQUESTS_PER_SECOND)) {
		fail(
			'"Max Requests per Second" must be 0 (no bound) or at least 0.0000116 (one request a day)',
			`Got ${maxRequestsPerSecond}. Nothing was sent.`,
		);
	}
	return {
		concurrency,
		maxRequestsPerSecond,
		timeoutMs: timeoutSeconds > 0 ? timeoutSeconds * 1000 : undefined,
	};
}
