import type { IDataObject } from 'n8n-workflow';
import { isSafeObjectProperty } from 'n8n-workflow';

import type { Fail } from '../../helpers/fail';
import {
	asBodyId,
	asBoolean,
	asIdList,
	asOption,
	asText,
	asWholeNumber,
	checkLength,
	checkUrl,
	isEmpty,
	optionFlag,
	parseJsonObject,
} from '../../helpers/validation';
import { isPathField, isTopField, VERBS, verbOf, type PushField, type PushSpec } from './spec';

/** Where the values of one item come from; keeps body building independent of n8n's context. */
export interface PushInput {
	/** Top-level parameter value (locators already reduced to their value). */
	get(param: string): unknown;
	additionalFields: Record<string, unknown>;
	options: Record<string, unknown>;
}

/** Turns one parameter value into what OneAll expects, or fails naming the field. */
function convert(field: PushField, value: unknown, skipLengthChecks: boolean, fail: Fail): unknown {
	const label = `"${field.label}"`;
	switch (field.kind) {
		case 'text': {
			const text = asText(value, label, fail);
			if (field.maxLength && !skipLengthChecks) {
				checkLength(text, label, field.maxLength, field.counter ?? 'characters', fail);
			}
			return text;
		}
		case 'url':
			return checkUrl(asText(value, label, fail).trim(), label, fail);
		case 'boolean':
			return asBoolean(value, label, fail);
		case 'number':
			return asWholeNumber(value, label, 0, fail);
		case 'options':
			return asOption(value, label, field.options.map((option) => String(option.value)), fail);
		case 'idList':
			return asIdList(value, label, fail, field.maxItems);
		case 'locator':
		case 'pathId':
			return asBodyId(value, label, fail);
	}
}

function setPath(target: Record<string, unknown>, dottedKey: string, value: unknown): void {
	const keys = dottedKey.split('.');
	let node = target;
	for (const key of keys.slice(0, -1)) {
		if (typeof node[key] !== 'object' || node[key] === null) node[key] = {};
		node = node[key] as Record<string, unknown>;
	}
	node[keys[keys.length - 1]] = value;
}

/**
 * The content of OneAll's `request` envelope for one push or update: `{ push|update: { <object>: {…} } }`
 * (docs/oneall-api.md §4, §5).
 */
export function buildPushBody(spec: PushSpec, input: PushInput, fail: Fail): IDataObject {
	const skipLengthChecks = optionFlag(input.options, 'skipLengthChecks', 'Skip Length Checks', fail);
	const push: Record<string, unknown> = {};
	for (const field of spec.fields) {
		if (isPathField(field)) continue;
		const value = isTopField(field) ? input.get(field.param) : input.additionalFields[field.param];
		if (isEmpty(value)) {
			if (field.required) fail(`"${field.label}" is required`);
			continue;
		}
		const converted = convert(field, value, skipLengthChecks, fail);
		if (Array.isArray(converted) && converted.length === 0) continue;
		setPath(push, field.key, converted);
	}
	const extra = parseJsonObject(input.options.extraBodyFields, '"Extra Body Fields (JSON)"', fail);
	for (const [key, value] of Object.entries(extra)) {
		if (!isSafeObjectProperty(key)) fail(`"Extra Body Fields (JSON)" may not use the key "${key}"`);
		push[key] = value;
	}
	const problem = spec.check?.(push);
	if (problem) fail(problem);
	return { [VERBS[verbOf(spec)].envelope]: { [spec.object]: push } } as IDataObject;
}
