import type {
	ICredentialsDecrypted,
	IDataObject,
	IExecuteFunctions,
	ILoadOptionsFunctions,
	IPollFunctions,
	IWebhookFunctions,
} from 'n8n-workflow';

import { resolveBaseUrl } from './baseUrl';
import { secretForms } from './secrets';
import { sitePaceKey } from './sitePace';

export const CREDENTIAL_TYPE = 'oneAllApi';

export type OneAllContext = IExecuteFunctions | ILoadOptionsFunctions | IPollFunctions | IWebhookFunctions;

/** The credential as one execution uses it: read once, for every request and every mask. */
export interface ExecutionCredential {
	/**
	 * Handed to n8n's authenticated request, so n8n does not load and decrypt the credential again for
	 * every request (a database read in a real n8n). Undefined when reading it failed: n8n then reads it
	 * itself on the request and reports why, as it would without this.
	 */
	decrypted?: ICredentialsDecrypted;
	/** The private key in every form it could come back in; masked in everything that leaves the transport. */
	secrets: string[];
	/** Whose pace the requests share (sitePace.ts); undefined when the site is unknown. */
	paceKey?: string;
}

/** The site and credential as a pace key; undefined when the credential names no valid site. */
function paceKeyOf(data: IDataObject, credentialId: string | undefined): string | undefined {
	try {
		const base = resolveBaseUrl({
			subdomain: data.subdomain,
			apiBaseUrl: data.useCustomBaseUrl === true ? data.apiBaseUrl : '',
		});
		return sitePaceKey(base, credentialId, String(data.publicKey ?? ''));
	} catch {
		return undefined; // the request itself reports the invalid site
	}
}

// One entry per execution context, weakly held so it goes with the execution. Credentials are not
// per item: n8n's authenticated request reads them without an item index too.
const byContext = new WeakMap<object, Promise<ExecutionCredential>>();

async function readCredential(context: OneAllContext): Promise<ExecutionCredential> {
	try {
		const data = await context.getCredentials(CREDENTIAL_TYPE);
		const reference = context.getNode().credentials?.[CREDENTIAL_TYPE];
		return {
			decrypted: reference?.id ? { id: reference.id, name: reference.name, type: CREDENTIAL_TYPE, data } : undefined,
			secrets: secretForms(String(data.publicKey ?? ''), String(data.privateKey ?? '')),
			paceKey: paceKeyOf(data, reference?.id ?? undefined),
		};
	} catch {
		return { secrets: [] }; // nothing of it to leak; Basic/Bearer values are still masked
	}
}

/**
 * Starts a new run on a context n8n keeps across runs (a poll trigger's: one per activation, and n8n does
 * not re-activate a workflow when its credential is saved): its next request reads the credential again,
 * so a new key or base URL applies from the next poll.
 */
export function startRun(context: OneAllContext): void {
	byContext.delete(context);
}

/** This execution's credential, read on first use. */
export async function executionCredential(context: OneAllContext): Promise<ExecutionCredential> {
	let credential = byContext.get(context);
	if (!credential) {
		credential = readCredential(context);
		byContext.set(context, credential);
	}
	return await credential;
}
