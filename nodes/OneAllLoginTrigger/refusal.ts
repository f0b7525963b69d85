/** What the person sees for every refused login: nothing that helps someone probing tokens. */
export const NEUTRAL = {
	title: 'Login failed',
	message: 'This login could not be completed. Please try logging in again.',
};

/** Refused callback: the status and page the browser gets, and the reason for the log and a test run. */
export class Refusal extends Error {
	constructor(
		readonly status: number,
		readonly title: string,
		message: string,
		readonly reason: string,
	) {
		super(message);
	}
}

export function refuse(status: number, title: string, message: string, reason: string): never {
	throw new Refusal(status, title, message, reason);
}
