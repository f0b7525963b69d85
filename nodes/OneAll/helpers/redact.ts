/** Keys under which OneAll returns provider credentials (identity reads, connections, users). */
const SECRET_KEYS = new Set([
	'access_token',
	'refresh_token',
	'secret',
	'token_secret',
	'oauth_token',
	'oauth_token_secret',
	'identity_vault_key',
]);

export const REDACTED = '[redacted]';

/** A copy of `value` with provider tokens replaced, so they don't travel on to the next nodes. */
export function redactProviderTokens<T>(value: T): T {
	if (Array.isArray(value)) return value.map((entry) => redactProviderTokens(entry) as unknown) as T;
	if (typeof value !== 'object' || value === null) return value;
	const copy: Record<string, unknown> = {};
	for (const [key, entry] of Object.entries(value as Record<string, unknown>)) {
		copy[key] = SECRET_KEYS.has(key.toLowerCase()) ? REDACTED : redactProviderTokens(entry);
	}
	return copy as T;
}
