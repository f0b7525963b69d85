import type { INodePropertyOptions } from 'n8n-workflow';

import type { LengthCounter } from '../../helpers/validation';
import type { ObjectLocatorKind } from '../common/locators';
import type { Network } from '../common/networks';

/** How well OneAll's body for an endpoint is known (see docs/oneall-api.md in the README). */
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
	/** An id picked with a resource locator (page, group, company) that goes into the body. */
	| (FieldBase & { kind: 'locator'; locator: ObjectLocatorKind });

export interface PushSpec {
	network: Network;
	operation: string;
	name: string;
	/** Sentence shown in the node's action list; also the AI tool's name. */
	action: string;
	description: string;
	certainty: Certainty;
	/** Path below `/push/identities/{identity}/`; `{board}` / `{playlist}` come from locators. */
	path: string;
	pathLocators?: ObjectLocatorKind[];
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
