import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { Fail } from '../../helpers/fail';
import { failFor } from '../../helpers/fail';
import { asCollection, asOption, asText, isEmpty, optionFlag } from '../../helpers/validation';
import { apiPath, idSegment, tokenSegment } from '../../transport/path';
import { readLocator, locatorProperty } from '../common/locators';
import { nodeParameter } from '../common/parameters';
import type { OperationDefinition, OutputPart, RequestDescription, ResourceDefinition } from '../operation';
import { isFromRead, pullOf, readAlreadyPublishedCheck, SKIP_IF_PUBLISHED, alreadyPublishedOptions } from '../push/alreadyPublished';
import { VERBS, type PushSpec } from '../push/spec';
import { BATCHING_OPTIONS } from '../common/batching';
import { writeOptions } from '../sharing/options';
import { TARGET_NETWORKS, TARGETS, targetBody, type Content, type TargetNetwork } from './targets';

const NETWORK_OPTIONS = TARGET_NETWORKS.map((network) => ({ name: TARGETS[network].name, value: network }));

const properties: INodeProperties[] = [
	{
		displayName: 'Publish For',
		name: 'publishFor',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: "A User's Accounts", value: 'user', description: "Publish with the user's account on each network" },
			{ name: 'Chosen Accounts', value: 'identities', description: 'Publish with the account (identity) given for each network' },
		],
		default: 'user',
	},
	locatorProperty('user', {
		description: 'The OneAll user whose account on each network publishes',
		displayOptions: { show: { publishFor: ['user'] } },
	}),
	{
		displayName: 'Text',
		name: 'text',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
		description: 'The base text, sent to every network that has no text of its own below',
	},
	{
		displayName: 'Link',
		name: 'link',
		type: 'string',
		default: '',
		placeholder: 'https://example.com/news',
		description: 'A link sent to every network that has none of its own (X gets it at the end of the text; LinkedIn requires one)',
	},
	{
		displayName: 'Networks',
		name: 'networks',
		type: 'fixedCollection',
		placeholder: 'Add Network',
		typeOptions: { multipleValues: true, sortable: true },
		default: {},
		description: 'One entry per network; every entry is checked before anything is published',
		options: [
			{
				displayName: 'Network',
				name: 'network',
				values: [
					{
						displayName: 'Facebook Page ID',
						name: 'page',
						type: 'string',
						default: '',
						description: 'For Facebook: the page to publish on (one the account administers)',
					},
					{
						displayName: 'Identity Token',
						name: 'identity',
						type: 'string',
						default: '',
						description: "The account (identity_token) that publishes. Required for Chosen Accounts; for a user, empty means the user's account on this network.",
					},
					{ displayName: 'Link', name: 'link', type: 'string', default: '', description: "This network's own link instead of the base link" },
					{ displayName: 'Network', name: 'network', type: 'options', options: NETWORK_OPTIONS, default: 'twitter' },
					{ displayName: 'Picture URL', name: 'picture', type: 'string', default: '', description: 'A public picture URL (LinkedIn: shown with the link; Facebook: a picture post)' },
					{
						displayName: 'Text',
						name: 'text',
						type: 'string',
						typeOptions: { rows: 3 },
						default: '',
						description: "This network's own text instead of the base text (X: 280, links count 23; LinkedIn: 3,000)",
					},
					{ displayName: 'Video URL', name: 'video', type: 'string', default: '', description: 'A public video URL (Facebook only)' },
				],
			},
		],
	},
	{
		...writeOptions,
		options: [
			...BATCHING_OPTIONS,
			...alreadyPublishedOptions(
				"each network's latest posts where OneAll has a read (X tweets, Facebook page posts; not LinkedIn profile posts, nor Facebook picture or video posts, whose items say checked: false)",
			),
		].sort((a, b) => a.displayName.localeCompare(b.displayName)),
	},
];

interface Entry {
	network: TargetNetwork;
	identity?: string;
	body: IDataObject;
	path: string;
	spec: PushSpec;
	/** The values the network's push was built from (the page for a page's posts read). */
	values: Record<string, unknown>;
}

const textOf = (value: unknown, label: string, fail: Fail) => (isEmpty(value) ? '' : asText(value, label, fail).trim());

/** Every network's body, checked before anything is sent; a bad one fails the item naming its network. */
function readEntries(context: IExecuteFunctions, itemIndex: number, forUser: boolean, fail: Fail): Entry[] {
	const raw = nodeParameter(context, 'networks', itemIndex, {}) as IDataObject;
	const rows = Array.isArray(raw?.network) ? (raw.network as IDataObject[]) : [];
	if (rows.length === 0) fail('Add at least one network under "Networks"');
	const base = { text: textOf(nodeParameter(context, 'text', itemIndex, ''), '"Text"', fail), link: textOf(nodeParameter(context, 'link', itemIndex, ''), '"Link"', fail) };
	return rows.map((row, index) => {
		const network = asOption(row.network, `"Network" of entry ${index + 1}`, TARGET_NETWORKS, fail);
		const name = TARGETS[network].name;
		const failHere: Fail = (message, description) => fail(`${name}: ${message}`, description);
		const content: Content = {
			text: textOf(row.text, '"Text"', failHere) || base.text,
			link: textOf(row.link, '"Link"', failHere) || base.link,
			picture: textOf(row.picture, '"Picture URL"', failHere),
			video: textOf(row.video, '"Video URL"', failHere),
			page: textOf(row.page, '"Facebook Page ID"', failHere),
		};
		const { spec, body, values } = targetBody(network, content, failHere);
		const identity = isEmpty(row.identity) ? undefined : tokenSegment(row.identity, `"Identity Token" of ${name}`, fail);
		if (!identity && !forUser) failHere('Enter the Identity Token', 'With "Chosen Accounts" every network needs the account that publishes.');
		return { network, identity, body, path: `/${VERBS.push.api}/identities/{identity}/${spec.path}`, spec, values };
	});
}

/** The user's first account on each network (`GET /users/<token>.json` → `user.identities[]`). */
function identitiesOf(answer: IDataObject): Map<string, string> {
	const user = (answer.user ?? {}) as IDataObject;
	const identities = Array.isArray(user.identities) ? (user.identities as IDataObject[]) : [];
	const found = new Map<string, string>();
	for (const identity of identities) {
		if (typeof identity?.provider === 'string' && typeof identity.identity_token === 'string' && !found.has(identity.provider)) {
			found.set(identity.provider, identity.identity_token);
		}
	}
	return found;
}

const POST_ID_KEYS = ['post_id', 'picture_id', 'video_id', 'id'];
const POST_URL_KEYS = ['post_url', 'url', 'link'];

/** What a network's push output says: which network and account, published, the post's id or link. */
function published(about: IDataObject) {
	return (data: IDataObject): IDataObject => {
		const id = POST_ID_KEYS.map((key) => data[key]).find((value) => typeof value === 'string' || typeof value === 'number');
		const url = POST_URL_KEYS.map((key) => data[key]).find((value) => typeof value === 'string');
		if (isFromRead(data)) {
			const { existing_id: existing, ...rest } = data;
			return { ...about, ...rest, ...(existing !== undefined ? { post_id: existing } : {}) };
		}
		return { ...about, status: 'published', ...(id !== undefined ? { post_id: String(id) } : {}), ...(url ? { post_url: url } : {}) };
	};
}

/** Skip If Already Published for one network, where its push has a read; `checked: false` where it has none. */
function checkFor(entry: Entry, identity: string, options: Record<string, unknown>, fail: Fail) {
	const pull = pullOf(entry.spec);
	if (!pull || !entry.spec.alreadyPublishedRead) {
		return optionFlag(options, SKIP_IF_PUBLISHED, 'Skip If Already Published', fail) ? { checked: false } : {};
	}
	const segments: Record<string, string> = { identity };
	if (!optionFlag(options, SKIP_IF_PUBLISHED, 'Skip If Already Published', fail)) return {};
	// The page goes into the read's path: checked as a path segment.
	for (const { param } of pull.pathLocators) segments[param] = idSegment(entry.values[param], `"${param}"`, fail);
	const object = ((entry.body.push ?? {}) as IDataObject)[entry.spec.object] as IDataObject;
	const check = readAlreadyPublishedCheck(entry.spec.alreadyPublishedRead, pull, segments, object, options, fail);
	return check ? { alreadyPublished: check } : {};
}

function fanOutOf(
	context: IExecuteFunctions,
	itemIndex: number,
	entries: Entry[],
	identityFor: (entry: Entry) => string,
	fail: Fail,
): RequestDescription {
	const options = asCollection(nodeParameter(context, 'options', itemIndex, {}), 'Options', fail);
	const requests = entries.map((entry) => {
		const identity = identityFor(entry);
		const { checked, alreadyPublished } = checkFor(entry, identity, options, (message, description) =>
			fail(`${TARGETS[entry.network].name}: ${message}`, description),
		);
		const about = { provider: entry.network, identity_token: identity, ...(checked === false ? { checked } : {}) };
		const request: RequestDescription = {
			method: 'POST',
			path: apiPath(entry.path, { identity }),
			body: entry.body,
			intent: 'write',
			finish: published(about),
			...(alreadyPublished ? { alreadyPublished } : {}),
		};
		return { request, about };
	});
	return {
		...requests[0].request,
		fanOut: {
			entries: requests,
			noneSucceeded: (failed: OutputPart[]) =>
				new NodeOperationError(
					context.getNode(),
					`Published on none of the ${failed.length} network${failed.length === 1 ? '' : 's'}: ${failed.map((part) => `${String(part.json.provider)}: ${String(part.json.message)}`).join('; ')}`,
					{ itemIndex, description: 'Each network answered an error; nothing is live. Fix the causes and run the item again.' },
				),
		},
	};
}

const publishToSeveral: OperationDefinition = {
	value: 'publish',
	name: 'Publish to Several Networks',
	action: 'Publish to several networks, each with its own text',
	description:
		'Publish one announcement on X, LinkedIn and a Facebook page, each with its own text, link or media; everything is checked before anything is published, and each network gives one output item',
	docs: {
		request: 'POST /push/identities/{identity}/<network>/….json, one per network',
		body: "each network's push body (X: post{message}; LinkedIn: post{message, link, picture}; Facebook page: page{id, message, link} or page{id, url, description})",
		certainty: 'sdk',
		source: 'docs/oneall-api.md §4.4, §4.5, §4.7',
	},
	properties,
	prepare(this: IExecuteFunctions, itemIndex: number): RequestDescription {
		const fail = failFor(this.getNode(), itemIndex);
		const forUser = asOption(nodeParameter(this, 'publishFor', itemIndex, 'user'), '"Publish For"', ['user', 'identities'], fail) === 'user';
		const user = forUser ? readLocator(this, itemIndex, 'user', fail) : undefined;
		const entries = readEntries(this, itemIndex, forUser, fail);
		if (!user || entries.every((entry) => entry.identity)) {
			return fanOutOf(this, itemIndex, entries, (entry) => entry.identity as string, fail);
		}
		// Every check but the accounts' (options, Skip If Already Published) runs now, before any request of
		// the run: the user's token stands in for the accounts the read will find.
		fanOutOf(this, itemIndex, entries, (entry) => entry.identity ?? user, fail);
		const read: RequestDescription = { method: 'GET', path: apiPath('/users/{user}.json', { user }), intent: 'read' };
		return {
			...read,
			resolve: {
				read,
				complete: (answer) => {
					const accounts = identitiesOf(answer);
					const missing = entries.filter((entry) => !entry.identity && !accounts.has(entry.network));
					if (missing.length > 0) {
						fail(
							`The user ${user} has no account on ${missing.map((entry) => TARGETS[entry.network].name).join(', ')}`,
							'Nothing was published. Remove the network, or give its Identity Token.',
						);
					}
					return fanOutOf(this, itemIndex, entries, (entry) => entry.identity ?? (accounts.get(entry.network) as string), fail);
				},
			},
		};
	},
};

export const multiNetworkResource: ResourceDefinition = {
	value: 'multiNetwork',
	name: 'Multi-Network',
	hint: 'One announcement on several networks, each with its own text (OneAll Push API)',
	operations: [publishToSeveral],
};
