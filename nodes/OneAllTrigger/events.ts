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
	},
	newUser: {
		name: 'New User',
		description: 'A new OneAll user, with every identity (network account) they connected',
		path: '/users.json',
		collection: 'users',
		tokenKey: 'user_token',
		read: { kind: 'object', path: '/users/{token}.json', object: 'user' },
	},
	newIdentity: {
		name: 'New Identity',
		description: 'A network account newly connected to one of your users (optionally of one network)',
		path: '/identities.json',
		collection: 'identities',
		tokenKey: 'identity_token',
		read: { kind: 'object', path: '/identities/{token}.json', object: 'identity' },
		filterByNetwork: true,
	},
	newSharingMessage: {
		name: 'New Sharing Message',
		description: 'A message published through the Social Sharing API (docs/oneall-api.md §8.1)',
		path: '/sharing/messages.json',
		collection: 'sharing_messages',
		tokenKey: 'sharing_message_token',
		read: { kind: 'object', path: '/sharing/messages/{token}.json', object: 'sharing_message' },
	},
};

export const EVENT_NAMES = Object.keys(EVENTS) as EventName[];

export function isEventName(value: unknown): value is EventName {
	return typeof value === 'string' && Object.prototype.hasOwnProperty.call(EVENTS, value);
}

/** Network filter of an entry: identity list entries carry `provider` (docs/oneall-api.md §7.1). */
export function matchesNetwork(entry: IDataObject, network: Network | undefined): boolean {
	return network === undefined || entry.provider === network;
}

export const NETWORK_OPTIONS = [
	{ name: 'Any Network', value: '' },
	...(Object.keys(NETWORK_NAMES) as Network[]).map((network) => ({ name: NETWORK_NAMES[network], value: network })),
];
