import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { Fail } from '../../helpers/fail';
import { asBoolean, asCollection, asText, checkUrl, isEmpty } from '../../helpers/validation';
import { nodeParameter } from '../common/parameters';

/**
 * Largest file the node sends in `parts.uploads`: OneAll's documented picture limit is "5 MB"
 * (docs/oneall-api.md §9.1), read here as 5 MiB since the docs don't say which. Checked before sending.
 */
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

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
				description: `Names of the item's binary properties whose files are uploaded with the message, separated by commas. Each file at most 5 MB (${MAX_UPLOAD_BYTES} bytes).`,
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

/**
 * The item's files as `[{name, data}]`, read through n8n's binary helpers so every binary data mode
 * works (memory, filesystem, S3). Errors name the item and the property, never the content.
 */
async function readUploads(context: IExecuteFunctions, itemIndex: number, names: string[], fail: Fail): Promise<IDataObject[]> {
	const uploads: IDataObject[] = [];
	for (const property of names) {
		// Throws n8n's own error naming the property and the item when it is missing.
		const binary = context.helpers.assertBinaryData(itemIndex, property);
		const tooBig = (bytes: number) =>
			fail(
				`The file in binary property "${property}" of item ${itemIndex} is too large: ${megabytes(bytes)} (${bytes} bytes)`,
				`OneAll takes pictures up to 5 MB; the node sends files up to ${MAX_UPLOAD_BYTES} bytes. Nothing was sent.`,
			);
		// Known sizes are checked before the file is read.
		if (typeof binary.bytes === 'number' && binary.bytes > MAX_UPLOAD_BYTES) tooBig(binary.bytes);
		const content = await context.helpers.getBinaryDataBuffer(itemIndex, property);
		if (content.length === 0) {
			fail(`The file in binary property "${property}" of item ${itemIndex} is empty`, 'Nothing was sent.');
		}
		if (content.length > MAX_UPLOAD_BYTES) tooBig(content.length);
		const extension = binary.fileExtension ? `.${binary.fileExtension}` : '';
		uploads.push({
			name: binary.fileName || `${property}${extension}`,
			data: content.toString('base64'),
		});
	}
	return uploads;
}

/** `parts` of one item, checked: at least one part, URLs fully qualified, link details only with a link. */
export async function readParts(context: IExecuteFunctions, itemIndex: number, fail: Fail): Promise<IDataObject> {
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
	const uploads = await readUploads(context, itemIndex, binaryNames(extra.binaryProperties, fail), fail);
	if (uploads.length > 0) parts.uploads = uploads;
	if (Object.keys(parts).length === 0) {
		fail('The message is empty', 'Enter a Text, or add a link, a picture, a video or files under "Additional Parts".');
	}
	if (extra.enableTracking !== undefined) {
		parts.flags = {
			enable_tracking: asBoolean(extra.enableTracking, '"Enable Tracking"', fail) ? 1 : 0,
		};
	}
	return parts;
}
