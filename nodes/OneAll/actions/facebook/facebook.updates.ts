import type { PushField, PushSpec } from '../push/spec';
import { ATTACHMENTS, LINK, MESSAGE, linkOrAttachments } from './facebook.pushes';

// Facebook rows of the Update API table (docs/oneall-api.md §5.1–§5.3): the page and the object id are in the path.
const PAGE: PushField = {
	key: 'page_id',
	param: 'page',
	label: 'Page',
	kind: 'locator',
	locator: 'page',
	at: 'path',
	required: true,
	hint: 'The Facebook page the object is on',
};

function objectId(object: 'post' | 'picture' | 'video', publishedBy: string): PushField {
	const label = `${object[0].toUpperCase()}${object.slice(1)} ID`;
	return {
		key: `${object}_id`,
		param: `${object}Id`,
		label,
		kind: 'pathId',
		required: true,
		hint: `The ${object}_id from ${publishedBy}, e.g. {{ $json.${object}_id }}`,
		placeholder: '123456789012345',
	};
}

const deleteRow = (object: 'post' | 'picture' | 'video', publishedBy: string): PushSpec => ({
	verb: 'delete',
	network: 'facebook',
	operation: `deletePage${object[0].toUpperCase()}${object.slice(1)}`,
	name: `Delete Page ${object[0].toUpperCase()}${object.slice(1)}`,
	action: `Delete a ${object} from a Facebook page`,
	description: `Delete a ${object} published on a Facebook page the user administers`,
	certainty: 'docs',
	path: `facebook/page/{page}/${object}/{${object}Id}.json`,
	object,
	fields: [PAGE, objectId(object, publishedBy)],
});

export const facebookUpdates: PushSpec[] = [
	{
		verb: 'update',
		network: 'facebook',
		operation: 'updatePagePost',
		name: 'Update Page Post',
		action: 'Update a post on a Facebook page',
		description: "Replace a Facebook page post's message, link or pictures",
		certainty: 'docs',
		path: 'facebook/page/{page}/post/{postId}.json',
		object: 'post',
		fields: [PAGE, objectId('post', 'Publish Page Post'), MESSAGE, LINK, ATTACHMENTS],
		// Documented for this body: a link or attachments, not both.
		check: linkOrAttachments,
	},
	deleteRow('post', 'Publish Page Post'),
	deleteRow('picture', 'Upload Page Picture'),
	deleteRow('video', 'Upload Page Video'),
];
