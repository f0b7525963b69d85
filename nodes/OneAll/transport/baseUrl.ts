/**
 * Where a OneAll site lives. Shared by the credential (authenticate, test) and the transport, so
 * the keys can only ever be sent to the host derived from the credential.
 */

const SUBDOMAIN = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const ONEALL_HOST_SUFFIX = '.api.oneall.com';

export interface OneAllSiteCredentials {
	subdomain?: unknown;
	apiBaseUrl?: unknown;
}

/** Accepts `mysite`, `mysite.api.oneall.com` or `https://mysite.api.oneall.com/`; returns `mysite`. */
export function normaliseSubdomain(input: unknown): string {
	if (typeof input !== 'string' || input.trim() === '') {
		throw new Error('The OneAll subdomain is empty. Enter the subdomain of your OneAll site, e.g. "mysite".');
	}
	let value = input.trim().toLowerCase();
	value = value.replace(/^https:\/\//, '');
	value = value.replace(/\/+$/, '');
	if (value.endsWith(ONEALL_HOST_SUFFIX)) value = value.slice(0, -ONEALL_HOST_SUFFIX.length);
	if (!SUBDOMAIN.test(value)) {
		throw new Error(
			`"${input.trim().slice(0, 80)}" is not a OneAll subdomain. Use the site's subdomain ("mysite"), ` +
				'"mysite.api.oneall.com" or "https://mysite.api.oneall.com/" as shown under Settings > API Settings in the OneAll dashboard.',
		);
	}
	return value;
}

/** The override must be a plain http(s) origin with an optional path: no query, fragment or user info. */
function normaliseOverride(raw: string, subdomain: string): string {
	const withSubdomain = raw.trim().split('{subdomain}').join(subdomain);
	let url: URL | undefined;
	try {
		url = new URL(withSubdomain);
	} catch {
		url = undefined;
	}
	if (!url) throw new Error(`The API Base URL "${raw.slice(0, 120)}" is not a valid URL.`);
	if (url.protocol !== 'https:' && url.protocol !== 'http:') {
		throw new Error('The API Base URL must start with https:// (or http:// for a local emulator).');
	}
	if (url.username || url.password || url.search || url.hash) {
		throw new Error('The API Base URL must not contain user info, a query string or a fragment.');
	}
	return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/** The base URL every request of this credential goes to (no trailing slash). */
export function resolveBaseUrl(credentials: OneAllSiteCredentials): string {
	const subdomain = normaliseSubdomain(credentials.subdomain);
	const override = typeof credentials.apiBaseUrl === 'string' ? credentials.apiBaseUrl.trim() : '';
	if (override !== '') return normaliseOverride(override, subdomain);
	return `https://${subdomain}${ONEALL_HOST_SUFFIX}`;
}

/** True when `url` is the base URL itself or a path below it. */
export function isWithinBase(url: string, base: string): boolean {
	if (!url.startsWith(base)) return false;
	const rest = url.slice(base.length);
	return rest === '' || rest.startsWith('/') || rest.startsWith('?');
}
