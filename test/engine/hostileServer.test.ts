/**
 * Answers written byte by byte by a raw server at the credential's API Base URL (a proxy gone wrong, or a
 * hostile one): large and compressed answers, an unknown host, a body that never ends while the execution
 * is stopped. The node must end in bounded time with a clear error, and send a push once.
 * (Answers are not size-bounded: n8n's client buffers them whole; docs/security.md says why.)
 */
import type { IDataObject } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { DEFAULT_SITE, FIXTURES } from '../emulator/index.cjs';
import { recordSleeps } from '../helpers/collect.cjs';
import { runOneAll } from '../helpers/harness.cjs';
import { byId, publishPin } from '../helpers/params';
import { drip, gzip, startRawServer } from '../helpers/stubServer.cjs';

let server: Awaited<ReturnType<typeof startRawServer>>;
beforeAll(async () => {
	server = await startRawServer();
});
afterAll(async () => await server.close());

const MIB = 1024 * 1024;
const MAY_HAVE_LANDED = /may already have been executed by OneAll \(a post may be live\), so it was not sent again/;
const OK = JSON.stringify({ response: { request: { status: { flag: 'success', code: 200 } }, result: { data: { ok: true } } } });

const identityGet = (): IDataObject => ({ resource: 'identity', operation: 'get', identity: byId(FIXTURES.identities.pinterest) });
const run = async (parameters: IDataObject, apiBaseUrl = server.url) =>
	await runOneAll({
		credentials: {
			subdomain: DEFAULT_SITE.subdomain,
			publicKey: DEFAULT_SITE.publicKey,
			privateKey: DEFAULT_SITE.privateKey,
			useCustomBaseUrl: true,
			apiBaseUrl,
		},
		parameters,
	});

describe('large and compressed answers', () => {
	it('an answer of a few MiB is still read', async () => {
		const text = 'y'.repeat(2 * MIB);
		server.serve((_req, res) => {
			res.writeHead(200, { 'content-type': 'application/json' });
			res.end(JSON.stringify({ response: { request: { status: { flag: 'success', code: 200 } }, result: { data: { text } } } }));
		});
		const { error, items } = await run(identityGet());
		expect(error).toBeUndefined();
		expect(items[0].json.text).toBe(text);
	});

	it('a correct gzip answer is read as before', async () => {
		server.serve((_req, res) => {
			res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
			res.end(gzip(`\ufeff${OK}`)); // with a byte order mark, too
		});
		const { error, items } = await run(identityGet());
		expect(error).toBeUndefined();
		expect(items[0].json).toEqual({ ok: true });
	});
});

describe('an API Base URL whose host does not resolve', () => {
	it('a push is tried again with back-off, then fails without saying it may be live (it never left)', async () => {
		const clock = recordSleeps({ skip: true });
		try {
			const { error } = await run(publishPin(), 'http://no-such-host.invalid');
			expect(error?.message).toMatch(/^Could not reach OneAll \((ENOTFOUND|EAI_AGAIN)\)$/);
			expect(error?.description).not.toMatch(MAY_HAVE_LANDED);
			expect(clock.delays).toEqual([1000, 2000, 4000, 8000]);
		} finally {
			clock.restore();
		}
	});
});

describe('stopping the execution while a body streams in', () => {
	it('closes the connection at once', async () => {
		let closedAt: number | undefined;
		let headersSent!: () => void;
		const streaming = new Promise<void>((resolve) => (headersSent = resolve));
		server.serve((_req, res) => {
			res.writeHead(200, { 'content-type': 'application/json' });
			res.write('{"response":');
			drip(res, ' ', 100, (at) => (closedAt = at));
			headersSent();
		});
		const result = await runOneAll({
			credentials: { subdomain: DEFAULT_SITE.subdomain, publicKey: DEFAULT_SITE.publicKey, privateKey: DEFAULT_SITE.privateKey, useCustomBaseUrl: true, apiBaseUrl: server.url },
			parameters: publishPin(),
			stopWhen: streaming.then(async () => await sleep(300)),
		});
		expect(result.timedOut).toBe(true);
		const giveUpAt = Date.now() + 5000;
		while (closedAt === undefined && Date.now() < giveUpAt) await sleep(20);
		expect(closedAt! - result.stoppedAt!).toBeLessThan(1000);
	});
});
