import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { failFor, type Fail } from '../../helpers/fail';
import { asCollection, asText, isEmpty } from '../../helpers/validation';
import { tokenSegment } from '../../transport/path';
import { INCLUDE_ACCESS_TOKENS } from '../account/shared';
import { BATCHING_OPTIONS } from '../common/batching';
import { nodeParameter } from '../common/parameters';
import type { OperationDefinition, RequestDescription } from '../operation';

/** OneAll's provider keys: lower-case words such as facebook, twitter, google, windowslive. */
const PROVIDER_KEY = /^[a-z0-9_]{2,40}$/;
/** An access token is one word: no spaces or line breaks (they would be pasted by mistake). */
const TOKEN_TEXT = /^\S{1,4096}$/;

/** A secret field's value, checked without ever repeating it in the message. */
function secretText(value: unknown, label: string, fail: Fail): string {
	const text = asText(value, label, fail).trim();
	if (!TOKEN_TEXT.test(text)) {
		fail(
			text === '' ? `${label} is empty` : `${label} must be one word without spaces, at most 4096 characters`,
			'Give the token exactly as the network issued it (e.g. from its mobile SDK); the node never shows it.',
		);
	}
	return text;
}

/**
 * Import a user from a network's access token (docs/oneall-api.md §7.2): OneAll reads the profile with
 * the token and creates a user with that identity (HTTP 201), or adds or updates the identity of the
 * given user (200). The token and its secret are masked in every error and redacted in the output.
 */
export const importUserOperation: OperationDefinition = {
	value: 'import',
	name: 'Import From Access Token',
	action: "Import a user from a network's access token",
	description:
		"Create a OneAll user (or add an identity to one) from an access token a network issued, e.g. to a mobile app's native login",
	docs: {
		request: 'PUT /users.json',
		body: 'user{user_token?, identity{source{key, access_token{key, secret?}}}}',
		certainty: 'docs',
		source: 'docs/oneall-api.md §7.2 (docs users/import-user; php-sdk User::createUser)',
	},
	properties: [
		{
			displayName: 'Network Key',
			name: 'providerKey',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'facebook',
			description: "OneAll's key of the network that issued the token, e.g. facebook, twitter, linkedin, google",
		},
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description:
				"The user's access token as the network issued it, best mapped from the step that received it (a value typed here is saved in the workflow). Never shown in errors or output.",
		},
		{
			displayName: 'Access Token Secret',
			name: 'accessTokenSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: 'The secret that goes with the token, for the few networks that issue one (e.g. X/Twitter OAuth 1)',
		},
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: [
				{
					displayName: 'Link To User',
					name: 'linkToUser',
					type: 'string',
					default: '',
					placeholder: '24f6eaef-7537-45b3-bf4c-0c2a772bdee4',
					description: 'The user_token of an existing OneAll user the imported identity is added to; empty: OneAll finds or creates the user',
				},
				INCLUDE_ACCESS_TOKENS,
				...BATCHING_OPTIONS,
			],
		},
	],
	prepare(this: IExecuteFunctions, itemIndex: number): RequestDescription {
		const fail = failFor(this.getNode(), itemIndex);
		const providerKey = asText(nodeParameter(this, 'providerKey', itemIndex, ''), '"Network Key"', fail).trim().toLowerCase();
		if (!PROVIDER_KEY.test(providerKey)) {
			fail(
				providerKey ? `"Network Key" "${providerKey.slice(0, 40)}" is not a network key` : '"Network Key" is empty',
				'Use the key OneAll gives the network: facebook, twitter, linkedin, google, … (Provider → Get Many lists them).',
			);
		}
		const key = secretText(nodeParameter(this, 'accessToken', itemIndex, ''), '"Access Token"', fail);
		const rawSecret = nodeParameter(this, 'accessTokenSecret', itemIndex, '');
		const secret = isEmpty(rawSecret) ? undefined : secretText(rawSecret, '"Access Token Secret"', fail);
		const options = asCollection(nodeParameter(this, 'options', itemIndex, {}), 'Options', fail);
		const userToken = isEmpty(options.linkToUser) ? undefined : tokenSegment(options.linkToUser, '"Link To User"', fail);
		if (options.includeAccessTokens !== undefined && typeof options.includeAccessTokens !== 'boolean') {
			fail('"Include Access Tokens" must be true or false');
		}
		const accessToken: IDataObject = { key, ...(secret ? { secret } : {}) };
		return {
			method: 'PUT',
			path: '/users.json',
			body: {
				user: {
					...(userToken ? { user_token: userToken } : {}),
					identity: { source: { key: providerKey, access_token: accessToken } },
				},
			},
			intent: 'write',
			// 201: a new user; 200: an existing one updated (OneAll's examples tell them apart so).
			output: { kind: 'data', withStatus: true },
			keepSecrets: options.includeAccessTokens === true,
			secrets: secret ? [key, secret] : [key],
		};
	},
};
