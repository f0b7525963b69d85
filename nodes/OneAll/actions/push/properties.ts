import type { INodeProperties } from 'n8n-workflow';

import { BATCHING_OPTIONS } from '../common/batching';
import { alreadyPublishedOptions, pullOf } from './alreadyPublished';
import { identityProperty, locatorProperty } from '../common/locators';
import { isTopField, verbOf, type PushField, type PushSpec } from './spec';

function fieldProperty(field: PushField, inCollection: boolean): INodeProperties {
	const base = {
		displayName: field.label,
		name: field.param,
		description: field.hint,
		...(field.placeholder ? { placeholder: field.placeholder } : {}),
		...(field.required && !inCollection ? { required: true } : {}),
	};
	switch (field.kind) {
		case 'locator':
			return locatorProperty(field.locator, base);
		case 'boolean':
			return { ...base, type: 'boolean', default: field.default };
		case 'number':
			return { ...base, type: 'number', default: 0 };
		case 'options':
			return { ...base, type: 'options', options: field.options, default: field.default };
		case 'text':
			return {
				...base,
				type: 'string',
				default: '',
				...(field.rows ? { typeOptions: { rows: field.rows } } : {}),
			};
		case 'url':
			return { ...base, type: 'string', default: '', placeholder: field.placeholder ?? 'https://' };
		case 'idList':
		case 'pathId':
			return { ...base, type: 'string', default: '' };
	}
}

/** Required fields at the top, optional ones in "Additional Fields", then the escape hatches (not for deletes). */
export function pushProperties(spec: PushSpec): INodeProperties[] {
	const required = spec.fields.filter(isTopField);
	const optional = spec.fields.filter((field) => !isTopField(field));
	const properties: INodeProperties[] = [
		identityProperty(spec.network),
		...required.map((field) => fieldProperty(field, false)),
	];
	if (optional.length > 0) {
		properties.push({
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: optional
				.map((field) => fieldProperty(field, true))
				.sort((a, b) => a.displayName.localeCompare(b.displayName)),
		});
	}
	// A delete sends no body: only the batching options apply.
	const bodyOptions: INodeProperties[] = [
		{
			displayName: 'Extra Body Fields (JSON)',
			name: 'extraBodyFields',
			type: 'json',
			default: '{}',
			description: `Keys OneAll supports that the node doesn't model, merged into the "${spec.object}" object of the request (they win over the fields above)`,
		},
		{
			displayName: 'Skip Length Checks',
			name: 'skipLengthChecks',
			type: 'boolean',
			default: false,
			description: "Whether to send texts longer than the network's known limit and let the network decide",
		},
	];
	const pull = pullOf(spec);
	const checkOptions = pull ? alreadyPublishedOptions(`the ${pull.collection} already on the target (${pull.name})`) : [];
	const options = [...BATCHING_OPTIONS, ...(verbOf(spec) === 'delete' ? [] : bodyOptions), ...checkOptions];
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
