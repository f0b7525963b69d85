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
	collection: string;
	paging: PullPaging;
	filters?: PullFilter[];
	/** Retired or restricted (actions/common/caveats.ts): a notice, and the likely reason on errors. */
	caveat?: Caveat;
}

/** Return All is offered where OneAll pages (a page parameter) or answers everything at once. */
export function offersReturnAll(spec: PullSpec): boolean {
	return spec.paging.page !== undefined || spec.paging.size === undefined;
}
