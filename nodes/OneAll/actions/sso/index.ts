import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { failFor, type Fail } from '../../helpers/fail';
import { asText, asWholeNumber, isEmpty } from '../../helpers/validation';
import { apiPath } from '../../transport/path';
import { deleteOperation, getManyOperation, getOperation } from '../account/reads';
import { readOptions } from '../account/shared';
import { locatorProperty, readLocator, readToken } from '../common/locators';
import { nodeParameter } from '../common/parameters';
import type { OperationDefinition, RequestDescription, ResourceDefinition } from '../operation';
import { writeOptions } from '../sharing/options';

const SESSIONS = '/sso/sessions.json';
const SESSION = '/sso/sessions/{token}.json';
const IDENTITY_SESSION = '/sso/sessions/identities/{token}.json';
const SOURCE = 'docs/oneall-api.md §8.8';
const MAX_REALM = 255;
/** Longest lifetime the node sends: a year. OneAll's default is 86400 s (one day) and it states no maximum. */
const MAX_LIFETIME = 365 * 24 * 3600;

const sessionToken: { property: INodeProperties; read: (context: IExecuteFunctions, itemIndex: number, fail: Fail) => string } = {
	property: {
		displayName: 'SSO Session Token',
		name: 'ssoSession',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 8ffbe7d7-b899-4176-8220-54c136949b01',
		description: 'The sso_session_token of the session, from Get Many or Start for Identity',
	},
	read: (context, itemIndex, fail) => readToken(context, itemIndex, 'ssoSession', 'SSO Session Token', fail),
};

const identity = locatorProperty('identity', {
	description: 'The identity (social account of a user) whose single sign-on session this is',
});

function optionalText(value: unknown, label: string, fail: Fail): string | undefined {
	if (isEmpty(value)) return undefined;
	const text = asText(value, label, fail).trim();
	if (text.length > MAX_REALM) fail(`${label} is too long: ${text.length} characters, at most ${MAX_REALM} are sent`);
	return text;
}

const startForIdentity: OperationDefinition = {
	value: 'startForIdentity',
	name: 'Start for Identity',
	action: 'Start an SSO session for an identity',
	description:
		'Start a single sign-on session for an identity, so the user is signed in on your other sites too; ends the sessions the identity had',
	docs: {
		request: `PUT ${IDENTITY_SESSION.replace('{token}', '{identity_token}')}`,
		body: 'sso_session{top_realm?, sub_realm?, lifetime?, data?} (optional)',
		certainty: 'docs',
		source: `${SOURCE}; docs sso/identity/start-session`,
	},
	properties: [
		identity,
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [
				{
					displayName: 'Data',
					name: 'data',
					type: 'string',
					default: '',
					description: 'Text (e.g. a URL or JSON) stored with the session',
				},
				{
					displayName: 'Lifetime (Seconds)',
					name: 'lifetime',
					type: 'number',
					typeOptions: { minValue: 1, maxValue: MAX_LIFETIME },
					default: 86400,
					description: "How long the session lasts; OneAll's default is 86400 (one day)",
				},
				{
					displayName: 'Sub Realm',
					name: 'subRealm',
					type: 'string',
					default: '',
					placeholder: 'e.g. carrot',
					description: 'The secondary realm of the session',
				},
				{
					displayName: 'Top Realm',
					name: 'topRealm',
					type: 'string',
					default: '',
					placeholder: 'e.g. vegetables',
					description: 'The primary realm of the session: only sites of the same realm share it',
				},
			],
		},
		writeOptions,
	],
	prepare(this: IExecuteFunctions, itemIndex: number): RequestDescription {
		const fail = failFor(this.getNode(), itemIndex);
		const token = readLocator(this, itemIndex, 'identity', fail);
		const fields = nodeParameter(this, 'additionalFields', itemIndex, {});
		const given = typeof fields === 'object' && fields !== null && !Array.isArray(fields) ? (fields as IDataObject) : fail('"Additional Fields" must be a collection of fields');
		const session: IDataObject = {};
		const topRealm = optionalText(given.topRealm, '"Top Realm"', fail);
		const subRealm = optionalText(given.subRealm, '"Sub Realm"', fail);
		if (topRealm !== undefined) session.top_realm = topRealm;
		if (subRealm !== undefined) session.sub_realm = subRealm;
		if (given.lifetime !== undefined) {
			const lifetime = asWholeNumber(given.lifetime, '"Lifetime (Seconds)"', 1, fail);
			if (lifetime > MAX_LIFETIME) fail(`"Lifetime (Seconds)" is more than a year (${MAX_LIFETIME} s)`);
			session.lifetime = lifetime;
		}
		if (!isEmpty(given.data)) session.data = asText(given.data, '"Data"', fail);
		return {
			method: 'PUT',
			path: apiPath(IDENTITY_SESSION, { token }),
			...(Object.keys(session).length > 0 ? { body: { sso_session: session } } : {}),
			// Sent again after a lost answer, it leaves one session for the identity (OneAll ends the earlier one).
			intent: 'update',
			output: { kind: 'data', withStatus: true },
		};
	},
};

const getForIdentity: OperationDefinition = {
	value: 'getForIdentity',
	name: 'Get for Identity',
	action: 'Get the SSO session of an identity',
	description: 'Read the single sign-on session of an identity, e.g. to check that a user is still signed in',
	docs: { request: `GET ${IDENTITY_SESSION.replace('{token}', '{identity_token}')}`, certainty: 'docs', source: `${SOURCE}; the resource table of docs sso/identity/start-session` },
	properties: [identity, readOptions],
	prepare(this: IExecuteFunctions, itemIndex: number): RequestDescription {
		const fail = failFor(this.getNode(), itemIndex);
		return { method: 'GET', path: apiPath(IDENTITY_SESSION, { token: readLocator(this, itemIndex, 'identity', fail) }), intent: 'read' };
	},
};

const endForIdentity: OperationDefinition = {
	value: 'endForIdentity',
	name: 'End for Identity',
	action: 'End the SSO session of an identity',
	description: 'Destroy the single sign-on session of an identity: the user is signed out of the sites that share it',
	docs: {
		request: `DELETE ${IDENTITY_SESSION.replace('{token}', '{identity_token}')}?confirm_deletion=true`,
		certainty: 'docs',
		source: `${SOURCE}; the resource table of docs sso/identity/start-session; confirm_deletion=true as php-sdk Sso.php sends it`,
	},
	properties: [identity],
	prepare(this: IExecuteFunctions, itemIndex: number): RequestDescription {
		const fail = failFor(this.getNode(), itemIndex);
		const token = readLocator(this, itemIndex, 'identity', fail);
		return {
			method: 'DELETE',
			path: apiPath(IDENTITY_SESSION, { token }),
			query: { confirm_deletion: 'true' },
			intent: 'delete',
			output: { kind: 'deleted', ids: { identity_token: token } },
		};
	},
};

/** Single sign-on sessions (docs/oneall-api.md §8.8): one login shared by several of your sites. */
export const ssoSessionResource: ResourceDefinition = {
	value: 'ssoSession',
	name: 'SSO Session',
	hint: 'Single sign-on sessions (a OneAll feature of its own: Single Sign-On must be enabled for the site)',
	operations: [
		getManyOperation({
			action: 'Get many SSO sessions',
			description: 'List the open single sign-on sessions of the site',
			docs: { request: `GET ${SESSIONS}`, certainty: 'docs', source: `${SOURCE}; docs sso/list-all-sessions` },
			path: SESSIONS,
			collection: 'sso_sessions',
		}),
		getOperation({
			action: 'Get an SSO session',
			description: 'Read a single sign-on session by its token',
			docs: { request: `GET ${SESSION.replace('{token}', '{sso_session_token}')}`, certainty: 'docs', source: `${SOURCE}; the resource table of docs sso/list-all-sessions` },
			path: SESSION,
			property: sessionToken.property,
			readToken: sessionToken.read,
		}),
		deleteOperation({
			action: 'Delete an SSO session',
			description: 'Delete a single sign-on session by its token: its user is signed out of the sites that share it',
			docs: {
				request: `DELETE ${SESSION.replace('{token}', '{sso_session_token}')}?confirm_deletion=true`,
				certainty: 'docs',
				source: `${SOURCE}; the resource table of docs sso/list-all-sessions; confirm_deletion=true as php-sdk Sso.php and php-api-examples send it`,
			},
			path: SESSION,
			property: sessionToken.property,
			readToken: sessionToken.read,
			idKey: 'sso_session_token',
		}),
		startForIdentity,
		getForIdentity,
		endForIdentity,
	],
};
