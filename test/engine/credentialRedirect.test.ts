/**
 * The credential's keys go only to its own host, also when a server there redirects: the credential
 * test reports a redirect instead of following it (and so never calls a redirected 200 a success), and
 * any other node sending with this credential (n8n's HTTP Request node) follows a redirect to another
 * origin without the keys.
 */
import { DEFAULT_SITE } from '../emulator/index.cjs';
import { startRecorder, type Recorder } from '../helpers/collect.cjs';
import { sendWithCredential, testCredential } from '../helpers/harness.cjs';
import { startRawServer } from '../helpers/stubServer.cjs';

let server: Awaited<ReturnType<typeof startRawServer>>;
let elsewhere: Recorder;
beforeAll(async () => {
	server = await startRawServer();
	elsewhere = await startRecorder();
});
afterAll(async () => {
	await server.close();
	await elsewhere.close();
});
beforeEach(() => (elsewhere.requests.length = 0));

const credentials = () => ({
	subdomain: DEFAULT_SITE.subdomain,
	publicKey: DEFAULT_SITE.publicKey,
	privateKey: DEFAULT_SITE.privateKey,
	useCustomBaseUrl: true,
	apiBaseUrl: server.url,
});
const redirectTo = (status: number, location: string) =>
	server.serve((_req, res) => {
		res.writeHead(status, { location });
		res.end();
	});

describe('the credential test', () => {
	it.each([301, 302, 303, 307, 308])('answered %i to another host: an error naming the redirect, nothing sent there', async (status) => {
		redirectTo(status, `${elsewhere.url}/tools/ping.json`);
		const result = await testCredential(credentials());
		expect(elsewhere.requests).toEqual([]);
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(new RegExp(`^Not OneAll: the answer was a redirect \\(HTTP ${status}\\)`));
	});

	it('answered 302 to a path on the same host: reported too, not followed', async () => {
		redirectTo(302, '/elsewhere.json');
		const result = await testCredential(credentials());
		expect(server.requests).toHaveLength(1);
		expect(result.message).toMatch(/^Not OneAll: the answer was a redirect \(HTTP 302\)/);
	});
});

describe('another node sending with this credential', () => {
	it.each([301, 302, 307, 308])('follows a %i to another origin without the keys', async (status) => {
		redirectTo(status, `${elsewhere.url}/landing`);
		const response = await sendWithCredential(credentials(), { url: '/tools/ping.json', method: 'GET' });
		expect(response.statusCode).toBe(200); // followed: that node's choice
		expect(elsewhere.requests).toHaveLength(1);
		expect(elsewhere.requests[0].authorization).toBe(false);
	});
});
