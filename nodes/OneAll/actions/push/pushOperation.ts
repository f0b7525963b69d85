import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { Fail } from '../../helpers/fail';
import { failFor } from '../../helpers/fail';
import { asCollection, idText, optionFlag } from '../../helpers/validation';
import { apiPath, idSegment } from '../../transport/path';
import { readLocator } from '../common/locators';
import { NETWORK_NAMES, type Network } from '../common/networks';
import { nodeParameter } from '../common/parameters';
import type { OperationDefinition, RequestDescription, ResourceDefinition } from '../operation';
import { pullOperation } from '../pull/pullOperation';
import type { PullSpec } from '../pull/spec';
import { pullOf, readAlreadyPublishedCheck, SKIP_IF_PUBLISHED, type AlreadyPublishedCheck } from './alreadyPublished';
import { buildPushBody } from './body';
import { pushProperties } from './properties';
import { isPathField, VERBS, verbOf, type PushField, type PushSpec } from './spec';

/** Every `{param}` of a spec's path must be one of its path fields, and the other way round. */
function checkSpec(spec: PushSpec): void {
	const placeholders = [...spec.path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
	const pathParams = spec.fields
		.filter(isPathField)
		.map((field) => field.param)
		.sort();
	if (placeholders.join() !== pathParams.join()) {
		throw new Error(`Push spec ${spec.network}.${spec.operation}: path ${spec.path} does not match its path fields`);
	}
	if (verbOf(spec) === 'delete' && spec.fields.some((field) => !isPathField(field))) {
		throw new Error(`Push spec ${spec.network}.${spec.operation}: a delete has only path fields`);
	}
	if (spec.alreadyPublishedRead) {
		const pull = pullOf(spec);
		const locators = new Set(spec.fields.filter((field) => field.kind === 'locator').map((field) => field.param));
		if (!pull || verbOf(spec) !== 'push' || pull.pathLocators.some(({ param }) => !locators.has(param))) {
			throw new Error(`Push spec ${spec.network}.${spec.operation}: its alreadyPublishedRead names no read of its target`);
		}
	}
}

/** The item's "Skip If Already Published" check: the read's path from the push's own pickers. */
function checkOf(
	this: IExecuteFunctions,
	spec: PushSpec,
	itemIndex: number,
	identity: string,
	body: IDataObject,
	options: Record<string, unknown>,
	fail: Fail,
): AlreadyPublishedCheck | undefined {
	const pull = pullOf(spec);
	if (!pull || !spec.alreadyPublishedRead || !optionFlag(options, SKIP_IF_PUBLISHED, 'Skip If Already Published', fail)) {
		return undefined;
	}
	// The read has the page or company in its path: checked as a path segment only when the option is on.
	const segments: Record<string, string> = { identity };
	for (const { param, locator } of pull.pathLocators) {
		segments[param] = readLocator(this, itemIndex, locator, fail, { parameter: param });
	}
	const push = ((body.push ?? {}) as IDataObject)[spec.object] as IDataObject;
	return readAlreadyPublishedCheck(spec.alreadyPublishedRead, pull, segments, push, options, fail);
}

/** An object id typed or mapped into a text field (`{{ $json.pin_id }}`), checked as a path segment. */
function readPathId(field: Extract<PushField, { kind: 'pathId' }>, value: unknown, fail: Fail): string {
	const label = `"${field.label}"`;
	if (!field.dotted) return idSegment(value, label, fail);
	// Dots only between parts, so "." and ".." (path traversal) can never be an id.
	const checked = idText(value, label, fail);
	const text = typeof checked === 'string' ? checked.trim() : '';
	return text
		.split('.')
		.map((part) => idSegment(part, label, fail))
		.join('.');
}

/**
 * One push, update or delete (docs/oneall-api.md §4, §5): a POST of `{"request":{"push":{…}}}` to
 * `/push/identities/<identity>/<path>`, a PUT of `{"request":{"update":{…}}}` or a DELETE without a body
 * to `/update/identities/<identity>/<path>`. Ids in the path come from pickers or text fields, each
 * validated and encoded.
 */
export function pushOperation(spec: PushSpec): OperationDefinition & { spec: PushSpec } {
	checkSpec(spec);
	const verb = VERBS[verbOf(spec)];
	const locatorParams = new Set(spec.fields.filter((field) => field.kind === 'locator').map((field) => field.param));

	function prepare(this: IExecuteFunctions, itemIndex: number): RequestDescription {
		const fail = failFor(this.getNode(), itemIndex);
		const segments: Record<string, string> = {
			identity: readLocator(this, itemIndex, 'identity', fail),
		};
		const ids: IDataObject = {};
		for (const field of spec.fields) {
			if (field.kind === 'locator' && field.at === 'path') {
				segments[field.param] = readLocator(this, itemIndex, field.locator, fail, { parameter: field.param });
			} else if (field.kind === 'pathId') {
				segments[field.param] = readPathId(field, nodeParameter(this, field.param, itemIndex, ''), fail);
			} else continue;
			ids[field.key] = segments[field.param];
		}
		const path = apiPath(`/${verb.api}/identities/{identity}/${spec.path}`, segments);
		if (verbOf(spec) === 'delete') {
			return {
				method: verb.method,
				path,
				intent: verb.intent,
				output: { kind: 'deleted', ids },
			};
		}
		const options = asCollection(nodeParameter(this, 'options', itemIndex, {}), 'Options', fail);
		const body = buildPushBody(
			spec,
			{
				get: (param) => nodeParameter(this, param, itemIndex, '', { extractValue: locatorParams.has(param) }),
				additionalFields: asCollection(
					nodeParameter(this, 'additionalFields', itemIndex, {}),
					'Additional Fields',
					fail,
				),
				options,
			},
			fail,
		);
		// The identity used, on every output: a later update or delete of this post needs it.
		const identity = segments.identity;
		const alreadyPublished = checkOf.call(this, spec, itemIndex, identity, body, options, fail);
		return {
			method: verb.method,
			path,
			body,
			intent: verb.intent,
			finish: (result) => ({ ...result, identity_token: identity }),
			...(alreadyPublished ? { alreadyPublished } : {}),
		};
	}

	return {
		value: spec.operation,
		name: spec.name,
		action: spec.action,
		description: spec.description,
		properties: pushProperties(spec),
		...(spec.caveat ? { caveat: spec.caveat } : {}),
		prepare,
		spec,
	};
}

/** A network's resource: one operation per spec row (publish, update, delete), then its Pull API reads. */
export function pushResource(
	network: Network,
	specs: PushSpec[],
	pulls: PullSpec[] = [],
): ResourceDefinition & {
	network: Network;
	specs: PushSpec[];
	pulls: PullSpec[];
} {
	return {
		value: network,
		name: NETWORK_NAMES[network],
		hint: `What to ${specs.length > 0 ? 'publish, change or read' : 'read'} on ${NETWORK_NAMES[network]}`,
		operations: [...specs.map(pushOperation), ...pulls.map(pullOperation)],
		network,
		specs,
		pulls,
	};
}
