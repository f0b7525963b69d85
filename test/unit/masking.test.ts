import type { INode } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { oneAllNetworkError, redirectTarget } from '../../nodes/OneAll/transport/errors';
import { maskAnswer, maskDeep, maskError, maskText, secretForms } from '../../nodes/OneAll/transport/secrets';

const PUBLIC = '3f1c9a52-7d4e-4b8a-9c1f-2e6d5b7a8c90';
const PRIVATE = '9e8d7c6b-5a49-4382-b1a0-f9e8d7c6b5a4';
const BASIC = Buffer.from(`${PUBLIC}:${PRIVATE}`).toString('base64');
const SECRETS = secretForms(PUBLIC, PRIVATE);
const NODE: INode = { id: '1', name: 'OneAll', type: 'n8n-nodes-oneall.oneAll', typeVersion: 1, position: [0, 0], parameters: {} };

const leaks = (text: string) =>
	[PRIVATE, BASIC, Buffer.from(`${PUBLIC}:${PRIVATE}`).toString('base64url'), Buffer.from(PRIVATE).toString('base64')].filter(
		(secret) => text.includes(secret),
	);

describe('masking', () => {
	it('covers the private key, its encodings and the Basic value, longest first', () => {
		expect(SECRETS).toContain(PRIVATE);
		expect(SECRETS).toContain(BASIC);
		expect(SECRETS.map((s) => s.length)).toEqual([...SECRETS.map((s) => s.length)].sort((a, b) => b - a));
		expect(secretForms(PUBLIC, '')).toEqual([]);
	});

	it.each([
		[`Authorization: Basic ${BASIC}`, 'Authorization: Basic [redacted]'],
		[`authorization: basic ${BASIC}`, 'authorization: basic [redacted]'],
		['Authorization: Bearer ya29.a0AfH6SMBx-very-long-token', 'Authorization: Bearer [redacted]'],
		[`key=${PRIVATE}&x=1`, 'key=[redacted]&x=1'],
		[`bad creds ${PRIVATE.toUpperCase()}`, 'bad creds [redacted]'], // a server that upper-cases the UUID it echoes
		[`b64 ${BASIC} end`, 'b64 [redacted] end'],
		['Basic training for the Bearer of news', 'Basic training for the Bearer of news'],
		['Basic dHJhaW5pbmc=', 'Basic dHJhaW5pbmc='], // base64 of "training": no "user:password"
	])('%s', (input, expected) => expect(maskText(input, SECRETS)).toBe(expected));

	it('masks strings and keys at any depth and copies only what changed', () => {
		const untouched = { a: 'x', list: [1, 'y', { b: null }] };
		expect(maskDeep(untouched, SECRETS)).toBe(untouched);
		const answer = { response: { request: { status: { info: `bad ${PRIVATE}` } }, result: { data: { [PRIVATE]: [`Basic ${BASIC}`], ok: 'kept' } } } };
		const masked = maskDeep(answer, SECRETS);
		expect(leaks(JSON.stringify(masked))).toEqual([]);
		expect(masked.response.result.data.ok).toBe('kept');
		expect(leaks(JSON.stringify(answer))).not.toEqual([]); // the input is not changed
	});

	it('masks what an error shows: message, description, messages, the wrapped response', () => {
		const error = new NodeApiError(NODE, { body: `echo ${BASIC}` }, { message: `OneAll error 401: ${PRIVATE}`, description: `Basic ${BASIC}` });
		(error as unknown as { messages: string[] }).messages.push(PRIVATE);
		maskError(error, SECRETS);
		expect(leaks([error.message, error.description, JSON.stringify(error.messages), JSON.stringify(error.errorResponse)].join('\n'))).toEqual([]);
	});

	it('a redirect target keeps origin and path only', () => {
		expect(redirectTarget('https://user:pw@evil.example:8443/a/b?token=1#f')).toBe('https://evil.example:8443/a/b');
		expect(redirectTarget('/relative/x.json?key=1')).toBe('/relative/x.json');
		expect(redirectTarget(['http://h.example/p'])).toBe('http://h.example/p');
		expect(redirectTarget(undefined)).toBe('nowhere (no Location header)');
		expect(redirectTarget('http://[bad')).toBe('an invalid Location');
	});

	it("a reset push keeps our message, not n8n's retry advice", () => {
		const error = oneAllNetworkError(NODE, 'ECONNRESET', 'socket hang up', { kind: 'write', method: 'POST', path: '/push/x.json', itemIndex: 2 });
		expect(error.message).toBe('Could not reach OneAll (ECONNRESET)');
		expect(`${error.message}\n${error.description}`).not.toMatch(/retry/i);
		expect(error.description).toMatch(/not sent again/);
		expect(error.context.itemIndex).toBe(2);
	});
});

describe('maskAnswer (fast path for clean answers)', () => {
	it('returns a clean answer as is and masks the same cases as maskDeep', () => {
		const clean = { response: { result: { data: { pin_id: '1', note: 'Basic training' } } } };
		expect(maskAnswer(clean, SECRETS)).toBe(clean);
		for (const dirty of [
			{ a: [{ b: `x${PRIVATE}y` }] },
			{ a: `Authorization: Basic ${BASIC}` },
			{ a: `Basic\n${Buffer.from('someone:else').toString('base64')}` },
			{ [`k-${PRIVATE}`]: 1 },
		]) {
			expect(maskAnswer(dirty, SECRETS)).toEqual(maskDeep(dirty, SECRETS));
			expect(maskAnswer(dirty, SECRETS)).not.toBe(dirty);
		}
	});

	it('a key JSON would escape falls back to the full walk', () => {
		const odd = secretForms(PUBLIC, 'pa"ss\\word');
		const answer = { a: 'x pa"ss\\word y' };
		expect(maskAnswer(answer, odd)).toEqual({ a: 'x [redacted] y' });
	});
});
