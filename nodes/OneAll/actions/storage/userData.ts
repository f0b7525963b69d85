import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { Fail } from '../../helpers/fail';
import { asText, idText, isEmpty, parseJsonObject } from '../../helpers/validation';
import { nodeParameter } from '../common/parameters';

/** Longest External ID or Login the node sends; OneAll states no limit, this only stops runaway values. */
const MAX_TEXT = 255;

/** What a create, update or synchronize says about the user (docs/oneall-api.md §8.8). */
export interface UserData {
	body: IDataObject;
	/** The password, when one is sent: masked in every answer and error. */
	secrets: string[];
}

/**
 * The user fields of a User Cloud Storage write. `purpose` words the descriptions: on a create, an empty
 * field lets OneAll choose; on an update or synchronize, an empty field leaves the stored value alone.
 */
export function userDataProperties(purpose: 'create' | 'change'): INodeProperties[] {
	const create = purpose === 'create';
	return [
		{
			displayName: 'External ID',
			name: 'externalId',
			type: 'string',
			default: '',
			placeholder: 'e.g. 45673',
			description: create
				? "Your own ID for the user, unique among the stored users. Empty: OneAll numbers the user itself (from 100000001)."
				: 'A new external ID for the user (unique among the stored users). Empty: unchanged.',
		},
		{
			displayName: 'Login',
			name: 'login',
			type: 'string',
			default: '',
			placeholder: 'e.g. john.doe',
			description: create
				? 'The login the user signs in with on your site or app, unique among the stored users. Optional.'
				: 'A new login for the user (unique among the stored users). Empty: unchanged.',
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: create
				? 'The password the user signs in with. OneAll stores only a one-way hash. Empty: OneAll sets a random password. Never shown in output or errors.'
				: 'A new password for the user (OneAll stores only a one-way hash). Empty: unchanged. Never shown in output or errors.',
		},
		{
			displayName: 'Identity (JSON)',
			name: 'identity',
			type: 'json',
			default: '{}',
			description:
				'Profile data in OneAll\'s identity structure, kept in the user\'s storage identity, e.g. {"name": {"givenName": "John", "familyName": "Doe"}, "emails": [{"value": "john@example.com"}], "customData": {"plan": "pro"}}. Empty: none.',
		},
	];
}

/** One text field of the user: trimmed, no control characters, at most MAX_TEXT characters. */
function userText(context: IExecuteFunctions, name: string, label: string, itemIndex: number, fail: Fail): string | undefined {
	const value = nodeParameter(context, name, itemIndex, '');
	if (isEmpty(value)) return undefined;
	const text = asText(idText(value, label, fail), label, fail).trim();
	if ([...text].some((char) => char.charCodeAt(0) < 0x20 || char.charCodeAt(0) === 0x7f)) fail(`${label} contains a control character (a line break or tab)`);
	if (text.length > MAX_TEXT) fail(`${label} is too long: ${text.length} characters, at most ${MAX_TEXT} are sent`);
	return text;
}

/** The password as typed: never trimmed (spaces may be part of it), never quoted in a message. */
export function readPassword(context: IExecuteFunctions, name: string, itemIndex: number, fail: Fail): string | undefined {
	const value = nodeParameter(context, name, itemIndex, '');
	if (value === undefined || value === null || value === '') return undefined;
	if (typeof value !== 'string' && typeof value !== 'number') return fail('Password must be text');
	return String(value);
}

export function readExternalId(context: IExecuteFunctions, name: string, itemIndex: number, fail: Fail): string | undefined {
	return userText(context, name, '"External ID"', itemIndex, fail);
}

export function readLogin(context: IExecuteFunctions, name: string, itemIndex: number, fail: Fail): string | undefined {
	return userText(context, name, '"Login"', itemIndex, fail);
}

/** The `user` object of a create, update or synchronize, with only the fields that were given. */
export function readUserData(context: IExecuteFunctions, itemIndex: number, fail: Fail): UserData {
	const externalid = readExternalId(context, 'externalId', itemIndex, fail);
	const login = readLogin(context, 'login', itemIndex, fail);
	const password = readPassword(context, 'password', itemIndex, fail);
	const identity = parseJsonObject(nodeParameter(context, 'identity', itemIndex, '{}'), '"Identity (JSON)"', fail);
	const body: IDataObject = {
		...(externalid !== undefined ? { externalid } : {}),
		...(login !== undefined ? { login } : {}),
		...(password !== undefined ? { password } : {}),
		...(Object.keys(identity).length > 0 ? { identity: identity as IDataObject } : {}),
	};
	return { body, secrets: password !== undefined ? [password] : [] };
}
