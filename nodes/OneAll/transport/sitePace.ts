import { createHash } from 'node:crypto';

import { RequestPacer, type PacerClock } from './pacer';

// A site's pace is forgotten after this long without a request: it says little about OneAll's load now.
const IDLE_MS = 5 * 60_000;
// At most this many sites and credentials are remembered; the least recently used one goes first.
const MAX_SITES = 200;

/**
 * One pace per OneAll site and credential, shared by every execution of this process (n8n's main process
 * in regular mode, each worker in queue mode), so the second execution starts at the pace the first one
 * learnt instead of learning it again through 429s. Holds only paces under a digest key: never a key,
 * a URL or anything read from the credential. Memory is bounded by `maxSites` and idle expiry.
 */
export class SitePaces {
	// Map order is use order: the least recently used site first.
	private readonly bySite = new Map<string, RequestPacer>();

	constructor(
		private readonly limits: { idleMs: number; maxSites: number } = { idleMs: IDLE_MS, maxSites: MAX_SITES },
		private readonly clock?: PacerClock,
	) {}

	/** The shared pace of the site `key` (from `sitePaceKey`). */
	get(key: string): RequestPacer {
		let pacer = this.bySite.get(key);
		if (pacer) this.bySite.delete(key);
		if (!pacer || pacer.isIdle(this.limits.idleMs)) pacer = new RequestPacer(0, this.clock, true);
		this.bySite.set(key, pacer);
		this.forgetStale();
		return pacer;
	}

	get size(): number {
		return this.bySite.size;
	}

	/** Forget every pace (tests). */
	clear(): void {
		this.bySite.clear();
	}

	private forgetStale(): void {
		for (const [key, pacer] of this.bySite) {
			// An execution still holding a forgotten pace keeps using it; later ones start afresh.
			if (this.bySite.size > this.limits.maxSites || pacer.isIdle(this.limits.idleMs)) this.bySite.delete(key);
			else break;
		}
	}
}

/** This process's paces. */
export const SITE_PACES = new SitePaces();

/**
 * The key of a site's pace: its base URL, the n8n credential and the public key, as a digest. A changed
 * credential (another site, another key) gets a pace of its own at once; nothing is shared between
 * credentials or sites, and the registry holds no credential data.
 */
export function sitePaceKey(baseUrl: string, credentialId: string | undefined, publicKey: string): string {
	return createHash('sha256').update(JSON.stringify([baseUrl, credentialId ?? '', publicKey])).digest('base64url');
}

/** What one request follows: its execution's bound (Max Requests per Second) and the site's shared pace. */
export class RequestPace {
	constructor(
		private readonly own: RequestPacer,
		private readonly site: RequestPacer,
	) {}

	/** Resolves with the time the request may start; throws RateLimitBlockedError while OneAll's long pause lasts. */
	async waitTurn(): Promise<number> {
		if (this.own.paceMs > 0) await this.own.waitTurn();
		return await this.site.waitTurn();
	}

	accepted(): void {
		this.site.accepted();
	}

	rateLimited(waitMs: number, sentAt: number): void {
		this.site.rateLimited(waitMs, sentAt, this.own.paceMs);
	}

	blockFor(retryAfterMs: number): void {
		this.site.blockFor(retryAfterMs);
	}

	/** Current spacing between request starts. */
	get paceMs(): number {
		return Math.max(this.own.paceMs, this.site.paceMs);
	}
}

/**
 * The pacing of one node execution: its own bound, plus the shared pace of the site its credential
 * points at. A site that is not known (the credential could not be read) is paced within the execution.
 */
export class ExecutionPacer {
	private readonly own: RequestPacer;

	private unknownSite: RequestPacer | undefined;

	constructor(
		maxRequestsPerSecond = 0,
		private readonly sites: SitePaces = SITE_PACES,
		private readonly clock?: PacerClock,
	) {
		this.own = new RequestPacer(maxRequestsPerSecond, clock);
	}

	forSite(siteKey: string | undefined): RequestPace {
		const site = siteKey === undefined ? (this.unknownSite ??= new RequestPacer(0, this.clock, true)) : this.sites.get(siteKey);
		return new RequestPace(this.own, site);
	}
}
