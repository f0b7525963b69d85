import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import { isWithinBase, resolveBaseUrl } from '../nodes/OneAll/transport/baseUrl';

export class OneAllApi implements ICredentialType {
	name = 'oneAllApi';

	displayName = 'OneAll API';

	icon: Icon = { light: 'file:../nodes/OneAll/oneall.svg', dark: 'file:../nodes/OneAll/oneall.dark.svg' };

	documentationUrl = 'https://github.com/n8n-nodes-oneall/n8n-nodes-oneall#credentials';

	properties: INodeProperties[] = [
		{
			displayName: 'Subdomain',
			name: 'subdomain',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'mysite',
			description:
				'Your OneAll site\'s subdomain, as shown under Settings > API Settings ("mysite", "mysite.api.oneall.com" or "https://mysite.api.oneall.com/")',
		},
		{
			displayName: 'Public Key',
			name: 'publicKey',
			type: 'string',
			default: '',
			required: true,
			description: "The site's public API key (Settings > API Settings)",
		},
		{
			displayName: 'Private Key',
			name: 'privateKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: "The site's private API key (Settings > API Settings)",
		},
		{
			displayName: 'Use Custom API Base URL',
			name: 'useCustomBaseUrl',
			type: 'boolean',
			default: false,
			description:
				'Whether to send requests somewhere other than https://YOUR-SUBDOMAIN.api.oneall.com, e.g. a local OneAll emulator or a proxy',
		},
		{
			displayName:
				'Advanced: your public and private keys are sent to this URL. Only point it at an emulator or proxy you control.',
			name: 'customBaseUrlNotice',
			type: 'notice',
			default: '',
			displayOptions: { show: { useCustomBaseUrl: [true] } },
		},
		{
			displayName: 'API Base URL',
			name: 'apiBaseUrl',
			type: 'string',
			default: '',
			placeholder: 'http://127.0.0.1:8787',
			description:
				'Replaces https://YOUR-SUBDOMAIN.api.oneall.com. May contain {subdomain}, which is replaced by the subdomain above.',
			displayOptions: { show: { useCustomBaseUrl: [true] } },
		},
	];

	// A function rather than generic Basic auth: it also pins every request to the credential's own
	// host, so a typo or an injected path can never carry the keys elsewhere.
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const base = resolveBaseUrl({
			subdomain: credentials.subdomain,
			apiBaseUrl: credentials.useCustomBaseUrl === true ? credentials.apiBaseUrl : '',
		});
		if (!requestOptions.baseURL && !/^[a-z][a-z0-9+.-]*:/i.test(requestOptions.url)) {
			requestOptions.baseURL = base;
		}
		const target = requestOptions.baseURL
			? `${requestOptions.baseURL.replace(/\/+$/, '')}/${requestOptions.url.replace(/^\/+/, '')}`
			: requestOptions.url;
		if (!isWithinBase(target, base)) {
			throw new Error(`Refusing to send the OneAll keys to ${target.slice(0, 120)}: it is not ${base}.`);
		}
		requestOptions.auth = {
			username: String(credentials.publicKey ?? ''),
			password: String(credentials.privateKey ?? ''),
		};
		// Whoever sends with this credential (the credential test, n8n's HTTP Request node) and follows a
		// redirect: n8n would add the keys again on the other host unless told not to.
		requestOptions.sendCredentialsOnCrossOriginRedirect = false;
		return requestOptions;
	}

	test: ICredentialTestRequest = {
		// No baseURL: authenticate() supplies it from the subdomain (or the override).
		// OneAll's API never redirects: a redirect is reported (rules below), not followed elsewhere.
		request: { url: '/tools/ping.json', method: 'GET', timeout: 15000, disableFollowRedirect: true },
		rules: [
			...[301, 302, 303, 307, 308].map((value) => ({
				type: 'responseCode' as const,
				properties: {
					value,
					message: `Not OneAll: the answer was a redirect (HTTP ${value}), which OneAll's API never sends, so it was not followed and the keys were not sent on. Check the subdomain, or the API Base URL and any proxy in between.`,
				},
			})),
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						'Wrong keys: OneAll rejected the public/private key pair. Copy both keys again from Settings > API Settings of this site.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 404,
					message:
						'Wrong subdomain: no OneAll site answers at this subdomain. Check the subdomain under Settings > API Settings.',
				},
			},
		],
	};
}
