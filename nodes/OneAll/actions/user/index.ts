import { contactsOperation } from '../account/contacts';
import { deleteOperation } from '../account/delete';
import { getManyOperation, getOperation } from '../account/reads';
import { locatorProperty, readLocator } from '../common/locators';
import type { ResourceDefinition } from '../operation';
import { importUserOperation } from './import';

/** Users of the site, each owning one or more identities (docs/oneall-api.md §7.2). */
export const userResource: ResourceDefinition = {
	value: 'user',
	name: 'User',
	operations: [
		getOperation({
			action: 'Get a user',
			description: 'Read a OneAll user with the identities (social accounts) it owns',
			path: '/users/{token}.json',
			property: locatorProperty('user'),
			readToken: (context, itemIndex, fail) => readLocator(context, itemIndex, 'user', fail),
		}),
		getManyOperation({
			action: 'Get many users',
			description: 'List the users of your OneAll site with their identities',
			path: '/users.json',
			collection: 'users',
		}),
		deleteOperation({
			kind: 'user',
			action: 'Delete a user',
			description:
				'Remove a OneAll user with all its identities (social accounts, profile data, access tokens); the posts on the networks stay. The next social login creates a new user_token.',
			path: '/users/{token}.json',
			idKey: 'user_token',
		}),
		contactsOperation('user'),
		importUserOperation,
	],
};
