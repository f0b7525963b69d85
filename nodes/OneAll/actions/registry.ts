import type { INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { connectionResource } from './connection';
import { customApiCallResource } from './customApiCall';
import { facebookPushes } from './facebook/facebook.pushes';
import { identityResource } from './identity';
import { linkedinPushes } from './linkedin/linkedin.pushes';
import type { OperationDefinition, ResourceDefinition } from './operation';
import { pinterestPushes } from './pinterest/pinterest.pushes';
import { pushResource } from './push/pushOperation';
import { twitterPushes } from './twitter/twitter.pushes';
import { userResource } from './user';
import { youtubePushes } from './youtube/youtube.pushes';

export const PUSH_RESOURCES = [
	pushResource('facebook', facebookPushes),
	pushResource('linkedin', linkedinPushes),
	pushResource('pinterest', pinterestPushes),
	pushResource('twitter', twitterPushes),
	pushResource('youtube', youtubePushes),
];

/** Every resource of the node: its dropdowns, fields and the router's lookup all derive from this list. */
export const RESOURCES: ResourceDefinition[] = [
	...PUSH_RESOURCES,
	identityResource,
	userResource,
	connectionResource,
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
					operation.properties,
				),
			);
		}
	}
	return properties;
}

export function findOperation(resource: string, operation: string): OperationDefinition | undefined {
	return RESOURCES.find((entry) => entry.value === resource)?.operations.find((entry) => entry.value === operation);
}
