import type { IHookFunctions, INodeType, INodeTypeDescription, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { INCLUDE_ACCESS_TOKENS } from '../OneAll/actions/account/shared';
import { handleCallback } from './callback';

/**
 * The callback URI of OneAll's Social Login widget (docs/oneall-api.md §8.7). A separate node from the
 * polling OneAll Trigger: n8n picks a trigger's editor panel (webhook URLs vs "Fetch Test Event") and its
 * activation (webhook vs poll schedule) from the node type, not from a parameter (README: OneAll triggers).
 */
export class OneAllLoginTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'OneAll Social Login Trigger',
		name: 'oneAllLoginTrigger',
		icon: { light: 'file:../OneAll/oneall.svg', dark: 'file:../OneAll/oneall.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ $parameter["respondWith"] === "page" || !$parameter["redirectUrl"] ? "Shows a short page" : "Redirects the browser" }}',
		description: "Starts the workflow when a person logs in through your OneAll Social Login widget (its callback URI)",
		defaults: { name: 'OneAll Social Login' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'oneAllApi', required: true }],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				path: 'oneall-login',
			},
		],
		properties: [
			{
				displayName:
					"Set your OneAll widget's callback URI to one of this node's webhook URLs (shown above). To try it out, use the Test URL, start listening for a test event here, then log in through the widget (a refused login then shows its reason in the editor). When the workflow is published, set the callback URI to the Production URL. Each login is verified with OneAll before the workflow starts.",
				name: 'callbackNotice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Respond With',
				name: 'respondWith',
				type: 'options',
				noDataExpression: true,
				default: 'redirect',
				description: "What the person's browser gets after a verified login",
				options: [
					{ name: 'Redirect', value: 'redirect', description: 'Send the browser on to a page of your site (HTTP 302)' },
					{ name: 'Short Page', value: 'page', description: 'Show a short HTML page' },
				],
			},
			{
				displayName: 'Redirect URL',
				name: 'redirectUrl',
				type: 'string',
				default: '',
				placeholder: 'https://www.example.com/welcome',
				description: 'Where the browser goes after a verified login. Empty: the short page is shown.',
				hint: 'Prefer a fixed URL. If you use an expression, add its host to Allowed Redirect Hosts (in Options): any other host is refused, so the login can never be sent to an address someone else chose.',
				displayOptions: { show: { respondWith: ['redirect'] } },
			},
			{
				displayName: 'Add User Token to URL',
				name: 'addUserToken',
				type: 'boolean',
				default: false,
				description: 'Whether to add the OneAll user_token as a "user_token" query parameter to the redirect URL',
				displayOptions: { show: { respondWith: ['redirect'] } },
			},
			{
				displayName: 'Page Title',
				name: 'pageTitle',
				type: 'string',
				default: 'You are logged in',
				displayOptions: { show: { respondWith: ['page'] } },
			},
			{
				displayName: 'Page Message',
				name: 'pageMessage',
				type: 'string',
				default: 'You can close this window.',
				displayOptions: { show: { respondWith: ['page'] } },
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					INCLUDE_ACCESS_TOKENS,
					{
						displayName: 'Max Login Age (Minutes)',
						name: 'maxLoginAgeMinutes',
						type: 'number',
						typeOptions: { minValue: 0 },
						default: 15,
						description:
							'Refuse a login older than this, or one OneAll gives no readable date. A login can start the workflow only once either way. 0 turns the age check off.',
					},
					{
						displayName: 'Verification Timeout (Seconds)',
						name: 'verifyTimeoutSeconds',
						type: 'number',
						typeOptions: { minValue: 1, maxValue: 60 },
						default: 12,
						description:
							'How long the person waits at most while the login is checked with OneAll, retries included. After it, they see a failure page and the workflow does not start.',
					},
					{
						displayName: 'Allowed Redirect Hosts',
						name: 'allowedRedirectHosts',
						type: 'string',
						default: '',
						placeholder: 'www.example.com, shop.example.com',
						description:
							'Comma-separated hosts a Redirect URL written as an expression may go to. A fixed Redirect URL needs no entry.',
					},
					{
						displayName: 'Include Identity Vault Key',
						name: 'includeIdentityVaultKey',
						type: 'boolean',
						default: false,
						description:
							"Whether to pass the identity_vault_key of OneAll's login form on to the workflow. Only useful when your OneAll site has data encryption on.",
					},
				],
			},
		],
	};

	// OneAll has no API to register a callback (docs/oneall-api.md §8.7): the URL is set in the widget.
	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return true;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await handleCallback.call(this);
	}
}
