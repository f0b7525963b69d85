import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { nodeProperties, nodeSubtitle } from './actions/registry';
import { router } from './actions/router';
import { listSearch } from './methods/listSearch';
import { loadOptions } from './methods/loadOptions';

export class OneAll implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'OneAll',
		name: 'oneAll',
		icon: { light: 'file:oneall.svg', dark: 'file:oneall.dark.svg' },
		group: ['output'],
		// 1.1: Sharing publishes output one item per network by default (version 1 keeps one item per message).
		version: [1, 1.1],
		defaultVersion: 1.1,
		subtitle: nodeSubtitle(),
		description:
			'Publish to Facebook, LinkedIn, Pinterest, X (Twitter) and YouTube for users who connected their accounts through OneAll',
		defaults: { name: 'OneAll' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'oneAllApi', required: true }],
		properties: nodeProperties(),
	};

	methods = { listSearch, loadOptions };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
