import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { raceDeadline } from '../OneAll/transport/deadline';
import { TOKEN_PATTERN } from '../OneAll/transport/path';
import { readLogin, type Login } from '../OneAllTrigger/login';
import { EventAnswerError } from '../OneAllTrigger/answer';
import { checkEncryptedAnswer, EncryptedSiteError } from './encryption';
import { checkLoginAge } from './age';
import { readSettings, redirectTarget, type CallbackSettings } from './settings';
import { Refusal, refuse, NEUTRAL } from './refusal';
import { claimInProcess, recordUsed, releaseInProcess, usedElsewhere } from './replay';
import { sendPage, sendRedirect } from './pages';

const TOKEN = new RegExp(TOKEN_PATTERN);
const ACTIONS = ['social_login', 'social_link'];

function field(form: IDataObject, name: string): string | undefined {
	const value = form[name];
	return typeof value === 'string' ? value.trim() : undefined;
}

/** The connection token of OneAll's form POST, checked for shape before anything is sent to OneAll. */
function readForm(form: IDataObject): { token: string; action: string; vaultKey?: string } {
	const connection = field(form, 'connection_token');
	const loginToken = field(form, 'oa_social_login_token');
	const token = connection ?? loginToken;
	if (!token) refuse(400, NEUTRAL.title, NEUTRAL.message, 'the login form did not carry a connection token');
	if (connection && loginToken && connection !== loginToken) {
		refuse(400, NEUTRAL.title, NEUTRAL.message, 'the login form carried two different tokens');
	}
	if (!TOKEN.test(token)) refuse(400, NEUTRAL.title, NEUTRAL.message, 'the login form carried a malformed token');
	const action = field(form, 'oa_action') ?? '';
	if (!ACTIONS.includes(action)) refuse(400, NEUTRAL.title, NEUTRAL.message, 'the login form carried an unknown action');
	const vaultKey = field(form, 'identity_vault_key') || undefined;
	return { token, action, vaultKey };
}

/** Reads the login from OneAll within the verification deadline; every failure becomes a refusal. */
async function verify(
	context: IWebhookFunctions,
	token: string,
	vaultKey: string | undefined,
	settings: CallbackSettings,
): Promise<Login> {
	const timeoutMs = settings.verifyTimeoutSeconds * 1000;
	const signal = AbortSignal.timeout(timeoutMs);
	try {
		// endsAt stops OneAll's retries in time; the race answers the person even if a read ignores it.
		return await raceDeadline(
			readLogin(context, token, settings.keepSecrets, {
				endsAt: Date.now() + timeoutMs,
				checkConnection: (data) => checkEncryptedAnswer(data, vaultKey),
			}),
			{ signal, timeoutMs, release: () => {} },
		);
	} catch (error) {
		if (error instanceof EncryptedSiteError) {
			context.logger.warn(error.message, { node: context.getNode().name });
			refuse(502, NEUTRAL.title, NEUTRAL.message, 'the site has data encryption on; see the n8n log');
		}
		if (error instanceof EventAnswerError) refuse(502, NEUTRAL.title, NEUTRAL.message, error.message);
		const status = error instanceof NodeApiError ? Number(error.httpCode) : NaN;
		if (status === 404 || status === 400 || status === 403) {
			refuse(403, NEUTRAL.title, NEUTRAL.message, 'OneAll does not know this connection token for this site');
		}
		refuse(502, NEUTRAL.title, NEUTRAL.message, `OneAll could not verify this login within ${settings.verifyTimeoutSeconds} s`);
	}
}

/**
 * OneAll's login callback (docs/oneall-api.md §8.7): the person's browser form-POSTs an unsigned
 * connection_token, so anyone can post one. It is trusted only after GET /connections/<token>.json
 * answers with the site's keys (§7.4), once (replay.ts), dated and recent (age.ts); a forged, unknown,
 * replayed or stale token starts no production execution.
 */
export async function handleCallback(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	let claimed: string | undefined;
	try {
		const settings = readSettings(this);
		const form = (this.getBodyData() ?? {}) as IDataObject;
		const { token, action, vaultKey } = readForm(form);
		const staticData = this.getWorkflowStaticData('node');
		const usedUntil = Date.now() + settings.replayWindowSeconds * 1000;
		if (usedElsewhere(staticData, token) || !claimInProcess(token, usedUntil)) {
			refuse(403, NEUTRAL.title, NEUTRAL.message, 'this connection token was already used');
		}
		claimed = token;
		const login = await verify(this, token, vaultKey, settings);
		// Verified: the token stays used even when it is refused for its age below.
		claimed = undefined;
		recordUsed(staticData, token, usedUntil);
		checkLoginAge(login.connection, settings.maxAgeSeconds);

		const userToken = String(login.user.user_token);
		const target = redirectTarget(settings, userToken);
		if (target) sendRedirect(this, target);
		else sendPage(this, 200, settings.pageTitle, settings.pageMessage);
		const output: IDataObject = {
			action,
			connection: login.connection,
			user: login.user,
			identity: login.identity,
			query: this.getQueryData() as IDataObject,
		};
		if (settings.includeVaultKey && vaultKey) output.identity_vault_key = vaultKey;
		return { noWebhookResponse: true, workflowData: [this.helpers.returnJsonArray([output])] };
	} catch (error) {
		if (claimed) releaseInProcess(claimed);
		// Never an n8n JSON error: the person's browser gets a page.
		const refusal =
			error instanceof Refusal
				? error
				: new Refusal(500, NEUTRAL.title, NEUTRAL.message, 'an unexpected error: ' + String((error as Error)?.message));
		sendPage(this, refusal.status, refusal.title, refusal.message);
		// A test run in the editor shows why; production never starts a workflow for a refused login.
		if (this.getMode() === 'manual') {
			const explanation = { refused: true, status: refusal.status, reason: refusal.reason };
			return { noWebhookResponse: true, workflowData: [this.helpers.returnJsonArray([explanation])] };
		}
		return { noWebhookResponse: true };
	}
}
