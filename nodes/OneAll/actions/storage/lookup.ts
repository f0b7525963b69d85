import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { failFor } from '../../helpers/fail';
import { asOption } from '../../helpers/validation';
import { CAVEATS } from '../common/caveats';
import { locatorProperty, readLocator } from '../common/locators';
import { nodeParameter } from '../common/parameters';
import type { OperationDefinition, Outcome, RequestDescription } from '../operation';
import { writeOptions } from '../sharing/options';
import { readExternalId, readLogin, readPassword } from './userData';

const LOOKUP = '/storage/users/user/lookup.json';
const LOOKUP_BY = ['externalId', 'credentials', 'userToken'] as const;

/**
 * Look up a stored user (docs/oneall-api.md §8.8). OneAll answers 200 with the user, 404 when no user
 * matches and 401 when the password does not: both are answers a login workflow branches on, so they
 * are output items (`found: false` and a `result`), not errors. OneAll also answers 401 to wrong API
 * keys, so a 401 counts as a wrong password only after a ping showed that the keys work.
 */
export const lookupOperation: OperationDefinition = {
	value: 'lookup',
	name: 'Look Up User',
	action: 'Look up a user in OneAll cloud storage',
	description:
		'Find a stored user by external ID, user token, or login (and check a password): outputs found true with the user, or found false with the reason (notFound, wrongPassword) instead of an error',
	docs: {
		request: `POST ${LOOKUP}`,
		body: 'user{externalid, user_token or login; password?}',
		certainty: 'docs',
		source: "docs/oneall-api.md §8.8; docs storage/users/lookup-user; 401/404 as OneAll's examples show them",
	},
	caveat: CAVEATS.cloudStorage,
	properties: [
		{
			displayName: 'Look Up By',
			name: 'lookupBy',
			type: 'options',
			options: [
				{ name: 'External ID', value: 'externalId', description: 'Your own ID of the user' },
				{
					name: 'Login and Password',
					value: 'credentials',
					description: "Check a user's login (and password) as your login form would",
				},
				{ name: 'User Token', value: 'userToken', description: "OneAll's user_token" },
			],
			default: 'externalId',
		},
		{
			displayName: 'External ID',
			name: 'externalId',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. 45673',
			description: 'The ID your own system gave the user when it was stored (externalid)',
			displayOptions: { show: { lookupBy: ['externalId'] } },
		},
		{
			displayName: 'Login',
			name: 'login',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. john.doe',
			displayOptions: { show: { lookupBy: ['credentials'] } },
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'The password to check. Empty: the user is found by login alone. Never shown in output or errors.',
			displayOptions: { show: { lookupBy: ['credentials'] } },
		},
		locatorProperty('user', {
			description: 'The user to look up: pick it from the list or give its user_token',
			displayOptions: { show: { lookupBy: ['userToken'] } },
		}),
		writeOptions,
	],
	prepare(this: IExecuteFunctions, itemIndex: number): RequestDescription {
		const fail = failFor(this.getNode(), itemIndex);
		const by = asOption(nodeParameter(this, 'lookupBy', itemIndex, 'externalId'), '"Look Up By"', LOOKUP_BY, fail);
		let lookup: IDataObject;
		let password: string | undefined;
		if (by === 'externalId') {
			const externalid = readExternalId(this, 'externalId', itemIndex, fail);
			if (externalid === undefined) fail('"External ID" is empty');
			lookup = { externalid };
		} else if (by === 'userToken') {
			lookup = { user_token: readLocator(this, itemIndex, 'user', fail) };
		} else {
			const login = readLogin(this, 'login', itemIndex, fail);
			if (login === undefined) fail('"Login" is empty');
			lookup = { login };
			password = readPassword(this, 'password', itemIndex, fail);
		}
		const outcomes: Partial<Record<number, Outcome>> = {
			404: { output: { found: false, result: 'notFound', lookup } },
		};
		// Without a password, a 401 can only be about the API keys: it stays an error.
		if (password !== undefined) {
			outcomes[401] = { output: { found: false, result: 'wrongPassword', lookup }, confirmKeys: true };
		}
		return {
			method: 'POST',
			path: LOOKUP,
			body: { user: password === undefined ? lookup : { ...lookup, password } },
			secrets: password === undefined ? [] : [password],
			// A POST that changes nothing: safe to send again after a lost answer.
			intent: 'read',
			outcomes,
			finish: (data) => ({ found: true, result: 'found', ...data }),
		};
	},
};
