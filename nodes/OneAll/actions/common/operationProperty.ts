import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

/** The "Operation" dropdown of one resource, its options sorted by name; the default is the first given. */
export function operationProperty(
	resource: string,
	options: INodePropertyOptions[],
	description?: string,
): INodeProperties {
	const sorted = [...options].sort((a, b) => a.name.localeCompare(b.name));
	return {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource] } },
		options: sorted,
		default: String(options[0].value),
		...(description ? { description } : {}),
	};
}
