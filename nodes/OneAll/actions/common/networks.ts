/** OneAll's provider keys of the networks the node acts on (an identity's `provider`). */
export type Network = 'facebook' | 'linkedin' | 'pinterest' | 'steam' | 'tiktok' | 'twitch' | 'twitter' | 'youtube';

export const NETWORK_NAMES: Record<Network, string> = {
	facebook: 'Facebook',
	linkedin: 'LinkedIn',
	pinterest: 'Pinterest',
	steam: 'Steam',
	tiktok: 'TikTok',
	twitch: 'Twitch',
	twitter: 'Twitter (X)',
	youtube: 'YouTube',
};

export function isNetwork(value: unknown): value is Network {
	return typeof value === 'string' && Object.prototype.hasOwnProperty.call(NETWORK_NAMES, value);
}

/**
 * Provider keys OneAll's Sharing API publishes to (docs/oneall-api.md §8.1: a tweet on X, a wall post on
 * Facebook and LinkedIn). "All of the user's networks" sends only these; the user's other identities
 * (Google, Steam, …) are left out and the output says so.
 */
export const SHARING_PROVIDERS: readonly string[] = ['facebook', 'linkedin', 'twitter'];
