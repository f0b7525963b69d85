import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';

import { checkUrl } from '../OneAll/helpers/validation';
import { refuse } from './refusal';

export interface CallbackSettings {
	/** Empty: the short page is shown instead of a redirect. */
	redirectUrl: string;
	addUserToken: boolean;
	pageTitle: string;
	pageMessage: string;
	keepSecrets: boolean;
	includeVaultKey: boolean;
	maxAgeSeconds: number;
	/** How long a verified token stays used: Max Login Age, or a day when the age check is off. */
	replayWindowSeconds: number;
	verifyTimeoutSeconds: number;
}

const DAY_SECONDS = 24 * 60 * 60;
export const DEFAULT_VERIFY_TIMEOUT_SECONDS = 12;
const MAX_VERIFY_TIMEOUT_SECONDS = 60;

const NOT_CONFIGURED = 'Login callback not configured';
const NOT_CONFIGURED_MESSAGE = 'This login page is not set up correctly. Please tell the site owner.';

function hostList(value: unknown): string[] {
	return String(value ?? '')
		.split(',')
		.map((host) => host.trim().toLowerCase())
		.filter(Boolean);
}

/**
 * The redirect target, checked: http(s) only; when the field is an expression (it may be built from
 * data someone else controls), its host must be one of Allowed Redirect Hosts, so the user token can
 * never be sent to a host the workflow author did not name in plain text.
 */
function readRedirectUrl(context: IWebhookFunctions, options: IDataObject): string {
	const redirectUrl = String(context.getNodeParameter('redirectUrl', '') ?? '').trim();
	if (!redirectUrl) return '';
	const fail = (message: string): never => refuse(500, NOT_CONFIGURED, NOT_CONFIGURED_MESSAGE, message);
	checkUrl(redirectUrl, 'Redirect URL', fail);
	const raw = context.getNode().parameters.redirectUrl;
	if (typeof raw === 'string' && raw.startsWith('=')) {
		const host = new URL(redirectUrl).host.toLowerCase();
		if (!hostList(options.allowedRedirectHosts).includes(host)) {
			fail(`Redirect URL is an expression and its host "${host}" is not in Allowed Redirect Hosts`);
		}
	}
	return redirectUrl;
}

export function readSettings(context: IWebhookFunctions): CallbackSettings {
	const options = context.getNodeParameter('options', {}) as IDataObject;
	const respondWith = context.getNodeParameter('respondWith', 'redirect') === 'page' ? 'page' : 'redirect';
	const redirectUrl = respondWith === 'redirect' ? readRedirectUrl(context, options) : '';
	const maxAgeMinutes = Number(options.maxLoginAgeMinutes ?? 15);
	const maxAgeSeconds = Number.isFinite(maxAgeMinutes) && maxAgeMinutes > 0 ? maxAgeMinutes * 60 : 0;
	const timeout = Number(options.verifyTimeoutSeconds ?? DEFAULT_VERIFY_TIMEOUT_SECONDS);
	return {
		redirectUrl,
		addUserToken: redirectUrl !== '' && context.getNodeParameter('addUserToken', false) === true,
		pageTitle: String(context.getNodeParameter('pageTitle', 'You are logged in')),
		pageMessage: String(context.getNodeParameter('pageMessage', 'You can close this window.')),
		keepSecrets: options.includeAccessTokens === true,
		includeVaultKey: options.includeIdentityVaultKey === true,
		maxAgeSeconds,
		replayWindowSeconds: maxAgeSeconds || DAY_SECONDS,
		verifyTimeoutSeconds:
			Number.isFinite(timeout) && timeout > 0 ? Math.min(timeout, MAX_VERIFY_TIMEOUT_SECONDS) : DEFAULT_VERIFY_TIMEOUT_SECONDS,
	};
}

/** Where the browser goes after a verified login; undefined: show the short page. */
export function redirectTarget(settings: CallbackSettings, userToken: string): string | undefined {
	if (!settings.redirectUrl) return undefined;
	const target = new URL(settings.redirectUrl);
	if (settings.addUserToken) target.searchParams.set('user_token', userToken);
	return target.toString();
}
