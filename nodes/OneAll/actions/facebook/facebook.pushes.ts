import { CAVEATS } from '../common/caveats';
import type { PushField, PushSpec } from '../push/spec';

/** Facebook push bodies: docs/oneall-api.md §4.4 (#1–#9). */

// Facebook's own limit for a post's text.
export const MESSAGE: PushField = {
	key: 'message',
	param: 'message',
	label: 'Message',
	kind: 'text',
	primary: true,
	maxLength: 63206,
	rows: 4,
	hint: 'Text of the post',
};
export const LINK: PushField = {
	key: 'link',
	param: 'link',
	label: 'Link',
	kind: 'url',
	hint: 'Fully qualified URL to share with the post',
};
export const ATTACHMENTS: PushField = {
	key: 'attachments',
	param: 'attachments',
	label: 'Attachment Picture IDs',
	kind: 'idList',
	hint:
		'Comma-separated picture_id values returned by an "Upload … Picture" operation, to show in the post',
	placeholder: '10213128014248748',
};
const DESCRIPTION: PushField = {
	key: 'description',
	param: 'description',
	label: 'Description',
	kind: 'text',
	rows: 2,
	hint: 'Caption shown with the media',
};
const CREATE_POST: PushField = {
	key: 'create_post',
	param: 'createPost',
	label: 'Create Post',
	kind: 'boolean',
	default: true,
	hint:
		'Whether the upload also appears as a new post (OneAll\'s default). Turn off to only upload and attach the returned picture_id to a later post.',
};

function mediaUrl(kind: 'picture' | 'video'): PushField {
	return {
		key: 'url',
		param: 'url',
		label: kind === 'picture' ? 'Picture URL' : 'Video URL',
		kind: 'url',
		required: true,
		hint:
			kind === 'picture'
				? 'Public, fully qualified URL of the picture (JPEG, BMP, PNG, GIF or TIFF, at most 5 MB)'
				: 'Public, fully qualified URL of the video file',
	};
}

function target(kind: 'page' | 'group'): PushField {
	return {
		key: 'id',
		param: kind,
		label: kind === 'page' ? 'Page' : 'Group',
		kind: 'locator',
		locator: kind,
		at: 'body',
		required: true,
		hint: kind === 'page' ? 'The Facebook page to publish on' : 'The Facebook group to publish in',
	};
}

// OneAll's SDK requires a message or a link on profile posts (docs/oneall-api.md §4.4 #1).
const needsMessageOrLink = (push: Record<string, unknown>) =>
	push.message || push.link ? undefined : 'Enter a Message or a Link: a Facebook profile post needs at least one of them';

const needsContent = (push: Record<string, unknown>) =>
	push.message || push.link || push.attachments
		? undefined
		: 'Enter a Message, a Link or Attachment Picture IDs: a post needs at least one of them';

// Documented for page posts (Update API, docs/oneall-api.md §5.1): a post carries a link or pictures, not both.
export const linkOrAttachments = (push: Record<string, unknown>) =>
	push.link && push.attachments
		? 'A Facebook page post takes either a Link or Attachment Picture IDs, not both'
		: needsContent(push);

export const facebookPushes: PushSpec[] = [
	{
		network: 'facebook',
		operation: 'publishUserPost',
		name: 'Publish User Post',
		action: "Publish a post on a user's Facebook profile",
		description: "Publish a text, link or picture post on the user's own Facebook profile",
		certainty: 'sdk',
		path: 'facebook/post.json',
		object: 'post',
		fields: [MESSAGE, LINK, ATTACHMENTS],
		check: needsMessageOrLink,
	},
	{
		network: 'facebook',
		operation: 'uploadUserPicture',
		name: 'Upload User Picture',
		action: "Upload a picture to the user's Facebook profile",
		description: "Upload a picture to the user's Facebook account; returns a picture_id for later posts",
		certainty: 'docs',
		path: 'facebook/picture.json',
		object: 'picture',
		fields: [mediaUrl('picture'), DESCRIPTION, CREATE_POST],
	},
	{
		network: 'facebook',
		operation: 'uploadUserVideo',
		name: 'Upload User Video',
		action: 'Upload a video to a Facebook profile',
		description: "Upload a video to the user's Facebook account",
		certainty: 'sdk',
		path: 'facebook/video.json',
		object: 'video',
		fields: [mediaUrl('video'), DESCRIPTION, CREATE_POST],
	},
	{
		network: 'facebook',
		operation: 'publishGroupPost',
		caveat: CAVEATS.facebookGroups,
		name: 'Publish Group Post',
		action: 'Publish a post in a Facebook group',
		description: 'Publish a post in a Facebook group the user is a member of',
		certainty: 'guess',
		path: 'facebook/group/post.json',
		object: 'group',
		fields: [target('group'), MESSAGE, LINK, ATTACHMENTS],
		check: needsContent,
	},
	{
		network: 'facebook',
		operation: 'uploadGroupPicture',
		caveat: CAVEATS.facebookGroups,
		name: 'Upload Group Picture',
		action: 'Upload a picture to a Facebook group',
		description: 'Upload a picture to a Facebook group the user is a member of',
		certainty: 'guess',
		path: 'facebook/group/picture.json',
		object: 'group',
		fields: [target('group'), mediaUrl('picture'), DESCRIPTION],
	},
	{
		network: 'facebook',
		operation: 'uploadGroupVideo',
		caveat: CAVEATS.facebookGroups,
		name: 'Upload Group Video',
		action: 'Upload a video to a Facebook group',
		description: 'Upload a video to a Facebook group the user is a member of',
		certainty: 'guess',
		path: 'facebook/group/video.json',
		object: 'group',
		fields: [target('group'), mediaUrl('video'), DESCRIPTION],
	},
	{
		network: 'facebook',
		operation: 'publishPagePost',
		name: 'Publish Page Post',
		action: 'Publish a post on a Facebook page',
		description: 'Publish a post on a Facebook page the user administers',
		certainty: 'sdk',
		path: 'facebook/page/post.json',
		object: 'page',
		fields: [target('page'), MESSAGE, LINK, ATTACHMENTS],
		check: linkOrAttachments,
		alreadyPublishedRead: { pull: 'getPagePosts', compare: { message: ['message', 'text'], link: ['link'] } },
	},
	{
		network: 'facebook',
		operation: 'uploadPagePicture',
		name: 'Upload Page Picture',
		action: 'Upload a picture to a Facebook page',
		description: 'Upload a picture on behalf of a Facebook page the user administers',
		certainty: 'sdk',
		path: 'facebook/page/picture.json',
		object: 'page',
		fields: [target('page'), mediaUrl('picture'), DESCRIPTION],
	},
	{
		network: 'facebook',
		operation: 'uploadPageVideo',
		name: 'Upload Page Video',
		action: 'Upload a video to a Facebook page',
		description: 'Upload a video on behalf of a Facebook page the user administers',
		certainty: 'guess',
		path: 'facebook/page/video.json',
		object: 'page',
		fields: [target('page'), mediaUrl('video'), DESCRIPTION],
	},
];
