import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { Fail } from '../../helpers/fail';
import { idSegment } from '../../transport/path';
import { locatorProperty, readLocator } from '../common/locators';
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

/**
 * The sharing message of Get, Re-Publish and Delete: a picker of the site's messages (newest first) or a
 * token typed or mapped. The parameter keeps its name, so saved workflows with a plain token still run.
 */
export const messageToken = {
	property: locatorProperty('sharingMessage', {
		name: 'sharingMessageToken',
		description: 'The message to act on: pick it from the list (newest first) or give the sharing_message_token that Publish output',
	}),
	read: (context: IExecuteFunctions, itemIndex: number, fail: Fail): string =>
		readLocator(context, itemIndex, 'sharingMessage', fail, { parameter: 'sharingMessageToken', label: 'Sharing Message Token' }),
};
