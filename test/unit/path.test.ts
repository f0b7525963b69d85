import { apiPath, idSegment, tokenSegment } from '../../nodes/OneAll/transport/path';
import { fail, InputError } from './fail';

const IDENTITY = '8a7b4c1d-2e3f-4a5b-8c9d-0e1f2a3b4c5d';

// Values an attacker or a bad expression could put where a path segment goes.
const HOSTILE = [
	'..',
	'.',
	'../identities',
	'..%2f..%2fusers',
	'%2e%2e',
	'%2E%2E%2F',
	'a/b',
	'a\\b',
	'a?b=c',
	'a#b',
	'a b',
	'a\nb',
	'a\u0000b',
	'a%00b',
	'ａｂｃ', // full-width letters
	'х', // Cyrillic
	'',
	'x'.repeat(129),
	`${IDENTITY}/..`,
	`${IDENTITY}.json`,
	`${IDENTITY}?x`,
	`../${IDENTITY}`,
];

describe('tokenSegment', () => {
	it('accepts a OneAll token, also with surrounding spaces, and returns it trimmed', () => {
		expect(tokenSegment(IDENTITY, 'Identity', fail)).toBe(IDENTITY);
		expect(tokenSegment(`  ${IDENTITY}\n`, 'Identity', fail)).toBe(IDENTITY);
		expect(tokenSegment('ABCDEFGH-ijkl-MNOP-qrst-UVWXYZ012345', 'Identity', fail)).toBe('ABCDEFGH-ijkl-MNOP-qrst-UVWXYZ012345');
	});

	it.each(HOSTILE)('rejects %j', (value) => {
		expect(() => tokenSegment(value, 'Identity', fail)).toThrow(InputError);
	});

	it.each([
		['a number', 12345678],
		['an object', { value: IDENTITY }],
		['an array', [IDENTITY]],
		['null', null],
		['NaN', Number.NaN],
	])('rejects %s', (_name, value) => {
		expect(() => tokenSegment(value, 'Identity', fail)).toThrow(InputError);
	});

	it('says "is empty" for an empty value and quotes at most 60 characters otherwise', () => {
		expect(() => tokenSegment('  ', 'Identity', fail)).toThrow('Identity is empty');
		expect(() => tokenSegment('y'.repeat(100), 'Identity', fail)).toThrow(`Identity "${'y'.repeat(60)}" is not a valid OneAll token`);
	});

	it('says what a list, an object or a boolean is instead of "is empty" (an AI agent passing [token])', () => {
		expect(() => tokenSegment([IDENTITY], 'Identity', fail)).toThrow(/^Identity must be text, got a list$/);
		expect(() => tokenSegment({ value: IDENTITY }, 'Identity', fail)).toThrow(/^Identity must be text, got object$/);
		expect(() => idSegment(true, 'Board', fail)).toThrow(/^Board must be text, got boolean$/);
		expect(() => tokenSegment(null, 'Identity', fail)).toThrow(/^Identity is empty$/);
	});
});

describe('idSegment', () => {
	it.each(['1234567890', 'PL_abc-DEF', 'a', 'x'.repeat(128)])('accepts %j', (value) => {
		expect(idSegment(value, 'Board', fail)).toBe(value);
	});

	it('accepts a finite number as its decimal text', () => {
		expect(idSegment(549755813888, 'Board', fail)).toBe('549755813888');
		expect(idSegment(Number.MAX_SAFE_INTEGER, 'Board', fail)).toBe('9007199254740991');
	});

	// 22 #11: a tweet id read from JSON as a number is rounded; sent, it would name another tweet.
	it.each([Number('1460323737035677698'), 2 ** 53, 1e21, -5, 12.5, Number.NaN, Number.POSITIVE_INFINITY])(
		'refuses the number %p: not exact, or not an id; says to pass ids as text',
		(value) => {
			const error = (() => {
				try {
					idSegment(value, 'Tweet ID', fail);
				} catch (thrown) {
					return thrown as InputError;
				}
				return undefined;
			})();
			expect(error).toBeInstanceOf(InputError);
			expect(error?.message).toMatch(/^Tweet ID /);
			expect(error?.description).toMatch(/Pass ids as text/);
		},
	);

	it.each(HOSTILE)('rejects %j', (value) => {
		expect(() => idSegment(value, 'Board', fail)).toThrow(InputError);
	});

	it.each([Number.POSITIVE_INFINITY, 1.5, 1e21])('rejects the number %p', (value) => {
		expect(() => idSegment(value, 'Board', fail)).toThrow(InputError);
	});
});

describe('apiPath', () => {
	it('fills placeholders with the segments', () => {
		expect(apiPath('/push/identities/{identity}/pinterest/board/{board}/pin.json', { identity: IDENTITY, board: 'B_1' })).toBe(
			`/push/identities/${IDENTITY}/pinterest/board/B_1/pin.json`,
		);
	});

	it('percent-encodes every character that could leave the segment (/, ?, #, %, \\, space)', () => {
		expect(apiPath('/x/{id}.json', { id: 'a/../../b?c#d%2e\\ e' })).toBe('/x/a%2F..%2F..%2Fb%3Fc%23d%252e%5C%20e.json');
	});

	it('keeps the template unchanged for every segment that tokenSegment / idSegment accepted', () => {
		for (const value of [IDENTITY, 'PL_abc-DEF', 'x'.repeat(128)]) {
			const segment = idSegment(value, 'Id', fail);
			expect(apiPath('/a/{id}/b.json', { id: segment })).toBe(`/a/${value}/b.json`);
		}
	});

	// apiPath encodes but cannot see dot segments: "." and ".." stay as they are. The validators above
	// never let a "." through, so this only matters if a caller skips them.
	it('leaves a dot segment as it is (validation is what keeps ".." out)', () => {
		expect(apiPath('/a/{id}/b.json', { id: '..' })).toBe('/a/../b.json');
		expect(() => idSegment('..', 'Id', fail)).toThrow(InputError);
	});
});
