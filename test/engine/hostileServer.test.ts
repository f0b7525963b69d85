/**
 * Answers no OneAll server gives, written byte by byte by a raw server at the credential's API Base URL
 * (a proxy gone wrong, or a hostile one): bodies larger than any answer, endless or compressed into a
 * small bomb, and bodies whose Content-Encoding does not match their bytes. The node must end in bounded
 * time and memory with a clear error, and send a push once.
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

/** A JSON-looking body that never ends: 1 MiB chunks as fast as the client takes them. */
function endlessBody(res: import('node:http').ServerResponse) {
	res.writeHead(200, { 'content-type': 'application/json' });
	res.write('{"response":{"result":{"data":{"x":"');
	const chunk = Buffer.alloc(MIB, 97);
	let closed = false;
	res.on('close', () => (closed = true));
	const pump = () => {
		while (!closed) if (!res.write(chunk)) return void res.once('drain', pump);
	};
	pump();
}

describe('a body larger than any OneAll answer is cut off at 64 MiB', () => {
	it('a read answered with an endless body: one request, a clear error within seconds, well below the Timeout', async () => {
		server.serve((_req, res) => endlessBody(res));
		const started = Date.now();
		const { error, items } = await run({ ...identityGet(), options: { timeout: 25 } });
		expect(Date.now() - started).toBeLessThan(15_000);
		expect(items).toHaveLength(0);
		expect(server.requests).toHaveLength(1); // the same question would get the same answer: not re-sent
		expect(error?.name).toBe('NodeApiError');
		expect(error?.message).toBe("OneAll's answer was larger than 64 MiB and was not read");
		expect(error?.httpCode).toBe('200');
		expect(error?.context?.itemIndex).toBe(0);
		expect(error?.description).not.toMatch(MAY_HAVE_LANDED);
	}, 30_000);

	it('a push answered with a 1 KiB-per-MiB gzip bomb (80 MiB unpacked): sent once, may be live, nothing output', async () => {
		const bomb = gzip(Buffer.alloc(80 * MIB, 32));
		server.serve((_req, res) => {
			res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
			res.end(bomb);
		});
		const { error, items } = await run({ ...publishPin(), __continueOnFail: true });
		expect(server.requests).toHaveLength(1);
		expect(items).toHaveLength(1);
		expect(items[0].pairedItem).toEqual({ item: 0 });
		expect(items[0].json.error).toBe("OneAll's answer was larger than 64 MiB and was not read");
		expect(String(items[0].json.description)).toMatch(MAY_HAVE_LANDED);
		expect(error).toBeUndefined();
	});

	it('a Content-Length over 64 MiB is refused at once, without waiting for the bytes', async () => {
		server.serve((_req, res) => {
			res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(100 * MIB) });
			res.write('{"response":'); // and nothing more
		});
		const started = Date.now();
		const { error } = await run({ ...identityGet(), options: { timeout: 20 } });
		expect(Date.now() - started).toBeLessThan(5_000);
		expect(error?.message).toBe("OneAll's answer was larger than 64 MiB and was not read");
	});

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
});

describe('a body that does not match its Content-Encoding', () => {
	it.each(['gzip', 'deflate', 'br'])('Content-Encoding: %s on plain JSON (read): "could not be decoded", not "could not reach"', async (encoding) => {
		server.serve((_req, res) => {
			res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': encoding });
			res.end(OK);
		});
		const { error } = await run(identityGet());
		expect(server.requests).toHaveLength(1);
		expect(error?.message).toBe('OneAll answered HTTP 200, but its body could not be decoded');
		expect(error?.httpCode).toBe('200');
		expect(error?.description).toMatch(/did not match its Content-Encoding/);
	});

	it('the same on a push: sent once and said to be maybe live', async () => {
		server.serve((_req, res) => {
			res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
			res.end(OK);
		});
		const { error } = await run(publishPin());
		expect(server.requests).toHaveLength(1);
		expect(error?.message).toBe('OneAll answered HTTP 200, but its body could not be decoded');
		expect(error?.description).toMatch(MAY_HAVE_LANDED);
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
