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
		'sso_session',
		// Loudvoice ids (docs/oneall-api.md §8.8)
		'comment',
		'parent_comment',
		'discussion',
		'author',
	].map((name) => `${name.replace(/_/g, '')}token`),
);

// Words in a normalised key (lower case, no separators) that mark a secret.
const SECRET_WORDS = /(secret|password|passwd|passphrase|credential|authorization|cookie)/;
const SECRET_KEY_NAMES = /(apikey|privatekey|accesskey|vaultkey|signingkey|sessionkey|encryptionkey|clientkey)s?$/;

/** `access_token`, `accessToken`, `Access-Token` and `ACCESSTOKEN` are one name. */
function normalise(key: string): string {
	return key.toLowerCase().replace(/[^a-z0-9]/g, '');
}

function judgeKey(key: string): boolean {
	const name = normalise(key);
	if (ONEALL_ID_TOKENS.has(name) || ONEALL_ID_TOKENS.has(name.replace(/s$/, ''))) return false;
	if (/tokens?$/.test(name)) return true;
	return SECRET_WORDS.test(name) || SECRET_KEY_NAMES.test(name);
}

// Answers repeat the same few keys item after item: each is judged once. Bounded, so keys that an
// answer invents cannot grow it; past the bound they are judged every time.
const MAX_REMEMBERED_KEYS = 2000;
const verdicts = new Map<string, boolean>();

/** True when a key of that name holds a secret (provider token, secret, password, API key…). */
export function isSecretKey(key: string): boolean {
	let secret = verdicts.get(key);
	if (secret === undefined) {
		secret = judgeKey(key);
		if (verdicts.size < MAX_REMEMBERED_KEYS) verdicts.set(key, secret);
	}
	return secret;
}

function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
	// defineProperty: a "__proto__" key from parsed JSON stays a plain key.
	Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/**
 * `value` with every secret-named key's value replaced, so it doesn't travel to the next nodes. Parts
 * without secrets are returned as they are (most answers have none); a part with one is a copy, so
 * the answer itself is never changed.
 */
export function redactSecrets<T>(value: T): T {
	if (typeof value !== 'object' || value === null) return value;
	if (Array.isArray(value)) {
		let changed = false;
		const copy = value.map((entry: unknown) => {
			const redacted = redactSecrets(entry);
			if (redacted !== entry) changed = true;
			return redacted;
		});
		return (changed ? copy : value) as T;
	}
	const entries = Object.entries(value as Record<string, unknown>);
	let copy: Record<string, unknown> | undefined;
	for (let index = 0; index < entries.length; index++) {
		const [key, entry] = entries[index];
		const redacted = isSecretKey(key) ? REDACTED : redactSecrets(entry);
		if (!copy && redacted !== entry) {
			copy = {};
			for (const [earlierKey, earlier] of entries.slice(0, index)) setOwn(copy, earlierKey, earlier);
		}
		if (copy) setOwn(copy, key, redacted);
	}
	return (copy ?? value) as T;
}

/** The former name, kept for callers. */
export const redactProviderTokens = redactSecrets;
