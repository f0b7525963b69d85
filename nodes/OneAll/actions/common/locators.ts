import type { INodeProperties } from 'n8n-workflow';

import { PATH_ID_PATTERN, TOKEN_PATTERN } from '../../transport/path';
import { NETWORK_NAMES, type Network } from './networks';

/** Objects of a network picked from a list that depends on the chosen identity. */
export type ObjectLocatorKind = 'board' | 'page' | 'group' | 'company' | 'playlist';

interface ObjectLocatorInfo {
	displayName: string;
	searchListMethod: string;
	placeholder: string;
	description: string;
}

export const OBJECT_LOCATORS: Record<ObjectLocatorKind, ObjectLocatorInfo> = {
	board: {
		displayName: 'Board',
		searchListMethod: 'searchPinterestBoards',
		placeholder: '98765432101011',
		description: 'A board owned by the Pinterest user of the identity',
	},
	page: {
		displayName: 'Page',
		searchListMethod: 'searchFacebookPages',
		placeholder: '123456789012345',
		description: 'A Facebook page the user of the identity administers',
	},
	group: {
		displayName: 'Group',
		searchListMethod: 'searchFacebookGroups',
		placeholder: '123456789012345',
		description: 'A Facebook group the user of the identity is a member of',
	},
	company: {
		displayName: 'Company',
		searchListMethod: 'searchLinkedInCompanies',
		placeholder: '12345678',
		description: 'A LinkedIn company page the user of the identity administers',
	},
	playlist: {
		displayName: 'Playlist',
		searchListMethod: 'searchYouTubePlaylists',
		placeholder: 'PLabc123XYZ',
		description: 'A playlist of the YouTube user of the identity',
	},
};

/** The identity (a social account connected through OneAll) a request acts for. */
export function identityLocator(network?: Network): INodeProperties {
	const whose = network ? `${NETWORK_NAMES[network]} ` : '';
	return {
		displayName: 'Identity',
		name: 'identity',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: `The ${whose}account (OneAll identity) to act for. Its identity_token comes from the user's social login through OneAll.`,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchIdentities', searchable: true },
			},
			{
				displayName: 'By Token',
				name: 'id',
				type: 'string',
				placeholder: '12345678-abcd-4bcd-8123-abcabcabcabc',
				validation: [
					{
						type: 'regex',
						properties: { regex: TOKEN_PATTERN, errorMessage: 'Not a OneAll identity token' },
					},
				],
			},
		],
	};
}

/** A locator whose id either goes into the path (board, playlist) or into the body (page, group, company). */
export function objectLocator(kind: ObjectLocatorKind): INodeProperties {
	const info = OBJECT_LOCATORS[kind];
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
				typeOptions: { searchListMethod: info.searchListMethod, searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: info.placeholder,
				validation: [
					{
						type: 'regex',
						properties: {
							regex: PATH_ID_PATTERN,
							errorMessage: 'Only letters, digits, "-" and "_"',
						},
					},
				],
			},
		],
	};
}

/** A OneAll user (user_token): picked from the site's users or typed. */
export const userLocator: INodeProperties = {
	displayName: 'User',
	name: 'user',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: 'The OneAll user (user_token) of your site',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchUsers', searchable: true },
		},
		{
			displayName: 'By Token',
			name: 'id',
			type: 'string',
			placeholder: '5360232a-d9ca-4433-8128-44a9e1d9cec3',
			validation: [
				{ type: 'regex', properties: { regex: TOKEN_PATTERN, errorMessage: 'Not a OneAll user token' } },
			],
		},
	],
};
