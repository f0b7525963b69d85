import type { IDataObject } from 'n8n-workflow';

/**
 * Single use of a verified connection_token (docs/oneall-api.md §8.7). Two layers:
 * - this process: a bounded module-level map, claimed before OneAll is asked, so concurrent posts of
 *   one token cannot both pass;
 * - other processes (webhook processes, queue-mode mains): the node's workflow static data, which n8n
 *   loads for each production webhook call and saves right after webhook() returns.
 * Where it ends: two posts of one token that reach two processes before either has saved, or a
 * token whose entry another login's save overwrote in the same instant (n8n saves the whole static
 * data, last writer wins), are not caught across processes.
 */
const MAX_IN_PROCESS = 10_000;
/** Kept in static data; beyond it the oldest entries go (a replay then still needs to pass the age check). */
export const MAX_STORED = 500;

/** token → epoch ms until which it counts as used (or claimed). Insertion order = age. */
const used = new Map<string, number>();

function prune(now: number): void {
	for (const [token, until] of used) if (until <= now) used.delete(token);
	while (used.size >= MAX_IN_PROCESS) used.delete(used.keys().next().value as string);
}

/** Claims `token` in this process; false when it is already claimed or used. */
export function claimInProcess(token: string, untilMs: number, now = Date.now()): boolean {
	const until = used.get(token);
	if (until !== undefined && until > now) return false;
	prune(now);
	used.set(token, untilMs);
	return true;
}

/** Gives a claim back (the token was not verified, so it was not used). */
export function releaseInProcess(token: string): void {
	used.delete(token);
}

function storedLogins(staticData: IDataObject): Record<string, number> {
	const stored = staticData.usedLogins;
	return stored && typeof stored === 'object' && !Array.isArray(stored) ? (stored as Record<string, number>) : {};
}

/** True when another process already recorded `token` as used (read from the workflow's static data). */
export function usedElsewhere(staticData: IDataObject, token: string, now = Date.now()): boolean {
	const until = storedLogins(staticData)[token];
	return typeof until === 'number' && until > now;
}

/** Records `token` as used in the static data n8n saves after this webhook call. */
export function recordUsed(staticData: IDataObject, token: string, untilMs: number, now = Date.now()): void {
	const entries = Object.entries(storedLogins(staticData)).filter(([, until]) => typeof until === 'number' && until > now);
	entries.push([token, untilMs]);
	entries.sort((a, b) => a[1] - b[1]);
	staticData.usedLogins = Object.fromEntries(entries.slice(-MAX_STORED));
}
