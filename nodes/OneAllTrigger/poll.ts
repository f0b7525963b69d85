import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { isNetwork, type Network } from '../OneAll/actions/common/networks';
import { redactProviderTokens } from '../OneAll/helpers/redact';
import { asWholeNumber, isObject } from '../OneAll/helpers/validation';
import { failFor } from '../OneAll/helpers/fail';
import { fetchListPage, MAX_PAGE_SIZE } from '../OneAll/transport/list';
import { apiPath, PATH_ID_PATTERN } from '../OneAll/transport/path';
import { oneAllApiRequest, resultData } from '../OneAll/transport/request';
import {
	advance,
	isAfter,
	oldestFirst,
	parseOneAllDate,
	reachedCursor,
	readCursor,
	withFailure,
	writeCursor,
	type Cursor,
	type ListedEvent,
} from './cursor';
import { EVENTS, isEventName, matchesNetwork, missingFields, type EventKind } from './events';
import { readLogin } from './login';
import { EventAnswerError, shapeOf } from './answer';

/**
 * Pages read back to the cursor in one poll at most, of MAX_PAGE_SIZE (500) entries: 10,000 entries. A walk
 * over more than one page reads them once more (entriesAfter), so a poll sends at most twice as many list requests.
 */
export const MAX_PAGES_PER_POLL = 20;
/** Polls in which an event's full read fails (while others succeed) before it is passed as failed. */
export const MAX_READ_FAILURES = 3;

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

const LISTED_TOKEN = new RegExp(PATH_ID_PATTERN);

/**
 * The entry as an event; undefined (and logged) when it has no token, so it cannot be told apart, or one
 * that is no OneAll id (letters, digits, - and _, at most 128): the cursor keeps thousands of them.
 */
function listed(context: IPollFunctions, event: EventKind, entry: IDataObject): ListedEvent | undefined {
	const token = entry[event.tokenKey];
	if (typeof token !== 'string' || !LISTED_TOKEN.test(token)) {
		context.logger.warn(`OneAll Trigger: an entry of OneAll's ${event.collection} list has no valid ${event.tokenKey} and is skipped`, {
			entry: JSON.stringify(redactProviderTokens(entry)).slice(0, 300),
		});
		return undefined;
	}
	return { token, second: parseOneAllDate(entry.date_creation), entry };
}

/** True when a page's dated entries run oldest first (its first dated entry is older than its last). */
function runsOldestFirst(entries: IDataObject[]): boolean {
	const seconds = entries.map((entry) => parseOneAllDate(entry.date_creation)).filter((second) => second !== undefined);
	return seconds.length >= 2 && seconds[0] < seconds[seconds.length - 1];
}

/**
 * Newest first: page `page` of the list ordered by date_creation desc. A list of several pages that comes
 * oldest first (order_direction ignored) is an error: the walk reads only the newest pages, so it would
 * never see a new entry and every poll would pass as "nothing new".
 */
async function newestPage(context: IPollFunctions, event: EventKind, page: number, size: number) {
	const answer = await fetchListPage.call(context, event.path, event.collection, {
		page,
		entries_per_page: size,
		order_direction: 'desc',
	});
	if (answer.hasMore && runsOldestFirst(answer.entries)) {
		throw new NodeOperationError(
			context.getNode(),
			`OneAll listed the ${event.collection} oldest first although the trigger asked for the newest first (GET ${event.path}?order_direction=desc)`,
			{
				description: `The list has more than one page and the trigger reads it from the newest end, so it would never see a new entry. Nothing was emitted and the cursor did not move. Check with a Custom API Call whether ${event.path} still accepts order_direction=desc.`,
			},
		);
	}
	return answer;
}

/** What one poll has read of the list so far: tokens counted once per poll, the new entries in list order. */
interface Walk {
	cursor: Cursor;
	known: Set<string>;
	inThisPoll: Set<string>;
	found: ListedEvent[];
}

/**
 * Reads one page into the walk. `fresh`: entries not met before in this poll; `reached`: the page ends in
 * a token passed before or a date before the window (desc order: older pages hold nothing new).
 */
function readPage(context: IPollFunctions, event: EventKind, walk: Walk, entries: IDataObject[]) {
	const { cursor, known, inThisPoll, found } = walk;
	let fresh = 0;
	let reached = false;
	for (const entry of entries) {
		const token = entry[event.tokenKey];
		if (typeof token === 'string' && inThisPoll.has(token)) continue;
		if (typeof token === 'string' && known.has(token)) {
			inThisPoll.add(token);
			fresh++;
			reached = true;
			continue;
		}
		if (reachedCursor(cursor, { second: parseOneAllDate(entry.date_creation) })) {
			reached = true;
			continue;
		}
		const item = listed(context, event, entry);
		if (!item) continue;
		inThisPoll.add(item.token);
		fresh++;
		const isNew = isAfter(cursor, item);
		reached = !isNew;
		if (isNew) found.push(item);
	}
	return { fresh, reached };
}

/**
 * Every entry not passed before, oldest first. Entries are told apart by token: one poll counts each
 * token once (a login arriving between two pages shifts entries onto the next page), a page bringing no
 * token not seen in this poll ends the walk (a server that ignores `page`), and a page ending in a token
 * passed before or a date before the window means older pages hold nothing new. Entries before the window
 * are not checked. More than MAX_PAGES_PER_POLL pages of new entries: the older ones are skipped (logged).
 * An entry deleted while the walk reads the next page moves an older one up onto a page already read:
 * a walk over more than one page therefore reads those pages once more at its end and takes the tokens it
 * has not met yet (once per poll: two deletions timed around both reads can still hide an entry).
 */
async function entriesAfter(context: IPollFunctions, event: EventKind, cursor: Cursor) {
	const walk: Walk = { cursor, known: new Set(cursor.seen), inThisPoll: new Set(), found: [] };
	// Up to the last page that brought a token not met in this poll: a repeated page (a server ignoring `page`) is not.
	let pagesToReread = 0;
	let complete = false;
	for (let page = 1; page <= MAX_PAGES_PER_POLL; page++) {
		const { entries, hasMore } = await newestPage(context, event, page, MAX_PAGE_SIZE);
		const { fresh, reached } = readPage(context, event, walk, entries);
		if (fresh > 0) pagesToReread = page;
		complete = reached || fresh === 0 || !hasMore;
		if (complete) break;
	}
	for (let page = 1; pagesToReread > 1 && page <= pagesToReread; page++) {
		const { entries, hasMore } = await newestPage(context, event, page, MAX_PAGE_SIZE);
		readPage(context, event, walk, entries);
		if (!hasMore) break;
	}
	return { found: oldestFirst(walk.found), complete };
}

/** The event read in full, tokens redacted unless asked for. A vanished entry (404) is emitted as listed. */
async function readInFull(context: IPollFunctions, settings: PollSettings, item: ListedEvent): Promise<IDataObject> {
	const { read } = settings.event;
	try {
		if (read.kind === 'login') return await readLogin(context, item.token, settings.keepSecrets);
		const path = apiPath(read.path, { token: item.token });
		const full = resultData(await oneAllApiRequest.call(context, { method: 'GET', path }))[read.object];
		if (!isObject(full)) {
			throw new EventAnswerError(context.getNode(), `OneAll's answer for ${settings.event.tokenKey} ${item.token} has no ${read.object}: result.data.${read.object} is ${shapeOf(full)}`, {
				description: `GET ${path} answered without the ${read.object}. Use a Custom API Call to see the raw answer.`,
			});
		}
		return settings.keepSecrets ? full : redactProviderTokens(full);
	} catch (error) {
		if (error instanceof NodeApiError && String(error.httpCode) === '404') {
			return { ...redactProviderTokens(item.entry), _oneAllReadError: 'Deleted before it could be read in full' };
		}
		throw error instanceof NodeApiError || error instanceof NodeOperationError ? error : new NodeOperationError(context.getNode(), error as Error);
	}
}

/** The full read, or the error it failed with. */
async function tryReadInFull(context: IPollFunctions, settings: PollSettings, item: ListedEvent) {
	try {
		return { json: await readInFull(context, settings, item) };
	} catch (error) {
		return { error: error as NodeApiError | NodeOperationError };
	}
}

/**
 * An answer that can concern one event (500, 4xx): unreachable (no status), unavailable (502–504) and
 * rate limits (429) concern OneAll as a whole, so the poll fails and repeats.
 */
function mayFailAlone(error: Error): boolean {
	const status = Number((error as NodeApiError).httpCode);
	return Number.isInteger(status) && status >= 400 && ![429, 502, 503, 504].includes(status);
}

/** What is emitted for an event whose full read failed in MAX_READ_FAILURES polls: the list entry, marked. */
function failedEvent(item: ListedEvent, error: Error, polls: number): IDataObject {
	const httpCode = (error as NodeApiError).httpCode;
	return {
		...redactProviderTokens(item.entry),
		_oneAllReadFailed: { message: error.message, ...(httpCode ? { httpCode } : {}), polls },
	};
}

/** The event as output: which of the fields the trigger relies on OneAll did not send. */
function withMissing(settings: PollSettings, json: IDataObject): IDataObject {
	const missing = missingFields(settings.event, json);
	return missing.length ? { ...json, _oneAllMissing: missing } : json;
}

/**
 * One poll (docs/oneall-api.md §8.7): pages newest first back to the cursor, emits at most Max Events of
 * the new entries oldest first, and moves the cursor past what it passed. A failure of the list or of
 * every full read throws before the cursor changes, so the next poll repeats the same window. A full read
 * that fails while the next event's read succeeds, or whose answer lacks the event's own parts (a
 * connection without its user), fails for that event only: the poll stops before it (logged); after
 * MAX_READ_FAILURES such polls it is emitted as listed, marked `_oneAllReadFailed`.
 */
export async function pollEvents(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
	const settings = readSettings(this);
	const stored = this.getWorkflowStaticData('node');
	const isManual = this.getMode() === 'manual';

	if (isManual) {
		// A test run shows the newest event's shape and leaves the cursor alone.
		const { entries } = await newestPage(this, settings.event, 1, settings.network ? 100 : 1);
		for (const entry of entries) {
			const item = listed(this, settings.event, entry);
			if (!item || (entry.provider !== undefined && !matchesNetwork(entry, settings.network))) continue;
			const json = await readInFull(this, settings, item);
			if (matchesNetwork(json, settings.network)) return [this.helpers.returnJsonArray([withMissing(settings, json)])];
		}
		return null;
	}

	const nowSecond = Math.floor(Date.now() / 1000);
	const cursor = readCursor(stored, settings.key);
	if (!cursor) {
		// First activation: remember where "now" is, emit nothing.
		const { entries } = await newestPage(this, settings.event, 1, MAX_PAGE_SIZE);
		const items = entries.map((entry) => listed(this, settings.event, entry)).filter((item) => item !== undefined);
		const passed = oldestFirst(items);
		// `seen` holds the whole list, or, when page 1 was full, what is dated from its oldest entry on.
		const seenFrom = entries.length < MAX_PAGE_SIZE ? null : (passed[0]?.second ?? null);
		const empty: Cursor = { key: settings.key, second: null, tokens: [], seen: [], failures: {}, seenFrom };
		writeCursor(stored, advance(empty, passed, nowSecond));
		return null;
	}

	const { found, complete } = await entriesAfter(this, settings.event, cursor);
	if (!complete) {
		this.logger.warn(
			`OneAll Trigger: more than ${MAX_PAGES_PER_POLL * MAX_PAGE_SIZE} new ${settings.event.collection} since the last poll; older ones than the ${MAX_PAGES_PER_POLL * MAX_PAGE_SIZE} newest are skipped`,
		);
	}
	let next = cursor;
	const passed: ListedEvent[] = [];
	const out: IDataObject[] = [];
	for (let index = 0; index < found.length && out.length < settings.maxEvents; index++) {
		const item = found[index];
		// Without `provider` in the list entry (OneAll's public example), the full read decides the network.
		if (item.entry.provider !== undefined && !matchesNetwork(item.entry, settings.network)) {
			passed.push(item);
			continue;
		}
		const read = await tryReadInFull(this, settings, item);
		if (read.json) {
			passed.push(item);
			if (matchesNetwork(read.json, settings.network)) out.push(withMissing(settings, read.json));
			continue;
		}
		// Only this event, or OneAll as a whole? An answer without the event's parts concerns this event;
		// otherwise the next event's read tells.
		if (!(read.error instanceof EventAnswerError)) {
			const nextEvent = found[index + 1];
			const probe = nextEvent && mayFailAlone(read.error) ? await tryReadInFull(this, settings, nextEvent) : undefined;
			if (!probe?.json) throw read.error;
		}
		next = withFailure(next, item.token);
		const polls = next.failures[item.token];
		if (polls < MAX_READ_FAILURES) {
			this.logger.warn(
				`OneAll Trigger: reading ${settings.event.tokenKey} ${item.token} in full failed (${read.error.message}), poll ${polls} of ${MAX_READ_FAILURES}; later events wait`,
			);
			break;
		}
		this.logger.error(
			`OneAll Trigger: reading ${settings.event.tokenKey} ${item.token} in full failed in ${polls} polls (${read.error.message}); it is emitted as listed, marked _oneAllReadFailed`,
		);
		passed.push(item);
		out.push(failedEvent(item, read.error, polls));
	}
	writeCursor(stored, advance(next, passed, nowSecond));
	if (out.length === 0) return null;
	return [this.helpers.returnJsonArray(out)];
}
