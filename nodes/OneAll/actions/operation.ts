import type { IDataObject, IExecuteFunctions, IHttpRequestMethods, INodeProperties } from 'n8n-workflow';

/**
 * What a request does to OneAll, which decides whether it may be sent again after a lost answer
 * (transport/retryPolicy.ts): reads may; writes (pushes) never once they may have landed; deletes
 * are treated as writes.
 */
export type RequestIntent = 'read' | 'write' | 'delete';

/** What an item outputs from OneAll's answer. */
export type OutputShape =
	/** `response.result.data` (the default). */
	| { kind: 'data' }
	/** Every entry of the list `result.data.<collection>`, walking OneAll's pages up to `limit`. */
	| { kind: 'list'; collection: string; limit?: number }
	/** OneAll's whole `response` (Custom API Call → Full Response). */
	| { kind: 'response' };

/**
 * A checked request: everything the router needs to send it. Operations build one per item
 * without sending anything; the router sends them with the execution's pacer and timeout.
 */
export interface RequestDescription {
	method: IHttpRequestMethods;
	/** Built with `apiPath()`, so every segment is validated and encoded. */
	path: string;
	query?: IDataObject;
	/** What goes inside OneAll's `{"request": …}` envelope. */
	body?: IDataObject;
	/** `body` already is the whole JSON body (Custom API Call). */
	bodyIsEnvelope?: boolean;
	intent: RequestIntent;
	output?: OutputShape;
	/** Keep provider tokens and secrets in the output (Include Access Tokens). Off: redacted. */
	keepSecrets?: boolean;
}

export type OperationResult = IDataObject | IDataObject[];

/** One entry of a resource's Operation dropdown, with its fields and how it prepares an item. */
export interface OperationDefinition {
	value: string;
	name: string;
	/** The action list's sentence; n8n also makes it the AI tool's name. */
	action: string;
	/** When to use the operation; shown in the dropdown and to AI agents. */
	description: string;
	/** The operation's fields; the registry adds the display options. */
	properties: INodeProperties[];
	/** Reads and checks one item's parameters; throws NodeOperationError on bad input. Sends nothing. */
	prepare(this: IExecuteFunctions, itemIndex: number): RequestDescription | Promise<RequestDescription>;
}

export interface ResourceDefinition {
	value: string;
	name: string;
	/** Description of the resource's Operation dropdown. */
	hint?: string;
	operations: OperationDefinition[];
}
