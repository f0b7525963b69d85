import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { failFor, type Fail } from '../../helpers/fail';
import { asCollection, asOption, asText, asWholeNumber, idText, isEmpty } from '../../helpers/validation';
import { BATCHING_OPTIONS } from '../common/batching';
import { nodeParameter } from '../common/parameters';
import type { OperationDefinition, RequestDescription } from '../operation';

const MAX_TWEETS = 200;
const MAX_SEARCH_LENGTH = 500;
const TWEET_ID = /^\d{1,20}$/;
const RESULT_TYPES = ['mixed', 'recent', 'popular'] as const;

function tweetId(value: unknown, label: string, fail: Fail): string {
	const id = asText(idText(value, label, fail), label, fail).trim();
	return TWEET_ID.test(id) ? id : fail(`${label} must be a tweet id (digits only)`, 'Take the id from the end of a tweet\'s url.');
}

/**
 * Search public tweets through OneAll's site-wide Twitter search (docs/oneall-api.md §6.5): one request,
 * one item per tweet. Tweet ids in the answer are JSON numbers too large to be exact; each tweet's `url`
 * ends with its exact id, which is what Until/After Tweet ID want for the next page.
 */
export const searchTweetsOperation: OperationDefinition = {
	value: 'searchTweets',
	name: 'Search Tweets',
	action: 'Search tweets',
	description: 'Find public tweets that match a text or a @username, through your OneAll site',
	docs: {
		request: 'GET /search/twitter/tweets.json?search_text=…',
		certainty: 'docs',
		source: 'docs/oneall-api.md §6.5 (docs search/twitter/tweets; php-sdk Twitter::searchTweets)',
	},
	properties: [
		{
			displayName: 'Search Text',
			name: 'searchText',
			type: 'string',
			required: true,
			default: '',
			placeholder: '@oneall',
			description: 'Free text to match, or a username such as @oneall',
		},
		{
			displayName: 'Max Tweets',
			name: 'numTweets',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: MAX_TWEETS },
			default: 50,
			description: `How many tweets to return, 1 to ${MAX_TWEETS}`,
		},
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: [
				{
					displayName: 'After Tweet ID',
					name: 'afterTweetId',
					type: 'string',
					default: '',
					description: 'Only tweets newer than this one (IDs greater than it)',
				},
				{
					displayName: 'Language',
					name: 'language',
					type: 'string',
					default: '',
					placeholder: 'fr',
					description: 'Only tweets in this language: a two-letter ISO 639-1 code',
				},
				{
					displayName: 'Result Type',
					name: 'resultType',
					type: 'options',
					options: [
						{ name: 'Mixed', value: 'mixed' },
						{ name: 'Popular', value: 'popular' },
						{ name: 'Recent', value: 'recent' },
					],
					default: 'mixed',
					description: 'Which tweets X ranks first',
				},
				{
					displayName: 'Until Tweet ID',
					name: 'untilTweetId',
					type: 'string',
					default: '',
					description: 'Only tweets older than this one: give the last tweet of a page to read the next page',
				},
				...BATCHING_OPTIONS,
			],
		},
	],
	prepare(this: IExecuteFunctions, itemIndex: number): RequestDescription {
		const fail = failFor(this.getNode(), itemIndex);
		const searchText = asText(nodeParameter(this, 'searchText', itemIndex, ''), '"Search Text"', fail).trim();
		if (searchText === '') fail('"Search Text" is empty');
		if (searchText.length > MAX_SEARCH_LENGTH) fail(`"Search Text" must be at most ${MAX_SEARCH_LENGTH} characters`);
		const numTweets = asWholeNumber(nodeParameter(this, 'numTweets', itemIndex, 50), '"Max Tweets"', 1, fail);
		if (numTweets > MAX_TWEETS) fail(`"Max Tweets" must be at most ${MAX_TWEETS}`);
		const options = asCollection(nodeParameter(this, 'options', itemIndex, {}), 'Options', fail);
		const query: IDataObject = { search_text: searchText, num_tweets: numTweets };
		if (!isEmpty(options.afterTweetId)) query.after_tweet_id = tweetId(options.afterTweetId, '"After Tweet ID"', fail);
		if (!isEmpty(options.untilTweetId)) query.until_tweet_id = tweetId(options.untilTweetId, '"Until Tweet ID"', fail);
		if (options.resultType !== undefined) query.result_type = asOption(options.resultType, '"Result Type"', RESULT_TYPES, fail);
		if (!isEmpty(options.language)) {
			const language = asText(options.language, '"Language"', fail).trim().toLowerCase();
			query.language = /^[a-z]{2}$/.test(language) ? language : fail('"Language" must be a two-letter ISO 639-1 code, e.g. fr');
		}
		return { method: 'GET', path: '/search/twitter/tweets.json', query, intent: 'read', output: { kind: 'entries', what: 'tweets' } };
	},
};
