import type { IDataObject, IExecuteFunctions, INode } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { mayHaveExecuted } from './retryPolicy';

/**
 * Recognises n8n re-running the node within one execution (the node setting Retry On Fail runs the
 * whole node again, every item, after it threw or after its first output item was an error), so that
 * no write goes out twice: a write an earlier try published is answered with the output it gave then,
 * without a request; a write whose outcome is unknown (answer lost, 5xx, timeout) is not sent again
 * and the item says so. A write OneAll definitely refused (4xx, 429, not sent at all) may go again.
 *
 * The memory lives in the process (n8n runs the retry in the same process; in queue mode on the same
 * worker), per execution id, node, run index and item, bounded in size and idle time. A new execution
 * (a new run in the editor, "Retry execution" in the list) has a new id and is never held back.
 */

export type StoredOutput = IDataObject | IDataObject[];

/** What a write looks like to the memory: the same request in the same item, run and execution. */
export interface WriteRequest {
	method: string;
	path: string;
	query?: IDataObject;
	body?: IDataObject;
}

type WriteState = 'sending' | 'published' | 'uncertain';

interface WriteRecord {
	fingerprint: string;
	state: WriteState;
	/** The output as JSON: one stringify per write, parsed only when a re-run asks for it. */
	output?: string;
	/** The earlier try's error, for the "outcome unknown" message. */
	failure?: string;
	/** Characters the record accounts for (its output as JSON). */
	chars: number;
	/** False once evicted: settling it later changes nothing. */
	held: boolean;
}

interface ExecutionWrites {
	usedAt: number;
	/** By "run|item|METHOD path", in the order the writes were sent. */
	targets: Map<string, WriteRecord[]>;
}

export interface RerunLimits {
	/** Writes remembered in the whole process. */
	maxWrites: number;
	/** Characters of remembered outputs in the whole process (about 2 bytes each). */
	maxChars: number;
	/** An execution's writes are forgotten this long after its last write (n8n waits at most 5 s between tries). */
	maxIdleMs: number;
}

export const DEFAULT_RERUN_LIMITS: RerunLimits = {
	maxWrites: 10_000,
	maxChars: 8_000_000,
	// Longer than one try can take between two of its writes (a 600 s timeout, 60 s rate-limit waits).
	maxIdleMs: 60 * 60 * 1000,
};

/** Per-execution memory of writes, least recently used execution first; bounded by RerunLimits. */
export class RerunMemory {
	private readonly executions = new Map<string, ExecutionWrites>();
	private writes = 0;
	private chars = 0;

	constructor(
		private readonly limits: RerunLimits = DEFAULT_RERUN_LIMITS,
		private readonly now: () => number = Date.now,
	) {}

	/** The writes remembered for `target` in `execution` (live array: the guard appends to it through `add`). */
	writesFor(execution: string, target: string): readonly WriteRecord[] {
		return this.touch(execution).targets.get(target) ?? [];
	}

	add(execution: string, target: string, fingerprint: string): WriteRecord {
		const record: WriteRecord = { fingerprint, state: 'sending', chars: 0, held: true };
		const targets = this.touch(execution).targets;
		const list = targets.get(target);
		if (list) list.push(record);
		else targets.set(target, [record]);
		this.writes++;
		this.enforceLimits();
		return record;
	}

	published(record: WriteRecord, output: StoredOutput): void {
		const json = JSON.stringify(output);
		const chars = json.length;
		record.state = 'published';
		record.output = json;
		if (!record.held) return;
		this.chars += chars - record.chars;
		record.chars = chars;
		this.enforceLimits();
	}

	uncertain(record: WriteRecord, failure: string): void {
		record.state = 'uncertain';
		record.failure = failure.slice(0, 500);
	}

	/** OneAll definitely did not execute it: a later try may send it. */
	forget(execution: string, target: string, record: WriteRecord): void {
		if (!record.held) return;
		const entry = this.executions.get(execution);
		const list = entry?.targets.get(target);
		const index = list?.indexOf(record) ?? -1;
		if (!entry || !list || index < 0) return;
		list.splice(index, 1);
		if (list.length === 0) entry.targets.delete(target);
		if (entry.targets.size === 0) this.executions.delete(execution);
		this.release(record);
	}

	/** How much is remembered (for tests and the bench). */
	size(): { executions: number; writes: number; chars: number } {
		this.dropIdle();
		return { executions: this.executions.size, writes: this.writes, chars: this.chars };
	}

	private touch(execution: string): ExecutionWrites {
		this.dropIdle();
		const now = this.now();
		let entry = this.executions.get(execution);
		if (entry) this.executions.delete(execution);
		entry ??= { usedAt: now, targets: new Map() };
		entry.usedAt = now;
		this.executions.set(execution, entry); // re-inserted: most recently used last
		return entry;
	}

	private dropIdle(): void {
		const oldest = this.now() - this.limits.maxIdleMs;
		for (const [execution, entry] of this.executions) {
			if (entry.usedAt >= oldest) break; // the rest were used later
			this.dropExecution(execution, entry);
		}
	}

	/** Oldest first: the least recently used execution's earliest writes, down to the limits. */
	private enforceLimits(): void {
		for (const [execution, entry] of this.executions) {
			if (this.writes <= this.limits.maxWrites && this.chars <= this.limits.maxChars) return;
			for (const [target, list] of entry.targets) {
				if (this.writes <= this.limits.maxWrites && this.chars <= this.limits.maxChars) return;
				entry.targets.delete(target);
				for (const record of list) this.release(record);
			}
			if (entry.targets.size === 0) this.executions.delete(execution);
		}
	}

	private dropExecution(execution: string, entry: ExecutionWrites): void {
		this.executions.delete(execution);
		for (const list of entry.targets.values()) for (const record of list) this.release(record);
	}

	private release(record: WriteRecord): void {
		if (!record.held) return;
		record.held = false;
		this.writes--;
		this.chars -= record.chars;
	}
}

/** The process's memory: one per loaded package, shared by every execution the process runs. */
const processMemory = new RerunMemory();

/** A short, stable digest of the request (cyrb53, two 32-bit lanes); not a security measure. */
export function fingerprint(request: WriteRequest): string {
	const text = JSON.stringify([request.method, request.path, request.query ?? null, request.body ?? null]);
	let h1 = 0xdeadbeef;
	let h2 = 0x41c6ce57;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		h1 = Math.imul(h1 ^ c, 2654435761);
		h2 = Math.imul(h2 ^ c, 1597334677);
	}
	h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
	h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
	return `${(h2 >>> 0).toString(36)}.${(h1 >>> 0).toString(36)}.${text.length}`;
}

const NOT_SENT = new WeakSet<object>();

/**
 * Marks an error raised before the write was sent (a read the write waits for failed): OneAll cannot
 * have executed the write, whatever the error's HTTP code says.
 */
export function beforeSending<E extends Error>(error: E): E {
	NOT_SENT.add(error);
	return error;
}

/**
 * OneAll definitely did not execute a write that failed with `error`: it refused it (4xx; a 429 is
 * refused before executing), or it never left (refused connection, unknown host, an error raised
 * before sending). Anything else (5xx, reset, timeout, an answer without result) may have landed.
 */
export function definitelyNotExecuted(error: unknown): boolean {
	if (NOT_SENT.has(error as object)) return true;
	if (error instanceof NodeOperationError) return true; // the transport raises these before sending
	if (!(error instanceof NodeApiError)) return false;
	const code = error.httpCode ?? undefined;
	if (code === undefined || code === '') return false;
	const status = Number(code);
	if (Number.isInteger(status)) return status >= 400 && status < 500 && status !== 408;
	return !mayHaveExecuted({ code });
}

/** Where a node's writes are remembered: execution, node and run; undefined when n8n gives no execution id. */
export interface RerunScope {
	execution: string;
	run: number;
	/**
	 * Only the same request is recognised (no "changed since the earlier try" check): for the AI tool, whose
	 * calls in one execution are not told apart by a run index (n8n gives each tool try a new one).
	 */
	exactOnly?: boolean;
}

// n8n-core's stand-in where an execution has no id yet: shared by such runs, so never a key.
const NO_EXECUTION_ID = '__UNKNOWN__';

export function rerunScope(context: IExecuteFunctions): RerunScope | undefined {
	let executionId: unknown;
	let run: unknown;
	let node: INode;
	let workflowId: unknown;
	try {
		executionId = context.getExecutionId();
		workflowId = context.getWorkflow().id;
		node = context.getNode();
		// n8n runs an AI tool's Retry On Fail tries with a new run index each (get-input-connection-data.js):
		// a tool's writes are matched by the request alone, in the whole execution.
		// Otherwise the same node runs several times in one execution (loops, branches) with its own run
		// index, and Retry On Fail keeps it.
		run = isToolNode(node) ? TOOL_RUN : context.getWorkflowDataProxy(0).$runIndex;
	} catch {
		return undefined;
	}
	if (typeof executionId !== 'string' || executionId === '' || executionId === NO_EXECUTION_ID) return undefined;
	if (typeof run !== 'number') return undefined;
	const execution = JSON.stringify([executionId, workflowId ?? '', node.id, node.name]);
	return run === TOOL_RUN ? { execution, run, exactOnly: true } : { execution, run };
}

const TOOL_RUN = -1;

/** The node as an AI tool: n8n derives the type `<name>Tool` from `usableAsTool`. */
function isToolNode(node: INode): boolean {
	return node.type.endsWith('Tool');
}

function describe(request: WriteRequest): string {
	return `${request.method} ${request.path}`;
}

/**
 * The item's write was sent by an earlier try of this node in this execution and is not sent again. The
 * message says everything an AI agent needs (it sees the message only); the description adds the detail.
 */
function notResentError(node: INode, request: WriteRequest, itemIndex: number, record: WriteRecord, sameRequest: boolean): NodeOperationError {
	const published = record.state === 'published';
	const message = published
		? 'Not re-sent: an earlier try in this execution already published this item'
		: 'Outcome unknown, not re-sent: an earlier try in this execution sent this request and got no clear answer, so the post may be live';
	const lines = [
		describe(request),
		sameRequest
			? `n8n ran this node again in the same execution (Retry On Fail, or an AI agent repeating the same tool call).${record.failure ? ` The earlier try got: ${record.failure}.` : ''} Check the network before running it once more.`
			: `n8n ran this node again in the same execution (Retry On Fail), and this item's request to the same endpoint differs from the earlier try's (an expression that changes between tries, such as the current time?). The earlier try ${published ? 'published it' : 'got no clear answer'}, so nothing was sent again.`,
	];
	return new NodeOperationError(node, message, { description: lines.join('\n'), itemIndex });
}

/**
 * One try's view of the memory (one per execute() call). `write` sends a write once per execution,
 * node, run and item: again only after OneAll definitely refused it.
 */
export class RerunGuard {
	/** Records this try created or answered from: they are not "earlier" for its later writes. */
	private readonly seen = new Set<WriteRecord>();

	private scope?: { value: RerunScope | undefined };

	constructor(
		private readonly node: INode,
		/** Read on the first write only: runs without writes pay nothing. */
		private readonly readScope: () => RerunScope | undefined,
		private readonly memory: RerunMemory = processMemory,
	) {}

	/**
	 * `checksFirst`: `send` reads the target before it publishes (Skip If Already Published), so a write
	 * whose earlier outcome is unknown may go to `send` again: the read finds the post if it landed.
	 */
	async write(
		request: WriteRequest,
		itemIndex: number,
		send: () => Promise<StoredOutput>,
		{ checksFirst = false }: { checksFirst?: boolean } = {},
	): Promise<StoredOutput> {
		this.scope ??= { value: this.readScope() };
		const scope = this.scope.value;
		if (!scope) return await send();
		const target = `${scope.run}|${itemIndex}|${describe(request)}`;
		const digest = fingerprint(request);
		const earlier = this.memory.writesFor(scope.execution, target).filter((record) => record.held && !this.seen.has(record));
		const same = earlier.find((record) => record.fingerprint === digest);
		const previous = same ?? (scope.exactOnly ? undefined : earlier[0]);
		if (previous) {
			this.seen.add(previous);
			if (same?.state === 'published' && same.output !== undefined) return JSON.parse(same.output) as StoredOutput;
			if (!(checksFirst && same?.state === 'uncertain')) {
				throw notResentError(this.node, request, itemIndex, previous, same !== undefined);
			}
		}
		const rechecked = previous !== undefined;
		const record = previous ?? this.memory.add(scope.execution, target, digest);
		this.seen.add(record);
		let output: StoredOutput;
		try {
			output = await send();
		} catch (error) {
			// A re-check that sent nothing leaves the earlier try's write as uncertain as it was.
			if (!definitelyNotExecuted(error)) this.memory.uncertain(record, error instanceof Error ? error.message : String(error));
			else if (!rechecked) this.memory.forget(scope.execution, target, record);
			throw this.asNodeError(error, itemIndex);
		}
		this.memory.published(record, output);
		return output;
	}

	/** The sender's own errors pass unchanged. */
	private asNodeError(error: unknown, itemIndex: number): NodeApiError | NodeOperationError {
		if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
		return new NodeOperationError(this.node, error as Error, { itemIndex });
	}
}

/** The guard for one execute() call of the node. */
export function rerunGuard(context: IExecuteFunctions): RerunGuard {
	return new RerunGuard(context.getNode(), () => rerunScope(context));
}
