import { OneAll } from '../../nodes/OneAll/OneAll.node';

/** The canvas subtitle, evaluated as the editor would for the given parameters (plain JS inside ={{ }}). */
function subtitle(parameters: Record<string, string>): string {
	const expression = String(new OneAll().description.subtitle);
	const body = expression.replace(/^=\{\{/, '').replace(/\}\}$/, '');
	// eslint-disable-next-line @typescript-eslint/no-implied-eval
	return new Function('$parameter', `return ${body};`)(parameters) as string;
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
