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

	it('the former name is the same function', () => expect(redactProviderTokens).toBe(redactSecrets));
});
