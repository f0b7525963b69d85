import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

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

/** `value` clamped to [min, max]; `ifInvalid` when it is not a number. */
function bounded(value: unknown, min: number, max: number, ifInvalid: number): number {
	const number = Number(value);
	return Number.isFinite(number) ? Math.min(Math.max(number, min), max) : ifInvalid;
}

/** The Options of the first item apply to the whole execution (they are not per item). */
export function readBatching(context: IExecuteFunctions): Batching {
	const raw = context.getNodeParameter('options', 0, {});
	const options = (typeof raw === 'object' && raw !== null ? raw : {}) as IDataObject;
	const concurrency = Math.round(bounded(options.concurrency ?? DEFAULT_CONCURRENCY, 1, MAX_CONCURRENCY, 1));
	const timeoutSeconds = bounded(options.timeout ?? 0, 0, MAX_TIMEOUT_SECONDS, 0);
	return {
		concurrency,
		maxRequestsPerSecond: bounded(options.maxRequestsPerSecond ?? 0, 0, Number.MAX_VALUE, 0),
		timeoutMs: timeoutSeconds > 0 ? timeoutSeconds * 1000 : undefined,
	};
}
