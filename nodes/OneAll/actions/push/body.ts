import type { IDataObject } from 'n8n-workflow';
import { isSafeObjectProperty } from 'n8n-workflow';

import type { Fail } from '../../helpers/fail';
import { checkLength, checkUrl, parseJsonObject } from '../../helpers/validation';
import { isTopField, type PushField, type PushSpec } from './spec';

/** Where the values of one item come from; keeps body building independent of n8n's context. */
export interface PushInput {
	/** Top-level parameter value (locators already reduced to their value). */
	get(param: string): unknown;
	additionalFields: IDataObject;
	options: IDataObject;
}

const BODY_ID = /^\S{1,256}$/;

function isEmpty(value: unknown): boolean {
	return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

function asString(value: unknown, label: string, fail: Fail): string {
	if (typeof value === 'string') return value;
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	return fail(`${label} must be text, got ${Array.isArray(value) ? 'a list' : typeof value}`);
}

function idList(value: unknown, label: string, fail: Fail, maxItems?: number): string[] {
	const parts: unknown[] = Array.isArray(value) ? value : asString(value, label, fail).split(/[\s,]+/);
	const ids = parts.map((part) => asString(part, label, fail).trim()).filter((id) => id !== '');
	for (const id of ids) {
		if (!BODY_ID.test(id)) fail(`${label} contains an invalid id "${id.slice(0, 60)}"`);
	}
	if (maxItems !== undefined && ids.length > maxItems) {
		fail(`${label} has ${ids.length} ids; at most ${maxItems} are allowed`);
	}
	return ids;
}

/** Turns one parameter value into what OneAll expects, or fails naming the field. */
function convert(field: PushField, value: unknown, skipLengthChecks: boolean, fail: Fail): unknown {
	const label = `"${field.label}"`;
	switch (field.kind) {
		case 'text': {
			const text = asString(value, label, fail);
			if (field.maxLength && !skipLengthChecks) {
				checkLength(text, label, field.maxLength, field.counter ?? 'characters', fail);
			}
			return text;
		}
		case 'url':
			return checkUrl(asString(value, label, fail).trim(), label, fail);
		case 'boolean':
			return typeof value === 'boolean' ? value : fail(`${label} must be true or false`);
		case 'number': {
			const number = typeof value === 'string' ? Number(value) : value;
			return typeof number === 'number' && Number.isFinite(number) ? number : fail(`${label} must be a number`);
		}
		case 'options': {
			const text = asString(value, label, fail);
			if (!field.options.some((option) => option.value === text)) {
				fail(`${label} must be one of: ${field.options.map((option) => String(option.value)).join(', ')}`);
			}
			return text;
		}
		case 'idList':
			return idList(value, label, fail, field.maxItems);
		case 'locator': {
			const id = asString(value, label, fail).trim();
			return BODY_ID.test(id) ? id : fail(`${label} must be an id without spaces`);
		}
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

/** The content of OneAll's `request` envelope for one push: `{ push: { <object>: {…} } }`. */
export function buildPushBody(spec: PushSpec, input: PushInput, fail: Fail): IDataObject {
	const skipLengthChecks = input.options.skipLengthChecks === true;
	const push: Record<string, unknown> = {};
	for (const field of spec.fields) {
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
	return { push: { [spec.object]: push } } as IDataObject;
}
