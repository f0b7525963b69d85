import { identityEntry, matchesFilter, pickerResults, userEntry } from '../../nodes/OneAll/methods/pickerLabels';

const LINUS = (token: string, extra: object = {}) => ({ identity_token: token, provider: 'pinterest', displayName: 'Linus Hopper', ...extra });
const A = '1b93e09a-4cd3-4c5c-9081-2cb1eaa53573';
const B = '8b285b11-0000-4000-8000-000000000001';
const C = '8b285b11-1111-4000-8000-000000000002';

describe('identity picker entries', () => {
	it('name the person, their handle and the network', () => {
		const entry = identityEntry(LINUS(A, { preferredUsername: 'linus.hopper' }));
		expect(pickerResults([entry])).toEqual([{ name: 'Linus Hopper @linus.hopper (pinterest)', value: A }]);
	});

	it('fall back to name.formatted, then the email, then the token', () => {
		const formatted = { identity_token: A, provider: 'facebook', name: { formatted: 'Ada Lovelace' } };
		const email = { identity_token: A, provider: 'facebook', emails: [{ value: 'ada@example.com' }] };
		const bare = { identity_token: A, provider: 'facebook' };
		expect(pickerResults([identityEntry(formatted)])[0].name).toBe('Ada Lovelace (facebook)');
		expect(pickerResults([identityEntry(email)])[0].name).toBe('ada@example.com (facebook)');
		expect(pickerResults([identityEntry(bare)])[0].name).toBe(`${A} (facebook)`);
	});

	it('tell twins apart by the start of their tokens, longer only where the starts are equal', () => {
		const results = pickerResults([identityEntry(LINUS(A)), identityEntry(LINUS(B)), identityEntry(LINUS(C))]);
		expect(results.map((result) => result.name)).toEqual([
			'Linus Hopper · 1b93e09a-4cd (pinterest)',
			'Linus Hopper · 8b285b11-000 (pinterest)',
			'Linus Hopper · 8b285b11-111 (pinterest)',
		]);
		const pair = pickerResults([identityEntry(LINUS(A)), identityEntry(LINUS(B))]);
		expect(pair.map((result) => result.name)).toEqual(['Linus Hopper · 1b93e09a (pinterest)', 'Linus Hopper · 8b285b11 (pinterest)']);
		// Same name on another network is no twin.
		const other = pickerResults([identityEntry(LINUS(A)), identityEntry(LINUS(B, { provider: 'twitter' }))]);
		expect(other.map((result) => result.name)).toEqual(['Linus Hopper (pinterest)', 'Linus Hopper (twitter)']);
	});

	it('are found by name, handle, email, network or token', () => {
		const entry = identityEntry(LINUS(A, { preferredUsername: 'lh', emails: [{ value: 'linus@example.com' }] }));
		for (const filter of ['hopper', 'LINUS H', '@lh', 'linus@example', 'pinter', A.slice(-12).toUpperCase()]) {
			expect(matchesFilter(entry, filter)).toBe(true);
		}
		expect(matchesFilter(entry, 'grace')).toBe(false);
	});
});

describe('user picker entries', () => {
	const documented = {
		user_token: A,
		date_creation: 'Wed, 14 Jan 2011 12:13:00 +0200',
		date_last_login: 'Wed, 24 Aug 2011 17:23:00 +0200',
		num_logins: 148,
		identities: [
			{ identity_token: B, provider: 'facebook' },
			{ identity_token: C, provider: 'twitter' },
		],
	};

	it('as OneAll documents the list entry: token, networks and last login', () => {
		expect(pickerResults([userEntry(documented)])).toEqual([
			{ name: `${A} (facebook, twitter), last login 24 Aug 2011`, value: A },
		]);
	});

	it("with a person's name on an identity: the name, searchable", () => {
		const named = { ...documented, identities: [{ ...documented.identities[0], displayName: 'Grace Hopper' }, documented.identities[1]] };
		const entry = userEntry(named);
		expect(pickerResults([entry])[0].name).toBe('Grace Hopper (facebook, twitter), last login 24 Aug 2011');
		expect(matchesFilter(entry, 'grace')).toBe(true);
		expect(matchesFilter(entry, 'twitter')).toBe(true);
	});

	it('twins named by their token are not suffixed again', () => {
		const a = userEntry({ user_token: A, identities: [] });
		const b = userEntry({ user_token: B, identities: [] });
		expect(pickerResults([a, b]).map((result) => result.name)).toEqual([A, B]);
	});
});
