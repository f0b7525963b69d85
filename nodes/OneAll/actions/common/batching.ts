import type { INodeProperties } from 'n8n-workflow';

/** Items sent at the same time unless the user sets Concurrency. */
export const DEFAULT_CONCURRENCY = 5;

/** Read by the router from the first item. */
export const BATCHING_OPTIONS: INodeProperties[] = [
	{
		displayName: 'Concurrency',
		name: 'concurrency',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 50 },
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
		typeOptions: { minValue: 0 },
		default: 0,
		description:
			'How long to wait for OneAll\'s answer (0 = 30 s for reads, 120 s for pushes, which make OneAll fetch media). A push that times out is not sent again: it may be live.',
	},
];
