import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { DEFAULT_SITE, FIXTURES, type Emulator } from '../emulator/index.cjs';
import type { OneAllCredentials } from './harness.cjs';

/** A resource locator value in ID mode, as the editor stores it. */
export function byId(value: string): IDataObject {
	return { __rl: true, mode: 'id', value };
}

/** Credential data pointing at a running emulator. */
export function emulatorCredentials(emulator: Emulator, overrides: Partial<OneAllCredentials> = {}): OneAllCredentials {
	return {
		subdomain: DEFAULT_SITE.subdomain,
		publicKey: DEFAULT_SITE.publicKey,
		privateKey: DEFAULT_SITE.privateKey,
		useCustomBaseUrl: true,
		apiBaseUrl: emulator.url,
		...overrides,
	};
}

export function basicAuth(publicKey: string, privateKey: string): string {
	return 'Basic ' + Buffer.from(`${publicKey}:${privateKey}`).toString('base64');
}

/** Sharing → Publish for the emulator's Sharing user on all of the user's networks; `overrides` change any parameter. */
export function sharingPublish(overrides: IDataObject = {}): IDataObject {
	return {
		resource: 'sharingMessage',
		operation: 'publish',
		publishFor: 'user',
		user: byId(FIXTURES.users.sharing),
		networkChoice: 'all',
		text: 'Welcome!',
		...overrides,
	};
}

/** The index of the input item an output item is paired with. */
export function pairedIndex(item: INodeExecutionData): number {
	return (item.pairedItem as { item: number }).item;
}

/** Pinterest → Publish Pin with the emulator's Pinterest identity and first board; `overrides` change any parameter. */
export function publishPin(overrides: IDataObject = {}): IDataObject {
	return {
		resource: 'pinterest',
		operation: 'publishPin',
		identity: byId(FIXTURES.identities.pinterest),
		board: byId(FIXTURES.pinterest.boardId),
		title: 'Stadium',
		picture: 'https://www.oneall.com/logo.jpg',
		...overrides,
	};
}
