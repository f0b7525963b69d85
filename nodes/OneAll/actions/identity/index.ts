import type { IExecuteFunctions } from 'n8n-workflow';

import { failFor } from '../../helpers/fail';
import { asBoolean } from '../../helpers/validation';
import { apiPath } from '../../transport/path';
import { contactsOperation } from '../account/contacts';
import { deleteOperation } from '../account/delete';
import { getManyOperation, getOperation } from '../account/reads';
import { keepsSecrets, readOptions } from '../account/shared';
import { locatorProperty, readLocator } from '../common/locators';
import type { RequestDescription, ResourceDefinition } from '../operation';
import { nodeParameter } from '../common/parameters';

/** Identities: the social accounts users connected to the site (docs/oneall-api.md §7.1, §7.3). */
export const identityResource: ResourceDefinition = {
	value: 'identity',
	name: 'Identity',
	operations: [
		getOperation({
			action: 'Get an identity',
			description: 'Read a connected social account: provider, profile and (on request) its access token',
			path: '/identities/{token}.json',
			property: locatorProperty('identity'),
			readToken: (context, itemIndex, fail) => readLocator(context, itemIndex, 'identity', fail),
		}),
		getManyOperation({
			action: 'Get many identities',
			description: 'List the social accounts connected to your OneAll site',
			path: '/identities.json',
			collection: 'identities',
		}),
		deleteOperation({
			kind: 'identity',
			action: 'Delete an identity',
			description:
				'Remove a connected social account from OneAll: its profile data and access token are deleted and it can no longer push or be read; the posts on the network stay. The user keeps its other identities.',
			path: '/identities/{token}.json',
			idKey: 'identity_token',
		}),
		contactsOperation('identity'),
		{
			value: 'relink',
			name: 'Relink to User',
			action: 'Relink an identity to another user',
			description: 'Move a connected social account to another OneAll user',
			properties: [
				locatorProperty('identity'),
				locatorProperty('user', { displayName: 'Link To User', description: 'The OneAll user the identity moves to' }),
				readOptions,
			],
			prepare(this: IExecuteFunctions, itemIndex: number): RequestDescription {
				const fail = failFor(this.getNode(), itemIndex);
				const identity = readLocator(this, itemIndex, 'identity', fail);
				return {
					method: 'PUT',
					path: apiPath('/identities/{identity}/link.json', { identity }),
					body: { user: { user_token: readLocator(this, itemIndex, 'user', fail) } },
					intent: 'write',
					keepSecrets: keepsSecrets(this, itemIndex, fail),
				};
			},
		},
		{
			value: 'synchronize',
			name: 'Synchronize',
			action: "Refresh an identity's access token and profile",
			description: "Refresh an identity's access token and profile, e.g. after a push failed for an expired token",
			properties: [
				locatorProperty('identity'),
				{
					displayName: 'Update User Data',
					name: 'updateUserData',
					type: 'boolean',
					default: true,
					description: "Whether to re-read the user's profile from the network too (off: only refresh the access token)",
				},
				{
					displayName: 'Force Token Update',
					name: 'forceTokenUpdate',
					type: 'boolean',
					default: false,
					description: 'Whether to refresh the access token even if it has not expired',
				},
				readOptions,
			],
			prepare(this: IExecuteFunctions, itemIndex: number): RequestDescription {
				const fail = failFor(this.getNode(), itemIndex);
				const identity = readLocator(this, itemIndex, 'identity', fail);
				const flag = (name: string, label: string, fallback: boolean) =>
					asBoolean(nodeParameter(this, name, itemIndex, fallback), label, fail);
				return {
					method: 'PUT',
					path: apiPath('/identities/{identity}/synchronize.json', { identity }),
					body: {
						synchronize: {
							update_user_data: flag('updateUserData', '"Update User Data"', true),
							force_token_update: flag('forceTokenUpdate', '"Force Token Update"', false),
						},
					},
					intent: 'write',
					keepSecrets: keepsSecrets(this, itemIndex, fail),
				};
			},
		},
	],
};
