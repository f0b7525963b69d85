import type { IDataObject, IPollFunctions, IWebhookFunctions } from 'n8n-workflow';

import { redactProviderTokens } from '../OneAll/helpers/redact';
import { apiPath, TOKEN_PATTERN } from '../OneAll/transport/path';
import { oneAllApiRequest, resultData } from '../OneAll/transport/request';
import { EventAnswerError, shapeOf } from './answer';
import { isObject } from '../OneAll/helpers/validation';

const TOKEN = new RegExp(TOKEN_PATTERN);

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
	return isObject(value) ? value : {};
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
	const userToken = loginUser.user_token;
	if (typeof userToken !== 'string' || !TOKEN.test(userToken)) {
		// Required: the login is the user's; without the token there is nothing to read or redirect with.
		const part = isObject(connectionData.user) ? `result.data.user.user_token is ${shapeOf(userToken)}` : `result.data.user is ${shapeOf(connectionData.user)}`;
		throw new EventAnswerError(context.getNode(), `OneAll's answer for connection ${connectionToken} names no user: ${part}`, {
			description: `GET /connections/${connectionToken}.json answered without the user who logged in, so the login cannot be read. Use a Custom API Call to see the raw answer.`,
		});
	}
	const userData = resultData(
		await oneAllApiRequest.call(context, {
			method: 'GET',
			path: apiPath('/users/{token}.json', { token: userToken }),
			endsAt: settings.endsAt,
		}),
	);
	const login: Login = {
		connection: asObject(connectionData.connection),
		// The token the connection read verified wins over whatever the user read says.
		user: { ...asObject(userData.user), user_token: userToken },
		identity,
	};
	return keepSecrets ? login : redactProviderTokens(login);
}
