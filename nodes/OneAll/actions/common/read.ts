import type { IExecuteFunctions } from 'n8n-workflow';

import { failFor, type Fail } from '../../helpers/fail';
import { tokenSegment } from '../../transport/path';

/** The validated token of a resource locator parameter ("identity", "user"). */
export function locatorToken(
	context: IExecuteFunctions,
	parameter: 'identity' | 'user',
	itemIndex: number,
	fail: Fail = failFor(context.getNode(), itemIndex),
): string {
	const label = parameter === 'identity' ? 'Identity token' : 'User token';
	return tokenSegment(context.getNodeParameter(parameter, itemIndex, '', { extractValue: true }), label, fail);
}
