/**
 * X/Twitter's weighted length (twitter-text v3 rules): code points in the Latin and common punctuation
 * ranges weigh 1, everything else (CJK, emoji, …) 2, and each URL counts as 23 whatever its length.
 */
const LIGHT_RANGES: Array<[number, number]> = [
	[0, 4351],
	[8192, 8205],
	[8208, 8223],
	[8242, 8247],
];
const URL_WEIGHT = 23;
const URL = /https?:\/\/[^\s]+/gi;

function weight(codePoint: number): number {
	return LIGHT_RANGES.some(([from, to]) => codePoint >= from && codePoint <= to) ? 1 : 2;
}

export function weightedTweetLength(text: string): number {
	let length = 0;
	const withoutUrls = text.normalize('NFC').replace(URL, () => {
		length += URL_WEIGHT;
		return '';
	});
	for (const char of withoutUrls) length += weight(char.codePointAt(0) ?? 0);
	return length;
}
