import {
	entryKey,
	ListShapeError,
	pageSignature,
	readListAnswer,
	SeenEntries,
	toCount,
} from '../../nodes/OneAll/transport/listAnswer';

const user = (n: number) => ({ user_token: `u${n}` });
const users = (count: number) => Array.from({ length: count }, (_, n) => user(n));

describe('readListAnswer: every list shape OneAll shows', () => {
	it('reads the documented {pagination, count, entries}, numbers also as text', () => {
		const pagination = { current_page: 1, total_pages: 2, entries_per_page: 2, total_entries: 3 };
		expect(readListAnswer({ users: { pagination, count: 2, entries: users(2) } }, 'users', 2)).toEqual({
			entries: users(2),
			hasMore: true,
		});
		const text = { current_page: '2', total_pages: '2' };
		expect(readListAnswer({ users: { pagination: text, count: '1', entries: users(1) } }, 'users', 2).hasMore).toBe(false);
	});

	it('reads an empty list without entries as empty: {count: 0}, {count: "0"}, {}, null, result.data {}', () => {
		for (const data of [
			{ users: { count: 0 } },
			{ users: { count: '0' } },
			{ users: { count: null } },
			{ users: {} },
			{ users: { entries: null } },
			{ users: null },
			{ users: [] },
			{ users: { count: 0, pagination: { current_page: 1, total_pages: 1 } } },
			{},
		]) {
			expect(readListAnswer(data, 'users', 50)).toEqual({ entries: [], hasMore: false });
		}
	});

	it('without pagination, a full page may have a next one; a short page is the last', () => {
		expect(readListAnswer({ users: { count: 3, entries: users(3) } }, 'users', 3).hasMore).toBe(true);
		expect(readListAnswer({ users: { count: 2, entries: users(2) } }, 'users', 3).hasMore).toBe(false);
		expect(readListAnswer({ users: users(3) }, 'users', 3).hasMore).toBe(true);
		expect(readListAnswer({ users: users(3) }, 'users').hasMore).toBe(false);
		// A resource that ignores entries_per_page answers OneAll's default 250: may continue.
		expect(readListAnswer({ users: { entries: users(250) } }, 'users', 500).hasMore).toBe(true);
		// Unreadable pagination counts as none.
		expect(readListAnswer({ users: { pagination: { current_page: 'x' }, entries: users(3) } }, 'users', 3).hasMore).toBe(true);
		// Pagination wins over a full page.
		const last = { current_page: 4, total_pages: 4 };
		expect(readListAnswer({ users: { pagination: last, entries: users(3) } }, 'users', 3).hasMore).toBe(false);
	});

	it('ignores unknown keys', () => {
		expect(readListAnswer({ users: { count: 1, entries: [user(1)], next: 'x' }, extra: 1 }, 'users', 5)).toEqual({
			entries: [user(1)],
			hasMore: false,
		});
	});

	it('refuses what is no list in any shape, never reading it as empty', () => {
		const refused: Array<[unknown, RegExp]> = [
			[undefined, /no result\.data/],
			[null, /no result\.data/],
			[[], /no result\.data/],
			['users', /no result\.data/],
			[{ user: { user_token: 'x' } }, /has no "users" list/],
			[{ users: 'none' }, /is not a list/],
			[{ users: 3 }, /is not a list/],
			[{ users: { entries: 'x' } }, /entries that are not a list/],
			[{ users: { entries: {} } }, /entries that are not a list/],
			[{ users: { count: 3 } }, /count is 3/],
			[{ users: { count: 'many' } }, /count is "many"/],
			[{ users: { entries: [user(1), 'x'] } }, /entry that is not an object/],
			[{ users: [null] }, /entry that is not an object/],
		];
		for (const [data, message] of refused) {
			expect(() => readListAnswer(data, 'users', 5)).toThrow(ListShapeError);
			expect(() => readListAnswer(data, 'users', 5)).toThrow(message);
		}
	});
});

describe('entries seen once', () => {
	it('keys an entry by its token or id, else by its content', () => {
		expect(entryKey({ user_token: 'a', identity_token: 'b' }, 'identities')).toBe('identity_token=b');
		expect(entryKey({ identity_token: 'b', user_token: 'a' }, 'users')).toBe('user_token=a');
		expect(entryKey({ sharing_message_token: 'm' }, 'sharing_messages')).toBe('sharing_message_token=m');
		expect(entryKey({ pin_id: '7', board_id: '1' }, 'pins')).toBe('pin_id=7');
		expect(entryKey({ id: 5 }, 'companies')).toBe('id=5');
		expect(entryKey({ name: 'x' }, 'companies')).toBe('{"name":"x"}');
	});

	it('SeenEntries lets each entry through once', () => {
		const seen = new SeenEntries('users');
		expect(seen.fresh([user(1), user(2), user(1)])).toEqual([user(1), user(2)]);
		expect(seen.fresh([user(2), user(3)])).toEqual([user(3)]);
		expect(seen.fresh([user(1), user(3)])).toEqual([]);
	});

	it('pageSignature tells pages apart by their keys', () => {
		expect(pageSignature(users(3), 'users')).toBe(pageSignature(users(3).map((u) => ({ ...u, more: 1 })), 'users'));
		expect(pageSignature(users(3), 'users')).not.toBe(pageSignature(users(4), 'users'));
		expect(pageSignature(users(3), 'users')).toMatch(/^\w+$/);
	});

	it('toCount reads whole numbers, also as text', () => {
		expect([0, 3, '3', ' 12 '].map(toCount)).toEqual([0, 3, 3, 12]);
		expect([-1, 1.5, '1.5', 'x', '', null, undefined, {}, 2 ** 60].map(toCount)).toEqual(Array(9).fill(undefined));
	});
});
