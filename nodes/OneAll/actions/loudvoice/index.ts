import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { failFor, type Fail } from '../../helpers/fail';
import { asBoolean } from '../../helpers/validation';
import { apiPath } from '../../transport/path';
import { getOperation } from '../account/reads';
import { readToken } from '../common/locators';
import { nodeParameter } from '../common/parameters';
import type { RequestDescription, ResourceDefinition } from '../operation';

const COMMENT = '/loudvoice/comments/{token}.json';
const SOURCE = 'docs/oneall-api.md §8.8';

const commentToken: { property: INodeProperties; read: (context: IExecuteFunctions, itemIndex: number, fail: Fail) => string } = {
	property: {
		displayName: 'Comment Token',
		name: 'comment',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 86b0a1bc-8efa-432a-8974-04c1dc7d38ac',
		description: 'The comment_token of the comment',
	},
	read: (context, itemIndex, fail) => readToken(context, itemIndex, 'comment', 'Comment Token', fail),
};

/**
 * Loudvoice comments (docs/oneall-api.md §8.8): only what OneAll's docs and examples agree on, reading and
 * deleting one comment. Creating, updating and listing are not offered: the public sources disagree on them.
 */
export const loudvoiceCommentResource: ResourceDefinition = {
	value: 'loudvoiceComment',
	name: 'Loudvoice Comment',
	hint: "Comments of OneAll's Loudvoice comment service: read or delete one comment (creating and listing are not offered, see the docs)",
	operations: [
		getOperation({
			action: 'Get a Loudvoice comment',
			description: 'Read a Loudvoice comment with its text, author, votes and moderation flags',
			docs: {
				request: `GET ${COMMENT.replace('{token}', '{comment_token}')}`,
				certainty: 'docs',
				source: `${SOURCE}; docs loudvoice/comments (table and structure), php-api-examples read_comment`,
			},
			path: COMMENT,
			property: commentToken.property,
			readToken: commentToken.read,
		}),
		{
			value: 'delete',
			name: 'Delete',
			action: 'Delete a Loudvoice comment',
			description: 'Delete a Loudvoice comment, and with Delete Replies the replies to it',
			docs: {
				request: `DELETE ${COMMENT.replace('{token}', '{comment_token}')}?confirm_deletion=true&delete_sub_comments=…`,
				certainty: 'sdk',
				source: `${SOURCE}; path in the docs table; query as php-api-examples delete_comment sends it`,
			},
			properties: [
				commentToken.property,
				{
					displayName: 'Delete Replies',
					name: 'deleteReplies',
					type: 'boolean',
					default: false,
					description: 'Whether to delete the replies to the comment too (OneAll\'s delete_sub_comments)',
				},
			],
			prepare(this: IExecuteFunctions, itemIndex: number): RequestDescription {
				const fail = failFor(this.getNode(), itemIndex);
				const token = commentToken.read(this, itemIndex, fail);
				const replies = asBoolean(nodeParameter(this, 'deleteReplies', itemIndex, false), '"Delete Replies"', fail);
				return {
					method: 'DELETE',
					path: apiPath(COMMENT, { token }),
					query: { confirm_deletion: 'true', delete_sub_comments: replies ? 'true' : 'false' },
					intent: 'delete',
					output: { kind: 'deleted', ids: { comment_token: token } },
				};
			},
		},
	],
};
