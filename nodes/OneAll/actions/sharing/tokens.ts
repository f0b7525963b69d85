import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { Fail } from '../../helpers/fail';
import { idSegment } from '../../transport/path';
import { nodeParameter } from '../common/parameters';

/**
 * A token of a Sharing API object (message, snapshot, short URL) typed or mapped into a text field. Their
 * shape is not documented (short URL tokens are like "mOTlo"), so they are held to the path id pattern.
 */
export function sharingTokenField(name: string, displayName: string, description: string) {
	const property: INodeProperties = {
		displayName,
		name,
		type: 'string',
		required: true,
		default: '',
		description,
	};
	const read = (context: IExecuteFunctions, itemIndex: number, fail: Fail): string =>
		idSegment(nodeParameter(context, name, itemIndex, ''), displayName, fail);
	return { property, read };
}

export const messageToken = sharingTokenField(
	'sharingMessageToken',
	'Sharing Message Token',
	'The sharing_message_token OneAll returned when the message was published',
);
