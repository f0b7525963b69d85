import type { IDataObject } from 'n8n-workflow';

import { NETWORK_NAMES, type Network } from '../OneAll/actions/common/networks';

/** How a new entry is read in full before it is emitted. */
export type FullRead =
	/** GET the entry's own path; `result.data.<object>` is the event. */
	| { kind: 'object'; path: string; object: string }
	/** A login: the connection, then its user with every identity (login.ts). */
	| { kind: 'login' };

export interface EventKind {
	name: string;
	description: string;
	/** The list OneAll serves newest first with order_direction=desc (docs/oneall-api.md §8.7). */
	path: string;
	/** `result.data.<collection>.entries` holds the list. */
	collection: string;
	/** The entry's key holding its OneAll token. */
	tokenKey: string;
	read: FullRead;
	/** Entries of this kind may be limited to one network (the entry's `provider`). */
	filterByNetwork?: boolean;
	/**
	 * Fields of the emitted event the trigger relies on, as paths: listed in `_oneAllMissing` when absent.
	 * A key may name alternatives, `date|date_creation`: present when any is (listed by the first).
	 */
	expected: string[][];
}

export type EventName = 'newLogin' | 'newUser' | 'newIdentity' | 'newSharingMessage';

/** The one table of polling events: the Event dropdown and poll() derive from it. */
export const EVENTS: Record<EventName, EventKind> = {
	newLogin: {
		name: 'New Login',
		description: 'A person logged in (or linked an account) through your OneAll Social Login widget',
		path: '/connections.json',
		collection: 'connections',
		tokenKey: 'connection_token',
		read: { kind: 'login' },
		// The connection read dates the login as `date` (docs/oneall-api.md §7.4), the list as date_creation.
		expected: [['connection', 'date|date_creation'], ['identity', 'provider']],
	},
	newUser: {
		name: 'New User',
		description: 'A new OneAll user, with every identity (network account) they connected',
		path: '/users.json',
		collection: 'users',
		tokenKey: 'user_token',
		read: { kind: 'object', path: '/users/{token}.json', object: 'user' },
		expected: [['date_creation']],
	},
	newIdentity: {
		name: 'New Identity',
		description: 'A network account newly connected to one of your users (optionally of one network)',
		path: '/identities.json',
		collection: 'identities',
		tokenKey: 'identity_token',
		read: { kind: 'object', path: '/identities/{token}.json', object: 'identity' },
		filterByNetwork: true,
		expected: [['date_creation'], ['provider']],
	},
	newSharingMessage: {
		name: 'New Sharing Message',
		description: 'A message newly published through OneAll\'s Social Sharing API',
		path: '/sharing/messages.json',
		collection: 'sharing_messages',
		tokenKey: 'sharing_message_token',
		read: { kind: 'object', path: '/sharing/messages/{token}.json', object: 'sharing_message' },
		expected: [['date_creation']],
	},
};

export const EVENT_NAMES = Object.keys(EVENTS) as EventName[];

export function isEventName(value: unknown): value is EventName {
	return typeof value === 'string' && Object.prototype.hasOwnProperty.call(EVENTS, value);
}

/**
 * Network filter of an identity: its `provider`. OneAll's public list example has no `provider` in the
 * entries, the identity read has it (docs/oneall-api.md §7.1), so poll.ts filters after the full read then.
 */
export function matchesNetwork(identity: IDataObject, network: Network | undefined): boolean {
	return network === undefined || identity.provider === network;
}

const isAbsent = (value: unknown) => value === undefined || value === null || value === '';

/** The `expected` fields (dotted; of alternatives the first) OneAll did not send in `json`. */
export function missingFields(event: EventKind, json: IDataObject): string[] {
	return event.expected
		.filter((path) => {
			let value: unknown = json;
			for (const key of path) {
				const parent = value && typeof value === 'object' ? (value as IDataObject) : {};
				value = key.split('|').map((name) => parent[name]).find((found) => !isAbsent(found));
			}
			return isAbsent(value);
		})
		.map((path) => path.map((key) => key.split('|')[0]).join('.'));
}

export const NETWORK_OPTIONS = [
	{ name: 'Any Network', value: '' },
	...(Object.keys(NETWORK_NAMES) as Network[]).map((network) => ({ name: NETWORK_NAMES[network], value: network })),
];
