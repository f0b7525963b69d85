import type { IExecuteFunctions } from 'n8n-workflow';

import { failFor, type Fail } from '../../helpers/fail';
import { asOption, asText, isEmpty } from '../../helpers/validation';
import { apiPath, tokenSegment } from '../../transport/path';
import { CAVEATS } from '../common/caveats';
import { locatorProperty, readLocator } from '../common/locators';
import { nodeParameter } from '../common/parameters';
import type { RequestDescription, ResourceDefinition } from '../operation';
import { writeOptions } from '../sharing/options';
import { lookupOperation } from './lookup';
import { readExternalId, readLogin, readUserData, userDataProperties } from './userData';

const USERS = '/storage/users.json';
const USER = '/storage/users/{token}.json';
const SYNCHRONIZE = '/storage/users/user/synchronize.json';
const SOURCE = 'docs/oneall-api.md §8.8';

const UPDATE_MODES = ['replace', 'append'] as const;
const IDENTIFIERS = ['user_token', 'externalid', 'login'] as const;

/**
 * User Cloud Storage (docs/oneall-api.md §8.8): OneAll keeps users of your own sign-up form (login,
 * hashed password, profile data) next to the social ones, so one user can log in either way.
 */
export const storageResource: ResourceDefinition = {
	value: 'userStorage',
	name: 'User Cloud Storage',
	hint: "Users of your own login form stored by OneAll (a OneAll feature of its own: User Cloud Storage must be enabled for the site)",
	operations: [
		{
			value: 'create',
			name: 'Create User',
			action: 'Create a user in OneAll cloud storage',
			description:
				'Store a user of your own login form in OneAll: login, password (kept as a one-way hash), your external ID and profile data. Outputs the new user_token.',
			docs: {
				request: `POST ${USERS}`,
				body: 'user{externalid?, login?, password?, identity{…}}',
				certainty: 'docs',
				source: `${SOURCE}; docs storage/users/create-user`,
			},
			caveat: CAVEATS.cloudStorage,
			properties: [...userDataProperties('create'), writeOptions],
			prepare(this: IExecuteFunctions, itemIndex: number): RequestDescription {
				const fail = failFor(this.getNode(), itemIndex);
				const { body, secrets } = readUserData(this, itemIndex, fail);
				return { method: 'POST', path: USERS, body: { user: body }, secrets, intent: 'write' };
			},
		},
		{
			value: 'update',
			name: 'Update User',
			action: 'Update a user in OneAll cloud storage',
			description:
				"Change a stored user's external ID, login, password or profile data; replace the given values or append to the stored lists",
			docs: {
				request: `PUT ${USER.replace('{token}', '{user_token}')}`,
				body: 'update_mode (replace or append), user{externalid?, login?, password?, identity{…}}',
				certainty: 'docs',
				source: `${SOURCE}; docs storage/users/update-user`,
			},
			caveat: CAVEATS.cloudStorage,
			properties: [
				locatorProperty('user', { description: 'The user to update: pick it from the list or give its user_token' }),
				{
					displayName: 'Update Mode',
					name: 'updateMode',
					type: 'options',
					options: [
						{
							name: 'Replace',
							value: 'replace',
							description:
								'Given values replace the stored ones (lists included), values given empty are removed, absent ones stay (OneAll\'s default)',
						},
						{
							name: 'Append',
							value: 'append',
							description: 'Given list elements are added to the stored lists instead of replacing them',
						},
					],
					default: 'replace',
				},
				...userDataProperties('change'),
				writeOptions,
			],
			prepare(this: IExecuteFunctions, itemIndex: number): RequestDescription {
				const fail = failFor(this.getNode(), itemIndex);
				const token = readLocator(this, itemIndex, 'user', fail);
				const mode = asOption(nodeParameter(this, 'updateMode', itemIndex, 'replace'), '"Update Mode"', UPDATE_MODES, fail);
				const { body, secrets } = readUserData(this, itemIndex, fail);
				if (Object.keys(body).length === 0) {
					fail('Nothing to update', 'Give at least one of External ID, Login, Password or Identity (JSON).');
				}
				return {
					method: 'PUT',
					path: apiPath(USER, { token }),
					body: { update_mode: mode, user: body },
					secrets,
					// Replacing with the same body gives the same user; appending twice would add the elements twice.
					intent: mode === 'replace' ? 'update' : 'write',
					output: { kind: 'data', withStatus: true },
				};
			},
		},
		lookupOperation,
		{
			value: 'synchronize',
			name: 'Synchronize User',
			action: 'Synchronize a user with OneAll cloud storage',
			description:
				'Create or update a stored user found by user token, external ID or login: updates the user when it exists, creates it otherwise',
			docs: {
				request: `PUT ${SYNCHRONIZE}`,
				body: 'synchronize{identifier{field: user_token, externalid or login; value}, user{externalid?, login?, password?, identity{…}}}',
				certainty: 'docs',
				source: `${SOURCE}; docs storage/users/synchronize-user`,
			},
			caveat: CAVEATS.cloudStorage,
			properties: [
				{
					displayName: 'Find User By',
					name: 'identifierField',
					type: 'options',
					options: [
						{ name: 'External ID', value: 'externalid' },
						{ name: 'Login', value: 'login' },
						{ name: 'User Token', value: 'user_token' },
					],
					default: 'externalid',
					description: 'Which stored value finds the user to update; without a match OneAll creates a new user',
				},
				{
					displayName: 'Find Value',
					name: 'identifierValue',
					type: 'string',
					required: true,
					default: '',
					placeholder: 'e.g. 100000001',
					description: 'The external ID, login or user_token of the user to update',
				},
				...userDataProperties('change'),
				writeOptions,
			],
			prepare(this: IExecuteFunctions, itemIndex: number): RequestDescription {
				const fail = failFor(this.getNode(), itemIndex);
				const field = asOption(nodeParameter(this, 'identifierField', itemIndex, 'externalid'), '"Find User By"', IDENTIFIERS, fail);
				const value = identifierValue(this, field, itemIndex, fail);
				const { body, secrets } = readUserData(this, itemIndex, fail);
				return {
					method: 'PUT',
					path: SYNCHRONIZE,
					body: { synchronize: { identifier: { field, value }, user: body } },
					secrets,
					// Not a plain update: with no match it creates a user, and a second try could create another.
					intent: 'write',
					output: { kind: 'data', withStatus: true },
				};
			},
		},
	],
};

/** The value that finds the user to synchronize, checked like the field it names. */
function identifierValue(
	context: IExecuteFunctions,
	field: (typeof IDENTIFIERS)[number],
	itemIndex: number,
	fail: Fail,
): string {
	const raw = nodeParameter(context, 'identifierValue', itemIndex, '');
	if (isEmpty(raw)) return fail('"Find Value" is empty', 'Give the external ID, login or user_token of the user to update.');
	if (field === 'user_token') return tokenSegment(asText(raw, '"Find Value"', fail), '"Find Value"', fail);
	const read = field === 'login' ? readLogin : readExternalId;
	return read(context, 'identifierValue', itemIndex, fail) as string;
}
