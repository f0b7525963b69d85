import type { IExecuteFunctions, INode } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import {
	beforeSending,
	definitelyNotExecuted,
	fingerprint,
	RerunGuard,
	RerunMemory,
	rerunScope,
	type RerunLimits,
	type RerunScope,
} from '../../nodes/OneAll/transport/rerun';

const NODE: INode = { id: 'n1', name: 'OneAll', type: 'n8n-nodes-oneall.oneAll', typeVersion: 1, position: [0, 0], parameters: {} };
const PIN = { method: 'POST', path: '/push/identities/x/pinterest/board/1/pin.json', body: { push: { pin: { title: 'A' } } } };
const apiError = (httpCode: string) => new NodeApiError(NODE, {}, { message: 'failed', httpCode });

function memoryWith(limits: Partial<RerunLimits> = {}) {
	const clock = { t: 0 };
	const memory = new RerunMemory({ maxWrites: 1000, maxChars: 1_000_000, maxIdleMs: 60_000, ...limits }, () => clock.t);
	return { memory, clock };
}
const scope = (execution: string, run = 0): RerunScope => ({ execution, run });
/** One try of the node: a new guard over the same memory, as each execute() call makes. */
const tryOf = (memory: RerunMemory, execution: string, run = 0) => new RerunGuard(NODE, () => scope(execution, run), memory);

describe('re-run memory', () => {
	it('a published write is answered from memory on the next try, with a copy of the same output', async () => {
		const { memory } = memoryWith();
		const send = jest.fn(async () => ({ pin_id: '7' }));
		const first = await tryOf(memory, 'e1').write(PIN, 0, send);
		(first as { pin_id: string }).pin_id = 'changed downstream';
		expect(await tryOf(memory, 'e1').write(PIN, 0, send)).toEqual({ pin_id: '7' });
		expect(send).toHaveBeenCalledTimes(1);
	});

	it('another execution, run, item or body is another write', async () => {
		const { memory } = memoryWith();
		const send = jest.fn(async () => ({ ok: true }));
		await tryOf(memory, 'e1').write(PIN, 0, send);
		await tryOf(memory, 'e2').write(PIN, 0, send);
		await tryOf(memory, 'e1', 1).write(PIN, 0, send);
		await tryOf(memory, 'e1').write(PIN, 1, send);
		await tryOf(memory, 'e1').write({ ...PIN, path: '/push/other.json' }, 0, send);
		expect(send).toHaveBeenCalledTimes(5);
	});

	it('the same request twice in one try is sent twice (it is not a re-run), and a re-run answers both', async () => {
		const { memory } = memoryWith();
		let n = 0;
		const send = jest.fn(async () => ({ n: ++n }));
		const first = tryOf(memory, 'e1');
		expect([await first.write(PIN, 0, send), await first.write(PIN, 0, send)]).toEqual([{ n: 1 }, { n: 2 }]);
		const second = tryOf(memory, 'e1');
		expect([await second.write(PIN, 0, send), await second.write(PIN, 0, send)]).toEqual([{ n: 1 }, { n: 2 }]);
		expect(send).toHaveBeenCalledTimes(2);
	});

	it('an uncertain write is not sent again; a definite refusal is', async () => {
		const { memory } = memoryWith();
		await expect(tryOf(memory, 'e1').write(PIN, 0, async () => { throw apiError('504'); })).rejects.toThrow('failed');
		const resend = jest.fn(async () => ({ ok: true }));
		await expect(tryOf(memory, 'e1').write(PIN, 0, resend)).rejects.toThrow(/^Outcome unknown, not re-sent/);
		expect(resend).not.toHaveBeenCalled();

		await expect(tryOf(memory, 'e2').write(PIN, 0, async () => { throw apiError('400'); })).rejects.toThrow('failed');
		expect(await tryOf(memory, 'e2').write(PIN, 0, resend)).toEqual({ ok: true });
	});

	it('a different request for the same item and endpoint after an earlier try is not sent: it says whether that try published', async () => {
		const { memory } = memoryWith();
		const changed = { ...PIN, body: { push: { pin: { title: 'A at 12:01' } } } };
		const send = jest.fn(async () => ({ ok: true }));
		await tryOf(memory, 'e1').write(PIN, 0, send);
		await expect(tryOf(memory, 'e1').write(changed, 0, send)).rejects.toThrow(/^Not re-sent: an earlier try in this execution already published this item$/);
		await expect(tryOf(memory, 'e2').write(PIN, 0, async () => { throw apiError('502'); })).rejects.toThrow('failed');
		await expect(tryOf(memory, 'e2').write(changed, 0, send)).rejects.toThrow(/^Outcome unknown, not re-sent/);
		expect(send).toHaveBeenCalledTimes(1);
	});

	it.each([
		['400', true], ['403', true], ['429', true], ['408', false], ['500', false], ['504', false], ['200', false],
		['302', false], ['ECONNREFUSED', true], ['ENOTFOUND', true], ['ECONNRESET', false], ['ETIMEDOUT', false], ['ERR_CANCELED', false],
	])('a failure with code %s: definitely not executed = %s', (code, expected) => {
		expect(definitelyNotExecuted(apiError(code))).toBe(expected);
	});

	it('checksFirst (Skip If Already Published): an uncertain write goes to send again, whose read settles it; a re-check that sent nothing keeps it uncertain', async () => {
		const { memory } = memoryWith();
		await expect(tryOf(memory, 'e1').write(PIN, 0, async () => Promise.reject(apiError('504')))).rejects.toThrow('failed');
		// Without checksFirst the next try refuses, as before.
		await expect(tryOf(memory, 'e1').write(PIN, 0, async () => ({ sent: true }))).rejects.toThrow(/^Outcome unknown, not re-sent/);
		// The read fails before sending: still uncertain, so a try without the check still refuses.
		const readFailed = beforeSending(apiError('503'));
		await expect(tryOf(memory, 'e1').write(PIN, 0, async () => Promise.reject(readFailed), { checksFirst: true })).rejects.toBe(readFailed);
		await expect(tryOf(memory, 'e1').write(PIN, 0, async () => ({ sent: true }))).rejects.toThrow(/^Outcome unknown/);
		// The read finds the post: that output is remembered as published.
		const found = { status: 'skipped', pin_id: '7' };
		expect(await tryOf(memory, 'e1').write(PIN, 0, async () => found, { checksFirst: true })).toEqual(found);
		const send = jest.fn(async () => ({ sent: true }));
		expect(await tryOf(memory, 'e1').write(PIN, 0, send)).toEqual(found);
		expect(send).not.toHaveBeenCalled();
	});

	it('errors raised before sending are not executed; unknown errors may have been', () => {
		expect(definitelyNotExecuted(new NodeOperationError(NODE, 'bad subdomain'))).toBe(true);
		expect(definitelyNotExecuted(new Error('?'))).toBe(false);
	});

	it('is bounded in writes: the least recently used execution goes first', async () => {
		const { memory } = memoryWith({ maxWrites: 3 });
		const send = jest.fn(async () => ({ ok: true }));
		for (const execution of ['e1', 'e2', 'e3']) await tryOf(memory, execution).write(PIN, 0, send);
		await tryOf(memory, 'e1').write(PIN, 0, send); // answered: e1 is now the most recently used
		await tryOf(memory, 'e4').write(PIN, 0, send); // evicts e2
		expect(memory.size().writes).toBe(3);
		expect(send).toHaveBeenCalledTimes(4);
		await tryOf(memory, 'e1').write(PIN, 0, send);
		await tryOf(memory, 'e3').write(PIN, 0, send);
		expect(send).toHaveBeenCalledTimes(4);
		await tryOf(memory, 'e2').write(PIN, 0, send); // forgotten: sent
		expect(send).toHaveBeenCalledTimes(5);
	});

	it('is bounded in characters of remembered outputs', async () => {
		const { memory } = memoryWith({ maxChars: 250 });
		const big = async () => ({ text: 'x'.repeat(100) });
		for (let item = 0; item < 5; item++) await tryOf(memory, 'e1').write(PIN, item, big);
		const { chars, writes } = memory.size();
		expect(chars).toBeLessThanOrEqual(250);
		expect(writes).toBe(2);
	});

	it('forgets an execution idle for longer than maxIdleMs, not one still in use', async () => {
		const { memory, clock } = memoryWith({ maxIdleMs: 1000 });
		const send = jest.fn(async () => ({ ok: true }));
		await tryOf(memory, 'old').write(PIN, 0, send);
		await tryOf(memory, 'busy').write(PIN, 0, send);
		for (let t = 1; t <= 4; t++) {
			clock.t = t * 600;
			await tryOf(memory, 'busy').write(PIN, t, send); // keeps 'busy' in use
		}
		expect(memory.size().executions).toBe(1);
		await tryOf(memory, 'busy').write(PIN, 0, send); // written at t=0, still remembered
		expect(send).toHaveBeenCalledTimes(6);
		clock.t += 1001;
		expect(memory.size()).toEqual({ executions: 0, writes: 0, chars: 0 });
	});

	it('a write settled after it was evicted changes nothing', async () => {
		const { memory } = memoryWith({ maxWrites: 1 });
		let release: () => void = () => {};
		const slow = tryOf(memory, 'e1').write(PIN, 0, async () => await new Promise((resolve) => { release = () => resolve({ ok: true }); }));
		await tryOf(memory, 'e2').write(PIN, 0, async () => ({ ok: true }));
		release();
		await slow;
		expect(memory.size()).toEqual({ executions: 1, writes: 1, chars: 11 });
	});

	it('the fingerprint follows method, path, query and body', () => {
		expect(fingerprint(PIN)).toBe(fingerprint({ ...PIN }));
		expect(fingerprint(PIN)).not.toBe(fingerprint({ ...PIN, body: { push: { pin: { title: 'B' } } } }));
		expect(fingerprint(PIN)).not.toBe(fingerprint({ ...PIN, method: 'PUT' }));
		expect(fingerprint(PIN)).not.toBe(fingerprint({ ...PIN, query: { a: 1 } }));
	});
});

describe('re-run scope', () => {
	const contextWith = (executionId: unknown, runIndex: unknown, node: INode = NODE) => {
		const context = {
			getExecutionId: () => executionId,
			getWorkflowDataProxy: () => ({ $runIndex: runIndex }),
			getNode: () => node,
			getWorkflow: () => ({ id: 'wf1', active: false }),
		};
		return context as unknown as IExecuteFunctions;
	};

	it('is the execution id, node and run index', () => {
		expect(rerunScope(contextWith('42', 3))).toEqual({ execution: JSON.stringify(['42', 'wf1', 'n1', 'OneAll']), run: 3 });
	});

	it('as an AI tool (n8n gives each tool try a new run index): one scope for the execution, matched by the request alone', async () => {
		const tool = { ...NODE, type: 'n8n-nodes-oneall.oneAllTool' };
		const toolScope = rerunScope(contextWith('42', 7, tool));
		expect(toolScope).toEqual({ execution: JSON.stringify(['42', 'wf1', 'n1', 'OneAll']), run: -1, exactOnly: true });
		expect(rerunScope(contextWith('42', 8, tool))).toEqual(toolScope);

		const { memory } = memoryWith();
		let n = 0;
		const send = jest.fn(async () => ({ n: ++n }));
		const call = (request: typeof PIN) => new RerunGuard(tool, () => toolScope, memory).write(request, 0, send);
		expect(await call(PIN)).toEqual({ n: 1 });
		// Another tool call with another pin is sent: no "changed since the earlier try" for tools.
		expect(await call({ ...PIN, body: { push: { pin: { title: 'B' } } } })).toEqual({ n: 2 });
		// The same pin again (a retry, or the agent repeating itself) is answered from memory.
		expect(await call(PIN)).toEqual({ n: 1 });
		expect(send).toHaveBeenCalledTimes(2);
	});

	it('without an execution id or run index there is no memory (every write is sent as before)', async () => {
		expect(rerunScope(contextWith(undefined, 0))).toBeUndefined();
		expect(rerunScope(contextWith('__UNKNOWN__', 0))).toBeUndefined(); // n8n-core's placeholder: shared, never a key
		expect(rerunScope(contextWith('42', undefined))).toBeUndefined();
		const { memory } = memoryWith();
		const send = jest.fn(async () => ({ ok: true }));
		await new RerunGuard(NODE, () => undefined, memory).write(PIN, 0, send);
		await new RerunGuard(NODE, () => undefined, memory).write(PIN, 0, send);
		expect(send).toHaveBeenCalledTimes(2);
	});
});
