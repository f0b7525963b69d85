export type Network = 'facebook' | 'linkedin' | 'pinterest' | 'twitter' | 'youtube';

export const NETWORK_NAMES: Record<Network, string> = {
	facebook: 'Facebook',
	linkedin: 'LinkedIn',
	pinterest: 'Pinterest',
	twitter: 'Twitter (X)',
	youtube: 'YouTube',
};

export function isNetwork(value: unknown): value is Network {
	return typeof value === 'string' && Object.prototype.hasOwnProperty.call(NETWORK_NAMES, value);
}
