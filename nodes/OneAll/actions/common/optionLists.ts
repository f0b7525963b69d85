/**
 * The one table of option lists loaded from OneAll (n8n's loadOptions): methods/loadOptions.ts builds the
 * node's methods from it, and fields name their method from it.
 */
export const OPTION_LISTS = {
	/** The networks on which the user picked in the same node has identities (docs/oneall-api.md §7.2). */
	userNetworks: { method: 'getUserNetworks', dependsOn: 'user' },
} as const;
