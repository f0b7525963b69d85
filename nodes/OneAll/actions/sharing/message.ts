import type { IExecuteFunctions } from 'n8n-workflow';

import { failFor } from '../../helpers/fail';
import { nodeParameter } from '../common/parameters';
import { apiPath } from '../../transport/path';
import { deleteOperation, getManyOperation, getOperation } from '../account/reads';
import type { OperationDocs, RequestDescription, ResourceDefinition } from '../operation';
import { audienceProperties, audienceUsed, readAudience, withAudience } from './audience';
import { partsProperties, readParts } from './parts';
import { publishOutcome } from './publications';
import { perNetworkProperties, writeOptions } from './options';
import { messageToken } from './tokens';

const MESSAGES = '/sharing/messages.json';
const MESSAGE = '/sharing/messages/{token}.json';
const SOURCE = 'docs/oneall-api.md §8.1, §8.5';
const AUDIENCE_DOC = 'publish_for_user{user_token, providers[]} or publish_for_identity{identity_token}';

const publishDocs: OperationDocs = {
	request: `POST ${MESSAGES}`,
	body: `sharing_message{${AUDIENCE_DOC}, parts{text{body}, link{url, name, caption, description}, picture{url}, video{url}, uploads[{name, data (base64)}], flags{enable_tracking 1/0}}}`,
	certainty: 'docs',
	source: `${SOURCE}; §9.1 (uploads base64: SDK)`,
};

/** One Item per Network; a saved version-1 node without the parameter keeps one item per message. */
const readPerNetwork = (context: IExecuteFunctions, itemIndex: number) =>
	nodeParameter(context, 'perNetwork', itemIndex, context.getNode().typeVersion >= 1.1) === true;

/**
 * Social Sharing (docs/oneall-api.md §8.1): one message published on several networks of a user, or on
 * one identity, with files from the item's binary data. OneAll's answer (with its per-network
 * publications, whose keys are undocumented, §8.5) is output as it comes.
 */
export const sharingMessageResource: ResourceDefinition = {
	value: 'sharingMessage',
	name: 'Sharing Message',
	hint: 'One message on several social networks at once (OneAll Sharing API)',
	operations: [
		{
			value: 'publish',
			name: 'Publish',
			action: 'Publish a message on several networks',
			description:
				"Publish one message on a user's networks (all, or chosen ones) or on one identity, with text, link, picture, video or files from the item",
			docs: publishDocs,
			properties: [...audienceProperties, ...partsProperties, ...perNetworkProperties, writeOptions],
			async prepare(this: IExecuteFunctions, itemIndex: number): Promise<RequestDescription> {
				const fail = failFor(this.getNode(), itemIndex);
				const audience = readAudience(this, itemIndex, fail);
				const { parts, withFiles } = await readParts(this, itemIndex, fail);
				const perNetwork = readPerNetwork(this, itemIndex);
				return withAudience(audience, (part) => ({
					method: 'POST',
					path: MESSAGES,
					body: { sharing_message: { ...part, parts } },
					// The files are read when this item is sent, not with the whole batch before the first request.
					...(withFiles ? { finishBody: async () => ({ sharing_message: { ...part, parts: await withFiles() } }) } : {}),
					intent: 'write',
					output: { kind: 'data', withStatus: true },
					finish: publishOutcome(this, itemIndex, audienceUsed(part), { method: 'POST', path: MESSAGES }, perNetwork),
				}));
			},
		},
		{
			value: 'republish',
			name: 'Re-Publish',
			action: 'Re-publish a message',
			description: "Publish an existing message again, on a user's networks or on one identity",
			docs: {
				request: `POST ${MESSAGE}`,
				body: `sharing_message{${AUDIENCE_DOC}}`,
				certainty: 'docs',
				source: SOURCE,
			},
			properties: [messageToken.property, ...audienceProperties, ...perNetworkProperties, writeOptions],
			prepare(this: IExecuteFunctions, itemIndex: number): RequestDescription {
				const fail = failFor(this.getNode(), itemIndex);
				const path = apiPath(MESSAGE, {
					token: messageToken.read(this, itemIndex, fail),
				});
				const perNetwork = readPerNetwork(this, itemIndex);
				return withAudience(readAudience(this, itemIndex, fail), (part) => ({
					method: 'POST',
					path,
					body: { sharing_message: part },
					intent: 'write',
					output: { kind: 'data', withStatus: true },
					finish: publishOutcome(this, itemIndex, audienceUsed(part), { method: 'POST', path }, perNetwork),
				}));
			},
		},
		getOperation({
			action: 'Get a sharing message',
			description: 'Read a published message with its publications (where it was published, and how that went)',
			docs: { request: `GET ${MESSAGE}`, certainty: 'docs', source: SOURCE },
			path: MESSAGE,
			property: messageToken.property,
			readToken: messageToken.read,
		}),
		getManyOperation({
			action: 'Get many sharing messages',
			description: 'List the messages published through OneAll, newest first',
			docs: { request: `GET ${MESSAGES}`, certainty: 'docs', source: SOURCE },
			path: MESSAGES,
			collection: 'sharing_messages',
			order: 'desc',
		}),
		deleteOperation({
			action: 'Delete a sharing message',
			description: 'Delete a message from OneAll. The posts it made stay on the networks.',
			docs: {
				request: `DELETE ${MESSAGE}?confirm_deletion=true`,
				certainty: 'docs',
				source: `${SOURCE}; confirm_deletion=true as OneAll's SDK examples send it (§8.6)`,
			},
			path: MESSAGE,
			property: messageToken.property,
			readToken: messageToken.read,
			idKey: 'sharing_message_token',
			notice:
				'This deletes the message at OneAll only: the posts it made stay live on the networks. Delete them there, or with the network\'s own delete operation (e.g. Delete Tweet, Delete Pin).',
		}),
	],
};
