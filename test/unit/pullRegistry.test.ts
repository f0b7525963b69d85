import type { INodeProperties } from 'n8n-workflow';

import { nodeProperties, RESOURCES } from '../../nodes/OneAll/actions/registry';
import { checkPullSpec, type PullSpec } from '../../nodes/OneAll/actions/pull/spec';

const resourceOptions = (properties: INodeProperties[]) =>
	(properties.find((property) => property.name === 'resource')?.options ?? []).map((option) => ('value' in option ? option.value : ''));

describe('networks the node only reads (Pull API, issue 26)', () => {
	it('Steam, TikTok and Twitch are resources of the dropdown, with reads only', () => {
		expect(resourceOptions(nodeProperties())).toEqual(expect.arrayContaining(['steam', 'tiktok', 'twitch']));
		for (const network of ['steam', 'tiktok', 'twitch']) {
			const resource = RESOURCES.find((entry) => entry.value === network);
			expect(resource?.hint).toMatch(/^What to read on /);
			expect(resource?.operations.length).toBeGreaterThan(0);
			for (const operation of resource?.operations ?? []) expect(operation.name).toMatch(/^Get /);
		}
	});

	it('a network with writes keeps its hint', () => {
		expect(RESOURCES.find((entry) => entry.value === 'pinterest')?.hint).toBe('What to publish, change or read on Pinterest');
	});

	it("a spec row whose path does not match its pickers and id fields is refused when the node loads", () => {
		const row: PullSpec = {
			network: 'facebook',
			operation: 'broken',
			name: 'Broken',
			action: 'Broken',
			description: 'Broken',
			certainty: 'guess',
			path: 'facebook/page/{page}/post/{postId}/reactions.json',
			pathLocators: [{ param: 'page', locator: 'page' }],
			collection: 'reactions',
			paging: {},
			source: 'test',
		};
		expect(() => checkPullSpec(row)).toThrow(/does not match/);
		expect(() =>
			checkPullSpec({ ...row, idFields: [{ param: 'postId', key: 'post_id', label: 'Post ID', hint: '', at: 'path' }] }),
		).not.toThrow();
		// An id sent in the query is not a path placeholder.
		expect(() =>
			checkPullSpec({ ...row, idFields: [{ param: 'postId', key: 'post_id', label: 'Post ID', hint: '', at: 'query' }] }),
		).toThrow(/does not match/);
	});
});
