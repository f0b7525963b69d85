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
		const deadline = AbortSignal.timeout(50);
		const started = Date.now();
		await expect(raceDeadline(new Promise(() => undefined), deadline, 50)).rejects.toThrow(DeadlineExceededError);
		expect(Date.now() - started).toBeLessThan(1000);
	});

	it('a request that settles first keeps its answer or its own error', async () => {
		await expect(raceDeadline(Promise.resolve('ok'), AbortSignal.timeout(1000), 1000)).resolves.toBe('ok');
		await expect(raceDeadline(Promise.reject(new Error('refused')), AbortSignal.timeout(1000), 1000)).rejects.toThrow('refused');
	});
});
