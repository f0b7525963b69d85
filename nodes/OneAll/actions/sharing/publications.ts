import type { IDataObject, IExecuteFunctions, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { describeFailure } from '../../transport/errors';

/**
 * One network's outcome of a Sharing publish, read from the answer's `sharing_message.publications`
 * (a list, or `{count, entries}`). OneAll describes their keys in words only (docs/oneall-api.md §8.5),
 * so they are read leniently: an entry whose outcome cannot be read counts as neither.
 */
export interface Publication {
	provider?: string;
	identity_token?: string;
	user_token?: string;
	published: boolean;
	code?: number;
	message?: string;
}

const isObject = (value: unknown): value is IDataObject =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

const textOf = (value: unknown): string | undefined =>
	typeof value === 'string' && value.trim() !== '' ? value : undefined;

function publicationEntries(data: IDataObject): IDataObject[] {
	const message = data.sharing_message;
	const publications = isObject(message) ? message.publications : undefined;
	const list = Array.isArray(publications) ? publications : isObject(publications) ? publications.entries : undefined;
	return Array.isArray(list) ? list.filter(isObject) : [];
}

function readOne(entry: IDataObject): Publication | undefined {
	const status = isObject(entry.status) ? entry.status : {};
	const flag = textOf(status.flag) ?? textOf(entry.status);
	const code = Number(status.code);
	const failed = flag === 'error' || (Number.isFinite(code) && code >= 400);
	if (!failed && flag !== 'success') return undefined;
	return {
		provider: textOf(entry.provider),
		identity_token: textOf(entry.identity_token),
		user_token: textOf(entry.user_token),
		published: !failed,
		...(Number.isFinite(code) ? { code } : {}),
		...(textOf(status.info) ? { message: textOf(status.info) } : {}),
	};
}

/** The publications of a publish answer whose outcome OneAll stated. */
export function readPublications(data: IDataObject): Publication[] {
	return publicationEntries(data)
		.map(readOne)
		.filter((publication): publication is Publication => publication !== undefined);
}

const networkOf = (publication: Publication) => publication.provider ?? publication.identity_token ?? 'a network';

function failureLine(publication: Publication): string {
	return `${networkOf(publication)}: ${publication.message ?? `failed${publication.code ? ` (${publication.code})` : ''}`}`;
}

/**
 * The output of a publish (or re-publish): OneAll's answer plus the audience used and which networks
 * published and which failed. Every publication failed → a NodeApiError with the networks' own messages
 * (routed like any other error: error output, Continue On Fail); some failed → a warning on the run.
 */
export function publishOutcome(
	context: IExecuteFunctions,
	itemIndex: number,
	audience: IDataObject,
	request: { method: string; path: string },
) {
	return (data: IDataObject): IDataObject => {
		const publications = readPublications(data);
		const failed = publications.filter((publication) => !publication.published);
		if (publications.length > 0 && failed.length === publications.length) {
			throw new NodeApiError(context.getNode(), { publications: failed } as unknown as JsonObject, {
				message: `The message was published on none of its ${failed.length} network${failed.length === 1 ? '' : 's'}: ${failed.map(failureLine).join('; ')}`,
				description: describeFailure(request, [
					'Every publication failed at its network, so nothing is live. OneAll stored the message: fix the cause and re-publish it, or delete it.',
				]),
				httpCode: String(failed.find((publication) => publication.code)?.code ?? 207),
				itemIndex,
			});
		}
		if (failed.length > 0) {
			context.addExecutionHints({
				message: `Item ${itemIndex + 1}: ${failed.length} of ${publications.length} networks failed (${failed.map(failureLine).join('; ')}). See networks_failed in the output.`,
				type: 'warning',
				location: 'outputPane',
			});
		}
		if (publications.length === 0) return { ...data, ...audience };
		return {
			...data,
			...audience,
			networks_published: publications.filter((publication) => publication.published).map(networkOf),
			networks_failed: failed.map(({ provider, identity_token, code, message }) => ({
				...(provider ? { provider } : {}),
				...(identity_token ? { identity_token } : {}),
				...(code !== undefined ? { code } : {}),
				...(message ? { message } : {}),
			})),
		};
	};
}
