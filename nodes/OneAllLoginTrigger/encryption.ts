import type { IDataObject } from 'n8n-workflow';

import { isObject } from '../OneAll/helpers/validation';

/** The connection's user data came back in a form the node cannot read, with a vault key in the POST. */
export class EncryptedSiteError extends Error {
	constructor() {
		super(
			'OneAll Social Login: the login form carried an identity_vault_key and OneAll answered the connection without readable user data. ' +
				'The OneAll site most likely has data encryption on: the node can read the connection (token, date) but not the user or the identity, ' +
				'and OneAll has not published how to decrypt them. Turn data encryption off in the OneAll site settings to use this trigger.',
		);
		this.name = 'EncryptedSiteError';
	}
}

/**
 * With data encryption on (docs/oneall-api.md §8.7), OneAll encrypts the user data of a connection and
 * the callback POST carries the identity_vault_key to decode it. The scheme is not public, so the
 * node only recognises the case: a vault key in the POST and no readable user/identity object.
 */
export function checkEncryptedAnswer(connectionData: IDataObject, vaultKey: string | undefined): void {
	if (!vaultKey) return;
	const user = connectionData.user;
	if (!isObject(user) || !isObject(user.identity) || typeof user.user_token !== 'string') throw new EncryptedSiteError();
}
