import type { Fail } from '../../nodes/OneAll/helpers/fail';

/** What validators report through `fail`, as a plain error (no n8n needed). */
export class InputError extends Error {
	constructor(
		message: string,
		readonly description?: string,
	) {
		super(message);
	}
}

export const fail: Fail = (message, description) => {
	throw new InputError(message, description);
};
