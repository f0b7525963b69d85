/**
 * A changed credential takes effect at the next request that starts anew: for the polling trigger that is
 * the next poll. n8n keeps ONE poll context for the whole activation and does not re-activate a workflow
 * when its credential is saved, so a credential remembered per context would send the old keys (to the
 * old base URL) until the workflow is switched off and on.
 */
import { DEFAULT_SITE, startEmulator, type Emulator } from '../emulator/index.cjs';
import { emulatorCredentials } from '../helpers/params';
import { activatePoll } from '../helpers/triggers.cjs';

let first: Emulator;
let second: Emulator;
beforeAll(async () => {
	first = await startEmulator();
	second = await startEmulator();
});
afterAll(async () => {
	await first.close();
	await second.close();
});
beforeEach(() => {
	first.reset();
	second.reset();
});

const parameters = { event: 'newLogin' };
/** A key the emulator does not know (built, so no scanner takes it for a real one). */
const OTHER_KEY = ['another', 'key', '0000'].join('-');

describe('the polling trigger reads its credential again for every poll', () => {
	it('another API Base URL: the next poll goes there, the old one gets nothing more', async () => {
		const trigger = await activatePoll({ parameters, credentials: emulatorCredentials(first) });
		expect((await trigger.poll()).error).toBeUndefined();
		const before = first.requests.length;
		expect(before).toBeGreaterThan(0);
		trigger.setCredentials(emulatorCredentials(second));
		expect((await trigger.poll()).error).toBeUndefined();
		expect(second.requests.length).toBeGreaterThan(0);
		expect(first.requests).toHaveLength(before);
	});

	it('another private key: the next poll sends it (a wrong one is refused by OneAll at once)', async () => {
		const trigger = await activatePoll({ parameters, credentials: emulatorCredentials(first) });
		expect((await trigger.poll()).error).toBeUndefined();
		trigger.setCredentials(emulatorCredentials(first, { privateKey: OTHER_KEY }));
		const { error } = await trigger.poll();
		expect(error?.httpCode).toBe('401');
		trigger.setCredentials(emulatorCredentials(first, { privateKey: DEFAULT_SITE.privateKey }));
		expect((await trigger.poll()).error).toBeUndefined();
	});
});
