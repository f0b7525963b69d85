import { CALLBACK_URL } from '../push/commonFields';
import type { PushSpec } from '../push/spec';

/** X (Twitter) push bodies: docs/oneall-api.md §4.7 (#14–#16). */
export const twitterPushes: PushSpec[] = [
	{
		network: 'twitter',
		operation: 'publishTweet',
		name: 'Publish Tweet',
		action: 'Publish a tweet on X (Twitter)',
		description: "Publish a tweet on the user's timeline, optionally with uploaded pictures or a video",
		certainty: 'sdk',
		path: 'twitter/post.json',
		object: 'post',
		alreadyPublishedRead: { pull: 'getTweets', compare: { message: ['message', 'text'] } },
		check: (push) =>
			push.message || push.attachments ? undefined : 'Enter a Text or Attachment Media IDs: a tweet needs at least one of them',
		fields: [
			{
				key: 'message',
				param: 'message',
				label: 'Text',
				kind: 'text',
				primary: true,
				maxLength: 280,
				counter: 'twitter',
				rows: 3,
				hint: 'The tweet, at most 280 characters as X counts them (links count 23, emoji 2); may be empty when media is attached',
			},
			{
				key: 'attachments',
				param: 'attachments',
				label: 'Attachment Media IDs',
				kind: 'idList',
				maxItems: 4,
				hint:
					'Comma-separated picture_id (up to 4) or video_id values returned by Upload Picture / Upload Video',
				placeholder: '912249625129684992',
			},
			{
				key: 'location',
				param: 'location',
				label: 'Location',
				kind: 'text',
				hint: 'Place text attached to the tweet',
			},
		],
	},
	{
		network: 'twitter',
		operation: 'uploadPicture',
		name: 'Upload Picture',
		action: 'Upload a picture to X (Twitter) to attach to a tweet',
		description:
			'Upload a picture and get a picture_id to attach to a tweet (X removes unattached pictures after 24 hours)',
		certainty: 'docs',
		path: 'twitter/picture.json',
		object: 'picture',
		fields: [
			{
				key: 'url',
				param: 'url',
				label: 'Picture URL',
				kind: 'url',
				required: true,
				hint: 'Public, fully qualified URL of the picture (JPEG, BMP, PNG, GIF or TIFF, at most 5 MB)',
			},
			{
				key: 'description',
				param: 'description',
				label: 'Description',
				kind: 'text',
				maxLength: 1000,
				hint: 'Alternative text of the picture',
			},
		],
	},
	{
		network: 'twitter',
		operation: 'uploadVideo',
		name: 'Upload Video',
		action: 'Upload a video to X (Twitter)',
		description:
			'Queue a video upload; OneAll processes it asynchronously and posts the result to the callback URL',
		certainty: 'sdk',
		path: 'twitter/video.json',
		object: 'video',
		asynchronous: true,
		fields: [
			{
				key: 'video_url',
				param: 'videoUrl',
				label: 'Video URL',
				kind: 'url',
				required: true,
				hint: 'Public, fully qualified URL of the video file',
			},
			CALLBACK_URL,
		],
	},
];
