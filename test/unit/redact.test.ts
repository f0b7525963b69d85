import { isSecretKey, REDACTED, redactProviderTokens, redactSecrets } from '../../nodes/OneAll/helpers/redact';

const SECRET_KEYS = [
	'access_token',
	'accessToken',
	'AccessToken',
	'ACCESS-TOKEN',
	'id_token',
	'idToken',
	'refresh_token',
	'oauth_token',
	'oauth_token_secret',
	'token_secret',
	'secret',
	'client_secret',
	'clientSecret',
	'password',
	'Password',
	'api_key',
	'apiKey',
	'X-Api-Key',
	'private_key',
	'identity_vault_key',
	'publish_token',
	'bearer_token',
	'tokens',
	'authorization',
	'cookie',
];
const KEPT_KEYS = [
	'identity_token',
	'identityToken',
	'user_token',
	'connection_token',
	'sharing_message_token',
	'sharing_page_token',
	'sharing_analytics_snapshot_token',
	'shorturl_token',
	'oa_social_login_token',
	'force_token_update',
	'key',
	'provider',
	'name',
	'token_type',
	'expires_in',
];

describe('redaction by key name', () => {
	it.each(SECRET_KEYS)('%s is a secret', (key) => expect(isSecretKey(key)).toBe(true));
	it.each(KEPT_KEYS)('%s is kept', (key) => expect(isSecretKey(key)).toBe(false));

	it('redacts at any depth, in arrays, whatever the value; keeps the rest; does not change the input', () => {
		const input = {
			identity_token: 'i-1',
			source: { key: 'google', access_token: { key: 'AT', secret: 'S' } },
			accounts: [{ deep: [{ refreshToken: 'RT', user_token: 'u-1' }] }, 'plain', 3, null],
			nothing: null,
			id_token: null,
		};
		const copy = JSON.parse(JSON.stringify(input));
		expect(redactSecrets(input)).toEqual({
			identity_token: 'i-1',
			source: { key: 'google', access_token: REDACTED },
			accounts: [{ deep: [{ refreshToken: REDACTED, user_token: 'u-1' }] }, 'plain', 3, null],
			nothing: null,
			id_token: REDACTED,
		});
		expect(input).toEqual(copy);
	});

	it('a "__proto__" key from parsed JSON stays a plain key', () => {
		const parsed = JSON.parse('{"__proto__":{"polluted":true,"access_token":"x"},"a":1}');
		const out = redactSecrets(parsed) as Record<string, unknown>;
		expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
		expect(Object.keys(out)).toEqual(['__proto__', 'a']);
		expect(JSON.stringify(out)).toBe('{"__proto__":{"polluted":true,"access_token":"[redacted]"},"a":1}');
	});

	it('returns parts without secrets as they are, and copies only the parts that hold one', () => {
		const clean = { pin: { id: '1', board: { id: '2' } }, list: [{ a: 1 }] };
		expect(redactSecrets(clean)).toBe(clean);
		const mixed = { pin: clean.pin, user: { name: 'n', access_token: 'AT', after: 1 } };
		const out = redactSecrets(mixed);
		expect(out).not.toBe(mixed);
		expect(out.pin).toBe(clean.pin);
		expect(out.user).toEqual({ name: 'n', access_token: REDACTED, after: 1 });
		expect(Object.keys(out.user)).toEqual(['name', 'access_token', 'after']);
		expect(mixed.user.access_token).toBe('AT');
	});

	it('judges keys the same way past the bound on remembered keys (an answer inventing many keys)', () => {
		const invented = Object.fromEntries(Array.from({ length: 3000 }, (_, i) => [`field_${i}`, i]));
		const answer = { ...invented, late_access_token: 'AT', late_name: 'kept' };
		const out = redactSecrets(answer) as Record<string, unknown>;
		expect(out.late_access_token).toBe(REDACTED);
		expect(out.late_name).toBe('kept');
		expect(out.field_2999).toBe(2999);
		expect(isSecretKey('yet_another_refresh_token')).toBe(true);
		expect(isSecretKey('connection_token')).toBe(false);
	});

	it('the former name is the same function', () => expect(redactProviderTokens).toBe(redactSecrets));
});
