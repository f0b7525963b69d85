import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { checkUrl } from '../OneAll/helpers/validation';
import { TOKEN_PATTERN } from '../OneAll/transport/path';
import { parseOneAllDate } from '../OneAllTrigger/cursor';
import { readLogin } from '../OneAllTrigger/login';
import { sendPage, sendRedirect } from './pages';

const TOKEN = new RegExp(TOKEN_PATTERN);
const ACTIONS = ['social_login', 'social_link'];

interface CallbackSettings {
	respondWith: 'redirect' | 'page';
	redirectUrl: string;
	addUserToken: boolean;
	pageTitle: string;
	pageMessage: string;
	keepSecrets: boolean;
	maxAgeSeconds: number;
}

/** Refused callback: the status and the page the browser gets. No execution starts. */
class Refusal extends Error {
	constructor(
		readonly status: number,
		readonly title: string,
		message: string,
	) {
		super(message);
	}
}

function refuse(status: number, title: string, message: string): never {
	throw new Refusal(status, title, message);
}

function readSettings(context: IWebhookFunctions): CallbackSettings {
	const fail = (message: string): never => refuse(500, 'Login callback not configured', message);
	const respondWith = context.getNodeParameter('respondWith', 'redirect') === 'page' ? 'page' : 'redirect';
	const redirectUrl = respondWith === 'redirect' ? String(context.getNodeParameter('redirectUrl', '')).trim() : '';
	if (respondWith === 'redirect') checkUrl(redirectUrl, 'Redirect URL', fail);
	const options = context.getNodeParameter('options', {}) as IDataObject;
	const maxAgeMinutes = Number(options.maxLoginAgeMinutes ?? 15);
	return {
		respondWith,
		redirectUrl,
		addUserToken: respondWith === 'redirect' && context.getNodeParameter('addUserToken', false) === true,
		pageTitle: String(context.getNodeParameter('pageTitle', 'You are logged in')),
		pageMessage: String(context.getNodeParameter('pageMessage', 'You can close this window.')),
		keepSecrets: options.includeAccessTokens === true,
		maxAgeSeconds: Number.isFinite(maxAgeMinutes) && maxAgeMinutes > 0 ? maxAgeMinutes * 60 : 0,
	};
}

function field(form: IDataObject, name: string): string | undefined {
	const value = form[name];
	return typeof value === 'string' ? value.trim() : undefined;
}

/** The connection token of OneAll's form POST, checked for shape before anything is sent to OneAll. */
function readForm(form: IDataObject): { token: string; action: string } {
	const connection = field(form, 'connection_token');
	const loginToken = field(form, 'oa_social_login_token');
	const token = connection ?? loginToken;
	if (!token) refuse(400, 'Login failed', 'The login form did not carry a connection token.');
	if (connection && loginToken && connection !== loginToken) {
		refuse(400, 'Login failed', 'The login form carried two different tokens.');
	}
	if (!TOKEN.test(token)) refuse(400, 'Login failed', 'The login form carried a malformed token.');
	const action = field(form, 'oa_action') ?? '';
	if (!ACTIONS.includes(action)) refuse(400, 'Login failed', 'The login form carried an unknown action.');
	return { token, action };
}

/**
 * OneAll's login callback (docs/oneall-api.md §8.7): the person's browser form-POSTs an unsigned
 * connection_token, so anyone can post one. It is trusted only after GET /connections/<token>.json
 * answers with the site's keys (§7.4); a forged, unknown or stale token starts no execution.
 */
export async function handleCallback(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	try {
		const settings = readSettings(this);
		const form = (this.getBodyData() ?? {}) as IDataObject;
		const { token, action } = readForm(form);
		let login;
		try {
			login = await readLogin(this, token, settings.keepSecrets);
		} catch (error) {
			const status = error instanceof NodeApiError ? Number(error.httpCode) : NaN;
			if (status === 404 || status === 400 || status === 403) {
				refuse(403, 'Login not recognised', 'This login could not be verified with OneAll. Please log in again.');
			}
			refuse(502, 'Login could not be verified', 'OneAll could not be reached to verify this login. Please try again.');
		}
		const loggedInAt = parseOneAllDate(login.connection.date ?? login.connection.date_creation);
		if (settings.maxAgeSeconds && loggedInAt !== undefined && Date.now() / 1000 - loggedInAt > settings.maxAgeSeconds) {
			refuse(403, 'Login expired', 'This login is too old to be used again. Please log in again.');
		}
		const userToken = String(login.user.user_token);
		if (settings.respondWith === 'redirect') {
			const target = new URL(settings.redirectUrl);
			if (settings.addUserToken) target.searchParams.set('user_token', userToken);
			sendRedirect(this, target.toString());
		} else {
			sendPage(this, 200, settings.pageTitle, settings.pageMessage);
		}
		const output: IDataObject = {
			action,
			connection: login.connection,
			user: login.user,
			identity: login.identity,
			query: this.getQueryData() as IDataObject,
		};
		return { noWebhookResponse: true, workflowData: [this.helpers.returnJsonArray([output])] };
	} catch (error) {
		// Never an n8n JSON error: the person's browser gets a page, and no execution starts.
		const refusal =
			error instanceof Refusal
				? error
				: new Refusal(500, 'Login failed', 'Something went wrong while checking this login. Please try again.');
		sendPage(this, refusal.status, refusal.title, refusal.message);
		return { noWebhookResponse: true };
	}
}
