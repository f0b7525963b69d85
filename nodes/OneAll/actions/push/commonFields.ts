import type { PushField } from './spec';

/** Asynchronous video uploads report their outcome to this URL. */
export const CALLBACK_URL: PushField = {
	key: 'callback_url',
	param: 'callbackUrl',
	label: 'Callback URL',
	kind: 'url',
	hint:
		"URL OneAll posts the result to once the video is processed, e.g. a Wait node's resume URL ({{ $execution.resumeUrl }}) or a Webhook node's URL",
};
