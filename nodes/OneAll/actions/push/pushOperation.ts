import type { IExecuteFunctions } from 'n8n-workflow';

import { failFor } from '../../helpers/fail';
import { asCollection } from '../../helpers/validation';
import { apiPath } from '../../transport/path';
import { readLocator } from '../common/locators';
import { NETWORK_NAMES, type Network } from '../common/networks';
import type { OperationDefinition, RequestDescription, ResourceDefinition } from '../operation';
import { buildPushBody } from './body';
import { pushProperties } from './properties';
import { isPathField, type PushSpec } from './spec';

/** Every `{param}` of a spec's path must be one of its path locator fields, and the other way round. */
function checkSpec(spec: PushSpec): void {
	const placeholders = [...spec.path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
	const pathParams = spec.fields.filter(isPathField).map((field) => field.param).sort();
	if (placeholders.join() !== pathParams.join()) {
		throw new Error(`Push spec ${spec.network}.${spec.operation}: path ${spec.path} does not match its path fields`);
	}
}

/** One push: a POST of `{"request":{"push":{"<object>":{…}}}}` to `/push/identities/<identity>/<path>`. */
export function pushOperation(spec: PushSpec): OperationDefinition & { spec: PushSpec } {
	checkSpec(spec);
	const locatorParams = new Set(spec.fields.filter((field) => field.kind === 'locator').map((field) => field.param));

	function prepare(this: IExecuteFunctions, itemIndex: number): RequestDescription {
		const fail = failFor(this.getNode(), itemIndex);
		const segments: Record<string, string> = { identity: readLocator(this, itemIndex, 'identity', fail) };
		for (const field of spec.fields) {
			if (field.kind === 'locator' && field.at === 'path') {
				segments[field.param] = readLocator(this, itemIndex, field.locator, fail, { parameter: field.param });
			}
		}
		const body = buildPushBody(
			spec,
			{
				get: (param) => this.getNodeParameter(param, itemIndex, '', { extractValue: locatorParams.has(param) }),
				additionalFields: asCollection(this.getNodeParameter('additionalFields', itemIndex, {}), 'Additional Fields', fail),
				options: asCollection(this.getNodeParameter('options', itemIndex, {}), 'Options', fail),
			},
			fail,
		);
		return {
			method: 'POST',
			path: apiPath(`/push/identities/{identity}/${spec.path}`, segments),
			body,
			intent: 'write',
		};
	}

	return {
		value: spec.operation,
		name: spec.name,
		action: spec.action,
		description: spec.description,
		properties: pushProperties(spec),
		prepare,
		spec,
	};
}

/** A network's resource: one operation per spec row. */
export function pushResource(network: Network, specs: PushSpec[]): ResourceDefinition & { network: Network; specs: PushSpec[] } {
	return {
		value: network,
		name: NETWORK_NAMES[network],
		hint: `What to publish on ${NETWORK_NAMES[network]}`,
		operations: specs.map(pushOperation),
		network,
		specs,
	};
}
