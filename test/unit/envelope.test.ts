import { failedStatus, hasResultData, isBareEnvelope, readEnvelope } from '../../nodes/OneAll/transport/envelope';

describe('envelope', () => {
	it('reads OneAll answers from objects or JSON text, nothing else', () => {
		expect(readEnvelope({ response: {} })).toEqual({});
		expect(readEnvelope('{"response":{"result":{"data":{"a":1}}}}')).toEqual({ result: { data: { a: 1 } } });
		for (const other of ['', '  ', '<html>', '{"response":[]}', '{"response":"x"}', '[]', null, undefined, 42, { data: {} }]) {
			expect(readEnvelope(other)).toBeUndefined();
		}
	});

	it('finds a failure in request.status first, then result.status', () => {
		expect(failedStatus({ request: { status: { flag: 'error' } } })).toEqual({ flag: 'error' });
		expect(failedStatus({ request: { status: { code: 200 } }, result: { status: { code: '403', info: 'no' } } })).toEqual({ code: '403', info: 'no' });
		expect(failedStatus({ request: { status: { flag: 'success', code: 200 } } })).toBeUndefined();
	});

	it('tells a bare envelope and a missing result.data', () => {
		expect(isBareEnvelope({})).toBe(true);
		expect(isBareEnvelope({ request: { status: {} } })).toBe(false);
		expect(isBareEnvelope({ result: {} })).toBe(false);
		expect(hasResultData({ result: { data: {} } })).toBe(true);
		for (const data of [undefined, null, [], 'published', 1]) {
			expect(hasResultData({ result: { data } } as never)).toBe(false);
		}
	});
});
