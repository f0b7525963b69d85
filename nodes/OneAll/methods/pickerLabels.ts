import type { IDataObject } from 'n8n-workflow';

import { isObject } from '../helpers/validation';

/**
 * How the identity and user pickers name people. Only what OneAll's list answers carry is used: one
 * list request per page, never one read per entry (a page holds 100 entries, and OneAll counts each
 * request against the site's rate limit). OneAll documents little of a list entry (tokens, provider,
 * dates); the person's fields (displayName, name.formatted, preferredUsername, emails) are those of its
 * identity reads, shown whenever a list entry carries them.
 */

export interface PickerEntry {
	/** Who the entry is: a person's name or handle, else its token. */
	who: string;
	/** What follows: the networks, the last login. */
	detail: string;
	value: string;
	/** The texts a search matches. */
	searchable: string[];
}

const text = (value: unknown): string | undefined =>
	typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;

/** The entry's token under `key`, or undefined when it has none: such an entry cannot be picked. */
export const tokenOf = (entry: IDataObject, key: string): string | undefined => text(entry[key]);

/**
 * An object's id as a picker value: text, or a number only while it is exact (beyond 2^53 JSON reading
 * rounded it, so it would name another object); undefined otherwise.
 */
export function pickableId(value: unknown): string | undefined {
	if (typeof value === 'number') return Number.isSafeInteger(value) && value >= 0 ? String(value) : undefined;
	return text(value);
}

/** A person as an identity entry describes them: name, handle, first email; any may be missing. */
export function personOf(entry: IDataObject): { name?: string; handle?: string; email?: string } {
	const name = entry.name;
	const emails = Array.isArray(entry.emails) ? entry.emails.filter(isObject) : [];
	return {
		name: text(entry.displayName) ?? text(isObject(name) ? name.formatted : undefined),
		handle: text(entry.preferredUsername),
		email: text(emails[0]?.value),
	};
}

/** "Linus Hopper @linus.h", "linus@example.com", or undefined when the entry names nobody. */
function personLabel(entry: IDataObject): string | undefined {
	const { name, handle, email } = personOf(entry);
	const parts = [name, handle ? `@${handle.replace(/^@/, '')}` : undefined];
	if (!name && !handle) parts.push(email);
	const label = parts.filter(Boolean).join(' ');
	return label || undefined;
}

function personSearchable(entry: IDataObject): string[] {
	const { name, handle, email } = personOf(entry);
	return [name, handle, email].filter((value): value is string => value !== undefined);
}

/** An identity: "Linus Hopper @linus.h (pinterest)", its token when OneAll names nobody. */
export function identityEntry(entry: IDataObject, token = String(entry.identity_token)): PickerEntry {
	const provider = text(entry.provider);
	const who = personLabel(entry) ?? token;
	return {
		who,
		detail: provider ? ` (${provider})` : '',
		value: token,
		searchable: [token, ...(provider ? [provider] : []), ...personSearchable(entry)],
	};
}

/** "24 Aug 2011" from OneAll's "Wed, 24 Aug 2011 17:23:00 +0200"; undefined for anything else. */
function shortDate(value: unknown): string | undefined {
	const match = /^\w{3}, (\d{1,2} \w{3} \d{4}) /.exec(text(value) ?? '');
	return match?.[1];
}

/**
 * A user: the first name OneAll's entry gives for one of the user's identities, the networks, and the
 * last login ("Ada Lovelace (facebook, twitter), last login 24 Aug 2011"); the token stands in for a
 * name the entry does not carry.
 */
export function userEntry(entry: IDataObject, token = String(entry.user_token)): PickerEntry {
	const identities = Array.isArray(entry.identities) ? entry.identities.filter(isObject) : [];
	const providers = [...new Set(identities.map((identity) => text(identity.provider)).filter(Boolean))].join(', ');
	const who = identities.map(personLabel).find(Boolean) ?? token;
	const lastLogin = shortDate(entry.date_last_login);
	return {
		who,
		detail: (providers ? ` (${providers})` : '') + (lastLogin ? `, last login ${lastLogin}` : ''),
		value: token,
		searchable: [token, providers, ...identities.flatMap(personSearchable)],
	};
}

/** Whether the search text is part of what the entry shows or of its searchable texts, in any case. */
export function matchesFilter(entry: PickerEntry, filter: string | undefined): boolean {
	if (!filter) return true;
	const needle = filter.trim().toLowerCase();
	return [entry.who + entry.detail, ...entry.searchable].some((value) => value.toLowerCase().includes(needle));
}

/**
 * The dropdown's entries. Entries of one answer that would read the same get the start of their token
 * after the name, as short as still tells them apart: "Linus Hopper · 1b93e09a (pinterest)". The others,
 * and entries named by their token, stay as they are.
 */
export function pickerResults(entries: PickerEntry[]): Array<{ name: string; value: string }> {
	const twins = new Map<string, PickerEntry[]>();
	for (const entry of entries) {
		const label = entry.who + entry.detail;
		twins.set(label, [...(twins.get(label) ?? []), entry]);
	}
	const prefixLength = new Map<PickerEntry, number>();
	for (const group of twins.values()) {
		if (group.length < 2) continue;
		const tokens = group.map((entry) => entry.value);
		let length = 8;
		while (new Set(tokens.map((token) => token.slice(0, length))).size < tokens.length && tokens.some((t) => t.length > length)) {
			length += 4;
		}
		for (const entry of group) if (entry.who !== entry.value) prefixLength.set(entry, length);
	}
	return entries.map((entry) => {
		const length = prefixLength.get(entry);
		const suffix = length === undefined ? '' : ` · ${entry.value.slice(0, length)}`;
		return { name: `${entry.who}${suffix}${entry.detail}`, value: entry.value };
	});
}
