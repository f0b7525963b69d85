import type { IDataObject, INode } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { beforeSending, definitelyNotExecuted, type StoredOutput } from '../../transport/rerun';
import { confirmedOutput, findPublished, skippedOutput, type AlreadyPublishedCheck } from './alreadyPublished';

type ReadEntries = (read: AlreadyPublishedCheck['read'], itemIndex: number) => Promise<IDataObject[]>;

/**
 * The "Skip If Already Published" reads of one try of the node: one read per target (cached), what this
 * try published added to the cached list, and items with the same values for one target one after the
 * other (so the same text twice in one run publishes once; other items keep the node's concurrency).
 * A new try (Retry On Fail) reads again.
 */
export class PublishedChecks {
	private readonly lists = new Map<string, Promise<IDataObject[]>>();
	private readonly queues = new Map<string, Promise<unknown>>();

	constructor(
		private readonly node: INode,
		private readonly readEntries: ReadEntries,
		private readonly now: () => number = Date.now,
	) {}

	/**
	 * Publishes with `deliver` unless the target already has the post; a failed read or an answer it
	 * cannot compare fails the item before anything is sent.
	 */
	async publish(check: AlreadyPublishedCheck, itemIndex: number, deliver: () => Promise<StoredOutput>): Promise<StoredOutput> {
		const key = check.read.path;
		return await this.serial(`${key}\n${JSON.stringify(check.values)}`, async () => {
			const entries = await this.entries(key, check, itemIndex);
			const outcome = findPublished(entries, check, this.now());
			if (outcome.kind === 'found') return skippedOutput(outcome, check);
			if (outcome.kind === 'unknown') {
				throw beforeSending(
					new NodeOperationError(
						this.node,
						`"Skip If Already Published" cannot compare: OneAll's ${check.collection} list names no ${Object.keys(check.values).join(', ')} (GET ${key})`,
						{
							itemIndex,
							description: `Its entries hold ${outcome.keys.join(', ')}. Nothing was published. Turn the option off to publish without the check.`,
						},
					),
				);
			}
			let failure: unknown;
			try {
				const answer = await deliver();
				// The new post, in the shape of a push result (`pin_title`, `pin_created_at`): later items compare with it.
				if (!Array.isArray(answer)) entries.unshift(answer);
				return answer;
			} catch (error) {
				failure = error;
			}
			this.lists.delete(key); // it may have landed: the next item reads again
			const confirmed = definitelyNotExecuted(failure) ? undefined : await this.confirm(check, itemIndex);
			if (confirmed) return confirmed;
			throw asNodeError(this.node, failure, itemIndex);
		});
	}

	/**
	 * After a write whose answer was lost: a fresh read of the target settles it at once. Found: the item
	 * is published (its id from the read). Not found, or the read fails: the write stays uncertain (the
	 * re-run guard checks again on a re-run, never re-sends blindly).
	 */
	private async confirm(check: AlreadyPublishedCheck, itemIndex: number): Promise<IDataObject | undefined> {
		try {
			const outcome = findPublished(await this.entries(check.read.path, check, itemIndex), check, this.now());
			return outcome.kind === 'found' ? confirmedOutput(outcome, check) : undefined;
		} catch {
			return undefined;
		}
	}

	private async entries(key: string, check: AlreadyPublishedCheck, itemIndex: number): Promise<IDataObject[]> {
		let list = this.lists.get(key);
		if (!list) {
			list = this.readEntries(check.read, itemIndex);
			this.lists.set(key, list);
		}
		try {
			return await list;
		} catch (error) {
			this.lists.delete(key);
			throw beforeSending(readFailed(this.node, error, key, itemIndex));
		}
	}

	private async serial<T>(key: string, task: () => Promise<T>): Promise<T> {
		const before = this.queues.get(key) ?? Promise.resolve();
		const run = before.then(task, task);
		this.queues.set(key, run.catch(() => undefined));
		return await run;
	}
}

function asNodeError(node: INode, error: unknown, itemIndex: number): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeOperationError(node, error as Error, { itemIndex });
}

/** The read's own error (OneAll's message and code), saying that nothing was published. */
function readFailed(node: INode, error: unknown, path: string, itemIndex: number): NodeApiError | NodeOperationError {
	const note = `"Skip If Already Published" could not read what is published (GET ${path}), so nothing was published. Run it again, or turn the option off.`;
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		error.description = [note, error.description].filter(Boolean).join('\n');
		return error;
	}
	return new NodeOperationError(node, error as Error, { itemIndex, description: note });
}
