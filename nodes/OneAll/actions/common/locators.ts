import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { Fail } from '../../helpers/fail';
import { asBodyId } from '../../helpers/validation';
import { idSegment, tokenSegment } from '../../transport/path';
import { NETWORK_NAMES, type Network } from './networks';
import { nodeParameter } from './parameters';

/** Objects of a network, listed by OneAll's Pull API for the chosen identity. */
export type ObjectLocatorKind = 'board' | 'page' | 'group' | 'company' | 'playlist';
/** Everything a "From List / By ID" field can pick. */
export type LocatorKind = 'identity' | 'user' | 'sharingMessage' | ObjectLocatorKind;

/** Where the list of a picker comes from: OneAll's Pull API for one identity (docs/oneall-api.md §6). */
export interface PullList {
	/** Path below `/pull/identities/<identity>/`. */
	path: string;
	/** `result.data.<collection>` holds the list. */
	collection: string;
	/** Entries name their keys `<object>_id`, `<object>_name`, … */
	object: string;
}

interface LocatorInfo {
	displayName: string;
	description: string;
	placeholder: string;
	/** The list-search method of the node (methods/listSearch.ts builds them from this table). */
	searchMethod: string;
	/** OneAll tokens are UUID-shaped; provider object ids are not. */
	id: 'token' | 'id';
	pull?: PullList;
}

/** The one table of pickers: every resource locator and every list-search method derives from it. */
export const LOCATORS: Record<LocatorKind, LocatorInfo> = {
	identity: {
		displayName: 'Identity',
		description:
			"The account (OneAll identity) to act for. Its identity_token comes from the user's social login through OneAll.",
		placeholder: '12345678-abcd-4bcd-8123-abcabcabcabc',
		searchMethod: 'searchIdentities',
		id: 'token',
	},
	user: {
		displayName: 'User',
		description: 'The OneAll user (user_token) of your site',
		placeholder: '5360232a-d9ca-4433-8128-44a9e1d9cec3',
		searchMethod: 'searchUsers',
		id: 'token',
	},
	sharingMessage: {
		displayName: 'Sharing Message',
		description: 'The sharing message (its sharing_message_token, output by Publish)',
		placeholder: '328ef915-da13-4b58-83f6-6a35af3b08c0',
		searchMethod: 'searchSharingMessages',
		// The token's shape is documented by example only: held to the path id pattern, as before the picker.
		id: 'id',
	},
	board: {
		displayName: 'Board',
		description: 'A board owned by the Pinterest user of the identity',
		placeholder: '98765432101011',
		searchMethod: 'searchPinterestBoards',
		id: 'id',
		pull: { path: 'pinterest/boards.json', collection: 'boards', object: 'board' },
	},
	page: {
		displayName: 'Page',
		description: 'A Facebook page the user of the identity administers',
		placeholder: '123456789012345',
		searchMethod: 'searchFacebookPages',
		id: 'id',
		pull: { path: 'facebook/pages.json', collection: 'pages', object: 'page' },
	},
	group: {
		displayName: 'Group',
		description: 'A Facebook group the user of the identity is a member of',
		placeholder: '123456789012345',
		searchMethod: 'searchFacebookGroups',
		id: 'id',
		pull: { path: 'facebook/groups.json', collection: 'groups', object: 'group' },
	},
	company: {
		displayName: 'Company',
		description: 'A LinkedIn company page the user of the identity administers',
		placeholder: '12345678',
		searchMethod: 'searchLinkedInCompanies',
		id: 'id',
		pull: { path: 'linkedin/companies.json', collection: 'companies', object: 'company' },
	},
	playlist: {
		displayName: 'Playlist',
		description: 'A playlist of the YouTube user of the identity',
		placeholder: 'PLabc123XYZ',
		searchMethod: 'searchYouTubePlaylists',
		id: 'id',
		pull: { path: 'youtube/playlists.json', collection: 'playlists', object: 'playlist' },
	},
};

/** Label used in error messages: "Identity token", "Board ID". */
export function locatorLabel(kind: LocatorKind): string {
	const info = LOCATORS[kind];
	return `${info.displayName} ${info.id === 'token' ? 'token' : 'ID'}`;
}

/** A "From List / By ID" field picking one `kind`; `overrides` rename or re-describe it. */
export function locatorProperty(kind: LocatorKind, overrides: Partial<INodeProperties> = {}): INodeProperties {
	const info = LOCATORS[kind];
	const isToken = info.id === 'token';
	return {
		displayName: info.displayName,
		name: kind,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: info.description,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: info.searchMethod, searchable: true },
			},
			// No `validation` regex: n8n checks it at the start of every execution in a sandbox with a 250 ms
			// limit, which a busy queue-mode worker overran (the execution failed before the node ran). The
			// node checks the same patterns itself (tokenSegment / idSegment), naming the field and the item.
			{
				displayName: isToken ? 'By Token' : 'By ID',
				name: 'id',
				type: 'string',
				placeholder: info.placeholder,
			},
		],
		...overrides,
	};
}

/** The identity of a network's operations: the description names the network. */
export function identityProperty(network?: Network): INodeProperties {
	if (!network) return locatorProperty('identity');
	return locatorProperty('identity', {
		description: `The ${NETWORK_NAMES[network]} account (OneAll identity) to act for. Its identity_token comes from the user's social login through OneAll.`,
	});
}

/**
 * The checked value of a locator (or plain text) parameter. Tokens and ids that go into a path are
 * held to the path patterns; an id that goes into a body only has to be one word.
 */
export function readLocator(
	context: IExecuteFunctions,
	itemIndex: number,
	kind: LocatorKind,
	fail: Fail,
	{ parameter = kind, at = 'path', label }: { parameter?: string; at?: 'path' | 'body'; label?: string } = {},
): string {
	const value = nodeParameter(context, parameter, itemIndex, '', { extractValue: true });
	if (LOCATORS[kind].id === 'token') return tokenSegment(value, label ?? locatorLabel(kind), fail);
	return at === 'path' ? idSegment(value, label ?? locatorLabel(kind), fail) : asBodyId(value, label ?? locatorLabel(kind), fail);
}

/** A OneAll token held in a plain text parameter (e.g. a connection_token from a webhook). */
export function readToken(context: IExecuteFunctions, itemIndex: number, parameter: string, label: string, fail: Fail): string {
	return tokenSegment(nodeParameter(context, parameter, itemIndex, '', { extractValue: true }), label, fail);
}
