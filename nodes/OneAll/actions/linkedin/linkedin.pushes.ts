import type { PushField, PushSpec } from '../push/spec';

/** LinkedIn push bodies: docs/oneall-api.md §4.5 (#10–#11). */

// LinkedIn's limit for a post's commentary.
const POST_FIELDS: PushField[] = [
	{
		key: 'message',
		param: 'message',
		label: 'Message',
		kind: 'text',
		primary: true,
		maxLength: 3000,
		rows: 4,
		hint: 'Text of the post, at most 3,000 characters',
	},
	{
		key: 'link',
		param: 'link',
		label: 'Link',
		kind: 'url',
		required: true,
		hint: "Fully qualified URL to share (OneAll's SDK sends every LinkedIn post with one)",
	},
	{
		key: 'title',
		param: 'title',
		label: 'Link Title',
		kind: 'text',
		maxLength: 200,
		hint: 'Title of the shared link',
	},
	{
		key: 'description',
		param: 'description',
		label: 'Link Description',
		kind: 'text',
		maxLength: 256,
		hint: 'Description of the shared link',
	},
	{
		key: 'picture',
		param: 'picture',
		label: 'Picture URL',
		kind: 'url',
		hint: 'Public, fully qualified URL of a picture shown with the link',
	},
];

export const linkedinPushes: PushSpec[] = [
	{
		network: 'linkedin',
		operation: 'publishUserPost',
		name: 'Publish User Post',
		action: "Publish a post on a user's LinkedIn profile",
		description: "Publish a text or link post on the user's LinkedIn profile",
		certainty: 'sdk',
		path: 'linkedin/post.json',
		object: 'post',
		fields: POST_FIELDS,
	},
	{
		network: 'linkedin',
		operation: 'publishCompanyPost',
		name: 'Publish Company Post',
		action: 'Publish a post on a LinkedIn company page',
		description: 'Publish a post on a LinkedIn company page the user administers',
		certainty: 'sdk',
		path: 'linkedin/company/post.json',
		object: 'post',
		fields: [
			{
				key: 'company',
				param: 'company',
				label: 'Company',
				kind: 'locator',
				locator: 'company',
				at: 'body',
				required: true,
				hint: 'The LinkedIn company page to publish on',
			},
			...POST_FIELDS,
		],
		alreadyPublishedRead: {
			pull: 'getCompanyPosts',
			compare: { message: ['message', 'text'], link: ['link'], title: ['title'] },
		},
	},
];
