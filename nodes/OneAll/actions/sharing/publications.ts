import type { IDataObject, IExecuteFunctions, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { isObject } from '../../helpers/validation';

import { describeFailure } from '../../transport/errors';
import type { OutputPart, SplitOutput } from '../operation';

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
	/** The post's id and link on the network, where OneAll gives them (key names guessed leniently, §8.5). */
	post_id?: string;
	post_url?: string;
}

const textOf = (value: unknown): string | undefined =>
	typeof value === 'string' && value.trim() !== '' ? value : undefined;

const idOf = (value: unknown): string | undefined =>
	typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : textOf(value);

const firstOf = (entry: IDataObject, keys: string[], read: (value: unknown) => string | undefined) =>
	keys.map((key) => read(entry[key])).find((value) => value !== undefined);

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
		...(failed ? {} : postOf(entry)),
	};
}

function postOf(entry: IDataObject): Pick<Publication, 'post_id' | 'post_url'> {
	const postId = firstOf(entry, ['publication_id', 'post_id', 'id'], idOf);
	const postUrl = firstOf(entry, ['publication_url', 'post_url', 'link', 'url'], textOf);
	return { ...(postId ? { post_id: postId } : {}), ...(postUrl ? { post_url: postUrl } : {}) };
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

type Request = { method: string; path: string };

function noneLive(context: IExecuteFunctions, itemIndex: number, request: Request, failed: Publication[]) {
	return new NodeApiError(context.getNode(), { publications: failed } as unknown as JsonObject, {
		message: `The message was published on none of its ${failed.length} network${failed.length === 1 ? '' : 's'}: ${failed.map(failureLine).join('; ')}`,
		description: describeFailure(request, [
			'Every publication failed at its network, so nothing is live. OneAll stored the message: fix the cause and re-publish it, or delete it.',
		]),
		httpCode: String(failed.find((publication) => publication.code)?.code ?? 207),
		itemIndex,
	});
}

/** One network's failure, as its own error: OneAll's text for it, and what to do. */
function networkFailure(context: IExecuteFunctions, itemIndex: number, request: Request, publication: Publication) {
	return new NodeApiError(context.getNode(), { publication } as unknown as JsonObject, {
		message: `Not published on ${failureLine(publication)}`,
		description: describeFailure(request, [
			'This network failed; the message may be live on the others (see their items). Fix the cause and re-publish the message for this network only.',
		]),
		httpCode: String(publication.code ?? 207),
		itemIndex,
	});
}

/** The message token of a publish answer, for every per-network item. */
const messageTokenOf = (data: IDataObject) =>
	isObject(data.sharing_message) ? textOf(data.sharing_message.sharing_message_token) : undefined;

/** One output item per network (One Item per Network): who, where, how it went, and the message token. */
export function perNetworkOutput(
	context: IExecuteFunctions,
	itemIndex: number,
	audience: IDataObject,
	request: Request,
	data: IDataObject,
): SplitOutput {
	const publications = readPublications(data);
	const token = messageTokenOf(data);
	const split: OutputPart[] = publications.map((publication) => ({
		json: {
			provider: publication.provider ?? null,
			identity_token: publication.identity_token ?? null,
			status: publication.published ? 'published' : 'failed',
			...(publication.post_id ? { post_id: publication.post_id } : {}),
			...(publication.post_url ? { post_url: publication.post_url } : {}),
			...(publication.published ? {} : { message: publication.message ?? null, ...(publication.code ? { code: publication.code } : {}) }),
			...audience,
			sharing_message_token: token ?? null,
		},
		...(publication.published ? {} : { failure: networkFailure(context, itemIndex, request, publication) }),
	}));
	const failed = publications.filter((publication) => !publication.published);
	return { split, allFailed: noneLive(context, itemIndex, request, failed) };
}

/**
 * The output of a publish (or re-publish): OneAll's answer plus the audience used and which networks
 * published and which failed; with `perNetwork`, one item per network instead (perNetworkOutput). Every
 * publication failed → a NodeApiError with the networks' own messages (routed like any other error:
 * error output, Continue On Fail); some failed → a warning on the run.
 */
export function publishOutcome(
	context: IExecuteFunctions,
	itemIndex: number,
	audience: IDataObject,
	request: Request,
	perNetwork = false,
) {
	return (data: IDataObject): IDataObject | SplitOutput => {
		const publications = readPublications(data);
		const failed = publications.filter((publication) => !publication.published);
		if (perNetwork && publications.length > 0) {
			if (failed.length > 0 && failed.length < publications.length) warnSomeFailed(context, itemIndex, failed, publications.length);
			return perNetworkOutput(context, itemIndex, audience, request, data);
		}
		if (publications.length > 0 && failed.length === publications.length) {
			throw noneLive(context, itemIndex, request, failed);
		}
		if (failed.length > 0) {
			warnSomeFailed(context, itemIndex, failed, publications.length, 'See networks_failed in the output.');
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

function warnSomeFailed(context: IExecuteFunctions, itemIndex: number, failed: Publication[], total: number, more = '') {
	context.addExecutionHints({
		message: `Item ${itemIndex + 1}: ${failed.length} of ${total} networks failed (${failed.map(failureLine).join('; ')}).${more ? ` ${more}` : ''}`,
		type: 'warning',
		location: 'outputPane',
	});
}
