import type { IDataObject, IPollFunctions, IWebhookFunctions } from 'n8n-workflow';

import { redactProviderTokens } from '../OneAll/helpers/redact';
import { apiPath, tokenSegment } from '../OneAll/transport/path';
import { oneAllApiRequest, resultData } from '../OneAll/transport/request';
import { failFor } from '../OneAll/helpers/fail';

export interface Login extends IDataObject {
	connection: IDataObject;
	/** The user with every identity they connected. */
	user: IDataObject;
	/** The identity the person logged in with. */
	identity: IDataObject;
}

export interface LoginReadSettings {
	/** Epoch ms by which both reads, retries included, must be over (see RequestSettings.endsAt). */
	endsAt?: number;
	/** Sees the connection read's `result.data` before the user is read; throws to stop. */
	checkConnection?: (connectionData: IDataObject) => void;
}

function asObject(value: unknown): IDataObject {
	return value && typeof value === 'object' && !Array.isArray(value) ? (value as IDataObject) : {};
}

/**
 * A login read in full: GET /connections/<token>.json gives the connection and the identity used
 * (docs/oneall-api.md §7.4), GET /users/<user_token>.json the user with all identities (§7.2).
 * Provider tokens are redacted unless `keepSecrets`.
 */
export async function readLogin(
	context: IPollFunctions | IWebhookFunctions,
	connectionToken: string,
	keepSecrets: boolean,
	settings: LoginReadSettings = {},
): Promise<Login> {
	const connectionData = resultData(
		await oneAllApiRequest.call(context, {
			method: 'GET',
			path: apiPath('/connections/{token}.json', { token: connectionToken }),
			endsAt: settings.endsAt,
		}),
	);
	settings.checkConnection?.(connectionData);
	const loginUser = asObject(connectionData.user);
	const identity = asObject(loginUser.identity);
	const userToken = tokenSegment(loginUser.user_token, 'The connection\'s user_token', failFor(context.getNode()));
	const userData = resultData(
		await oneAllApiRequest.call(context, {
			method: 'GET',
			path: apiPath('/users/{token}.json', { token: userToken }),
			endsAt: settings.endsAt,
		}),
	);
	const login: Login = {
		connection: asObject(connectionData.connection),
		user: { user_token: userToken, ...asObject(userData.user) },
		identity,
	};
	return keepSecrets ? login : redactProviderTokens(login);
}
