/**
 * User Cloud Storage, the Site API, SSO sessions and Loudvoice comments (docs/oneall-api.md §8.8) in n8n-core against the emulator, in both
 * answer profiles. Expected paths and bodies are written from OneAll's pages and SDK, not from the node.
 * A user's password is a secret: it goes to OneAll in the body and nowhere else (no output, no error).
 */
import type { IDataObject } from 'n8n-workflow';

import { FIXTURES, LOUDVOICE_COMMENTS, startEmulator, type AnswerProfile, type Emulator } from '../emulator/index.cjs';
import { runOneAll } from '../helpers/harness.cjs';
import { byId, emulatorCredentials } from '../helpers/params';

let emulator: Emulator;

const PASSWORD = 'S3cret pass-phrase!';
const run = async (parameters: IDataObject, extra: { onError?: 'continueRegularOutput' | 'continueErrorOutput'; privateKey?: string } = {}) =>
	await runOneAll({
		credentials: emulatorCredentials(emulator, extra.privateKey ? { privateKey: extra.privateKey } : {}),
		parameters,
		onError: extra.onError,
	});
const sent = () => emulator.requests.map((r) => ({ method: r.method, path: r.path, body: r.body }));
const obj = (value: unknown) => value as IDataObject;
/**
 * Everything the node makes of a run, as text: its items and its error. The error's `node` is left out: it
 * is the workflow's own node with its parameters as saved (n8n attaches it to every error), which holds a
 * typed password as the workflow does, or the expression that maps one.
 */
const visible = (result: { items: unknown; errorItems: unknown; error: unknown }) => {
	const error = result.error as (Error & { description?: unknown }) | undefined;
	const shown = error ? { ...error, node: undefined, message: error.message, description: error.description } : undefined;
	return JSON.stringify([result.items, result.errorItems, shown]);
};

const createUser = async (fields: IDataObject = {}) => {
	const result = await run({ resource: 'userStorage', operation: 'create', ...fields });
	expect(result.error).toBeUndefined();
	return obj(result.items[0].json.user);
};

describe.each<AnswerProfile>(['generous', 'public'])('answer profile %s', (profile) => {
	// A new emulator per profile: its stored users live as long as it does (reset() clears the log only).
	beforeAll(async () => {
		emulator = await startEmulator({ answers: profile });
	});
	afterAll(async () => await emulator.close());
	beforeEach(() => emulator.reset());

	describe('User Cloud Storage → Create User', () => {
		it('sends login, password and identity under request.user, outputs the new user, never the password', async () => {
			const identity = { name: { givenName: 'John', familyName: 'Doe' }, customData: { plan: 'pro', tags: ['a'] } };
			const result = await run({
				resource: 'userStorage',
				operation: 'create',
				login: 'john.doe',
				password: PASSWORD,
				identity: JSON.stringify(identity),
			});
			expect(result.error).toBeUndefined();
			expect(sent()).toEqual([
				{ method: 'POST', path: '/storage/users.json', body: { request: { user: { login: 'john.doe', password: PASSWORD, identity } } } },
			]);
			expect(emulator.requests[0].validation).toEqual({ errors: [], unknownKeys: [] });
			const user = obj(result.items[0].json.user);
			expect(user).toMatchObject({ login: 'john.doe', externalid: 100000001, user_token: expect.any(String) });
			expect(visible(result)).not.toContain(PASSWORD);
		});

		it('with no field at all: OneAll numbers the user itself; blank fields are not sent', async () => {
			const result = await run({ resource: 'userStorage', operation: 'create', externalId: '  ', login: '', identity: '{}' });
			expect(result.error).toBeUndefined();
			expect(sent()[0].body).toEqual({ request: { user: {} } });
			// The first user of each emulator got 100000001 (the test above); OneAll counts on from there.
			expect(obj(result.items[0].json.user).externalid).toBe(100000002);
		});

		it('a login with a line break is refused before any request', async () => {
			const result = await run({ resource: 'userStorage', operation: 'create', login: 'john\ndoe' });
			expect(result.error?.message).toBe('"Login" contains a control character (a line break or tab)');
			expect(emulator.requests).toHaveLength(0);
		});

		it('a login already taken: OneAll\'s error with its message; a 403 adds the Cloud Storage hint', async () => {
			await createUser({ login: 'taken' });
			const taken = await run({ resource: 'userStorage', operation: 'create', login: 'taken' });
			expect(taken.error?.message).toBe('OneAll error 409: The login is already used by another user');
			emulator.addFault({ type: 'status', status: 403, path: '/storage/', info: 'This feature is not available for your plan' });
			const refused = await run({ resource: 'userStorage', operation: 'create', login: 'other' });
			expect(refused.error?.description).toContain('User Cloud Storage is not enabled');
		});
	});

	describe('User Cloud Storage → Update User', () => {
		it('replace (default): PUT /storage/users/<token>.json; 201 when the storage identity is added, 200 after', async () => {
			const user = await createUser({ login: 'jane' });
			const token = String(user.user_token);
			emulator.reset();
			const first = await run({
				resource: 'userStorage',
				operation: 'update',
				user: byId(token),
				identity: '{"customData": {"tags": ["red"]}}',
			});
			expect(first.error).toBeUndefined();
			expect(sent()).toEqual([
				{ method: 'PUT', path: `/storage/users/${token}.json`, body: { request: { update_mode: 'replace', user: { identity: { customData: { tags: ['red'] } } } } } },
			]);
			expect(obj(first.items[0].json.status)).toMatchObject({ code: 201 });
			const second = await run({ resource: 'userStorage', operation: 'update', user: byId(token), updateMode: 'append', identity: '{"customData": {"tags": ["blue"]}}' });
			expect(obj(second.items[0].json.status)).toMatchObject({ code: 200 });
			const identities = obj(second.items[0].json.user).identities as IDataObject[];
			expect(obj(identities[0].customData).tags).toEqual(['red', 'blue']);
		});

		it('nothing to update, or a token that is not one: refused before any request', async () => {
			const nothing = await run({ resource: 'userStorage', operation: 'update', user: byId('2eaf5d01-8244-44b9-878d-9e83073c45e0') });
			expect(nothing.error?.message).toBe('Nothing to update');
			const bad = await run({ resource: 'userStorage', operation: 'update', user: byId('../users'), login: 'x' });
			expect(bad.error?.message).toContain('is not a valid OneAll token');
			expect(emulator.requests).toHaveLength(0);
		});

		it('a new password reaches OneAll and no output', async () => {
			const user = await createUser({ login: 'pw', password: 'old password' });
			const result = await run({ resource: 'userStorage', operation: 'update', user: byId(String(user.user_token)), password: PASSWORD });
			expect(result.error).toBeUndefined();
			expect(visible(result)).not.toContain(PASSWORD);
			const lookup = await run({ resource: 'userStorage', operation: 'lookup', lookupBy: 'credentials', login: 'pw', password: PASSWORD });
			expect(lookup.items[0].json).toMatchObject({ found: true, result: 'found' });
		});
	});

	describe('User Cloud Storage → Look Up User', () => {
		it('by login and password: found; a wrong password and an unknown login are items, not errors', async () => {
			await createUser({ login: 'max', password: PASSWORD, externalId: 'ext-7' });
			emulator.reset();
			const found = await run({ resource: 'userStorage', operation: 'lookup', lookupBy: 'credentials', login: 'max', password: PASSWORD });
			expect(found.error).toBeUndefined();
			expect(sent()).toEqual([{ method: 'POST', path: '/storage/users/user/lookup.json', body: { request: { user: { login: 'max', password: PASSWORD } } } }]);
			expect(found.items[0].json).toMatchObject({ found: true, result: 'found', user: { login: 'max', externalid: 'ext-7' } });

			emulator.reset();
			const wrong = await run({ resource: 'userStorage', operation: 'lookup', lookupBy: 'credentials', login: 'max', password: 'not it at all' });
			expect(wrong.error).toBeUndefined();
			expect(wrong.items.map((item) => item.json)).toEqual([{ found: false, result: 'wrongPassword', lookup: { login: 'max' } }]);
			// OneAll answers 401 to wrong keys too: a ping showed the keys work.
			expect(sent().map((r) => `${r.method} ${r.path}`)).toEqual(['POST /storage/users/user/lookup.json', 'GET /tools/ping.json']);
			expect(visible(wrong)).not.toContain('not it at all');

			emulator.reset();
			const unknown = await run({ resource: 'userStorage', operation: 'lookup', lookupBy: 'credentials', login: 'nobody', password: PASSWORD });
			expect(unknown.items.map((item) => item.json)).toEqual([{ found: false, result: 'notFound', lookup: { login: 'nobody' } }]);
			expect(emulator.requests).toHaveLength(1);
		});

		it('by external ID and by user token', async () => {
			const user = await createUser({ externalId: '45673' });
			const byExternal = await run({ resource: 'userStorage', operation: 'lookup', lookupBy: 'externalId', externalId: '45673' });
			expect(byExternal.items[0].json).toMatchObject({ found: true, user: { user_token: user.user_token } });
			const byToken = await run({ resource: 'userStorage', operation: 'lookup', lookupBy: 'userToken', user: byId(String(user.user_token)) });
			expect(byToken.items[0].json).toMatchObject({ found: true, user: { externalid: '45673' } });
			const missing = await run({ resource: 'userStorage', operation: 'lookup', lookupBy: 'externalId', externalId: '99' });
			expect(missing.items[0].json).toEqual({ found: false, result: 'notFound', lookup: { externalid: '99' } });
		});

		it('wrong API keys are an error about the keys, never a "wrong password" item, and never show the password', async () => {
			const result = await run(
				{ resource: 'userStorage', operation: 'lookup', lookupBy: 'credentials', login: 'max', password: PASSWORD },
				{ privateKey: 'wrong-private-key' },
			);
			expect(result.items).toHaveLength(0);
			expect(result.error?.httpCode).toBe('401');
			expect(result.error?.description).toContain('Check the public and private key');
			expect(visible(result)).not.toContain(PASSWORD);
		});

		it('OneAll repeating the password (in an error, in an answer) shows [redacted] instead', async () => {
			const echo = `Invalid login max with password ${PASSWORD}`;
			emulator.addFault({ type: 'status', status: 400, path: '/storage/users/user/lookup.json', info: echo });
			const failed = await run({ resource: 'userStorage', operation: 'lookup', lookupBy: 'credentials', login: 'max', password: PASSWORD });
			expect(failed.error?.message).toBe('OneAll error 400: Invalid login max with password [redacted]');
			expect(visible(failed)).not.toContain(PASSWORD);

			emulator.addFault({
				type: 'body',
				status: 200,
				path: '/storage/users/user/lookup.json',
				body: { response: { request: { status: { flag: 'success', code: 200 } }, result: { data: { user: { login: 'max', note: `pw=${PASSWORD}`, password: PASSWORD } } } } },
			});
			const echoed = await run({ resource: 'userStorage', operation: 'lookup', lookupBy: 'credentials', login: 'max', password: PASSWORD });
			expect(echoed.items[0].json).toEqual({ found: true, result: 'found', user: { login: 'max', note: 'pw=[redacted]', password: '[redacted]' } });
		});

		it('with Continue On Fail, a refused lookup is an error item without the password', async () => {
			emulator.addFault({ type: 'status', status: 500, path: '/storage/users/user/lookup.json', times: -1, info: `boom ${PASSWORD}` });
			const result = await run({ resource: 'userStorage', operation: 'lookup', lookupBy: 'credentials', login: 'max', password: PASSWORD }, { onError: 'continueRegularOutput' });
			expect(result.items[0].json.error).toContain('[redacted]');
			expect(visible(result)).not.toContain(PASSWORD);
		});
	});

	describe('User Cloud Storage → Synchronize User', () => {
		it('creates the user when nothing matches, updates it after; the body is synchronize.identifier + user', async () => {
			const parameters = { resource: 'userStorage', operation: 'synchronize', identifierField: 'externalid', identifierValue: '777', login: 'sync.me' };
			const first = await run(parameters);
			expect(first.error).toBeUndefined();
			expect(sent()).toEqual([
				{ method: 'PUT', path: '/storage/users/user/synchronize.json', body: { request: { synchronize: { identifier: { field: 'externalid', value: '777' }, user: { login: 'sync.me' } } } } },
			]);
			expect(emulator.requests[0].validation).toEqual({ errors: [], unknownKeys: [] });
			expect(obj(first.items[0].json.status)).toMatchObject({ code: 201 });
			const second = await run({ ...parameters, login: 'sync.again' });
			expect(obj(second.items[0].json.status)).toMatchObject({ code: 200 });
			expect(obj(second.items[0].json.user)).toMatchObject({ externalid: '777', login: 'sync.again' });
		});

		it('by user token, the value must be a token', async () => {
			const result = await run({ resource: 'userStorage', operation: 'synchronize', identifierField: 'user_token', identifierValue: 'max', login: 'x' });
			expect(result.error?.message).toContain('"Find Value" "max" is not a valid OneAll token');
			expect(emulator.requests).toHaveLength(0);
		});
	});

	describe('Site', () => {
		it('Get Allowed Domains, then Set Allowed Domains with a checked, de-duplicated list', async () => {
			const read = await run({ resource: 'site', operation: 'getAllowedDomains' });
			expect(read.error).toBeUndefined();
			expect(read.items[0].json).toEqual({ allowed_domains: ['www.example.com'] });
			emulator.reset();
			const set = await run({ resource: 'site', operation: 'setAllowedDomains', domains: 'shop.example.com, *.example.org\nshop.example.com' });
			expect(set.error).toBeUndefined();
			expect(sent()).toEqual([
				{ method: 'PUT', path: '/site/allowed-domains.json', body: { request: { allowed_domains: ['shop.example.com', '*.example.org'] } } },
			]);
			expect(emulator.requests[0].validation).toEqual({ errors: [], unknownKeys: [] });
		});

		it('a URL or an empty list is refused before any request', async () => {
			const url = await run({ resource: 'site', operation: 'setAllowedDomains', domains: 'https://shop.example.com/' });
			expect(url.error?.message).toBe('"Domains" contains "https://shop.example.com/", which is not a domain');
			const empty = await run({ resource: 'site', operation: 'setAllowedDomains', domains: ' , ' });
			expect(empty.error?.message).toBe('"Domains" is empty');
			expect(emulator.requests).toHaveLength(0);
		});

		it('Record Form Login: POST /site/connections.json with action, username and email', async () => {
			const result = await run({ resource: 'site', operation: 'recordFormLogin', formAction: 'signup', username: 'jdoe', email: 'jdoe@example.com' });
			expect(result.error).toBeUndefined();
			expect(sent()).toEqual([
				{ method: 'POST', path: '/site/connections.json', body: { request: { connection: { action: 'signup', username: 'jdoe', email: 'jdoe@example.com' } } } },
			]);
			expect(emulator.requests[0].validation).toEqual({ errors: [], unknownKeys: [] });
			const neither = await run({ resource: 'site', operation: 'recordFormLogin', formAction: 'signin' });
			expect(neither.error?.message).toBe('Give "Username", "Email" or both');
			const badEmail = await run({ resource: 'site', operation: 'recordFormLogin', email: 'not-an-email' });
			expect(badEmail.error?.message).toBe('"Email" is not an email address: "not-an-email"');
			expect(emulator.requests).toHaveLength(1);
		});
	});

	describe('SSO Session', () => {
		const identity = FIXTURES.identities.twitter;

		it('Start for Identity, Get for Identity, Get Many, Get, End for Identity', async () => {
			const started = await run({
				resource: 'ssoSession',
				operation: 'startForIdentity',
				identity: byId(identity),
				additionalFields: { topRealm: 'garden', subRealm: 'vegetables', lifetime: 7200, data: 'carrot' },
			});
			expect(started.error).toBeUndefined();
			expect(sent()).toEqual([
				{
					method: 'PUT',
					path: `/sso/sessions/identities/${identity}.json`,
					body: { request: { sso_session: { top_realm: 'garden', sub_realm: 'vegetables', lifetime: 7200, data: 'carrot' } } },
				},
			]);
			expect(emulator.requests[0].validation).toEqual({ errors: [], unknownKeys: [] });
			const session = obj(started.items[0].json.sso_session);
			expect(session).toMatchObject({ identity_token: identity, top_realm: 'garden' });
			const token = String(session.sso_session_token);

			const mine = await run({ resource: 'ssoSession', operation: 'getForIdentity', identity: byId(identity) });
			expect(obj(mine.items[0].json.sso_session).sso_session_token).toBe(token);
			const many = await run({ resource: 'ssoSession', operation: 'getAll', returnAll: true });
			expect(many.items.map((item) => item.json.sso_session_token)).toEqual([token]);
			const one = await run({ resource: 'ssoSession', operation: 'get', ssoSession: token });
			expect(one.error?.message).toBeUndefined();
			expect(obj(one.items[0].json.sso_session).data).toBe('carrot');

			emulator.reset();
			const ended = await run({ resource: 'ssoSession', operation: 'endForIdentity', identity: byId(identity) });
			expect(sent()).toEqual([{ method: 'DELETE', path: `/sso/sessions/identities/${identity}.json`, body: null }]);
			expect(emulator.requests[0].query).toEqual({ confirm_deletion: 'true' });
			expect(ended.items[0].json).toMatchObject({ deleted: true, identity_token: identity });
			const none = await run({ resource: 'ssoSession', operation: 'getAll', returnAll: true });
			expect(none.items).toHaveLength(0);
		});

		it('without additional fields the PUT has no body; Delete by token', async () => {
			const started = await run({ resource: 'ssoSession', operation: 'startForIdentity', identity: byId(identity) });
			expect(sent()[0].body).toBeNull();
			const token = String(obj(started.items[0].json.sso_session).sso_session_token);
			const deleted = await run({ resource: 'ssoSession', operation: 'delete', ssoSession: token });
			expect(deleted.items[0].json).toMatchObject({ deleted: true, sso_session_token: token });
			expect(emulator.requests.at(-1)).toMatchObject({ method: 'DELETE', path: `/sso/sessions/${token}.json`, query: { confirm_deletion: 'true' } });
		});

		it('a token with a slash, or a lifetime of zero, is refused before any request', async () => {
			const bad = await run({ resource: 'ssoSession', operation: 'get', ssoSession: '../sessions' });
			expect(bad.error?.message).toContain('is not a valid OneAll token');
			const zero = await run({ resource: 'ssoSession', operation: 'startForIdentity', identity: byId(identity), additionalFields: { lifetime: 0 } });
			expect(zero.error?.message).toBe('"Lifetime (Seconds)" must be a whole number of at least 1');
			expect(emulator.requests).toHaveLength(0);
		});
	});

	describe('Loudvoice Comment', () => {
		it('Get: the comment with its ids (tokens of comments, authors and discussions are ids, not secrets)', async () => {
			const result = await run({ resource: 'loudvoiceComment', operation: 'get', comment: LOUDVOICE_COMMENTS.reply });
			expect(result.error).toBeUndefined();
			expect(sent()).toEqual([{ method: 'GET', path: `/loudvoice/comments/${LOUDVOICE_COMMENTS.reply}.json`, body: null }]);
			expect(result.items[0].json.comment).toMatchObject({
				comment_token: LOUDVOICE_COMMENTS.reply,
				parent_comment_token: LOUDVOICE_COMMENTS.comment,
				text: 'A reply',
				author: { author_token: LOUDVOICE_COMMENTS.author },
				discussion: { discussion_token: LOUDVOICE_COMMENTS.discussion },
			});
		});

		it('Delete: confirm_deletion and delete_sub_comments as chosen; the reply goes only with Delete Replies', async () => {
			const kept = await run({ resource: 'loudvoiceComment', operation: 'delete', comment: LOUDVOICE_COMMENTS.comment });
			expect(kept.items[0].json).toMatchObject({ deleted: true, comment_token: LOUDVOICE_COMMENTS.comment });
			expect(emulator.requests[0].query).toEqual({ confirm_deletion: 'true', delete_sub_comments: 'false' });
			const reply = await run({ resource: 'loudvoiceComment', operation: 'get', comment: LOUDVOICE_COMMENTS.reply });
			expect(reply.error).toBeUndefined();
			const gone = await run({ resource: 'loudvoiceComment', operation: 'delete', comment: LOUDVOICE_COMMENTS.reply, deleteReplies: true });
			expect(gone.error).toBeUndefined();
			expect(emulator.requests.at(-1)?.query).toEqual({ confirm_deletion: 'true', delete_sub_comments: 'true' });
			const again = await run({ resource: 'loudvoiceComment', operation: 'get', comment: LOUDVOICE_COMMENTS.reply });
			expect(again.error?.httpCode).toBe('404');
		});

		it('a comment token that is not one is refused before any request', async () => {
			const result = await run({ resource: 'loudvoiceComment', operation: 'delete', comment: 'x/../y' });
			expect(result.error?.message).toContain('is not a valid OneAll token');
			expect(emulator.requests).toHaveLength(0);
		});
	});
});
