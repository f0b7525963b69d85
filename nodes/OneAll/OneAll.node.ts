import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { resourceDescriptions } from './actions/resources';
import { router } from './actions/router';
import * as listSearch from './methods/listSearch';

export class OneAll implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'OneAll',
		name: 'oneAll',
		icon: { light: 'file:oneall.svg', dark: 'file:oneall.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{ $parameter["resource"] + ": " + $parameter["operation"] }}',
		description:
			'Publish to Facebook, LinkedIn, Pinterest, X (Twitter) and YouTube for users who connected their accounts through OneAll',
		defaults: { name: 'OneAll' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'oneAllApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Connection', value: 'connection' },
					{ name: 'Custom API Call', value: 'customApiCall' },
					{ name: 'Facebook', value: 'facebook' },
					{ name: 'Identity', value: 'identity' },
					{ name: 'LinkedIn', value: 'linkedin' },
					{ name: 'Pinterest', value: 'pinterest' },
					{ name: 'Twitter (X)', value: 'twitter' },
					{ name: 'User', value: 'user' },
					{ name: 'YouTube', value: 'youtube' },
				],
				default: 'pinterest',
			},
			...resourceDescriptions,
		],
	};

	methods = { listSearch };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
