import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { failFor, type Fail } from '../../helpers/fail';
import { asOption, asText, isEmpty } from '../../helpers/validation';
import { BATCHING_OPTIONS } from '../common/batching';
import { CAVEATS } from '../common/caveats';
import { nodeParameter } from '../common/parameters';
import type { RequestDescription, ResourceDefinition } from '../operation';
import { writeOptions } from '../sharing/options';

const ALLOWED_DOMAINS = '/site/allowed-domains.json';
const FORM_LOGINS = '/site/connections.json';
const SOURCE = 'docs/oneall-api.md §8.8';

/** A host name, optionally with a leading "*." for its subdomains: no scheme, port or path. */
const DOMAIN = /^(\*\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/i;
const MAX_DOMAIN = 253;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const MAX_TEXT = 255;
const ACTIONS = ['signin', 'signup'] as const;

/** Domains given as a list or as text separated by commas, spaces or line breaks; each checked. */
function readDomains(context: IExecuteFunctions, itemIndex: number, fail: Fail): string[] {
	const value = nodeParameter(context, 'domains', itemIndex, '');
	const parts: unknown[] = Array.isArray(value) ? value : asText(value ?? '', '"Domains"', fail).split(/[\s,]+/);
	const domains = parts.map((part) => asText(part, '"Domains"', fail).trim()).filter((domain) => domain !== '');
	if (domains.length === 0) {
		fail('"Domains" is empty', 'Give at least one domain, e.g. www.example.com or *.example.com. An empty list is not sent: it could remove every allowed domain of the site.');
	}
	for (const domain of domains) {
		if (domain.length > MAX_DOMAIN || !DOMAIN.test(domain)) {
			fail(
				`"Domains" contains "${domain.slice(0, 80)}", which is not a domain`,
				'Give host names only, e.g. www.example.com or *.example.com for every subdomain: no https://, port or path.',
			);
		}
	}
	return [...new Set(domains)];
}

function optionalText(context: IExecuteFunctions, name: string, label: string, itemIndex: number, fail: Fail): string | undefined {
	const value = nodeParameter(context, name, itemIndex, '');
	if (isEmpty(value)) return undefined;
	const text = asText(value, label, fail).trim();
	if (text.length > MAX_TEXT) fail(`${label} is too long: ${text.length} characters, at most ${MAX_TEXT} are sent`);
	return text;
}

/** The OneAll site of the credential: its allowed domains and its record of logins (docs/oneall-api.md §8.8). */
export const siteResource: ResourceDefinition = {
	value: 'site',
	name: 'Site',
	operations: [
		{
			value: 'getAllowedDomains',
			name: 'Get Allowed Domains',
			action: 'Get the allowed domains of the site',
			description: 'Read the domains on which the OneAll site may be used (its social login and sharing)',
			docs: { request: `GET ${ALLOWED_DOMAINS}`, certainty: 'sdk', source: `${SOURCE}; php-sdk Site.php, php-api-examples list_allowed_domains` },
			properties: [
				{
					displayName: 'Options',
					name: 'options',
					type: 'collection',
					placeholder: 'Add Option',
					default: {},
					options: BATCHING_OPTIONS,
				},
			],
			prepare(): RequestDescription {
				return { method: 'GET', path: ALLOWED_DOMAINS, intent: 'read' };
			},
		},
		{
			value: 'setAllowedDomains',
			name: 'Set Allowed Domains',
			action: 'Set the allowed domains of the site',
			description: 'Send domains on which the OneAll site may be used, e.g. a new shop domain',
			docs: {
				request: `PUT ${ALLOWED_DOMAINS}`,
				body: 'allowed_domains[]',
				certainty: 'sdk',
				source: `${SOURCE}; php-sdk Site.php addAllowedDomains, php-api-examples add_allowed_domains (200 or 201)`,
			},
			caveat: CAVEATS.allowedDomains,
			properties: [
				{
					displayName: 'Domains',
					name: 'domains',
					type: 'string',
					required: true,
					default: '',
					placeholder: 'e.g. www.example.com, *.example.com',
					description: 'Host names separated by commas, spaces or line breaks (or a list from an expression); *.example.com covers every subdomain',
				},
				writeOptions,
			],
			prepare(this: IExecuteFunctions, itemIndex: number): RequestDescription {
				const fail = failFor(this.getNode(), itemIndex);
				return {
					method: 'PUT',
					path: ALLOWED_DOMAINS,
					body: { allowed_domains: readDomains(this, itemIndex, fail) },
					// The same list sent twice leaves the site as once, whether OneAll replaces or adds.
					intent: 'update',
					output: { kind: 'data', withStatus: true },
				};
			},
		},
		{
			value: 'recordFormLogin',
			name: 'Record Form Login',
			action: 'Record a login of your own form',
			description:
				"Add a sign-in or sign-up through your own login form (not a social login) to the site's connection records in OneAll, so the statistics count both",
			docs: {
				request: `POST ${FORM_LOGINS}`,
				body: 'connection{action: signin or signup, username, email}',
				certainty: 'sdk',
				source: `${SOURCE}; php-sdk Site.php createConnectionLog only`,
			},
			properties: [
				{
					displayName: 'Action',
					name: 'formAction',
					type: 'options',
					options: [
						{ name: 'Sign In', value: 'signin' },
						{ name: 'Sign Up', value: 'signup' },
					],
					default: 'signin',
					description: 'Whether the user signed in or created an account',
				},
				{
					displayName: 'Username',
					name: 'username',
					type: 'string',
					default: '',
					description: 'The username used on the form. Give it, the email, or both.',
				},
				{
					displayName: 'Email',
					name: 'email',
					type: 'string',
					placeholder: 'name@email.com',
					default: '',
					description: 'The email address used on the form. Give it, the username, or both.',
				},
				writeOptions,
			],
			prepare(this: IExecuteFunctions, itemIndex: number): RequestDescription {
				const fail = failFor(this.getNode(), itemIndex);
				const action = asOption(nodeParameter(this, 'formAction', itemIndex, 'signin'), '"Action"', ACTIONS, fail);
				const username = optionalText(this, 'username', '"Username"', itemIndex, fail);
				const email = optionalText(this, 'email', '"Email"', itemIndex, fail);
				if (username === undefined && email === undefined) fail('Give "Username", "Email" or both');
				if (email !== undefined && !EMAIL.test(email)) fail(`"Email" is not an email address: "${email.slice(0, 80)}"`);
				const connection: IDataObject = {
					action,
					...(username !== undefined ? { username } : {}),
					...(email !== undefined ? { email } : {}),
				};
				return { method: 'POST', path: FORM_LOGINS, body: { connection }, intent: 'write' };
			},
		},
	],
};
