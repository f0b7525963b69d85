/**
 * Secrets in OneAll's answers (identity reads, users, connections, Custom API Calls) are found by the
 * key's name, not from a fixed list: any key that names a token, secret, password or key, at any
 * depth. OneAll's own object tokens are ids the workflow needs and are kept.
 */

export const REDACTED = '[redacted]';

/** OneAll's ids named "…_token" (identity_token, user_token, …), compared without separators. */
const ONEALL_ID_TOKENS = new Set(
	[
		'identity',
		'user',
		'connection',
		'sharing_message',
		'sharing_page',
		'sharing_analytics_snapshot',
		'shorturl',
		'page',
		'oa_social_login',
		'publication',
		'campaign',
	].map((name) => `${name.replace(/_/g, '')}token`),
);

// Words in a normalised key (lower case, no separators) that mark a secret.
const SECRET_WORDS = /(secret|password|passwd|passphrase|credential|authorization|cookie)/;
const SECRET_KEY_NAMES = /(apikey|privatekey|accesskey|vaultkey|signingkey|sessionkey|encryptionkey|clientkey)s?$/;

/** `access_token`, `accessToken`, `Access-Token` and `ACCESSTOKEN` are one name. */
function normalise(key: string): string {
	return key.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** True when a key of that name holds a secret (provider token, secret, password, API key…). */
export function isSecretKey(key: string): boolean {
	const name = normalise(key);
	if (ONEALL_ID_TOKENS.has(name) || ONEALL_ID_TOKENS.has(name.replace(/s$/, ''))) return false;
	if (/tokens?$/.test(name)) return true;
	return SECRET_WORDS.test(name) || SECRET_KEY_NAMES.test(name);
}

/** A copy of `value` with every secret-named key's value replaced, so it doesn't travel to the next nodes. */
export function redactSecrets<T>(value: T): T {
	if (Array.isArray(value)) return value.map((entry) => redactSecrets(entry) as unknown) as T;
	if (typeof value !== 'object' || value === null) return value;
	const copy: Record<string, unknown> = {};
	for (const [key, entry] of Object.entries(value as Record<string, unknown>)) {
		const redacted = isSecretKey(key) ? REDACTED : redactSecrets(entry);
		// defineProperty: a "__proto__" key from parsed JSON stays a plain key.
		Object.defineProperty(copy, key, { value: redacted, enumerable: true, writable: true, configurable: true });
	}
	return copy as T;
}

/** The former name, kept for callers. */
export const redactProviderTokens = redactSecrets;
