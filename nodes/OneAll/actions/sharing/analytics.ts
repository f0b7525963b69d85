import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { Fail } from '../../helpers/fail';
import { failFor } from '../../helpers/fail';
import { asCollection, asText, checkUrl, isEmpty } from '../../helpers/validation';
import { tokenSegment } from '../../transport/path';
import { deleteOperation, getManyOperation, getOperation } from '../account/reads';
import type { RequestDescription, ResourceDefinition } from '../operation';
import { writeOptions } from './options';
import { messageToken, sharingTokenField } from './tokens';
import { nodeParameter } from '../common/parameters';

const SNAPSHOTS = '/sharing/analytics/snapshots.json';
const SNAPSHOT = '/sharing/analytics/snapshots/{token}.json';
const SOURCE = 'docs/oneall-api.md §8.3';

const snapshotToken = sharingTokenField(
	'snapshotToken',
	'Snapshot Token',
	'The sharing_analytics_snapshot_token OneAll returned when the snapshot was started',
);

/** Get Many's filters: the snapshots of one user's or one identity's messages (query `user_token`, `identity_token`). */
function readFilters(context: IExecuteFunctions, itemIndex: number, fail: Fail): IDataObject {
	const filters = asCollection(nodeParameter(context, 'filters', itemIndex, {}), 'Filters', fail);
	const query: IDataObject = {};
	if (!isEmpty(filters.user)) query.user_token = tokenSegment(filters.user, 'User token', fail);
	if (!isEmpty(filters.identity)) query.identity_token = tokenSegment(filters.identity, 'Identity token', fail);
	return query;
}

/**
 * Sharing Analytics (docs/oneall-api.md §8.3): a snapshot counts the clicks and reactions of a published
 * message. Starting one answers 201 "scheduled", or 207 when one is already pending for the message:
 * both are output with OneAll's status, not as errors. OneAll POSTs to the Pingback URL when it is ready.
 */
export const sharingAnalyticsResource: ResourceDefinition = {
	value: 'sharingAnalytics',
	name: 'Sharing Analytics',
	hint: 'Snapshots of the clicks and reactions a sharing message got',
	operations: [
		{
			value: 'startSnapshot',
			name: 'Start Snapshot',
			action: 'Start an analytics snapshot of a message',
			description:
				'Ask OneAll to build an analytics snapshot of a sharing message; OneAll calls the Pingback URL when it is ready (up to an hour)',
			docs: {
				request: `PUT ${SNAPSHOTS}`,
				body: 'analytics{sharing{sharing_message_token, pingback_uri}}',
				certainty: 'docs',
				source: SOURCE,
			},
			properties: [
				messageToken.property,
				{
					displayName: 'Pingback URL',
					name: 'pingbackUrl',
					type: 'string',
					default: '',
					placeholder: '={{ $execution.resumeUrl }}',
					description:
						'URL OneAll POSTs to when the snapshot is ready (pingback_uri). With a Wait node ("On Webhook Call") after this node, use {{ $execution.resumeUrl }}.',
				},
				writeOptions,
			],
			prepare(this: IExecuteFunctions, itemIndex: number): RequestDescription {
				const fail = failFor(this.getNode(), itemIndex);
				const sharing: IDataObject = {
					sharing_message_token: messageToken.read(this, itemIndex, fail),
				};
				const pingback = asText(nodeParameter(this, 'pingbackUrl', itemIndex, ''), '"Pingback URL"', fail).trim();
				if (pingback !== '') sharing.pingback_uri = checkUrl(pingback, '"Pingback URL"', fail);
				return {
					method: 'PUT',
					path: SNAPSHOTS,
					body: { analytics: { sharing } },
					intent: 'write',
					output: { kind: 'data', withStatus: true },
				};
			},
		},
		getOperation({
			action: 'Get an analytics snapshot',
			description: 'Read an analytics snapshot of a sharing message',
			docs: { request: `GET ${SNAPSHOT}`, certainty: 'docs', source: SOURCE },
			path: SNAPSHOT,
			property: snapshotToken.property,
			readToken: snapshotToken.read,
		}),
		getManyOperation({
			action: 'Get many analytics snapshots',
			description: "List analytics snapshots, optionally only those of one user's or one identity's messages",
			docs: { request: `GET ${SNAPSHOTS}`, certainty: 'docs', source: SOURCE },
			path: SNAPSHOTS,
			collection: 'sharing_analytics_snapshots',
			filters: {
				properties: [
					{
						displayName: 'Filters',
						name: 'filters',
						type: 'collection',
						placeholder: 'Add Filter',
						default: {},
						options: [
							{
								displayName: 'Identity',
								name: 'identity',
								type: 'string',
								default: '',
								placeholder: '12345678-abcd-4bcd-8123-abcabcabcabc',
								description: 'Only snapshots of messages of this identity (identity_token)',
							},
							{
								displayName: 'User',
								name: 'user',
								type: 'string',
								default: '',
								placeholder: '5360232a-d9ca-4433-8128-44a9e1d9cec3',
								description: 'Only snapshots of messages of this user (user_token)',
							},
						],
					},
				],
				read: readFilters,
			},
		}),
		deleteOperation({
			action: 'Delete an analytics snapshot',
			description: 'Delete an analytics snapshot',
			docs: {
				request: `DELETE ${SNAPSHOT}?confirm_deletion=true`,
				certainty: 'docs',
				source: `${SOURCE}; confirm_deletion=true as OneAll's SDK examples send it (§8.6)`,
			},
			path: SNAPSHOT,
			property: snapshotToken.property,
			readToken: snapshotToken.read,
			idKey: 'sharing_analytics_snapshot_token',
		}),
	],
};
