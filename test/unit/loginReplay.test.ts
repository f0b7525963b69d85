import type { IDataObject } from 'n8n-workflow';

import { claimInProcess, MAX_STORED, recordUsed, releaseInProcess, usedElsewhere } from '../../nodes/OneAllLoginTrigger/replay';
import { checkLoginAge, CLOCK_SKEW_SECONDS } from '../../nodes/OneAllLoginTrigger/age';

const NOW = Date.UTC(2026, 0, 10, 12, 0, 0);

describe('login replay store', () => {
	it('a claim holds until its window ends; a released claim can be claimed again', () => {
		expect(claimInProcess('t-1', NOW + 60_000, NOW)).toBe(true);
		expect(claimInProcess('t-1', NOW + 60_000, NOW + 1000)).toBe(false);
		expect(claimInProcess('t-1', NOW + 120_000, NOW + 60_001)).toBe(true); // window over
		releaseInProcess('t-1');
		expect(claimInProcess('t-1', NOW + 60_000, NOW)).toBe(true);
	});

	it('static data keeps at most MAX_STORED live entries, drops expired ones and keeps the newest', () => {
		const staticData: IDataObject = { usedLogins: { expired: NOW - 1 } };
		for (let i = 0; i < MAX_STORED + 20; i++) recordUsed(staticData, `t${i}`, NOW + 1000 + i, NOW);
		const stored = staticData.usedLogins as Record<string, number>;
		expect(Object.keys(stored)).toHaveLength(MAX_STORED);
		expect(stored.expired).toBeUndefined();
		expect(usedElsewhere(staticData, `t${MAX_STORED + 19}`, NOW)).toBe(true);
		expect(usedElsewhere(staticData, 't0', NOW)).toBe(false);
		expect(usedElsewhere({ usedLogins: 'garbage' }, 't0', NOW)).toBe(false);
	});
});

describe('login age check', () => {
	const dated = (ms: number) => ({ date: new Date(ms).toUTCString() });
	it('refuses what cannot be dated, the future beyond the skew, and the too old; accepts the rest', () => {
		expect(() => checkLoginAge({}, 900, NOW)).toThrow();
		expect(() => checkLoginAge({ date: 'yesterday-ish' }, 900, NOW)).toThrow();
		expect(() => checkLoginAge(dated(NOW + (CLOCK_SKEW_SECONDS + 5) * 1000), 900, NOW)).toThrow();
		expect(() => checkLoginAge(dated(NOW - 901_000), 900, NOW)).toThrow();
		expect(() => checkLoginAge(dated(NOW + 30_000), 900, NOW)).not.toThrow();
		expect(() => checkLoginAge(dated(NOW - 60_000), 900, NOW)).not.toThrow();
		expect(() => checkLoginAge({}, 0, NOW)).not.toThrow(); // check off
	});
});
