/**
 * OneAll Social Login Trigger, what a hostile or broken callback must not do (issues 21, 22, 27): the
 * built node in n8n-core's real WebhookContext (test/helpers/triggers.cjs) against the emulator.
 */
import type { IDataObject } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { FIXTURES, startEmulator, type Emulator } from '../emulator/index.cjs';
import { emulatorCredentials } from '../helpers/params';
import { n8nLogger, startLoginTrigger, type LoginTrigger } from '../helpers/triggers.cjs';

let emulator: Emulator;
let trigger: LoginTrigger | undefined;
beforeEach(async () => {
	emulator = await startEmulator({ userCount: 20, connectionCount: 10 });
});
afterEach(async () => {
	await trigger?.close();
	trigger = undefined;
	await emulator.close();
});

const REDIRECT = { respondWith: 'redirect', redirectUrl: 'https://shop.example.com/welcome', addUserToken: true };
const VAULT_KEY = 'vault-key-from-the-browser';
const NODE_KEY = 'node:OneAll Social Login';

async function start(parameters: IDataObject = REDIRECT, extra: { staticData?: IDataObject; mode?: 'webhook' | 'manual' } = {}) {
	trigger = await startLoginTrigger({ parameters, credentials: emulatorCredentials(emulator), ...extra });
	return trigger;
}

/** A new login of an existing identity, dated `date` (ms); answers its connection token. */
function addLogin(date = Date.now()): string {
	return emulator.addEvents({ connections: [{ identity_token: FIXTURES.identities.twitter, date_creation: date }] })
		.connections[0];
}

const form = (token: string, extra: Record<string, string> = {}) => ({
	oa_action: 'social_login',
	oa_social_login_token: token,
	connection_token: token,
	identity_vault_key: VAULT_KEY,
	...extra,
});

/** A refusal: the neutral HTML page, no redirect, nothing of the user in it. */
async function expectRefused(response: Response, status: number, title = 'Login failed') {
	expect(response.status).toBe(status);
	expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
	expect(response.headers.get('location')).toBeNull();
	const html = await response.text();
	expect(html).toContain(title);
	expect(html).not.toContain(FIXTURES.users.primary);
	expect(html).not.toContain(VAULT_KEY);
}

const connectionReads = () => emulator.requests.filter((r) => r.path.startsWith('/connections/')).length;

describe('Social Login Trigger: the age check fails closed', () => {
	it.each([
		['no date', { drop: ['response.result.data.connection.date'] }],
		['an unreadable date', { set: { 'response.result.data.connection.date': 'sometime last week' } }],
	])('a connection with %s is refused, no run', async (_name, change) => {
		const t = await start();
		const token = addLogin();
		emulator.addFault({ type: 'reshape', path: '/connections/', ...change });
		await expectRefused(await t.postForm(form(token)), 403);
		expect(t.runs).toHaveLength(0);
	});

	it('a connection dated a day ahead is refused; one a few seconds ahead (clock skew) is accepted', async () => {
		const t = await start();
		await expectRefused(await t.postForm(form(addLogin(Date.now() + 24 * 3600 * 1000))), 403);
		expect(t.runs).toHaveLength(0);
		expect((await t.postForm(form(addLogin(Date.now() + 20_000)))).status).toBe(302);
		expect(t.runs).toHaveLength(1);
	});
});

describe('Social Login Trigger: a verified connection token starts one run only', () => {
	it('posted three times: one run; the second and third start nothing, never carry the user token, ask OneAll nothing', async () => {
		const t = await start();
		const token = addLogin();
		const first = await t.postForm(form(token));
		expect(first.headers.get('location')).toContain(`user_token=${FIXTURES.users.primary}`);
		const readsAfterFirst = emulator.requests.length;
		for (const again of [await t.postForm(form(token)), await t.postForm(form(token))]) await expectRefused(again, 403);
		expect(t.runs).toHaveLength(1);
		expect(emulator.requests).toHaveLength(readsAfterFirst);
	});

	it('posted three times at once: exactly one run and one redirect with the user token', async () => {
		const t = await start();
		const token = addLogin();
		emulator.setLatency(200); // all three are in flight together
		const answers = await Promise.all([1, 2, 3].map(() => t.postForm(form(token))));
		expect(answers.map((a) => a.status).sort()).toEqual([302, 403, 403]);
		expect(answers.filter((a) => a.headers.get('location')?.includes('user_token='))).toHaveLength(1);
		expect(t.runs).toHaveLength(1);
		expect(connectionReads()).toBe(1);
	});

	it('another process: the used token is saved in the static data n8n stores, and a token found there is refused', async () => {
		const t = await start();
		const token = addLogin();
		expect((await t.postForm(form(token))).status).toBe(302);
		// n8n keeps a node's static data under "node:<node name>".
		const saved = (t.staticData[NODE_KEY] as IDataObject).usedLogins as IDataObject;
		expect(Object.keys(saved)).toEqual([token]);
		// The window is Max Login Age (default 15 minutes).
		expect(Number(saved[token]) - Date.now()).toBeGreaterThan(14 * 60_000);
		await t.close();

		// A token this process never saw, recorded as used by another process.
		const elsewhere = addLogin();
		const other = await start(REDIRECT, { staticData: { [NODE_KEY]: { usedLogins: { [elsewhere]: Date.now() + 600_000 } } } });
		emulator.reset();
		await expectRefused(await other.postForm(form(elsewhere)), 403);
		expect(other.runs).toHaveLength(0);
		expect(emulator.requests).toHaveLength(0);
	});

	it('a token OneAll could not verify (outage) is not used up: posted again after the outage, it starts its run', async () => {
		const t = await start({ ...REDIRECT, options: { verifyTimeoutSeconds: 2 } });
		const token = addLogin();
		emulator.addFault({ type: 'status', status: 503, path: '/connections/', times: -1 });
		await expectRefused(await t.postForm(form(token)), 502);
		emulator.reset();
		expect((await t.postForm(form(token))).status).toBe(302);
		expect(t.runs).toHaveLength(1);
	});
});

describe('Social Login Trigger: one deadline for verifying', () => {
	it('OneAll never answers: the neutral page within the Verification Timeout, no run, no retries after it', async () => {
		const t = await start({ ...REDIRECT, options: { verifyTimeoutSeconds: 2 } });
		const token = addLogin();
		emulator.addFault({ type: 'timeout', path: '/connections/', times: -1 });
		const startedAt = Date.now();
		await expectRefused(await t.postForm(form(token)), 502);
		expect(Date.now() - startedAt).toBeLessThan(3500);
		expect(t.runs).toHaveLength(0);
		const sent = emulator.requests.length;
		await sleep(1500);
		expect(emulator.requests).toHaveLength(sent);
	});

	it('by default the person waits about 12 s at most, retries included (OneAll answering 503)', async () => {
		const t = await start();
		emulator.addFault({ type: 'status', status: 503, path: '/connections/', times: -1 });
		const startedAt = Date.now();
		await expectRefused(await t.postForm(form(addLogin())), 502);
		expect(Date.now() - startedAt).toBeLessThan(12_500);
		expect(t.runs).toHaveLength(0);
	}, 20_000);
});

describe('Social Login Trigger: redirect targets', () => {
	const NOT_CONFIGURED = 'Login callback not configured';
	const evil = '={{ "https://evil.example.net/collect" }}';
	it('a Redirect URL expression whose host is not in Allowed Redirect Hosts: refused before OneAll is asked', async () => {
		const t = await start({ ...REDIRECT, redirectUrl: evil });
		await expectRefused(await t.postForm(form(addLogin())), 500, NOT_CONFIGURED);
		expect(t.runs).toHaveLength(0);
		expect(emulator.requests).toHaveLength(0);
	});

	it('a Redirect URL expression whose host is allowed redirects; a fixed URL needs no entry', async () => {
		const allowed = await start({ ...REDIRECT, redirectUrl: evil, options: { allowedRedirectHosts: 'www.example.com, evil.example.net' } });
		const response = await allowed.postForm(form(addLogin()));
		expect(response.headers.get('location')).toBe(`https://evil.example.net/collect?user_token=${FIXTURES.users.primary}`);
	});

	it('an expression resolving to a non-http(s) target is refused even with its host allowed', async () => {
		const t = await start({
			...REDIRECT,
			redirectUrl: '={{ "ftp://evil.example.net/x" }}',
			options: { allowedRedirectHosts: 'evil.example.net' },
		});
		await expectRefused(await t.postForm(form(addLogin())), 500, NOT_CONFIGURED);
		expect(t.runs).toHaveLength(0);
	});

	it('no Redirect URL (the first Test with defaults): the short page, and the run starts', async () => {
		const t = await start({});
		const response = await t.postForm(form(addLogin()));
		expect(response.status).toBe(200);
		expect(await response.text()).toContain('You are logged in');
		expect(t.runs).toHaveLength(1);
	});
});

describe('Social Login Trigger: a site with data encryption on', () => {
	it('is recognised: neutral page, no run, and the n8n log says what the node can and cannot read', async () => {
		const warn = jest.spyOn(n8nLogger(), 'warn').mockImplementation(() => {});
		try {
			emulator.setEncryptedSite(true);
			const t = await start();
			await expectRefused(await t.postForm(form(addLogin())), 502);
			expect(t.runs).toHaveLength(0);
			const logged = warn.mock.calls.map((call) => String(call[0])).join('\n');
			expect(logged).toMatch(/data encryption on/);
			expect(logged).toMatch(/cannot|not the user/);
			expect(logged).not.toContain(VAULT_KEY);
		} finally {
			warn.mockRestore();
		}
	});

	it('the identity_vault_key reaches the workflow only with Include Identity Vault Key', async () => {
		const off = await start();
		await off.postForm(form(addLogin()));
		expect(JSON.stringify(off.runs)).not.toContain(VAULT_KEY);
		await off.close();
		const on = await start({ ...REDIRECT, options: { includeIdentityVaultKey: true } });
		await on.postForm(form(addLogin()));
		expect(on.runs[0][0].json.identity_vault_key).toBe(VAULT_KEY);
	});
});

describe('Social Login Trigger: test runs in the editor', () => {
	it('a refused login in a test run starts the test execution with the reason, while the person gets the neutral page', async () => {
		const t = await start(REDIRECT, { mode: 'manual' });
		const token = addLogin(Date.now() - 3600_000);
		await expectRefused(await t.postForm(form(token)), 403);
		expect(t.runs).toHaveLength(1);
		expect(t.runs[0][0].json).toEqual({ refused: true, status: 403, reason: 'this login is older than Max Login Age' });
	});

	it.each([
		['without its user', { drop: ['response.result.data.user'] }, 'result.data.user is missing'],
		['whose user is not an object', { set: { 'response.result.data.user': 'x' } }, 'result.data.user is the text "x"'],
		['whose user has no user_token', { drop: ['response.result.data.user.user_token'] }, 'result.data.user.user_token is missing'],
	])('a connection read %s: the neutral page, and the test run names the missing part', async (_, change, part) => {
		const t = await start(REDIRECT, { mode: 'manual' });
		const token = addLogin();
		emulator.addFault({ type: 'reshape', path: `/connections/${token}.json`, ...change, times: -1 } as never);
		await expectRefused(await t.postForm(form(token, { identity_vault_key: '' })), 502);
		expect(t.runs).toHaveLength(1);
		expect(t.runs[0][0].json).toEqual({ refused: true, status: 502, reason: `OneAll's answer for connection ${token} names no user: ${part}` });
	});

	it.each([
		['another token', 'ffffffff-ffff-4fff-8fff-ffffffffffff'],
		['an object', { id: 1 }],
	])('a user read whose user_token is %s: the redirect and the run keep the token the connection read verified', async (_, other) => {
		const t = await start(REDIRECT);
		const token = addLogin();
		emulator.addFault({ type: 'reshape', path: `/users/${FIXTURES.users.primary}.json`, set: { 'response.result.data.user.user_token': other }, times: -1 } as never);
		const response = await t.postForm(form(token, { identity_vault_key: '' }));
		expect(response.status).toBe(302);
		expect(response.headers.get('location')).toBe(`https://shop.example.com/welcome?user_token=${FIXTURES.users.primary}`);
		expect((t.runs[0][0].json.user as IDataObject).user_token).toBe(FIXTURES.users.primary);
	});

	it('in production the same refusal starts nothing', async () => {
		const t = await start();
		await expectRefused(await t.postForm(form(addLogin(Date.now() - 3600_000))), 403);
		expect(t.runs).toHaveLength(0);
	});
});
