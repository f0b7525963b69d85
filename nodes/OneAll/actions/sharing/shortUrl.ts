import type { IExecuteFunctions } from 'n8n-workflow';

import { failFor } from '../../helpers/fail';
import { asText, checkUrl } from '../../helpers/validation';
import { deleteOperation, getManyOperation, getOperation } from '../account/reads';
import type { RequestDescription, ResourceDefinition } from '../operation';
import { writeOptions } from './options';
import { sharingTokenField } from './tokens';
import { nodeParameter } from '../common/parameters';

const SHORT_URLS = '/shorturls.json';
const SHORT_URL = '/shorturls/{token}.json';
const SOURCE = 'docs/oneall-api.md §8.2';

const shortUrlToken = sharingTokenField('shortUrlToken', 'Short URL Token', 'The shorturl_token OneAll returned, e.g. mOTlo');

/** Short URLs (docs/oneall-api.md §8.2): OneAll's link shortener, whose clicks show in the dashboard. */
export const shortUrlResource: ResourceDefinition = {
	value: 'shortUrl',
	name: 'Short URL',
	operations: [
		{
			value: 'create',
			name: 'Create',
			action: 'Create a short URL',
			description: 'Shorten a URL with OneAll; clicks on it are counted in the OneAll dashboard',
			docs: {
				request: `POST ${SHORT_URLS}`,
				body: 'shorturl{original_url}',
				certainty: 'docs',
				source: SOURCE,
			},
			properties: [
				{
					displayName: 'Original URL',
					name: 'originalUrl',
					type: 'string',
					required: true,
					default: '',
					placeholder: 'https://example.com/a/long/address',
					description: 'The URL to shorten',
				},
				writeOptions,
			],
			prepare(this: IExecuteFunctions, itemIndex: number): RequestDescription {
				const fail = failFor(this.getNode(), itemIndex);
				const originalUrl = checkUrl(
					asText(nodeParameter(this, 'originalUrl', itemIndex, ''), '"Original URL"', fail).trim(),
					'"Original URL"',
					fail,
				);
				return {
					method: 'POST',
					path: SHORT_URLS,
					body: { shorturl: { original_url: originalUrl } },
					intent: 'write',
				};
			},
		},
		getOperation({
			action: 'Get a short URL',
			description: 'Read a short URL with its original URL and number of referrals',
			docs: { request: `GET ${SHORT_URL}`, certainty: 'docs', source: SOURCE },
			path: SHORT_URL,
			property: shortUrlToken.property,
			readToken: shortUrlToken.read,
		}),
		getManyOperation({
			action: 'Get many short URLs',
			description: 'List the short URLs of your OneAll site',
			docs: {
				request: `GET ${SHORT_URLS}`,
				certainty: 'docs',
				source: `${SOURCE} (list key "shorturls": guess)`,
			},
			path: SHORT_URLS,
			collection: 'shorturls',
		}),
		deleteOperation({
			action: 'Delete a short URL',
			description: 'Delete a short URL; it stops redirecting',
			docs: {
				request: `DELETE ${SHORT_URL}?confirm_deletion=true`,
				certainty: 'docs',
				source: `${SOURCE}; confirm_deletion=true as OneAll's SDK examples send it (§8.6)`,
			},
			path: SHORT_URL,
			property: shortUrlToken.property,
			readToken: shortUrlToken.read,
			idKey: 'shorturl_token',
		}),
	],
};
