import type { IDataObject } from 'n8n-workflow';

import type { Fail } from '../../helpers/fail';
import { facebookPushes } from '../facebook/facebook.pushes';
import { linkedinPushes } from '../linkedin/linkedin.pushes';
import { buildPushBody } from '../push/body';
import type { PushSpec } from '../push/spec';
import { twitterPushes } from '../twitter/twitter.pushes';

/** What one network is to publish: the base text and link unless the network has its own. */
export interface Content {
	text: string;
	link: string;
	picture: string;
	video: string;
	/** The Facebook page (its ID). */
	page: string;
}

export type TargetNetwork = 'facebook' | 'linkedin' | 'twitter';

/** A network's push spec and the values of its fields, or the reason it cannot take this content. */
type Choice = { spec: PushSpec; values: Record<string, unknown> };

const specOf = (specs: PushSpec[], operation: string): PushSpec => {
	const spec = specs.find((entry) => entry.operation === operation);
	if (!spec) throw new Error(`No push spec ${operation}`);
	return spec;
};

/**
 * How each network takes a post, through the same push specs (and so the same length, URL and media
 * rules) as its own operations. A network that cannot take a part in one step says so.
 */
export const TARGETS: Record<TargetNetwork, { name: string; choose(content: Content, fail: Fail): Choice }> = {
	twitter: {
		name: 'X (Twitter)',
		choose: (content, fail) => {
			if (content.picture || content.video) {
				fail(
					'X takes pictures and videos only as uploaded media',
					'Upload them first with X (Twitter) → Upload Picture or Upload Video, then publish the tweet with their IDs; or leave Picture and Video empty for X.',
				);
			}
			// X has no link field: the link goes at the end of the text (counted 23, as X counts links).
			const message = [content.text, content.link].filter(Boolean).join(' ');
			return { spec: specOf(twitterPushes, 'publishTweet'), values: { message } };
		},
	},
	linkedin: {
		name: 'LinkedIn',
		choose: (content, fail) => {
			if (content.video) fail('LinkedIn posts through OneAll take no video', 'Leave Video empty for LinkedIn.');
			return {
				spec: specOf(linkedinPushes, 'publishUserPost'),
				values: { message: content.text, link: content.link, picture: content.picture },
			};
		},
	},
	facebook: {
		name: 'Facebook Page',
		choose: (content, fail) => {
			if (!content.page) fail('Enter the Facebook Page ID', 'OneAll publishes on a page the user administers.');
			if (content.picture && content.video) fail('A Facebook post takes a picture or a video, not both');
			const media = content.video ? 'video' : content.picture ? 'picture' : undefined;
			if (media) {
				if (content.link) fail(`A Facebook page post takes either a link or a ${media}, not both`, 'Leave Link empty for Facebook, or the media.');
				const spec = specOf(facebookPushes, media === 'video' ? 'uploadPageVideo' : 'uploadPagePicture');
				return { spec, values: { page: content.page, url: content[media], description: content.text } };
			}
			return { spec: specOf(facebookPushes, 'publishPagePost'), values: { page: content.page, message: content.text, link: content.link } };
		},
	},
};

export const TARGET_NETWORKS = Object.keys(TARGETS) as TargetNetwork[];

/** The push body of one network, checked by its spec; `fail` names the network. */
export function targetBody(network: TargetNetwork, content: Content, fail: Fail): Choice & { body: IDataObject } {
	const { spec, values } = TARGETS[network].choose(content, fail);
	const body = buildPushBody(spec, { get: (param) => values[param], additionalFields: values, options: {} }, fail);
	return { spec, body, values };
}
