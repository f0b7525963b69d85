import type { IHttpRequestOptions } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { DeadlineExceededError, raceDeadline, withDeadline } from '../../nodes/OneAll/transport/deadline';

/** What httpRequestWithAuthentication does: puts the execution's cancel signal (or undefined) on the options. */
const n8nSetsCancelSignal = (options: IHttpRequestOptions, signal: AbortSignal | undefined) => {
	options.abortSignal = signal;
};

describe('request deadline', () => {
	it('keeps the deadline when n8n puts its cancel signal on the options, and aborts on either', () => {
		const options: IHttpRequestOptions = { url: '/x' };
		withDeadline(options, 60_000);
		const cancel = new AbortController();
		n8nSetsCancelSignal(options, cancel.signal);
		const copied = { ...options }; // authenticate() may copy the options
		expect(copied.abortSignal?.aborted).toBe(false);
		cancel.abort();
		expect(copied.abortSignal?.aborted).toBe(true);
	});

	it('fires on its own after the timeout, also with n8n setting no cancel signal', async () => {
		const options: IHttpRequestOptions = { url: '/x' };
		withDeadline(options, 30);
		n8nSetsCancelSignal(options, undefined);
		await sleep(60);
		expect(options.abortSignal?.aborted).toBe(true);
	});

	it('a request that never settles is cut at the deadline', async () => {
		const deadline = withDeadline({ url: '/x' }, 50);
		const started = Date.now();
		await expect(raceDeadline(new Promise(() => undefined), deadline)).rejects.toThrow(DeadlineExceededError);
		expect(Date.now() - started).toBeLessThan(1000);
	});

	it('a request that settles first keeps its answer or its own error', async () => {
		await expect(raceDeadline(Promise.resolve('ok'), withDeadline({ url: '/x' }, 1000))).resolves.toBe('ok');
		await expect(raceDeadline(Promise.reject(new Error('refused')), withDeadline({ url: '/x' }, 1000))).rejects.toThrow('refused');
	});

	it('leaves no listener on the execution\'s cancel signal once a request is over, and a later cancel aborts nothing', async () => {
		const cancel = new AbortController();
		const listeners = { added: 0, removed: 0 };
		const add = cancel.signal.addEventListener.bind(cancel.signal);
		const remove = cancel.signal.removeEventListener.bind(cancel.signal);
		cancel.signal.addEventListener = ((...args: Parameters<typeof add>) => (listeners.added++, add(...args))) as typeof add;
		cancel.signal.removeEventListener = ((...args: Parameters<typeof remove>) => (listeners.removed++, remove(...args))) as typeof remove;
		const signals: AbortSignal[] = [];
		for (let i = 0; i < 50; i++) {
			const options: IHttpRequestOptions = { url: '/x' };
			const deadline = withDeadline(options, 60_000);
			n8nSetsCancelSignal(options, cancel.signal);
			signals.push(options.abortSignal as AbortSignal);
			await raceDeadline(Promise.resolve(i), deadline);
		}
		expect(listeners).toEqual({ added: 50, removed: 50 });
		cancel.abort();
		expect(signals.filter((signal) => signal.aborted)).toHaveLength(0);
	});

	it('n8n setting the cancel signal twice keeps one listener, and a cancel before the request aborts it at once', () => {
		const cancel = new AbortController();
		const options: IHttpRequestOptions = { url: '/x' };
		withDeadline(options, 60_000);
		n8nSetsCancelSignal(options, cancel.signal);
		n8nSetsCancelSignal(options, cancel.signal);
		cancel.abort('stopped');
		expect(options.abortSignal?.aborted).toBe(true);
		expect((options.abortSignal as AbortSignal | undefined)?.reason).toBe('stopped');
		const late: IHttpRequestOptions = { url: '/x' };
		withDeadline(late, 60_000);
		n8nSetsCancelSignal(late, cancel.signal);
		expect(late.abortSignal?.aborted).toBe(true);
	});
});
