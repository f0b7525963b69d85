import type { INodeTypeDescription } from 'n8n-workflow';

import { OneAll } from '../../nodes/OneAll/OneAll.node';
import { NODES_PANEL_DESCRIPTION } from '../../nodes/OneAll/nodesPanel';
import { OneAllLoginTrigger } from '../../nodes/OneAllLoginTrigger/OneAllLoginTrigger.node';
import { OneAllTrigger } from '../../nodes/OneAllTrigger/OneAllTrigger.node';
import codex from '../../nodes/OneAll/OneAll.node.json';

/**
 * The entries of n8n's nodes panel as n8n 2.41.1 builds them (editor-ui, useActionsGeneration.ts,
 * generateMergedNodesAndActions): a trigger whose type name minus its first "Trigger" names an action
 * node with actions joins that node's entry, and the entry takes the trigger's description.
 * test/real-n8n/browser.mjs checks the same entry in the real editor.
 */
function panelEntries(nodes: INodeTypeDescription[]): Map<string, string> {
	const entries = new Map<string, string>();
	for (const node of nodes.filter((n) => !n.group.includes('trigger'))) entries.set(node.name, node.description);
	for (const trigger of nodes.filter((n) => n.group.includes('trigger'))) {
		const app = trigger.name.replace('Trigger', '');
		entries.set(entries.has(app) ? app : trigger.name, trigger.description);
	}
	return entries;
}

describe('the OneAll entry of the nodes panel', () => {
	const entries = panelEntries([new OneAll(), new OneAllTrigger(), new OneAllLoginTrigger()].map((n) => n.description));

	it('merges the polling trigger into the action node; the Social Login Trigger keeps its own entry', () => {
		expect([...entries.keys()].sort()).toEqual(['oneAll', 'oneAllLoginTrigger']);
		expect(entries.get('oneAll')).toBe(new OneAllTrigger().description.description);
	});

	it('says what the node does: publish and read first, then the trigger', () => {
		expect(NODES_PANEL_DESCRIPTION).toMatch(/^Publish .*Facebook.*LinkedIn.*Pinterest.*X.*YouTube.*read .*start a workflow/);
		expect(entries.get('oneAll')).toBe(NODES_PANEL_DESCRIPTION);
	});

	it('is found by the words people type (codex aliases)', () => {
		const aliases = codex.alias.map((alias) => alias.toLowerCase());
		for (const word of ['sharing', 'share', 'post', 'publish', 'tweet', 'pin', 'social media', 'pinterest', 'youtube']) {
			expect(aliases).toContain(word);
		}
	});
});
