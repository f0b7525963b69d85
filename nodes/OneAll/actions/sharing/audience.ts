import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { Fail } from '../../helpers/fail';
import { asOption, asText } from '../../helpers/validation';
import { apiPath } from '../../transport/path';
import { locatorProperty, readLocator } from '../common/locators';
import { SHARING_PROVIDERS } from '../common/networks';
import { OPTION_LISTS } from '../common/optionLists';
import { isSplitOutput, type RequestDescription, type ResolveStep } from '../operation';
import { nodeParameter } from '../common/parameters';

/** OneAll provider keys as the Sharing API takes them ("facebook", "twitter", …). */
const PROVIDER_KEY = /^[a-z0-9_]{1,40}$/;

/**
 * Who a message is published for (docs/oneall-api.md §8.1): a user, on several of the user's networks
 * (`publish_for_user{user_token, providers[]}`), or one identity (`publish_for_identity{identity_token}`).
 */
export const audienceProperties: INodeProperties[] = [
	{
		displayName: 'Publish For',
		name: 'publishFor',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'User (Several Networks)',
				value: 'user',
				description: "Publish on the user's social accounts at once",
			},
			{
				name: 'Identity (One Account)',
				value: 'identity',
				description: 'Publish on one social account',
			},
		],
		default: 'user',
	},
	locatorProperty('user', {
		description: 'The OneAll user (user_token) whose social accounts publish the message',
		displayOptions: { show: { publishFor: ['user'] } },
	}),
	{
		displayName: 'Networks',
		name: 'networkChoice',
		type: 'options',
		options: [
			{
				name: "All of the User's Networks",
				value: 'all',
				description: "Read the user's identities just before publishing and publish on every network among them",
			},
			{
				name: 'Chosen Networks',
				value: 'chosen',
				description: 'Publish only on the networks picked below',
			},
		],
		default: 'all',
		displayOptions: { show: { publishFor: ['user'] } },
	},
	{
		displayName: 'Networks to Publish On',
		name: 'networks',
		type: 'multiOptions',
		typeOptions: {
			loadOptionsMethod: OPTION_LISTS.userNetworks.method,
			loadOptionsDependsOn: [`${OPTION_LISTS.userNetworks.dependsOn}.value`],
		},
		default: [],
		description:
			'Networks on which the user has connected an account. Choose from the list, or specify provider keys (e.g. facebook, twitter) using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		displayOptions: {
			show: { publishFor: ['user'], networkChoice: ['chosen'] },
		},
	},
	locatorProperty('identity', {
		description: 'The social account (OneAll identity) that publishes the message',
		displayOptions: { show: { publishFor: ['identity'] } },
	}),
];

/** The distinct providers of a user read (`GET /users/<token>.json` → `user.identities[].provider`, §7.2), in order. */
export function networksOfUser(data: IDataObject): string[] {
	const user = (data.user ?? {}) as IDataObject;
	const identities = Array.isArray(user.identities) ? (user.identities as IDataObject[]) : [];
	const providers = identities.map((identity) => identity?.provider).filter((p): p is string => typeof p === 'string');
	return [...new Set(providers)];
}

function checkProviders(value: unknown, fail: Fail): string[] {
	const list = Array.isArray(value) ? value : asText(value, '"Networks to Publish On"', fail).split(/[\s,]+/);
	const providers = [...new Set(list.map((entry) => asText(entry, '"Networks to Publish On"', fail).trim()).filter(Boolean))];
	if (providers.length === 0) {
		fail('Choose at least one network in "Networks to Publish On"', 'Or set "Networks" to "All of the User\'s Networks".');
	}
	for (const provider of providers) {
		if (!PROVIDER_KEY.test(provider))
			fail(`"${provider.slice(0, 40)}" is not a OneAll provider key`, 'Use keys such as facebook, linkedin, twitter.');
	}
	return providers;
}

/**
 * The `publish_for_*` part of one item's body. For "All of the user's networks" the providers are not
 * known yet: `pending` says which user must be read, and `withProviders` finishes the part from that read.
 */
export function readAudience(
	context: IExecuteFunctions,
	itemIndex: number,
	fail: Fail,
):
	| { part: IDataObject }
	| { pending: string; withProviders: (answer: IDataObject) => { publish_for_user: IDataObject; leftOut: IDataObject[] } } {
	const publishFor = asOption(nodeParameter(context, 'publishFor', itemIndex, 'user'), '"Publish For"', ['user', 'identity'], fail);
	if (publishFor === 'identity') {
		return {
			part: {
				publish_for_identity: {
					identity_token: readLocator(context, itemIndex, 'identity', fail),
				},
			},
		};
	}
	const user = readLocator(context, itemIndex, 'user', fail);
	const choice = asOption(nodeParameter(context, 'networkChoice', itemIndex, 'all'), '"Networks"', ['all', 'chosen'], fail);
	if (choice === 'chosen') {
		const providers = checkProviders(nodeParameter(context, 'networks', itemIndex, []), fail);
		return { part: { publish_for_user: { user_token: user, providers } } };
	}
	return {
		pending: user,
		withProviders: (answer) => {
			const all = networksOfUser(answer);
			if (all.length === 0) {
				fail(`The user ${user} has no social accounts (identities) to publish on`, 'Nothing was published.');
			}
			const providers = all.filter((provider) => SHARING_PROVIDERS.includes(provider));
			if (providers.length === 0) {
				fail(
					`None of the user's networks (${all.join(', ')}) is one OneAll's Sharing API publishes to`,
					`Sharing publishes to ${SHARING_PROVIDERS.join(', ')}. Nothing was published.`,
				);
			}
			return { publish_for_user: { user_token: user, providers }, leftOut: leftOutIdentities(answer) };
		},
	};
}

/** The user's identities on networks Sharing does not publish to, each with the reason, for the output. */
function leftOutIdentities(data: IDataObject): IDataObject[] {
	const user = (data.user ?? {}) as IDataObject;
	const identities = Array.isArray(user.identities) ? (user.identities as IDataObject[]) : [];
	return identities
		.filter((identity) => typeof identity?.provider === 'string' && !SHARING_PROVIDERS.includes(identity.provider))
		.map((identity) => ({
			provider: identity.provider,
			...(typeof identity.identity_token === 'string' ? { identity_token: identity.identity_token } : {}),
			reason: `OneAll's Sharing API does not publish to ${String(identity.provider)} (it publishes to ${SHARING_PROVIDERS.join(', ')})`,
		}));
}

/** Who published, for the output (`user_token` or `identity_token`), so a next step needs no re-pick. */
export function audienceUsed(part: IDataObject): IDataObject {
	const forUser = part.publish_for_user as IDataObject | undefined;
	if (forUser) return { user_token: forUser.user_token };
	const forIdentity = part.publish_for_identity as IDataObject | undefined;
	return forIdentity ? { identity_token: forIdentity.identity_token } : {};
}

/** A request whose `sharing_message` starts with the audience: sent at once, or after reading the user's networks. */
export function withAudience(
	audience: ReturnType<typeof readAudience>,
	build: (audiencePart: IDataObject) => RequestDescription,
): RequestDescription {
	if ('part' in audience) return build(audience.part);
	const resolve: ResolveStep = {
		read: {
			method: 'GET',
			path: apiPath('/users/{user}.json', { user: audience.pending }),
			intent: 'read',
		},
		complete: (answer) => {
			const { leftOut, ...part } = audience.withProviders(answer);
			const request = build(part);
			if (leftOut.length === 0) return request;
			const finish = request.finish;
			return {
				...request,
				finish: (result) => {
					const output = finish ? finish(result) : result;
					if (!isSplitOutput(output)) return { ...output, networks_left_out: leftOut };
					// One item per network: the left-out networks too, each saying why.
					const leftOutParts = leftOut.map((identity) => ({ json: { ...identity, status: 'left_out' } }));
					return { ...output, split: [...output.split, ...leftOutParts] };
				},
			};
		},
	};
	// Described with the user's networks still to fill in; the sender completes it after the read.
	return {
		...build({
			publish_for_user: { user_token: audience.pending, providers: [] },
		}),
		resolve,
	};
}
