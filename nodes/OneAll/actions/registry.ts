import type { INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { NETWORK_NAMES, type Network } from './common/networks';
import { connectionResource } from './connection';
import { customApiCallResource } from './customApiCall';
import { facebookPushes } from './facebook/facebook.pushes';
import { facebookUpdates } from './facebook/facebook.updates';
import { identityResource } from './identity';
import { linkedinPushes } from './linkedin/linkedin.pushes';
import { loudvoiceCommentResource } from './loudvoice';
import { multiNetworkResource } from './multiNetwork/publish';
import type { Caveat, OperationDefinition, ResourceDefinition } from './operation';
import { pinterestPushes } from './pinterest/pinterest.pushes';
import { pinterestUpdates } from './pinterest/pinterest.updates';
import { PULLS } from './pull/pulls';
import { pushResource } from './push/pushOperation';
import type { PushSpec } from './push/spec';
import { sharingAnalyticsResource } from './sharing/analytics';
import { sharingMessageResource } from './sharing/message';
import { siteResource } from './site';
import { shortUrlResource } from './sharing/shortUrl';
import { providerResource } from './provider';
import { sharingPageResource } from './sharing/pages';
import { ssoSessionResource } from './sso';
import { storageResource } from './storage';
import { twitterPushes } from './twitter/twitter.pushes';
import { searchTweetsOperation } from './twitter/twitter.search';
import { twitterUpdates } from './twitter/twitter.updates';
import { userResource } from './user';
import { youtubePushes } from './youtube/youtube.pushes';
import { youtubeUpdates } from './youtube/youtube.updates';

/** What the node writes on each network: pushes, then updates and deletes (all spec rows). */
const WRITES: Partial<Record<Network, PushSpec[]>> = {
	facebook: [...facebookPushes, ...facebookUpdates],
	linkedin: linkedinPushes,
	pinterest: [...pinterestPushes, ...pinterestUpdates],
	twitter: [...twitterPushes, ...twitterUpdates],
	youtube: [...youtubePushes, ...youtubeUpdates],
};

/** Operations of a network that are neither spec rows nor Pull reads (X's search). */
const MORE: Partial<Record<Network, OperationDefinition[]>> = {
	twitter: [searchTweetsOperation],
};

/**
 * Each network's resource: its writes, then its Pull API reads, then any other operation. A network is a
 * resource as soon as it has one operation (Steam, TikTok and Twitch have reads only).
 */
export const PUSH_RESOURCES = (Object.keys(NETWORK_NAMES) as Network[])
	.map((network) => {
		const resource = pushResource(network, WRITES[network] ?? [], PULLS.filter((pull) => pull.network === network));
		return { ...resource, operations: [...resource.operations, ...(MORE[network] ?? [])] };
	})
	.filter((resource) => resource.operations.length > 0);

/** Every resource of the node: its dropdowns, fields and the router's lookup all derive from this list. */
export const RESOURCES: ResourceDefinition[] = [
	...PUSH_RESOURCES,
	multiNetworkResource,
	sharingMessageResource,
	shortUrlResource,
	sharingAnalyticsResource,
	sharingPageResource,
	identityResource,
	userResource,
	storageResource,
	connectionResource,
	providerResource,
	siteResource,
	ssoSessionResource,
	loudvoiceCommentResource,
	customApiCallResource,
];

const DEFAULT_RESOURCE = 'pinterest';

const byName = <T extends { name: string }>(a: T, b: T) => a.name.localeCompare(b.name);

function operationDropdown(resource: ResourceDefinition): INodeProperties {
	// The first operation listed in the resource's definition is its default.
	const firstOperation = resource.operations[0].value;
	return {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource.value] } },
		options: resource.operations
			.map(({ name, value, action, description }) => ({ name, value, action, description }))
			.sort(byName),
		default: firstOperation,
		...(resource.hint ? { description: resource.hint } : {}),
	};
}

/** The panel's notice of a retired or restricted operation. */
function caveatNotice(caveat: Caveat): INodeProperties {
	return { displayName: caveat.notice, name: 'caveatNotice', type: 'notice', default: '' };
}

/** The node's properties: Resource, then per resource its Operation and each operation's fields. */
export function nodeProperties(resources: ResourceDefinition[] = RESOURCES): INodeProperties[] {
	const properties: INodeProperties[] = [
		{
			displayName: 'Resource',
			name: 'resource',
			type: 'options',
			noDataExpression: true,
			options: resources.map(({ name, value }) => ({ name, value })).sort(byName),
			default: DEFAULT_RESOURCE,
		},
	];
	for (const resource of resources) {
		properties.push(operationDropdown(resource));
		for (const operation of resource.operations) {
			properties.push(
				...updateDisplayOptions(
					{ show: { resource: [resource.value], operation: [operation.value] } },
					[...(operation.caveat ? [caveatNotice(operation.caveat)] : []), ...operation.properties],
				),
			);
		}
	}
	return properties;
}

/**
 * The canvas subtitle: "Pinterest: Publish Pin" rather than the raw values "pinterest: publishPin". An
 * expression the editor evaluates, so it carries its own table of names; unknown pairs (an expression in
 * Resource or Operation) show as they are.
 */
export function nodeSubtitle(resources: ResourceDefinition[] = RESOURCES): string {
	const names: Record<string, string> = {};
	for (const resource of resources) {
		for (const operation of resource.operations) {
			names[`${resource.value}:${operation.value}`] = `${resource.name}: ${operation.name}`;
		}
	}
	const key = '$parameter["resource"] + ":" + $parameter["operation"]';
	const raw = '$parameter["resource"] + ": " + $parameter["operation"]';
	// Spaces keep the object's closing brace apart from the expression's "}}".
	return `={{ (${JSON.stringify(names)})[${key}] || (${raw}) }}`;
}

export function findOperation(resource: string, operation: string): OperationDefinition | undefined {
	return RESOURCES.find((entry) => entry.value === resource)?.operations.find((entry) => entry.value === operation);
}
