import type { PushSpec } from '../push/spec';

// Twitter (X) row of the Update API table (docs/oneall-api.md §5.4): tweets can only be deleted.
export const twitterUpdates: PushSpec[] = [
	{
		verb: 'delete',
		network: 'twitter',
		operation: 'deleteTweet',
		name: 'Delete Tweet',
		action: 'Delete a tweet',
		description: 'Delete a tweet (post) of the X user',
		certainty: 'docs',
		path: 'twitter/post/{postId}.json',
		object: 'post',
		fields: [
			{
				key: 'post_id',
				param: 'postId',
				label: 'Tweet ID',
				kind: 'pathId',
				required: true,
				hint: 'The post_id from Publish Tweet or the id from Get Many Tweets, e.g. {{ $json.post_id }}',
				placeholder: '1460323737035677698',
			},
		],
	},
];
