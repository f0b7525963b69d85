import type { INodeProperties } from 'n8n-workflow';

import { BATCHING_OPTIONS } from '../common/batching';

/** Options of the Sharing API's writes: the execution settings (Concurrency, Max Requests per Second, Timeout). */
export const writeOptions: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: BATCHING_OPTIONS,
};

/**
 * One Item per Network (issue 23): on for nodes added from version 1.1, off for saved version-1 nodes so
 * their output keeps its shape. Two properties of one name, shown by the node's version, as n8n's own
 * nodes give version-dependent defaults.
 */
const perNetworkBase: INodeProperties = {
	displayName: 'One Item per Network',
	name: 'perNetwork',
	type: 'boolean',
	default: true,
	description:
		"Whether to output one item per network (provider, identity, status, the post's ID or link, OneAll's error text, the message token) instead of one item with OneAll's whole answer. Failed networks go to the error output or become error items when the node's On Error setting continues.",
};

export const perNetworkProperties: INodeProperties[] = [
	{ ...perNetworkBase, default: false, displayOptions: { show: { '@version': [1] } } },
	{ ...perNetworkBase, default: true, displayOptions: { show: { '@version': [{ _cnd: { gte: 1.1 } }] } } },
];
