import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { isNetwork, type Network } from '../OneAll/actions/common/networks';
import { redactProviderTokens } from '../OneAll/helpers/redact';
import { asWholeNumber } from '../OneAll/helpers/validation';
import { failFor } from '../OneAll/helpers/fail';
import { fetchListPage, MAX_PAGE_SIZE } from '../OneAll/transport/list';
import { apiPath } from '../OneAll/transport/path';
import { oneAllApiRequest, resultData } from '../OneAll/transport/request';
import {
	advance,
	isAfter,
	oldestFirst,
	parseOneAllDate,
	reachedCursor,
	readCursor,
	writeCursor,
	type Cursor,
	type ListedEvent,
} from './cursor';
import { EVENTS, isEventName, matchesNetwork, type EventKind } from './events';
import { readLogin } from './login';

/** Pages read back to the cursor in one poll at most (500 entries each). */
export const MAX_PAGES_PER_POLL = 20;

interface PollSettings {
	event: EventKind;
	network: Network | undefined;
	maxEvents: number;
	keepSecrets: boolean;
	/** Identifies the cursor: a new event or filter starts afresh. */
	key: string;
}

function readSettings(context: IPollFunctions): PollSettings {
	const fail = failFor(context.getNode());
	const eventName = context.getNodeParameter('event', 'newLogin');
	if (!isEventName(eventName)) return fail(`Unknown event "${String(eventName)}"`);
	const event = EVENTS[eventName];
	const rawNetwork = event.filterByNetwork ? context.getNodeParameter('network', '') : '';
	const network = isNetwork(rawNetwork) ? rawNetwork : undefined;
	if (rawNetwork && !network) fail(`Unknown network "${String(rawNetwork)}"`);
	const options = context.getNodeParameter('options', {}) as IDataObject;
	const maxEvents = asWholeNumber(options.maxEvents ?? 50, '"Max Events per Poll"', 1, fail);
	const keepSecrets = options.includeAccessTokens === true;
	return { event, network, maxEvents, keepSecrets, key: `${eventName}:${network ?? ''}` };
}

function listed(context: IPollFunctions, event: EventKind, entry: IDataObject): ListedEvent {
	const token = entry[event.tokenKey];
	const second = parseOneAllDate(entry.date_creation);
	if (typeof token !== 'string' || token === '' || second === undefined) {
		// A changed answer shape must show, not silently skip or repeat events.
		throw new NodeApiError(context.getNode(), entry as never, {
			message: `OneAll's ${event.collection} list has an entry without ${event.tokenKey} or a readable date_creation`,
			description: `Got ${JSON.stringify(entry).slice(0, 300)}`,
		});
	}
	return { token, second, entry };
}

/** Newest first: page 1 of the list ordered by date_creation desc. */
async function newestPage(context: IPollFunctions, event: EventKind, page: number, size: number) {
	return await fetchListPage.call(context, event.path, event.collection, {
		page,
		entries_per_page: size,
		order_direction: 'desc',
	});
}

/** Every entry after the cursor, oldest first; `complete` is false when the page limit stopped the walk first. */
async function entriesAfter(context: IPollFunctions, event: EventKind, cursor: Cursor, pageSize: number) {
	const found: ListedEvent[] = [];
	for (let page = 1; page <= MAX_PAGES_PER_POLL; page++) {
		const { entries, hasMore } = await newestPage(context, event, page, pageSize);
		let reached = false;
		for (const entry of entries) {
			const item = listed(context, event, entry);
			if (reachedCursor(cursor, item)) reached = true;
			else if (isAfter(cursor, item)) found.push(item);
		}
		if (reached || !hasMore || entries.length === 0) return { found: found.sort(oldestFirst), complete: true };
	}
	return { found: found.sort(oldestFirst), complete: false };
}

/** The event read in full, tokens redacted unless asked for. A vanished entry (404) is emitted as listed. */
async function readInFull(context: IPollFunctions, settings: PollSettings, item: ListedEvent): Promise<IDataObject> {
	const { read } = settings.event;
	try {
		if (read.kind === 'login') return await readLogin(context, item.token, settings.keepSecrets);
		const response = await oneAllApiRequest.call(context, { method: 'GET', path: apiPath(read.path, { token: item.token }) });
		const data = resultData(response);
		const full = (data[read.object] ?? data) as IDataObject;
		return settings.keepSecrets ? full : redactProviderTokens(full);
	} catch (error) {
		if (error instanceof NodeApiError && String(error.httpCode) === '404') {
			return { ...redactProviderTokens(item.entry), _oneAllReadError: 'Deleted before it could be read in full' };
		}
		throw error instanceof NodeApiError ? error : new NodeOperationError(context.getNode(), error as Error);
	}
}

/**
 * One poll (docs/oneall-api.md §8.7): pages newest first back to the cursor, emits at most Max Events of
 * the new entries oldest first, and moves the cursor past what it emitted. Nothing changes the cursor
 * before every read has succeeded, so an error (401, 5xx, timeout) repeats the same window next time.
 */
export async function pollEvents(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
	const settings = readSettings(this);
	const stored = this.getWorkflowStaticData('node');
	const isManual = this.getMode() === 'manual';

	if (isManual) {
		// A test run shows the newest event's shape and leaves the cursor alone.
		const { entries } = await newestPage(this, settings.event, 1, settings.network ? 100 : 1);
		const newest = entries.find((entry) => matchesNetwork(entry, settings.network));
		if (!newest) return null;
		return [this.helpers.returnJsonArray([await readInFull(this, settings, listed(this, settings.event, newest))])];
	}

	const cursor = readCursor(stored, settings.key);
	if (!cursor) {
		// First activation: remember where "now" is, emit nothing.
		const { entries } = await newestPage(this, settings.event, 1, MAX_PAGE_SIZE);
		const items = entries.map((entry) => listed(this, settings.event, entry)).sort(oldestFirst);
		const newest = items.length ? items[items.length - 1].second : null;
		writeCursor(stored, {
			key: settings.key,
			second: newest,
			tokens: items.filter((item) => item.second === newest).map((item) => item.token),
		});
		return null;
	}

	const pageSize = Math.min(MAX_PAGE_SIZE, Math.max(settings.maxEvents, 50));
	const { found } = await entriesAfter(this, settings.event, cursor, pageSize);
	// When the page limit stopped the walk early, the cursor jumps to the oldest entry read (README: Cursor).
	const passed: ListedEvent[] = [];
	const toEmit: ListedEvent[] = [];
	for (const item of found) {
		const wanted = matchesNetwork(item.entry, settings.network);
		if (wanted && toEmit.length === settings.maxEvents) break;
		passed.push(item);
		if (wanted) toEmit.push(item);
	}
	const out: IDataObject[] = [];
	for (const item of toEmit) out.push(await readInFull(this, settings, item));
	writeCursor(stored, advance(cursor, passed));
	if (out.length === 0) return null;
	return [this.helpers.returnJsonArray(out)];
}
