import * as connection from './connection';
import * as customApiCall from './customApiCall';
import { facebookPushes } from './facebook/facebook.pushes';
import * as identity from './identity';
import { linkedinPushes } from './linkedin/linkedin.pushes';
import { pinterestPushes } from './pinterest/pinterest.pushes';
import type { OperationModule } from './operation';
import { pushResource } from './push/resource';
import { twitterPushes } from './twitter/twitter.pushes';
import * as user from './user';
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
	identity: { get: identity.get, getAll: identity.getAll, relink: identity.relink, synchronize: identity.synchronize },
	user: { get: user.get, getAll: user.getAll },
	connection: { get: connection.get, getAll: connection.getAll },
	customApiCall: { call: customApiCall.call },
};

export const resourceDescriptions = [
	...pushResources.flatMap((resource) => resource.description),
	...identity.description,
	...user.description,
	...connection.description,
	...customApiCall.description,
];
