import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { failFor, type Fail } from '../../helpers/fail';
import { asCollection, optionFlag, parseJsonObject } from '../../helpers/validation';
import { INCLUDE_ACCESS_TOKENS } from '../account/shared';
import { BATCHING_OPTIONS } from '../common/batching';
import type { RequestDescription, ResourceDefinition } from '../operation';
import { nodeParameter } from '../common/parameters';

const properties: INodeProperties[] = [
	{
		displayName: 'Method',
		name: 'method',
		type: 'options',
		options: [
			{ name: 'DELETE', value: 'DELETE' },
			{ name: 'GET', value: 'GET' },
			{ name: 'POST', value: 'POST' },
			{ name: 'PUT', value: 'PUT' },
		],
		default: 'GET',
		description: 'HTTP method of the call',
	},
	{
		displayName: 'Path',
		name: 'path',
		type: 'string',
		required: true,
		default: '',
		placeholder: '/sharing/messages.json',
		description:
			"Path below your site's API URL, starting with / as in OneAll's API docs. Letters, digits and - _ . ~ only.",
	},
	{
		displayName: 'Query Parameters',
		name: 'queryParameters',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Parameter',
		default: {},
		options: [
			{
				displayName: 'Parameter',
				name: 'parameters',
				values: [
					{ displayName: 'Name', name: 'name', type: 'string', default: '' },
					{ displayName: 'Value', name: 'value', type: 'string', default: '' },
				],
			},
		],
	},
	{
		displayName: 'Body (JSON)',
		name: 'body',
		type: 'json',
		default: '{}',
		displayOptions: { show: { method: ['POST', 'PUT'] } },
		description:
			'The JSON body. OneAll wraps everything in {"request": …}; if your JSON has no "request" root the node adds it.',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			...BATCHING_OPTIONS,
			{
				displayName: 'Full Response',
				name: 'fullResponse',
				type: 'boolean',
				default: false,
				description: "Whether to output OneAll's whole response instead of only response.result.data",
			},
			INCLUDE_ACCESS_TOKENS,
		],
	},
];

const SEGMENT = /^[A-Za-z0-9_.~-]+$/;

export function checkCustomPath(value: unknown, fail: Fail): string {
	const path = typeof value === 'string' ? value.trim() : '';
	if (!path.startsWith('/')) fail('"Path" must start with /, e.g. /shorturls.json');
	const segments = path.slice(1).split('/');
	for (const segment of segments) {
		if (!SEGMENT.test(segment) || segment === '.' || segment === '..') {
			fail(
				`"Path" has an invalid part "${segment.slice(0, 60)}"`,
				'Use letters, digits and - _ . ~ between the slashes; put query parameters in "Query Parameters".',
			);
		}
	}
	return path;
}

const METHODS = ['GET', 'POST', 'PUT', 'DELETE'] as const;
type Method = (typeof METHODS)[number];

export function checkMethod(value: unknown, fail: Fail): Method {
	const method = typeof value === 'string' ? value.trim().toUpperCase() : '';
	return (METHODS as readonly string[]).includes(method)
		? (method as Method)
		: fail(`"Method" must be one of ${METHODS.join(', ')}`);
}

function queryFrom(pairs: unknown, fail: Fail): IDataObject {
	const query: IDataObject = {};
	for (const pair of Array.isArray(pairs) ? pairs : []) {
		const { name, value } = (pair ?? {}) as { name?: unknown; value?: unknown };
		if (name === undefined || name === '') continue;
		const isText = (v: unknown) => ['string', 'number', 'boolean'].includes(typeof v);
		if (!isText(name) || !(value === undefined || value === null || isText(value))) {
			fail('"Query Parameters": each Name and Value must be text');
		}
		query[String(name)] = value === undefined || value === null ? '' : String(value);
	}
	return query;
}

function bodyFrom(value: unknown, fail: Fail): IDataObject {
	const json = parseJsonObject(value, '"Body (JSON)"', fail) as IDataObject;
	if (!Object.prototype.hasOwnProperty.call(json, 'request')) return { request: json };
	const request = json.request;
	if (Object.keys(json).length !== 1 || typeof request !== 'object' || request === null || Array.isArray(request)) {
		fail('"Body (JSON)" with a "request" root must have nothing else at the top level, and "request" must be an object');
	}
	return json;
}

function prepare(this: IExecuteFunctions, itemIndex: number): RequestDescription {
	const fail = failFor(this.getNode(), itemIndex);
	const method = checkMethod(nodeParameter(this, 'method', itemIndex), fail);
	const path = checkCustomPath(nodeParameter(this, 'path', itemIndex), fail);
	const query = queryFrom(nodeParameter(this, 'queryParameters.parameters', itemIndex, []), fail);
	const options = asCollection(nodeParameter(this, 'options', itemIndex, {}), 'Options', fail);
	const sendsBody = method === 'POST' || method === 'PUT';
	return {
		method,
		path,
		query,
		...(sendsBody ? { body: bodyFrom(nodeParameter(this, 'body', itemIndex, '{}'), fail), bodyIsEnvelope: true } : {}),
		intent: method === 'GET' ? 'read' : method === 'DELETE' ? 'delete' : 'write',
		output: optionFlag(options, 'fullResponse', 'Full Response', fail) ? { kind: 'response' } : { kind: 'data', dataOptional: true },
		keepSecrets: optionFlag(options, 'includeAccessTokens', 'Include Access Tokens', fail),
	};
}

/** Any OneAll endpoint the node doesn't model, with the credential's authentication. */
export const customApiCallResource: ResourceDefinition = {
	value: 'customApiCall',
	name: 'Custom API Call',
	operations: [
		{
			value: 'call',
			name: 'Make a Call',
			action: 'Make a custom API call',
			description: "Call any OneAll endpoint the node doesn't model yet, with the credential's authentication",
			properties,
			prepare,
		},
	],
};
