import * as customApiCall from './customApiCall';
import { facebookPushes } from './facebook/facebook.pushes';
import { linkedinPushes } from './linkedin/linkedin.pushes';
import { pinterestPushes } from './pinterest/pinterest.pushes';
import type { OperationModule } from './push/definePush';
import { pushResource } from './push/resource';
import { twitterPushes } from './twitter/twitter.pushes';
import { youtubePushes } from './youtube/youtube.pushes';

export const pushResources = [
	pushResource('facebook', facebookPushes),
	pushResource('linkedin', linkedinPushes),
	pushResource('pinterest', pinterestPushes),
	pushResource('twitter', twitterPushes),
	pushResource('youtube', youtubePushes),
];

/** resource → operation → implementation; the router's only lookup table. */
export const operations: Record<string, Record<string, OperationModule>> = {
	...Object.fromEntries(pushResources.map((resource) => [resource.network, resource.operations])),
	customApiCall: { call: customApiCall.call },
};

export const resourceDescriptions = [
	...pushResources.flatMap((resource) => resource.description),
	...customApiCall.description,
];
