import { getManyOperation, getOperation } from '../account/reads';
import { readToken } from '../common/locators';
import type { ResourceDefinition } from '../operation';

/** Connections: one per social login, its token posted to the site's callback (docs/oneall-api.md §7.4). */
export const connectionResource: ResourceDefinition = {
	value: 'connection',
	name: 'Connection',
	operations: [
		getOperation({
			action: 'Get a connection',
			description: 'Read who logged in, from the connection_token OneAll posted to your callback after a social login',
			path: '/connections/{token}.json',
			property: {
				displayName: 'Connection',
				name: 'connection',
				type: 'string',
				required: true,
				default: '',
				placeholder: '7a559a39-51a5-4f21-92aa-cc880da2233f',
				description:
					"The connection_token OneAll posted to your callback URL after a social login, e.g. mapped from a Webhook node's body",
			},
			readToken: (context, itemIndex, fail) => readToken(context, itemIndex, 'connection', 'Connection token', fail),
		}),
		getManyOperation({
			action: 'Get many connections',
			description: 'List the social logins made on your OneAll site',
			path: '/connections.json',
			collection: 'connections',
		}),
	],
};
