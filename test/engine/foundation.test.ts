/**
 * Foundation: the credential test, the reference operation (Pinterest → Publish Pin) end to end, and
 * how OneAll's failures reach the user. Runs the built package in n8n-core against the emulator.
 */
import { DEFAULT_SITE, FIXTURES, type Emulator } from '../emulator/index.cjs';
import { useEmulator } from '../helpers/emulatorSuite';
import { packageVersion, seedPage } from '../helpers/files.cjs';
import { runOneAll, testCredential } from '../helpers/harness.cjs';
import { pushOutput } from '../helpers/collect.cjs';
import { byId, emulatorCredentials } from '../helpers/params';

const SEED_PAGE = seedPage();

const emulator = useEmulator();

const pinParameters = (overrides: Record<string, unknown> = {}) => ({
	resource: 'pinterest',
	operation: 'publishPin',
	identity: byId(FIXTURES.identities.pinterest),
	board: byId(FIXTURES.pinterest.boardId),
	title: 'OneAll',
	picture: 'https://www.oneall.com/logo.jpg',
	additionalFields: {
		description: 'User Integration as a service',
		link: 'https://www.oneall.com/',
		boardSectionId: '123456789012345678',
	},
	...overrides,
});

describe('credential test', () => {
	it('passes with the right keys and subdomain', async () => {
		const result = await testCredential(emulatorCredentials(emulator));
		expect(result).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(emulator.requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual(['GET /tools/ping.json 200']);
	});

	it('says "wrong keys" when OneAll rejects the key pair', async () => {
		const result = await testCredential(emulatorCredentials(emulator, { privateKey: 'not-the-key' }));
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/^Wrong keys/);
	});

	it('says "wrong subdomain" when no site answers at that subdomain', async () => {
		const result = await testCredential(
			emulatorCredentials(emulator, { subdomain: 'no-such-site', apiBaseUrl: `${emulator.url}/sites/{subdomain}` }),
		);
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/^Wrong subdomain/);
		expect(emulator.requests.at(-1)?.path).toBe('/tools/ping.json');
	});

	it('refuses a subdomain that would send the keys elsewhere, before any request', async () => {
		for (const subdomain of ['evil.com/x', 'mysite.evil.com', 'a@b', 'https://evil.example/']) {
			const result = await testCredential(emulatorCredentials(emulator, { subdomain, useCustomBaseUrl: false }));
			expect(result.status).toBe('Error');
			expect(result.message).toContain('is not a OneAll subdomain');
		}
		expect(emulator.requests).toHaveLength(0);
	});
});

describe('Pinterest → Publish Pin (OneAll\'s documented reference endpoint)', () => {
	it('sends exactly the documented path, Basic auth and body, and outputs result.data', async () => {
		const { items, error } = await runOneAll({ credentials: emulatorCredentials(emulator), parameters: pinParameters() });
		expect(error).toBeUndefined();

		expect(emulator.requests).toHaveLength(1);
		const request = emulator.requests[0];
		expect(request.method).toBe('POST');
		expect(request.path).toBe(
			'/push/identities/12345678-ABCD-WXYZ-1234-ABCABCABCABC/pinterest/board/98765432101011/pin.json',
		);
		expect(request.authUser).toBe(DEFAULT_SITE.publicKey);
		expect(request.authOk).toBe(true);
		expect(request.headers['content-type']).toMatch(/^application\/json/);
		expect(request.body).toEqual({
			request: {
				push: {
					pin: {
						title: 'OneAll',
						picture: 'https://www.oneall.com/logo.jpg',
						description: 'User Integration as a service',
						link: 'https://www.oneall.com/',
						board_section_id: '123456789012345678',
					},
				},
			},
		});

		// The output item is OneAll's result.data as the emulator answered it, unchanged.
		expect(items).toHaveLength(1);
		expect(items[0].json).toEqual(pushOutput(request));
		expect(items[0].pairedItem).toEqual({ item: 0 });
		// Same keys as the seed page's result example, plus the identity the node used.
		const documentedKeys = [...SEED_PAGE.matchAll(/"(pin_\w+|provider|object)":/g)].map((m) => m[1]);
		expect(Object.keys(items[0].json).sort()).toEqual([...new Set([...documentedKeys, 'identity_token'])].sort());
	});

	it('sends only the required keys when the optional ones are empty', async () => {
		const { error } = await runOneAll({
			credentials: emulatorCredentials(emulator),
			parameters: pinParameters({ additionalFields: {} }),
		});
		expect(error).toBeUndefined();
		expect(emulator.requests[0].body).toEqual({
			request: { push: { pin: { title: 'OneAll', picture: 'https://www.oneall.com/logo.jpg' } } },
		});
	});

	it('identifies itself with a User-Agent naming the package and its version', async () => {
		await runOneAll({ credentials: emulatorCredentials(emulator), parameters: pinParameters() });
		const version = packageVersion();
		expect(emulator.requests[0].headers['user-agent']).toMatch(new RegExp(`^n8n-nodes-oneall/${version.replace(/\./g, '\\.')} `));
	});

	it('reads (decrypts) the credential once per execution, not once per item, and still signs every request', async () => {
		const items = Array.from({ length: 12 }, (_, i) => ({ json: { title: `Pin ${i + 1}` } }));
		const { error, items: output, credentialReads } = await runOneAll({
			credentials: emulatorCredentials(emulator),
			parameters: pinParameters({ title: '={{ $json.title }}' }),
			items,
		});
		expect(error).toBeUndefined();
		expect(output).toHaveLength(12);
		// In a real n8n each read is a database query and a decryption: n8n's own path makes one per request.
		expect(credentialReads).toEqual({ oneAllApi: 1 });
		expect(emulator.requests.filter((r) => r.authOk && r.authUser === DEFAULT_SITE.publicKey)).toHaveLength(12);
	});

	it('reads plain values once but every expression per item, also one nested in a collection or a picker', async () => {
		// Plain values are read once per execution; these are the expressions that must still vary by item.
		const items = ['A', 'B', 'C'].map((tag, i) => ({
			json: { tag, board: FIXTURES.pinterest.boardIds[i], link: `https://example.com/${tag}` },
		}));
		const { error, items: output } = await runOneAll({
			credentials: emulatorCredentials(emulator),
			parameters: pinParameters({
				board: byId('={{ $json.board }}'),
				additionalFields: { description: '=About {{ $json.tag }}', link: '={{ $json.link }}' },
			}),
			items,
		});
		expect(error).toBeUndefined();
		expect(output).toHaveLength(3);
		const sent = [...emulator.requests].sort((a, b) => a.path.localeCompare(b.path));
		expect(sent.map((r) => r.path.split('/board/')[1])).toEqual(items.map((item) => `${item.json.board}/pin.json`));
		expect(sent.map((r) => (r.body as { request: { push: { pin: Record<string, unknown> } } }).request.push.pin)).toEqual(
			items.map((item) => ({
				title: 'OneAll',
				picture: 'https://www.oneall.com/logo.jpg',
				description: `About ${item.json.tag}`,
				link: item.json.link,
			})),
		);
	});
});

describe('errors carry OneAll\'s own text, code and the item index', () => {
	const cases: Array<[string, Parameters<Emulator['addFault']>[0] | undefined, string, RegExp]> = [
		['400', { type: 'status', status: 400, info: 'The picture could not be downloaded' }, '400', /The picture could not be downloaded/],
		['500', { type: 'status', status: 500, info: 'Internal problem on our side' }, '500', /Internal problem on our side/],
		['failed push inside HTTP 200', { type: 'errorIn200', status: 403, info: 'Pinterest: board is archived' }, '403', /Pinterest: board is archived/],
	];

	it.each(cases)('%s', async (_name, fault, httpCode, message) => {
		emulator.addFault({ ...fault!, path: '/push/' });
		const { error } = await runOneAll({ credentials: emulatorCredentials(emulator), parameters: pinParameters() });
		expect(error?.name).toBe('NodeApiError');
		expect(error?.message).toMatch(message);
		expect(error?.message).toContain(`OneAll error ${httpCode}`);
		expect(error?.httpCode).toBe(httpCode);
		expect(error?.context?.itemIndex).toBe(0);
		expect(emulator.requests).toHaveLength(1); // a push is never re-sent after an error answer
	});

	it('401: wrong keys show OneAll\'s authentication message, not n8n\'s generic one', async () => {
		const { error } = await runOneAll({
			credentials: emulatorCredentials(emulator, { privateKey: 'wrong' }),
			parameters: pinParameters(),
		});
		expect(error?.message).toBe(
			'OneAll error 401: Authentication credentials are missing or incorrect: http://docs.oneall.com/api/basic/authentication/',
		);
		expect(error?.httpCode).toBe('401');
		expect(JSON.stringify(error)).not.toContain(DEFAULT_SITE.privateKey);
		expect(emulator.requests).toHaveLength(1);
	});

	it('a body missing a required key is refused by OneAll with a 400 that the node shows', async () => {
		const { error } = await runOneAll({
			credentials: emulatorCredentials(emulator),
			parameters: {
				resource: 'customApiCall',
				operation: 'call',
				method: 'POST',
				path: `/push/identities/${FIXTURES.identities.pinterest}/pinterest/board/${FIXTURES.pinterest.boardId}/pin.json`,
				body: JSON.stringify({ push: { pin: { picture: 'https://www.oneall.com/logo.jpg' } } }),
			},
		});
		expect(emulator.requests[0].status).toBe(400);
		expect(error?.message).toMatch(/^OneAll error 400: .*title/);
	});

	it('continueOnFail: the failing item becomes an error item, the others are published', async () => {
		const { items, error } = await runOneAll({
			credentials: emulatorCredentials(emulator),
			parameters: { ...pinParameters({ title: '={{ $json.title }}' }), __continueOnFail: true },
			items: [{ json: { title: 'First' } }, { json: { title: '' } }, { json: { title: 'Third' } }],
		});
		expect(error).toBeUndefined();
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(items[0].json.pin_title).toBe('First');
		expect(items[1].json.error).toBe('"Title" is required');
		expect(items[2].json.pin_title).toBe('Third');
		expect(emulator.pushes()).toHaveLength(2);
	});
});
