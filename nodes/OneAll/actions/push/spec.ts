import type { INodePropertyOptions } from 'n8n-workflow';

import type { LengthCounter } from '../../helpers/validation';
import type { ObjectLocatorKind } from '../common/locators';
import type { Network } from '../common/networks';
import type { Caveat, Certainty } from '../operation';
import type { AlreadyPublishedRead } from './alreadyPublished';

/**
 * What a spec row does to a network: publish (Push API, docs/oneall-api.md §4), replace fields or
 * delete (Update API, docs/oneall-api.md §5). One mechanism for all three: a row of a spec table.
 */
export type SpecVerb = 'push' | 'update' | 'delete';

export const VERBS = {
	push: { method: 'POST', api: 'push', envelope: 'push', intent: 'write' },
	update: { method: 'PUT', api: 'update', envelope: 'update', intent: 'update' },
	delete: { method: 'DELETE', api: 'update', envelope: 'update', intent: 'delete' },
} as const;

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
	/** A position or count: a whole number, 0 or more (a fraction or -1 would reach the network). */
	| (FieldBase & { kind: 'number' })
	| (FieldBase & { kind: 'options'; options: INodePropertyOptions[]; default: string })
	/** Comma-separated ids sent as an array of strings. */
	| (FieldBase & { kind: 'idList'; maxItems?: number })
	/**
	 * An id picked with a resource locator. `at: 'path'` fills the `{<param>}` placeholder of the
	 * spec's path (board, playlist; `key` unused); `at: 'body'` sends it under `key` (page, company).
	 */
	| (FieldBase & { kind: 'locator'; locator: ObjectLocatorKind; at: 'path' | 'body' })
	/**
	 * The id of a published object (pin, post, tweet) in a text field, usually an expression on the
	 * publish output (`{{ $json.pin_id }}`); it fills the `{<param>}` placeholder of the path. `dotted`:
	 * the id may hold dots between its parts (YouTube channel section ids).
	 */
	| (FieldBase & { kind: 'pathId'; dotted?: boolean });

export interface PushSpec {
	/** Default `push`. */
	verb?: SpecVerb;
	network: Network;
	operation: string;
	name: string;
	/** Sentence shown in the node's action list; also the AI tool's name. */
	action: string;
	description: string;
	certainty: Certainty;
	/**
	 * Path below `/push/identities/{identity}/` (pushes) or `/update/identities/{identity}/` (updates,
	 * deletes); each `{param}` is a path field (a locator with `at: 'path'`, or a `pathId`).
	 */
	path: string;
	/** Body root: `{"request":{"push"|"update":{"<object>":{…}}}}`; a delete sends no body and names its output ids after it. */
	object: string;
	fields: PushField[];
	/** Documented rules across fields, checked on the finished push object. */
	check?: (push: Record<string, unknown>) => string | undefined;
	/** OneAll processes the upload later and reports to `callback_url`. */
	asynchronous?: boolean;
	/** Retired or restricted (actions/common/caveats.ts): a notice, and the likely reason on errors. */
	caveat?: Caveat;
	/** The Pull API read of the target: offers "Skip If Already Published" (actions/push/alreadyPublished.ts). */
	alreadyPublishedRead?: AlreadyPublishedRead;
}

export function isTopField(field: PushField): boolean {
	return field.required === true || field.primary === true;
}

export function isPathField(field: PushField): boolean {
	return (field.kind === 'locator' && field.at === 'path') || field.kind === 'pathId';
}

export function verbOf(spec: PushSpec): SpecVerb {
	return spec.verb ?? 'push';
}
