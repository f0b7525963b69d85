import { asBodyId, asIdList, checkLength, checkUrl, parseJsonObject } from '../../nodes/OneAll/helpers/validation';
import { fail, InputError } from './fail';

const rejects = (fn: () => unknown) => {
	expect(fn).toThrow(InputError);
};

describe('checkUrl (media and link URLs OneAll fetches)', () => {
	it.each(['https://www.example.com/pin.jpg', 'http://example.com', 'https://example.com:8443/a?b=c#d', 'HTTPS://EXAMPLE.COM/X'])(
		'accepts %s and returns it unchanged',
		(value) => {
			expect(checkUrl(value, 'Picture URL', fail)).toBe(value);
		},
	);

	it.each([
		['an empty string', ''],
		['a relative path', '/images/pin.jpg'],
		['a bare host', 'example.com/pin.jpg'],
		['javascript:', 'javascript:alert(1)'],
		['javascript: with a host', 'javascript://example.com/%0aalert(1)'],
		['data:', 'data:image/png;base64,iVBORw0KGgo='],
		['file:', 'file:///etc/passwd'],
		['ftp:', 'ftp://example.com/pin.jpg'],
		['a scheme without host', 'https://'],
		['mailto:', 'mailto:someone@example.com'],
	])('rejects %s', (_name, value) => {
		rejects(() => checkUrl(value, 'Picture URL', fail));
	});

	it('names the field and quotes at most 120 characters of the value', () => {
		const long = `ftp://${'x'.repeat(500)}`;
		try {
			checkUrl(long, 'Picture URL', fail);
			throw new Error('accepted');
		} catch (error) {
			expect(error).toBeInstanceOf(InputError);
			expect((error as InputError).message).toContain('Picture URL');
			expect((error as InputError).description).toContain(long.slice(0, 120));
			expect((error as InputError).description).not.toContain(long.slice(0, 121));
		}
	});

	// WHATWG URL parsing forgives these; checkUrl returns the raw value, so it must refuse them.
	it.each([
		['leading space', ' https://example.com/a.jpg'],
		['newline inside the host', 'https://exa\nmple.com/a.jpg'],
		['tab inside the path', 'https://example.com/a\t.jpg'],
		['no slashes after the scheme', 'http:example.com/a.jpg'],
	])('does not pass on a URL that only parses after URL clean-up: %s', (_name, value) => {
		let returned: string | undefined;
		try {
			returned = checkUrl(value, 'Picture URL', fail);
		} catch {
			returned = undefined; // rejected: also fine
		}
		if (returned === undefined) return;
		expect(returned).toBe(new URL(value).href);
	});
});

describe('checkLength', () => {
	it('counts code points, not UTF-16 units, with the characters counter', () => {
		expect(() => checkLength('😀'.repeat(10), 'Title', 10, 'characters', fail)).not.toThrow();
		rejects(() => checkLength('😀'.repeat(11), 'Title', 10, 'characters', fail));
	});

	it('uses X weights with the twitter counter: 140 CJK characters fill 280, one more is too long', () => {
		expect(() => checkLength('あ'.repeat(140), 'Tweet', 280, 'twitter', fail)).not.toThrow();
		rejects(() => checkLength('あ'.repeat(140) + 'a', 'Tweet', 280, 'twitter', fail));
	});

	it('counts a URL as 23 whatever its length', () => {
		const text = `${'a'.repeat(256)} https://example.com/${'p'.repeat(300)}`;
		expect(() => checkLength(text, 'Tweet', 280, 'twitter', fail)).not.toThrow();
	});

	it('says the measured length and the limit, and how to skip the check', () => {
		try {
			checkLength('abcdef', 'Title', 5, 'characters', fail);
			throw new Error('accepted');
		} catch (error) {
			expect((error as InputError).message).toBe('Title is too long: 6 characters, the network allows 5');
			expect((error as InputError).description).toContain('Skip Length Checks');
		}
	});
});

describe('parseJsonObject', () => {
	it.each([
		['undefined', undefined],
		['null', null],
		['an empty string', ''],
		['whitespace', '  \n '],
	])('gives {} for %s', (_name, value) => {
		expect(parseJsonObject(value, 'Extra Fields', fail)).toEqual({});
	});

	it('parses an object given as text, and passes an object through', () => {
		expect(parseJsonObject('{"a":1,"b":{"c":[1]}}', 'Extra Fields', fail)).toEqual({ a: 1, b: { c: [1] } });
		const object = { a: 1 };
		expect(parseJsonObject(object, 'Extra Fields', fail)).toBe(object);
	});

	it.each([
		['invalid JSON', '{a:1}'],
		['an array', '[1,2]'],
		['a JSON string', '"text"'],
		['a JSON number', '42'],
		['JSON null', 'null'],
		['an array object', [1, 2]],
		['a number', 42],
		['a boolean', true],
	])('rejects %s', (_name, value) => {
		rejects(() => parseJsonObject(value, 'Extra Fields', fail));
	});

	it('keeps "__proto__" as a plain key and does not change Object.prototype', () => {
		const parsed = parseJsonObject('{"__proto__":{"polluted":true}}', 'Extra Fields', fail);
		expect(Object.keys(parsed)).toEqual(['__proto__']);
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
	});

	it.each([
		['an integer past 2^53', '{"id": 9007199254740993}', '9007199254740993', '9007199254740992'],
		['a negative one, nested in a list', '{"a": [1, {"b": -12345678901234567891}]}', '-12345678901234567891', '-12345678901234567000'],
		['a number past 1.8e308', '{"n": 2e308}', '2e308', 'null'],
		['after a string with an escaped quote and digits', '{"s": "\\" 1", "n": 1E999}', '1E999', 'null'],
	])('rejects %s, saying what would be sent', (_name, text, written, sentAs) => {
		expect(() => parseJsonObject(text, 'Extra Fields', fail)).toThrow(
			`Extra Fields holds the number ${written}, which JSON cannot carry exactly: it would be sent as ${sentAs}`,
		);
	});

	it('accepts exact integers past 2^53 (2^54), fractions, tiny numbers and digits inside strings', () => {
		const text = '{"a": 18014398509481984, "b": 0.1, "c": 1e-400, "d": "99999999999999999999 1e999", "e": -0}';
		expect(parseJsonObject(text, 'Extra Fields', fail)).toEqual(JSON.parse(text));
	});
});

describe('ids given as JSON numbers (22 #11)', () => {
	it('body ids and id lists take exact numbers and refuse rounded ones, before anything is sent', () => {
		expect(asBodyId(123456789012345, 'Page ID', fail)).toBe('123456789012345');
		expect(asIdList([1021312801424874, '10213128014248749'], 'Attachment Picture IDs', fail)).toEqual([
			'1021312801424874',
			'10213128014248749',
		]);
		// Facebook's picture ids are beyond 2^53: as numbers they are already rounded.
		expect(() => asIdList([Number('10213128014248748')], 'Attachment Picture IDs', fail)).toThrow(/too large to be exact/);
		expect(() => asBodyId(Number('10213128014248748123'), 'Page ID', fail)).toThrow(/too large to be exact/);
		expect(() => asIdList([1, Number('10213128014248748123')], 'Attachment Picture IDs', fail)).toThrow(/too large to be exact/);
		expect(() => asIdList(Number('10213128014248748123'), 'Attachment Picture IDs', fail)).toThrow(/too large to be exact/);
	});
});
