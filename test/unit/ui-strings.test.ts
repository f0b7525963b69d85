import type { ICredentialType, INodeType } from 'n8n-workflow';

import { OneAllApi } from '../../credentials/OneAllApi.credentials';
import { OneAll } from '../../nodes/OneAll/OneAll.node';
import { OneAllLoginTrigger } from '../../nodes/OneAllLoginTrigger/OneAllLoginTrigger.node';
import { OneAllTrigger } from '../../nodes/OneAllTrigger/OneAllTrigger.node';

/**
 * Every text the editor shows for this package, read by walking the whole description of each node and
 * credential (and each codex file), not a list of fields: a new property, option, collection entry or
 * credential text is covered the day it is added.
 *
 * The editor renders display names, descriptions, hints and notices as HTML through its sanitizer
 * (n8n 2.41.1 editor-ui, htmlUtils: sanitizeHtml keeps p, strong, b, code, a, br, i, ul, li, em, small,
 * details, summary, mark, and an href only when it starts with http(s):// or /); any other tag is
 * dropped, so `<subdomain>` or `<Production URL>` vanishes from the sentence. Of the kept tags only these
 * pass here: a link (`<a href="https://…">…</a>`, the text n8n's lint asks for "expression" in dynamic
 * multi-option descriptions), `<b>` and `<code>`.
 */
const ALLOWED_TAGS = [/^<a href="https:\/\/[^"<>]+">/, /^<\/a>/, /^<\/?b>/, /^<\/?code>/];

/** Something the editor's HTML renderer takes for a tag, a closing tag, a comment or a doctype. */
const TAG_START = /<(?:[/!]?[a-z]|!--)/gi;

/** Notes for developers that tell a user nothing: references into this repo's docs, API key paths. */
const DEVELOPER_NOTES: Array<[RegExp, string]> = [
	[/docs\/[\w.-]+\.md/, 'a path into the repository docs'],
	[/§/, 'a section sign (a reference into the docs)'],
	[/\(\s*[a-z_]+(\.[a-z_]+)+\s*[,;)]/, 'an API key path in parentheses'],
];

interface UiText {
	where: string;
	text: string;
}

/** Keys whose strings are code the editor never shows as text: values sent to n8n or to OneAll. */
const NOT_SHOWN = new Set(['value', 'regex', 'url', 'node', 'icon', 'iconUrl', 'loadOptionsMethod', 'searchListMethod']);

/** Every string in a description, with its path, walking objects and arrays (functions are code). */
function collectTexts(value: unknown, where: string, out: UiText[]): UiText[] {
	if (typeof value === 'string') {
		out.push({ where, text: value });
	} else if (Array.isArray(value)) {
		value.forEach((entry, index) => collectTexts(entry, `${where}[${index}]`, out));
	} else if (value !== null && typeof value === 'object') {
		const label = 'name' in value && typeof value.name === 'string' ? `(${value.name})` : '';
		for (const [key, entry] of Object.entries(value)) {
			if (NOT_SHOWN.has(key)) continue;
			collectTexts(entry, `${where}${label}.${key}`, out);
		}
	}
	return out;
}

function credentialTexts(credential: ICredentialType): UiText[] {
	const { displayName, properties, test } = credential;
	return collectTexts({ displayName, properties, test }, credential.name, []);
}

function nodeTexts(node: INodeType, codexFile: string): UiText[] {
	const { description } = node;
	const texts = collectTexts(description, description.name, []);
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const codex: unknown = require(codexFile);
	return collectTexts(codex, `${description.name}.codex`, texts);
}

const ALL_TEXTS: UiText[] = [
	...nodeTexts(new OneAll(), '../../nodes/OneAll/OneAll.node.json'),
	...nodeTexts(new OneAllTrigger(), '../../nodes/OneAllTrigger/OneAllTrigger.node.json'),
	...nodeTexts(new OneAllLoginTrigger(), '../../nodes/OneAllLoginTrigger/OneAllLoginTrigger.node.json'),
	...credentialTexts(new OneAllApi()),
];

/** The tags in a text that the editor would swallow, each with a little context. */
export function unsafeTags(text: string): string[] {
	const found: string[] = [];
	for (const match of text.matchAll(TAG_START)) {
		const rest = text.slice(match.index);
		if (ALLOWED_TAGS.some((tag) => tag.test(rest))) continue;
		found.push(rest.slice(0, 30));
	}
	return found;
}

export function developerNotes(text: string): string[] {
	return DEVELOPER_NOTES.filter(([pattern]) => pattern.test(text)).map(([, what]) => what);
}

describe('UI strings of every node and credential', () => {
	it('walks the whole description: options, collections, locator modes, credential texts, codex', () => {
		const where = ALL_TEXTS.map((entry) => entry.where).join('\n');
		expect(ALL_TEXTS.length).toBeGreaterThan(500);
		expect(where).toMatch(/\.options\[\d+\]\([^)]*\)\.description/); // dropdown options
		expect(where).toMatch(/\.modes\[\d+\]\([^)]*\)\.placeholder/); // resource locator modes
		expect(where).toMatch(/\.properties\[\d+\]\([^)]*\)\.options\[\d+\]\([^)]*\)\.displayName/); // collections
		expect(where).toMatch(/oneAllApi\.properties\[\d+\]\([^)]*\)\.description/);
		expect(where).toMatch(/oneAllApi\.test\.rules\[\d+\]\.properties\.message/);
		expect(where).toMatch(/oneAll\.codex\.alias/);
	});

	it('the checks catch what the editor would swallow and pass what it renders', () => {
		expect(unsafeTags('https://<subdomain>.api.oneall.com')).toEqual(['<subdomain>.api.oneall.com']);
		expect(unsafeTags("set_callback_uri', '<Production URL>'")).toHaveLength(1);
		expect(unsafeTags('a </div> b')).toHaveLength(1);
		expect(unsafeTags('x <!-- y -->')).toHaveLength(1);
		expect(unsafeTags('<a href="javascript:x">no</a>')).toHaveLength(1);
		expect(unsafeTags('see the <a href="https://docs.n8n.io/code/expressions/">expression</a>, <b>b</b>, <code>c</code>')).toEqual([]);
		expect(unsafeTags('1 < 2, a <= b, -> and <- arrows, {subdomain}, YOUR-SUBDOMAIN')).toEqual([]);
		expect(developerNotes('The message (parts.text.body)')).toHaveLength(1);
		expect(developerNotes('Files to upload (parts.uploads, base64)')).toHaveLength(1);
		expect(developerNotes('Delete it (docs/oneall-api.md §8.1)')).toHaveLength(2);
		expect(developerNotes('A message, e.g. (up to 280 characters.)')).toEqual([]);
	});

	it('no text contains something the editor would take for an HTML tag', () => {
		const problems = ALL_TEXTS
			.filter(({ text }) => unsafeTags(text).length > 0)
			.map(({ where, text }) => `${where}: ${JSON.stringify(text)}`);
		expect(problems).toEqual([]);
	});

	it('no text is a developer note (docs references, API key paths)', () => {
		const problems = ALL_TEXTS
			.filter(({ text }) => developerNotes(text).length > 0)
			.map(({ where, text }) => `${where}: ${JSON.stringify(text)} (${developerNotes(text).join(', ')})`);
		expect(problems).toEqual([]);
	});
});
