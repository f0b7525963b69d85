import type { ObjectLocatorKind } from '../common/locators';
import type { Network } from '../common/networks';
import type { Caveat, Certainty, PullPaging } from '../operation';

/** A query parameter the SDK sends, offered as an optional text field (e.g. after_tweet_id). */
export interface PullFilter {
	key: string;
	param: string;
	label: string;
	hint: string;
}

/**
 * A required id typed or mapped into a text field: in the path (`{param}`, held to the path id pattern)
 * or as the query parameter `key` (one word, e.g. a LinkedIn post URN).
 */
export interface PullIdField {
	param: string;
	key: string;
	label: string;
	hint: string;
	at: 'path' | 'query';
}

/**
 * A read of what is on a network, from OneAll's Pull API (docs/oneall-api.md §6): a GET of
 * `/pull/identities/<identity>/<path>`, whose list sits under `result.data.<collection>`. The query
 * parameters are the SDK's (§6, §10); OneAll documents neither them nor the answer.
 */
export interface PullSpec {
	network: Network;
	operation: string;
	name: string;
	action: string;
	description: string;
	/** Of the path: the parameters and the answer are undocumented. */
	certainty: Certainty;
	/** Path below `/pull/identities/{identity}/`; each `{param}` is one of `pathLocators`. */
	path: string;
	pathLocators: Array<{ param: string; locator: ObjectLocatorKind }>;
	/** Ids without a picker (a post of a page, a LinkedIn post). */
	idFields?: PullIdField[];
	/** The list under `result.data`; ignored by a read of one object. */
	collection: string;
	paging: PullPaging;
	/** A read of one object (a LinkedIn post): `result.data` is the one output item, no Limit. */
	single?: boolean;
	/** The public page or SDK the path (and parameters) come from, for docs/operations.md. */
	source: string;
	filters?: PullFilter[];
	/** Retired or restricted (actions/common/caveats.ts): a notice, and the likely reason on errors. */
	caveat?: Caveat;
}

/** Return All is offered where OneAll pages (a page parameter) or answers everything at once. */
export function offersReturnAll(spec: PullSpec): boolean {
	return !spec.single && (spec.paging.page !== undefined || spec.paging.size === undefined);
}

/** Every `{param}` of a spec's path is a picker or an id field in the path, and the other way round. */
export function checkPullSpec(spec: PullSpec): void {
	const placeholders = [...spec.path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
	const params = [
		...spec.pathLocators.map(({ param }) => param),
		...(spec.idFields ?? []).filter((field) => field.at === 'path').map(({ param }) => param),
	].sort();
	if (placeholders.join() !== params.join()) {
		throw new Error(`Pull spec ${spec.network}.${spec.operation}: path ${spec.path} does not match its pickers and id fields`);
	}
}
