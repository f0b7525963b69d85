import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { isSafeObjectProperty } from 'n8n-workflow';

import { failFor } from '../../helpers/fail';
import { asBodyId, asCollection, asWholeNumber, isEmpty, parseJsonObject } from '../../helpers/validation';
import { apiPath, idSegment } from '../../transport/path';
import { BATCHING_OPTIONS } from '../common/batching';
import { identityProperty, locatorProperty, readLocator } from '../common/locators';
import type { OperationDefinition, RequestDescription } from '../operation';
import { checkPullSpec, offersReturnAll, type PullSpec } from './spec';
import { nodeParameter } from '../common/parameters';

const EXTRA_QUERY = 'extraQuery';

function pullProperties(spec: PullSpec): INodeProperties[] {
	const returnAll = offersReturnAll(spec);
	const properties: INodeProperties[] = [
		identityProperty(spec.network),
		...spec.pathLocators.map(({ param, locator }) => locatorProperty(locator, { name: param })),
		...(spec.idFields ?? []).map(
			(field): INodeProperties => ({
				displayName: field.label,
				name: field.param,
				type: 'string',
				required: true,
				default: '',
				description: field.hint,
			}),
		),
	];
	if (returnAll) {
		properties.push({
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
		});
	}
	if (!spec.single) properties.push({
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
		...(returnAll ? { displayOptions: { show: { returnAll: [false] } } } : {}),
	});
	const filters: INodeProperties[] = (spec.filters ?? []).map((filter) => ({
		displayName: filter.label,
		name: filter.param,
		type: 'string',
		default: '',
		description: filter.hint,
	}));
	const options: INodeProperties[] = [
		...BATCHING_OPTIONS,
		...filters,
		{
			displayName: 'Extra Query Parameters (JSON)',
			name: EXTRA_QUERY,
			type: 'json',
			default: '{}',
			description:
				'Query parameters OneAll supports that the node doesn\'t model (this list\'s parameters are undocumented), e.g. {"limit_own_posts": 1}',
		},
	];
	properties.push({
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: options.sort((a, b) => a.displayName.localeCompare(b.displayName)),
	});
	return properties;
}

/** A Get Many of a Pull API list: one output item per entry, exactly as OneAll returns it. */
export function pullOperation(spec: PullSpec): OperationDefinition & { pull: PullSpec } {
	checkPullSpec(spec);
	function prepare(this: IExecuteFunctions, itemIndex: number): RequestDescription {
		const fail = failFor(this.getNode(), itemIndex);
		const segments: Record<string, string> = {
			identity: readLocator(this, itemIndex, 'identity', fail),
		};
		for (const { param, locator } of spec.pathLocators) {
			segments[param] = readLocator(this, itemIndex, locator, fail, {
				parameter: param,
			});
		}
		const ids: IDataObject = {};
		for (const field of spec.idFields ?? []) {
			const value = nodeParameter(this, field.param, itemIndex, '');
			if (field.at === 'path') segments[field.param] = idSegment(value, `"${field.label}"`, fail);
			else ids[field.key] = asBodyId(value, `"${field.label}"`, fail);
		}
		const all = offersReturnAll(spec) && nodeParameter(this, 'returnAll', itemIndex, false) === true;
		const limit =
			all || spec.single ? undefined : asWholeNumber(nodeParameter(this, 'limit', itemIndex, 50), '"Limit"', 1, fail);
		const options = asCollection(nodeParameter(this, 'options', itemIndex, {}), 'Options', fail);
		const query: IDataObject = {};
		for (const [key, value] of Object.entries(
			parseJsonObject(options[EXTRA_QUERY], '"Extra Query Parameters (JSON)"', fail),
		)) {
			if (!isSafeObjectProperty(key)) fail(`"Extra Query Parameters (JSON)" may not use the key "${key}"`);
			if (value !== null && typeof value === 'object')
				fail(`"Extra Query Parameters (JSON)": "${key}" must be text, a number or a boolean`);
			query[key] = value as string | number | boolean;
		}
		for (const filter of spec.filters ?? []) {
			const value = options[filter.param];
			if (!isEmpty(value)) query[filter.key] = asBodyId(value, `"${filter.label}"`, fail);
		}
		// The required ids win over an extra query parameter of the same name.
		Object.assign(query, ids);
		return {
			method: 'GET',
			path: apiPath(`/pull/identities/{identity}/${spec.path}`, segments),
			query,
			intent: 'read',
			output: spec.single
				? { kind: 'data' }
				: { kind: 'pulled', collection: spec.collection, limit, paging: spec.paging },
		};
	}

	return {
		value: spec.operation,
		name: spec.name,
		action: spec.action,
		description: spec.description,
		properties: pullProperties(spec),
		...(spec.caveat ? { caveat: spec.caveat } : {}),
		prepare,
		pull: spec,
	};
}
