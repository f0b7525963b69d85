import type { IExecuteFunctions, INodeParameters } from 'n8n-workflow';

import { nodeParameter } from '../../nodes/OneAll/actions/common/parameters';

/** A context whose reads are counted; an expression's value is "<name>@<item>", a plain one its raw value. */
function countingContext(parameters: INodeParameters) {
	const reads: string[] = [];
	const context = {
		getNode: () => ({ parameters }),
		getNodeParameter: (name: string, itemIndex: number, fallback: unknown) => {
			reads.push(`${name}@${itemIndex}`);
			if (!(name in parameters)) return fallback;
			return JSON.stringify(parameters[name]).includes('"=') ? `${name}@${itemIndex}` : parameters[name];
		},
	} as unknown as IExecuteFunctions;
	return { context, reads };
}

describe('nodeParameter: plain values once per execution, expressions per item', () => {
	const parameters: INodeParameters = {
		picture: 'https://example.com/a.jpg',
		identity: { __rl: true, mode: 'id', value: 'abc' },
		board: { __rl: true, mode: 'id', value: '={{ $json.board }}' },
		additionalFields: { link: 'https://example.com', description: { nested: ['=x {{ $json.d }}'] } },
		title: '={{ $json.title }}',
	};

	it('reads a value without an expression once, whatever the item', () => {
		const { context, reads } = countingContext(parameters);
		const values = [0, 1, 2].map((item) => nodeParameter(context, 'picture', item, ''));
		expect(values).toEqual(Array(3).fill('https://example.com/a.jpg'));
		expect(reads).toEqual(['picture@0']);
	});

	it('reads a value with an expression at any depth for every item', () => {
		const { context, reads } = countingContext(parameters);
		for (const item of [0, 1, 2]) {
			expect(nodeParameter(context, 'board', item, '', { extractValue: true })).toBe(`board@${item}`);
			expect(nodeParameter(context, 'additionalFields', item, {})).toBe(`additionalFields@${item}`);
			expect(nodeParameter(context, 'title', item, '')).toBe(`title@${item}`);
		}
		expect(reads).toHaveLength(9);
	});

	it('keeps extracted and plain reads of one parameter apart', () => {
		const { context, reads } = countingContext(parameters);
		nodeParameter(context, 'identity', 0, '', { extractValue: true });
		nodeParameter(context, 'identity', 1, '', { extractValue: true });
		nodeParameter(context, 'identity', 2, '');
		expect(reads).toEqual(['identity@0', 'identity@2']);
	});

	it('reads an absent parameter every time (its fallback is the call site\'s) and never keeps a failed read', () => {
		const { context, reads } = countingContext(parameters);
		expect(nodeParameter(context, 'missing', 0, 'a')).toBe('a');
		expect(nodeParameter(context, 'missing', 1, 'b')).toBe('b');
		let calls = 0;
		const failing = {
			getNode: () => ({ parameters }),
			getNodeParameter: () => {
				calls++;
				throw new Error('invalid');
			},
		} as unknown as IExecuteFunctions;
		expect(() => nodeParameter(failing, 'picture', 0, '')).toThrow('invalid');
		expect(() => nodeParameter(failing, 'picture', 1, '')).toThrow('invalid');
		expect(calls).toBe(2);
		expect(reads).toEqual(['missing@0', 'missing@1']);
	});

	it('keeps nothing between executions (one context each)', () => {
		const first = countingContext(parameters);
		const second = countingContext(parameters);
		nodeParameter(first.context, 'picture', 0, '');
		nodeParameter(second.context, 'picture', 0, '');
		expect([first.reads, second.reads]).toEqual([['picture@0'], ['picture@0']]);
	});
});
