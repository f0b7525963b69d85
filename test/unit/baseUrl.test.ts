import { isWithinBase, normaliseSubdomain, resolveBaseUrl } from '../../nodes/OneAll/transport/baseUrl';

describe('normaliseSubdomain', () => {
	it.each([
		['mysite', 'mysite'],
		['  MySite  ', 'mysite'],
		['mysite.api.oneall.com', 'mysite'],
		['MYSITE.API.ONEALL.COM', 'mysite'],
		['https://mysite.api.oneall.com', 'mysite'],
		['https://mysite.api.oneall.com///', 'mysite'],
		['my-site-2', 'my-site-2'],
		['a', 'a'],
		['a'.repeat(63), 'a'.repeat(63)],
	])('%j -> %j', (input, expected) => {
		expect(normaliseSubdomain(input)).toBe(expected);
	});

	it.each([
		['empty', ''],
		['blank', '   '],
		['not a string', 42],
		['undefined', undefined],
		['64 characters (over a DNS label)', 'a'.repeat(64)],
		['leading hyphen', '-mysite'],
		['trailing hyphen', 'mysite-'],
		['underscore', 'my_site'],
		['a dot (another host)', 'mysite.evil.com'],
		['the OneAll suffix followed by another domain', 'mysite.api.oneall.com.evil.com'],
		['user info', 'evil.com@mysite.api.oneall.com'],
		['a path', 'mysite.api.oneall.com/path'],
		['a port', 'mysite.api.oneall.com:8443'],
		['http:// (only https is stripped)', 'http://mysite.api.oneall.com'],
		['another scheme', 'ftp://mysite.api.oneall.com'],
		['a query', 'mysite?x=1'],
		['a fragment', 'mysite#x'],
		['an encoded dot', 'mysite%2eevil'],
		['a non-ASCII letter', 'mýsite'],
		['a Cyrillic look-alike', 'mуsite'],
		['a newline inside', 'my\nsite'],
		['only the suffix', '.api.oneall.com'],
	])('rejects %s', (_name, input) => {
		expect(() => normaliseSubdomain(input)).toThrow(/subdomain/i);
	});

	it('quotes at most 80 characters of a bad value', () => {
		const bad = `${'x'.repeat(100)}.evil.com`;
		expect(() => normaliseSubdomain(bad)).toThrow(`"${'x'.repeat(80)}" is not a OneAll subdomain`);
	});
});

describe('resolveBaseUrl', () => {
	it('is https://<subdomain>.api.oneall.com without an override', () => {
		expect(resolveBaseUrl({ subdomain: ' MySite ' })).toBe('https://mysite.api.oneall.com');
		expect(resolveBaseUrl({ subdomain: 'mysite', apiBaseUrl: '   ' })).toBe('https://mysite.api.oneall.com');
		expect(resolveBaseUrl({ subdomain: 'mysite', apiBaseUrl: 42 })).toBe('https://mysite.api.oneall.com');
	});

	it.each([
		['http://127.0.0.1:5678', 'http://127.0.0.1:5678'],
		['http://127.0.0.1:5678/', 'http://127.0.0.1:5678'],
		['http://127.0.0.1:5678/{subdomain}//', 'http://127.0.0.1:5678/mysite'],
		['https://{subdomain}.proxy.example.com/oneall', 'https://mysite.proxy.example.com/oneall'],
		['HTTPS://Proxy.Example.COM:443/x', 'https://proxy.example.com/x'],
	])('override %j -> %j', (override, expected) => {
		expect(resolveBaseUrl({ subdomain: 'mysite', apiBaseUrl: override })).toBe(expected);
	});

	it.each([
		['not a URL', 'localhost:5678', /not a valid URL|must start with https/],
		['javascript:', 'javascript:alert(1)', /must start with https/],
		['file:', 'file:///etc/passwd', /must start with https/],
		['user info', 'https://user:pass@proxy.example.com', /user info/],
		['a username only', 'https://key@proxy.example.com', /user info/],
		['a query', 'https://proxy.example.com/?x=1', /query/],
		['a fragment', 'https://proxy.example.com/#x', /fragment/],
	])('rejects an override with %s', (_name, override, message) => {
		expect(() => resolveBaseUrl({ subdomain: 'mysite', apiBaseUrl: override })).toThrow(message);
	});

	it('validates the subdomain even when an override is set', () => {
		expect(() => resolveBaseUrl({ subdomain: 'evil.com', apiBaseUrl: 'http://127.0.0.1:1' })).toThrow(/subdomain/);
	});
});

describe('isWithinBase (keys only go to the credential host)', () => {
	const base = 'https://mysite.api.oneall.com';
	it.each([base, `${base}/`, `${base}/identities.json`, `${base}?page=2`])('%s is within the base', (url) => {
		expect(isWithinBase(url, base)).toBe(true);
	});

	it.each([
		`${base}.evil.com/identities.json`,
		`${base}@evil.com/identities.json`,
		`${base}:8443/identities.json`,
		`${base}evil/x`,
		'https://evil.com/https://mysite.api.oneall.com',
		'http://mysite.api.oneall.com/identities.json',
		'HTTPS://MYSITE.API.ONEALL.COM/identities.json',
	])('%s is not', (url) => {
		expect(isWithinBase(url, base)).toBe(false);
	});

	it('a base with a path does not match a longer sibling path', () => {
		expect(isWithinBase('http://127.0.0.1:5678/oneall/x.json', 'http://127.0.0.1:5678/oneall')).toBe(true);
		expect(isWithinBase('http://127.0.0.1:5678/oneallx/x.json', 'http://127.0.0.1:5678/oneall')).toBe(false);
	});
});
