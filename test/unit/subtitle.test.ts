import type { INode, INodeTypes } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { OneAll } from '../../nodes/OneAll/OneAll.node';

/** The canvas subtitle, evaluated by n8n-workflow's expression engine for a node with these parameters. */
function subtitle(parameters: Record<string, string>): string {
	const nodeType = new OneAll();
	const nodeTypes = {
		getByName: () => nodeType,
		getByNameAndVersion: () => nodeType,
		getKnownTypes: () => ({}),
	} as unknown as INodeTypes;
	const node: INode = { id: '1', name: 'OneAll', type: 'n8n-nodes-oneall.oneAll', typeVersion: 1, position: [0, 0], parameters };
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	return String(workflow.expression.getSimpleParameterValue(node, String(nodeType.description.subtitle), 'manual', {}));
}

describe('canvas subtitle of the OneAll node', () => {
	it('names the resource and operation as the dropdowns do', () => {
		expect(subtitle({ resource: 'pinterest', operation: 'publishPin' })).toBe('Pinterest: Publish Pin');
		expect(subtitle({ resource: 'sharingMessage', operation: 'publish' })).toBe('Sharing Message: Publish');
		expect(subtitle({ resource: 'twitter', operation: 'publishTweet' })).toBe('Twitter (X): Publish Tweet');
	});

	it('keeps saved workflows: publishBoard is shown as Create Board', () => {
		expect(subtitle({ resource: 'pinterest', operation: 'publishBoard' })).toBe('Pinterest: Create Board');
	});

	it('shows unknown pairs (expressions) as they are', () => {
		expect(subtitle({ resource: 'pinterest', operation: 'somethingElse' })).toBe('pinterest: somethingElse');
	});

	it('the expression has no "}}" before its end, so the editor reads it whole', () => {
		const expression = String(new OneAll().description.subtitle);
		expect(expression.slice(0, -2)).not.toContain('}}');
	});
});
