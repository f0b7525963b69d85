const REDACTED = '[redacted]';
// Values of an Authorization header. Checked further below, so "Basic training" in a post stays as is.
const AUTH_VALUE = /\b(Basic|Bearer)\s+([A-Za-z0-9+/=._~-]+)/gi;
const MIN_SECRET_LENGTH = 4;

/** Every form in which the private key could come back: as is, encoded, or as the Basic auth value. */
export function secretForms(publicKey: string, privateKey: string): string[] {
	if (privateKey.length < MIN_SECRET_LENGTH) return [];
	const pair = `${publicKey}:${privateKey}`;
	const forms = [
		privateKey,
		// OneAll's keys are UUIDs, which do not depend on letter case: a server may echo one upper-cased.
		privateKey.toUpperCase(),
		privateKey.toLowerCase(),
		Buffer.from(pair).toString('base64'),
		Buffer.from(pair).toString('base64url'),
		Buffer.from(privateKey).toString('base64'),
		encodeURIComponent(privateKey),
	];
	// Longest first, so a longer form is never half-replaced by a shorter one it contains.
	return [...new Set(forms)].sort((a, b) => b.length - a.length);
}

/**
 * Every form in which a secret value of a request (a password in its body) could come back: as is,
 * URL-encoded or JSON-escaped. Shorter than 4 characters: none (masking it would garble every text).
 */
export function valueForms(value: string): string[] {
	if (value.length < MIN_SECRET_LENGTH) return [];
	return [value, encodeURIComponent(value), JSON.stringify(value).slice(1, -1)];
}

/** Secrets from several sources as one list, longest first (a longer one is never half-replaced by a shorter). */
export function mergeSecrets(...lists: ReadonlyArray<readonly string[]>): string[] {
	return [...new Set(lists.flat())].sort((a, b) => b.length - a.length);
}

/** A Basic value is base64 of "user:password"; a bearer token is long. */
function isCredentialValue(scheme: string, value: string): boolean {
	if (scheme.toLowerCase() === 'bearer') return value.length >= 16;
	if (value.length < 4 || !/^[A-Za-z0-9+/_-]+={0,2}$/.test(value)) return false;
	return Buffer.from(value, 'base64').toString('latin1').includes(':');
}

function maskAuthValues(text: string): string {
	return text.replace(AUTH_VALUE, (match: string, scheme: string, value: string) =>
		isCredentialValue(scheme, value) ? `${scheme} ${REDACTED}` : match,
	);
}

/** `text` with any Basic/Bearer credential value and every secret replaced by "[redacted]". */
export function maskText(text: string, secrets: readonly string[] = []): string {
	let masked = maskAuthValues(text);
	for (const secret of secrets) {
		if (secret.length >= MIN_SECRET_LENGTH && masked.includes(secret)) masked = masked.split(secret).join(REDACTED);
	}
	return masked;
}

function needsMask(text: string, secrets: readonly string[]): boolean {
	if (/\b(?:basic|bearer)\s/i.test(text) && maskAuthValues(text) !== text) return true;
	return secrets.some((secret) => secret.length >= MIN_SECRET_LENGTH && text.includes(secret));
}

/**
 * `value` with every string (and key) masked, at any depth. Returns the same object when nothing
 * needed masking, so the common case copies nothing.
 */
export function maskDeep<T>(value: T, secrets: readonly string[]): T {
	if (typeof value === 'string') return (needsMask(value, secrets) ? maskText(value, secrets) : value) as T;
	if (typeof value !== 'object' || value === null) return value;
	if (Array.isArray(value)) {
		let changed = false;
		const copy = value.map((entry: unknown) => {
			const masked = maskDeep(entry, secrets);
			if (masked !== entry) changed = true;
			return masked;
		});
		return (changed ? copy : value) as T;
	}
	if (Buffer.isBuffer(value)) return value;
	let changed = false;
	const copy: Record<string, unknown> = {};
	for (const [key, entry] of Object.entries(value as Record<string, unknown>)) {
		const maskedKey = maskDeep(key, secrets);
		const masked = maskDeep(entry, secrets);
		if (masked !== entry || maskedKey !== key) changed = true;
		Object.defineProperty(copy, maskedKey, { value: masked, enumerable: true, writable: true, configurable: true });
	}
	return (changed ? copy : value) as T;
}

/**
 * maskDeep with a fast path for the usual clean answer: one search of its JSON text instead of one per
 * string. Taken only when every secret is written the same inside JSON (no character JSON escapes).
 */
export function maskAnswer<T>(value: T, secrets: readonly string[]): T {
	if (secrets.every((secret) => JSON.stringify(secret) === `"${secret}"`)) {
		const text = JSON.stringify(value) ?? '';
		// "Basic\n<value>" is written with an escaped newline in JSON: leave that case to maskDeep.
		if (!needsMask(text, secrets) && !/\b(?:basic|bearer)\\[nrt]/i.test(text)) return value;
	}
	return maskDeep(value, secrets);
}

/** Masks what an n8n error shows or keeps: message, description, messages and the response it wraps. */
export function maskError<E extends Error>(error: E, secrets: readonly string[]): E {
	const shown = error as E & { description?: unknown; messages?: unknown; errorResponse?: unknown; cause?: unknown };
	shown.message = maskText(shown.message, secrets);
	if (typeof shown.description === 'string') shown.description = maskText(shown.description, secrets);
	if (Array.isArray(shown.messages)) shown.messages = maskDeep(shown.messages, secrets);
	if (shown.errorResponse !== undefined) shown.errorResponse = maskDeep(shown.errorResponse, secrets);
	return error;
}
