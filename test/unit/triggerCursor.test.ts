/** The polling OneAll Trigger's cursor rules (pure) and its editor texts. */
import { advance, CLOCK_SKEW_SECONDS, isAfter, readCursor, SEEN_LIMIT, withFailure, FAILURE_LIMIT, type Cursor } from '../../nodes/OneAllTrigger/cursor';
import { OneAllTrigger } from '../../nodes/OneAllTrigger/OneAllTrigger.node';

const empty: Cursor = { key: 'k', second: null, tokens: [], seen: [], failures: {}, seenFrom: null };
const event = (token: string, second?: number) => ({ token, second, entry: {} });

describe('OneAll Trigger cursor', () => {
	it('never moves the date beyond the poll clock plus the skew; the future entry stays known by token', () => {
		const now = 1_800_000_000;
		const cursor = advance(empty, [event('a', now - 5), event('future', now + 86_400)], now);
		expect(cursor.second).toBe(now + CLOCK_SKEW_SECONDS);
		expect(cursor.seen).toEqual(['a', 'future']);
		// A real event dated at the poll clock is still new.
		expect(isAfter(cursor, { token: 'real', second: now + 1 })).toBe(true);
	});

	it('keeps the seen tokens and the failure table bounded', () => {
		const many = Array.from({ length: SEEN_LIMIT + 10 }, (_, n) => event(`t${n}`));
		expect(advance(empty, many, 0).seen).toHaveLength(SEEN_LIMIT);
		let cursor = empty;
		for (let n = 0; n < FAILURE_LIMIT + 10; n++) cursor = withFailure(cursor, `f${n}`);
		expect(Object.keys(cursor.failures)).toHaveLength(FAILURE_LIMIT);
		expect(withFailure(withFailure(empty, 'x'), 'x').failures).toEqual({ x: 2 });
	});

	it('keeps the tokens at the cursor\'s second bounded when every entry shares one date (a bulk import, a constant date)', () => {
		let cursor = empty;
		for (let round = 0; round < 3; round++) {
			const batch = Array.from({ length: SEEN_LIMIT }, (_, n) => event(`r${round}-${n}`, 1_800_000_000));
			cursor = advance(cursor, batch, 1_800_000_000);
		}
		expect(cursor.tokens).toHaveLength(SEEN_LIMIT);
		expect(cursor.tokens.at(-1)).toBe(`r2-${SEEN_LIMIT - 1}`);
		const stored = { cursor: { ...cursor, tokens: Array.from({ length: 3 * SEEN_LIMIT }, (_, n) => `s${n}`) } };
		expect(readCursor(stored, 'k')!.tokens).toHaveLength(SEEN_LIMIT);
	});

	it('reads a cursor stored before `seen` existed: complete only from its second on', () => {
		const cursor = readCursor({ cursor: { key: 'k', second: 100, tokens: ['a'] } }, 'k')!;
		expect(cursor).toMatchObject({ seen: ['a'], seenFrom: 100, failures: {} });
		expect(isAfter(cursor, { token: 'old', second: 99 })).toBe(false);
		expect(isAfter(cursor, { token: 'a', second: 100 })).toBe(false);
		expect(isAfter(cursor, { token: 'b', second: 100 })).toBe(true);
	});
});

describe('OneAll Trigger editor texts', () => {
	const { description } = new OneAllTrigger();

	it('no developer notes in the event descriptions; "Add Option"', () => {
		const events = description.properties.find((p) => p.name === 'event')!.options as Array<{ description: string }>;
		for (const option of events) expect(option.description).not.toMatch(/docs\/|§/);
		expect(description.properties.find((p) => p.name === 'options')!.placeholder).toBe('Add Option');
	});

	it('the canvas subtitle is the event\'s name', () => {
		// A chain of `$parameter["event"] === "<value>" ? "<name>" :` ending in "": the name of every event.
		const subtitle = String(description.subtitle);
		const pairs = [...subtitle.matchAll(/\$parameter\["event"\] === "(\w+)" \? "([^"]+)" :/g)].map((m) => [m[1], m[2]]);
		expect(Object.fromEntries(pairs)).toEqual({
			newLogin: 'New Login',
			newUser: 'New User',
			newIdentity: 'New Identity',
			newSharingMessage: 'New Sharing Message',
		});
		expect(subtitle).toMatch(/^=\{\{ .* "" \}\}$/);
	});
});
