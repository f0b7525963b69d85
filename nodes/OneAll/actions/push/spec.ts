import type { INodePropertyOptions } from 'n8n-workflow';

import type { LengthCounter } from '../../helpers/validation';
import type { ObjectLocatorKind } from '../common/locators';
import type { Network } from '../common/networks';

/** How well OneAll's body for an endpoint is known (docs/oneall-api.md §1.1). */
export type Certainty = 'seed-page' | 'docs' | 'sdk' | 'guess';

interface FieldBase {
	/** Key inside `push.<object>`; dots nest (`section.title`). The one place a body key is written. */
	key: string;
	/** n8n parameter name. */
	param: string;
	label: string;
	hint: string;
	required?: boolean;
	/** Optional, but shown at the top rather than under "Additional Fields". */
	primary?: boolean;
	placeholder?: string;
}

export type PushField =
	| (FieldBase & { kind: 'text'; maxLength?: number; counter?: LengthCounter; rows?: number })
	| (FieldBase & { kind: 'url' })
	| (FieldBase & { kind: 'boolean'; default: boolean })
	| (FieldBase & { kind: 'number' })
	| (FieldBase & { kind: 'options'; options: INodePropertyOptions[]; default: string })
	/** Comma-separated ids sent as an array of strings. */
	| (FieldBase & { kind: 'idList'; maxItems?: number })
	/**
	 * An id picked with a resource locator. `at: 'path'` fills the `{<param>}` placeholder of the
	 * spec's path (board, playlist; `key` unused); `at: 'body'` sends it under `key` (page, company).
	 */
	| (FieldBase & { kind: 'locator'; locator: ObjectLocatorKind; at: 'path' | 'body' });

export interface PushSpec {
	network: Network;
	operation: string;
	name: string;
	/** Sentence shown in the node's action list; also the AI tool's name. */
	action: string;
	description: string;
	certainty: Certainty;
	/** Path below `/push/identities/{identity}/`; each `{param}` is a locator field with `at: 'path'`. */
	path: string;
	/** Body root: `{"request":{"push":{"<object>":{…}}}}`. */
	object: string;
	fields: PushField[];
	/** Documented rules across fields, checked on the finished push object. */
	check?: (push: Record<string, unknown>) => string | undefined;
	/** OneAll processes the upload later and reports to `callback_url`. */
	asynchronous?: boolean;
}

export function isTopField(field: PushField): boolean {
	return field.required === true || field.primary === true;
}

export function isPathField(field: PushField): boolean {
	return field.kind === 'locator' && field.at === 'path';
}
