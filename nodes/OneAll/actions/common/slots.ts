import type { ConcurrencySlots } from '../../transport/request';

/**
 * The execution's Concurrency: how many requests are in flight at once. An item holds a slot while it
 * is sent; a request refused with 429 (not executed) gives it back while it waits for its retry and
 * takes one again before it is re-sent, ahead of items not started yet. No timers: only promises.
 */
export class Slots implements ConcurrencySlots {
	private free: number;

	/** Requests waiting to take a slot back after a 429 wait; served before `starting`. */
	private readonly returning: Array<() => void> = [];

	private readonly starting: Array<() => void> = [];

	constructor(size: number) {
		this.free = size;
	}

	/** A slot for an item not started yet. */
	async take(): Promise<void> {
		await this.wait(this.starting);
	}

	/** A slot again for a request that gave its own back (`give`) while it waited for its retry. */
	async takeBack(): Promise<void> {
		await this.wait(this.returning);
	}

	give(): void {
		const next = this.returning.shift() ?? this.starting.shift();
		if (next) next();
		else this.free++;
	}

	private async wait(queue: Array<() => void>): Promise<void> {
		if (this.free > 0 && this.returning.length === 0 && this.starting.length === 0) {
			this.free--;
			return;
		}
		await new Promise<void>((resolve) => queue.push(resolve));
	}
}
