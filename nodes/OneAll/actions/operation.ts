import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	INodeProperties,
	NodeApiError,
	NodeOperationError,
} from 'n8n-workflow';

import type { AlreadyPublishedCheck } from './push/alreadyPublished';

/**
 * What a request does to OneAll, which decides whether it may be sent again after a lost answer
 * (transport/retryPolicy.ts): reads may; writes (pushes, account changes) never once they may have
 * landed; updates (a PUT replacing fields: same body, same result) and deletes may, and a delete that
 * answers 404 after a lost answer reports the object as deleted (README "Retries").
 */
export type RequestIntent = 'read' | 'write' | 'update' | 'delete';

/**
 * How a Pull API list is paged (docs/oneall-api.md §6: the SDK's parameters, undocumented by OneAll).
 * `size` names the page-size parameter (`num_posts`), `page` the page-number one; neither: one request.
 */
export interface PullPaging {
	size?: string;
	page?: string;
	/** Entries asked per page when walking pages (the SDK's default). */
	pageSize?: number;
}

/** What an item outputs from OneAll's answer. */
export type OutputShape =
	/**
	 * `response.result.data` (the default). `withStatus` adds OneAll's `request.status` as `status`, for
	 * answers whose status says something the data doesn't (201 "scheduled", 207 "one is pending"). A read
	 * (intent 'read') without `result.data` is an error unless `dataOptional` (a Custom API Call): then its
	 * output is OneAll's status.
	 */
	| { kind: 'data'; withStatus?: boolean; dataOptional?: boolean }
	/** Every entry of the list `result.data.<collection>`, walking OneAll's pages up to `limit`. */
	| { kind: 'list'; collection: string; limit?: number }
	/**
	 * Every entry of `result.data.entries`, one item each: answers whose list is `result.data` itself
	 * (`{count, entries}`, Twitter search). `what` names the entries in errors.
	 */
	| { kind: 'entries'; what: string }
	/** OneAll's whole `response` (Custom API Call → Full Response). */
	| { kind: 'response' }
	/** `{ deleted: true, …ids }` plus OneAll's data; says so when the object was already gone after a lost answer. */
	| { kind: 'deleted'; ids: IDataObject }
	/**
	 * A Pull API list (posts, pins, tweets, videos): `result.data.<collection>` as an array or as
	 * `{entries}`, one item per entry, pages walked as `paging` says up to `limit`.
	 */
	| { kind: 'pulled'; collection: string; limit?: number; paging: PullPaging };

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
	/**
	 * The complete body, built just before the request is sent (files: checked in prepare, read here, so
	 * a batch's files are not all in memory before the first request). May throw a NodeOperationError:
	 * then nothing of the item is sent.
	 */
	finishBody?: () => Promise<IDataObject>;
	intent: RequestIntent;
	output?: OutputShape;
	/** Keep provider tokens and secrets in the output (Include Access Tokens). Off: redacted. */
	keepSecrets?: boolean;
	/**
	 * Values of this request that must never reach an error or (unless `keepSecrets`) an output: a provider
	 * access token or a user's password in the body. The transport masks them wherever OneAll's answer or an
	 * error repeats them.
	 */
	secrets?: string[];
	/**
	 * OneAll error answers that are an outcome of this operation, not a failure (a lookup's 404 "no such
	 * user"): by HTTP status, the item's output instead of the error.
	 */
	outcomes?: Partial<Record<number, Outcome>>;
	/**
	 * A read that must be answered before this request can be completed (e.g. the networks of a user
	 * before a publish to all of them). The sender sends `read` first, paced and timed like every other
	 * request, then sends what `complete` returns. `complete` may throw a NodeOperationError: then
	 * nothing but the read was sent.
	 */
	resolve?: ResolveStep;
	/**
	 * Finishes the item's output from the shaped answer: adds what the node knows (the identity used), or
	 * throws a NodeApiError when the answer reports a failure OneAll did not flag (every network of a
	 * publish failed), or splits it into several output items (one per network). Runs on the answer as
	 * the re-run guard remembers it (provider tokens redacted unless kept), also on a re-run answered
	 * from memory: it derives everything from the answer.
	 */
	finish?: (result: IDataObject) => IDataObject | SplitOutput;
	/**
	 * Several writes for one item (one push per network), sent one after the other through the same
	 * pacer instead of this request. Each gives one output item (its `finish` shapes it); one that fails
	 * does not stop the others and becomes a failed part (SplitOutput). Everything is checked before.
	 */
	fanOut?: FanOut;
	/**
	 * Skip If Already Published: a write sent only after a read of its target shows no same post within
	 * the window; otherwise its answer is the skipped output (actions/push/alreadyPublished.ts).
	 */
	alreadyPublished?: AlreadyPublishedCheck;
}

export interface Outcome {
	output: IDataObject;
	/**
	 * OneAll also answers this status to wrong API keys (401): before the answer counts as the outcome, a
	 * ping checks the keys; when they are wrong, the ping's error is the item's error.
	 */
	confirmKeys?: boolean;
}

export interface FanOut {
	entries: Array<{ request: RequestDescription; about: IDataObject }>;
	/** The item's error when every entry failed (and the node does not continue on fail). */
	noneSucceeded(failed: OutputPart[]): NodeApiError | NodeOperationError;
}

/** One output item of an input item that gives several; `failure` marks a part that failed. */
export interface OutputPart {
	json: IDataObject;
	failure?: NodeApiError | NodeOperationError;
}

/**
 * Several output items from one input item (one per network of a publish), each paired with the input
 * item. Failed parts are routed like error items (error output, Continue On Fail); without either they
 * stay regular items that say they failed, unless every part failed: then the node fails with `allFailed`.
 */
export interface SplitOutput {
	split: OutputPart[];
	allFailed: NodeApiError | NodeOperationError;
}

export const isSplitOutput = (value: unknown): value is SplitOutput =>
	typeof value === 'object' && value !== null && Array.isArray((value as SplitOutput).split);

export interface ResolveStep {
	/** A read (intent 'read', output 'data'); its answer goes to `complete`, never to the output. */
	read: RequestDescription;
	/** The finished request, built from OneAll's `result.data` of the read. */
	complete(answer: IDataObject): RequestDescription;
}

/**
 * Something OneAll or the network retired or restricts for an operation (actions/common/caveats.ts):
 * a notice on the panel, and the likely reason added to OneAll's errors.
 */
export interface Caveat {
	/** A few words for the README's operations table. */
	label: string;
	/** Shown as a notice above the operation's fields (plain text: the editor renders it as HTML). */
	notice: string;
	/** Added to the description of OneAll's error for this operation. */
	onError: string;
	/** Only errors with this HTTP code get `onError` (404: the endpoint is gone); default: every OneAll error. */
	status?: number;
}

/** How well OneAll's body for an endpoint is known (docs/oneall-api.md §1.1). */
export type Certainty = 'seed-page' | 'docs' | 'sdk' | 'guess';

/** What the README's operations table says about an operation that is not a push spec row. */
export interface OperationDocs {
	/** e.g. "POST /sharing/messages.json". */
	request: string;
	/** The body's keys in a few words, e.g. "sharing_message{publish_for_user{user_token, providers[]}, parts{…}}". */
	body?: string;
	certainty: Certainty;
	/** Where the fact comes from, e.g. "docs/oneall-api.md §8.1". */
	source: string;
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
	/** For the README's generated table (operations that are not push spec rows). */
	docs?: OperationDocs;
	/** A notice on the panel and a sentence on OneAll's errors (retired or restricted endpoints). */
	caveat?: Caveat;
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
