import type { IExecuteFunctions } from 'n8n-workflow';

import { failFor, type Fail } from '../../helpers/fail';
import { tokenSegment } from '../../transport/path';

/** The validated OneAll token held by a parameter (resource locator or plain text). */
export function readToken(
	context: IExecuteFunctions,
	parameter: string,
	label: string,
	itemIndex: number,
	fail: Fail = failFor(context.getNode(), itemIndex),
): string {
	return tokenSegment(context.getNodeParameter(parameter, itemIndex, '', { extractValue: true }), label, fail);
}
