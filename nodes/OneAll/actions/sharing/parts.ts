import type { IBinaryData, IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { Fail } from '../../helpers/fail';
import { asBoolean, asCollection, asText, checkUrl, isEmpty } from '../../helpers/validation';
import { nodeParameter } from '../common/parameters';
import { Base64File } from '../../transport/jsonBody';

/**
 * Largest picture (or other file that is not a video) the node sends in `parts.uploads`: OneAll's documented
 * picture limit is "5 MB" (docs/oneall-api.md §9.1), read here as 5 MiB since the docs don't say which.
 */
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

/**
 * Largest video (MIME type video/…): OneAll documents no limit for uploads (§3.4), so this is the node's own
 * bound on what one item holds in memory while it is sent (its base64, 4/3 of the file).
 */
export const MAX_VIDEO_UPLOAD_BYTES = 256 * 1024 * 1024;

/** The message itself: `parts{text, link, picture, video, uploads, flags}` (docs/oneall-api.md §8.1). */
export const partsProperties: INodeProperties[] = [
	{
		displayName: 'Text',
		name: 'text',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
		description: 'The text of the message. Each network shortens or rejects what it cannot take.',
	},
	{
		displayName: 'Additional Parts',
		name: 'additionalParts',
		type: 'collection',
		placeholder: 'Add Part',
		default: {},
		options: [
			{
				displayName: 'Enable Tracking',
				name: 'enableTracking',
				type: 'boolean',
				default: false,
				description: 'Whether OneAll shortens the links of the message and counts their clicks',
			},
			{
				displayName: 'Files (Binary Properties)',
				name: 'binaryProperties',
				type: 'string',
				default: '',
				placeholder: 'data, data_1',
				description: `Names of the item's binary properties whose files are uploaded with the message, separated by commas. Each file at most 5 MB (${MAX_UPLOAD_BYTES} bytes), a video (video/…) at most 256 MB (${MAX_VIDEO_UPLOAD_BYTES} bytes).`,
			},
			{
				displayName: 'Link Caption',
				name: 'linkCaption',
				type: 'string',
				default: '',
				description: 'Caption shown with the link, e.g. the site name',
			},
			{
				displayName: 'Link Description',
				name: 'linkDescription',
				type: 'string',
				default: '',
				description: 'Short text shown under the link',
			},
			{
				displayName: 'Link Name',
				name: 'linkName',
				type: 'string',
				default: '',
				description: 'Title shown for the link',
			},
			{
				displayName: 'Link URL',
				name: 'linkUrl',
				type: 'string',
				default: '',
				placeholder: 'https://example.com/article',
				description: 'Link shared with the message',
			},
			{
				displayName: 'Picture URL',
				name: 'pictureUrl',
				type: 'string',
				default: '',
				placeholder: 'https://example.com/picture.jpg',
				description: 'Public URL of a picture OneAll downloads (at most 5 MB, jpeg/bmp/png/gif/tiff)',
			},
			{
				displayName: 'Video URL',
				name: 'videoUrl',
				type: 'string',
				default: '',
				placeholder: 'https://example.com/video.mp4',
				description: 'Public URL of a video OneAll downloads',
			},
		],
	},
];

/** Keys of `parts.link` besides `url`, with their field and label. */
const LINK_DETAILS = [
	['name', 'linkName', '"Link Name"'],
	['caption', 'linkCaption', '"Link Caption"'],
	['description', 'linkDescription', '"Link Description"'],
] as const;

const BINARY_NAME = /^[\w.-]{1,128}$/;

function binaryNames(value: unknown, fail: Fail): string[] {
	if (isEmpty(value)) return [];
	const list = Array.isArray(value) ? value : asText(value, '"Files (Binary Properties)"', fail).split(',');
	const names = list.map((name) => asText(name, '"Files (Binary Properties)"', fail).trim()).filter(Boolean);
	for (const name of names) {
		if (!BINARY_NAME.test(name)) fail(`"Files (Binary Properties)" contains an invalid property name "${name.slice(0, 60)}"`);
	}
	return [...new Set(names)];
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** A file of the item, checked: present, not empty, not too large. Its bytes are read when it is sent. */
interface CheckedUpload {
	property: string;
	name: string;
}

/** Size of a binary without reading it: the inline base64's length, else n8n's `bytes` or the stored file's metadata. */
async function binarySize(context: IExecuteFunctions, binary: IBinaryData): Promise<number | undefined> {
	if (!binary.id && typeof binary.data === 'string') {
		// The content itself, not `bytes` (an item made by hand may say 1 for megabytes). n8n's base64 has
		// no line breaks; the bytes are checked again when they are read.
		const padding = binary.data.endsWith('==') ? 2 : binary.data.endsWith('=') ? 1 : 0;
		return Math.floor((binary.data.length * 3) / 4) - padding;
	}
	if (typeof binary.bytes === 'number') return binary.bytes;
	if (binary.id) return (await context.helpers.getBinaryMetadata(binary.id)).fileSize;
	return undefined;
}

const isVideo = (binary: IBinaryData) => /^video\//i.test(binary.mimeType ?? '');

function checkSize(bytes: number, binary: IBinaryData, property: string, itemIndex: number, fail: Fail, whenSent: boolean): void {
	const outcome = whenSent ? 'This item was not sent.' : 'Nothing was sent.';
	if (bytes === 0) fail(`The file in binary property "${property}" of item ${itemIndex} is empty`, outcome);
	const video = isVideo(binary);
	const limit = video ? MAX_VIDEO_UPLOAD_BYTES : MAX_UPLOAD_BYTES;
	if (bytes > limit) {
		fail(
			`The file in binary property "${property}" of item ${itemIndex} is too large: ${megabytes(bytes)} (${bytes} bytes)`,
			video
				? `OneAll documents no limit for uploads; the node sends videos up to ${limit} bytes (256 MB). ${outcome}`
				: `OneAll takes pictures up to 5 MB; the node sends files up to ${limit} bytes (videos, video/…, up to 256 MB). ${outcome}`,
		);
	}
}

/** Longest upload name sent; a longer one keeps its extension. */
const MAX_NAME_LENGTH = 255;

/**
 * The name OneAll gets for an upload: the file's own name without any folder part (n8n items can carry
 * "reports/a.png" or a server's "..\\a.png"), control characters or surrounding spaces, at most 255
 * characters; when nothing is left, the property's name with the file's extension.
 */
function uploadName(binary: IBinaryData, property: string): string {
	const given = typeof binary.fileName === 'string' ? binary.fileName : '';
	const base = (given.split(/[/\\]/).pop() ?? '').replace(/\p{Cc}/gu, '').trim();
	if (base !== '' && base !== '.' && base !== '..') {
		if (base.length <= MAX_NAME_LENGTH) return base;
		const extension = /\.[A-Za-z0-9]{1,16}$/.exec(base)?.[0] ?? '';
		let stem = '';
		for (const char of base.slice(0, base.length - extension.length)) {
			if (stem.length + char.length + extension.length > MAX_NAME_LENGTH) break;
			stem += char;
		}
		return `${stem}${extension}`;
	}
	const extension = typeof binary.fileExtension === 'string' && /^[A-Za-z0-9]{1,16}$/.test(binary.fileExtension) ? `.${binary.fileExtension}` : '';
	return `${property}${extension}`;
}

/** A file as n8n's nodes output it: stored (`id`) or inside the item (`data`, base64). */
const holdsFile = (value: unknown): value is IBinaryData =>
	typeof value === 'object' &&
	value !== null &&
	(typeof (value as IBinaryData).id === 'string' || typeof (value as IBinaryData).data === 'string');

/**
 * The item's files, checked through n8n's binary helpers so every binary data mode works (memory,
 * filesystem, S3) without reading them: a batch's files are read one request at a time (readUploads).
 * Errors name the item and the property, never the content.
 */
async function checkUploads(context: IExecuteFunctions, itemIndex: number, names: string[], fail: Fail): Promise<CheckedUpload[]> {
	const uploads: CheckedUpload[] = [];
	const files = context.getInputData()[itemIndex]?.binary ?? {};
	for (const property of names) {
		// Throws n8n's own error naming the property and the item when it is missing.
		const binary = context.helpers.assertBinaryData(itemIndex, property);
		// n8n looks the name up with the object's prototype ("toString" is found) and takes any object.
		if (!Object.prototype.hasOwnProperty.call(files, property) || !holdsFile(binary)) {
			fail(
				`The binary property "${property}" of item ${itemIndex} holds no file`,
				"A file has its data or the id n8n stored it under, as n8n's nodes output it (e.g. Read Files From Disk, HTTP Request with the response as a file). Nothing was sent.",
			);
		}
		const size = await binarySize(context, binary);
		if (size !== undefined) checkSize(size, binary, property, itemIndex, fail, false);
		uploads.push({ property, name: uploadName(binary, property) });
	}
	return uploads;
}

/** Chunks read from a stored file: a multiple of 3, so base64 encodes them without carrying bytes over. */
const READ_CHUNK = 3 * 64 * 1024;

/**
 * One file's content for the transport, which reads it into the request body when the item is sent.
 * Its size is checked again first: a stored file from n8n's metadata, one inside the item once decoded.
 */
async function fileContent(context: IExecuteFunctions, itemIndex: number, property: string, fail: Fail): Promise<Base64File> {
	const binary = context.helpers.assertBinaryData(itemIndex, property);
	const changed = (bytesRead: number) =>
		new NodeOperationError(context.getNode(), `The file in binary property "${property}" of item ${itemIndex} changed while it was read`, {
			itemIndex,
			description: `${bytesRead} bytes were read where its size said otherwise. This item was not sent.`,
		});
	if (binary.id) {
		const id = binary.id;
		const { fileSize } = await context.helpers.getBinaryMetadata(id);
		checkSize(fileSize, binary, property, itemIndex, fail, true);
		return new Base64File(fileSize, async () => await context.helpers.getBinaryStream(id, READ_CHUNK), changed);
	}
	let content: Buffer | undefined = await context.helpers.getBinaryDataBuffer(itemIndex, property);
	checkSize(content.length, binary, property, itemIndex, fail, true);
	return new Base64File(
		content.length,
		async () => {
			// Read once: the decoded copy is not kept once it is in the body.
			const chunks = content ? [content] : [];
			content = undefined;
			return chunks;
		},
		changed,
	);
}

/** `parts.uploads` with the files' contents, checked again when the item's request is sent. */
async function readUploads(context: IExecuteFunctions, itemIndex: number, uploads: CheckedUpload[], fail: Fail): Promise<IDataObject[]> {
	const read: IDataObject[] = [];
	for (const { property, name } of uploads) {
		// The transport owns the body: it writes the base64 straight into the bytes it sends.
		read.push({ name, data: (await fileContent(context, itemIndex, property, fail)) as unknown as IDataObject });
	}
	return read;
}

/**
 * One item's `parts`, checked. `uploads` holds only the files' names until `withFiles` reads them, which
 * the request does just before it is sent.
 */
export interface CheckedParts {
	parts: IDataObject;
	withFiles?: () => Promise<IDataObject>;
}

/** `parts` of one item, checked: at least one part, URLs fully qualified, link details only with a link. */
export async function readParts(context: IExecuteFunctions, itemIndex: number, fail: Fail): Promise<CheckedParts> {
	const text = asText(nodeParameter(context, 'text', itemIndex, ''), '"Text"', fail);
	const extra = asCollection(nodeParameter(context, 'additionalParts', itemIndex, {}), 'Additional Parts', fail);
	const optionalText = (name: string, label: string) => (isEmpty(extra[name]) ? undefined : asText(extra[name], label, fail).trim());
	const url = (name: string, label: string) => {
		const value = optionalText(name, label);
		return value === undefined ? undefined : checkUrl(value, label, fail);
	};

	const parts: IDataObject = {};
	if (text.trim() !== '') parts.text = { body: text };
	const link: IDataObject = {};
	const linkUrl = url('linkUrl', '"Link URL"');
	if (linkUrl) link.url = linkUrl;
	for (const [key, name, label] of LINK_DETAILS) {
		const value = optionalText(name, label);
		if (value) link[key] = value;
	}
	if (Object.keys(link).length > 0) {
		if (!linkUrl) fail('"Link Name", "Link Caption" and "Link Description" need a "Link URL"');
		parts.link = link;
	}
	const pictureUrl = url('pictureUrl', '"Picture URL"');
	if (pictureUrl) parts.picture = { url: pictureUrl };
	const videoUrl = url('videoUrl', '"Video URL"');
	if (videoUrl) parts.video = { url: videoUrl };
	const uploads = await checkUploads(context, itemIndex, binaryNames(extra.binaryProperties, fail), fail);
	// Names only for now, so the key keeps its place in the body.
	if (uploads.length > 0) parts.uploads = uploads.map(({ name }) => ({ name }));
	if (Object.keys(parts).length === 0) {
		fail('The message is empty', 'Enter a Text, or add a link, a picture, a video or files under "Additional Parts".');
	}
	if (extra.enableTracking !== undefined) {
		parts.flags = {
			enable_tracking: asBoolean(extra.enableTracking, '"Enable Tracking"', fail) ? 1 : 0,
		};
	}
	if (uploads.length === 0) return { parts };
	return { parts, withFiles: async () => ({ ...parts, uploads: await readUploads(context, itemIndex, uploads, fail) }) };
}
