/**
 * X/Twitter's weighted length (twitter-text v3 rules): code points in the Latin and common punctuation
 * ranges weigh 1, everything else (CJK, emoji, …) 2, an emoji sequence (ZWJ family, skin tone, flag,
 * keycap) 2 as a whole, and each URL counts as 23 whatever its length. Checked against twitter-text
 * itself in test/unit/tweetLength.test.ts.
 */
const LIGHT_RANGES: Array<[number, number]> = [
	[0, 4351],
	[8192, 8205],
	[8208, 8223],
	[8242, 8247],
];
const URL_WEIGHT = 23;
const EMOJI_WEIGHT = 2;
const URL = /https?:\/\/[^\s]+/gi;
// Sentence punctuation right after a link is not part of it for X.
const TRAILING_PUNCTUATION = /[.,;:!?)\]'"]+$/;
// What makes a multi-code-point grapheme one emoji for X.
const EMOJI_PART = /\p{Extended_Pictographic}|\p{Regional_Indicator}|\u20e3/u;
const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

function weight(codePoint: number): number {
	return LIGHT_RANGES.some(([from, to]) => codePoint >= from && codePoint <= to) ? 1 : 2;
}

function graphemeWeight(grapheme: string): number {
	const codePoints = Array.from(grapheme);
	if (codePoints.length > 1 && EMOJI_PART.test(grapheme)) return EMOJI_WEIGHT;
	return codePoints.reduce((sum, char) => sum + weight(char.codePointAt(0) ?? 0), 0);
}

export function weightedTweetLength(text: string): number {
	let length = 0;
	const withoutUrls = text.normalize('NFC').replace(URL, (url) => {
		length += URL_WEIGHT;
		// The punctuation stays in the text and is counted as text.
		return TRAILING_PUNCTUATION.exec(url)?.[0] ?? '';
	});
	for (const { segment } of graphemes.segment(withoutUrls)) length += graphemeWeight(segment);
	return length;
}
