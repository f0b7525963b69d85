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
// Letters X takes in a link besides ASCII ones: Latin accents and Cyrillic (twitter-text's URL path characters;
// combining accents are left out: after NFC they are mostly composed).
const URL_LETTERS = '\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u024F\\u0253\\u0254\\u0256\\u0257\\u0259\\u025B\\u0263\\u0268\\u026F\\u0272\\u0289\\u028B\\u02BB\\u1E00-\\u1EFF\\u0400-\\u04FF';
// A link, not glued to a word, @, $ or # before it: the host, then what X takes in a path, query or
// fragment; CJK, emoji, quotes and <>{}^` end it.
const URL = new RegExp(`(?<![A-Za-z0-9@＠$#＃])https?://[^\\s/?#]+(?:[/?#][\\w!*';:=+,.$/%#\\[\\]\\-\\u2013~@|&?()${URL_LETTERS}]*)?`, 'gi');
// What a link may end with (besides a closing parenthesis it opened); anything else at its end is text for X.
const LINK_END = new RegExp(`[\\w\\-+=#/&${URL_LETTERS}]`);
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

/**
 * The end of a matched link that X counts as text: sentence punctuation, and a closing parenthesis the
 * link did not open ("(see https://x.com/a)"), while "/wiki/Primer_(film)" keeps its own. One backward
 * pass: a regex anchored at the end would retry from every character (seconds for a long text).
 */
function trailingText(url: string): string {
	let opened = 0;
	let closed = 0;
	for (const char of url) {
		if (char === '(') opened++;
		else if (char === ')') closed++;
	}
	let end = url.length;
	while (end > 0) {
		const char = url[end - 1];
		if (char === ')') {
			if (closed <= opened) break;
			closed--;
		} else if (LINK_END.test(char)) {
			break;
		} else if (char === '(') {
			opened--;
		}
		end--;
	}
	return url.slice(end);
}

export function weightedTweetLength(text: string): number {
	let length = 0;
	const withoutUrls = text.normalize('NFC').replace(URL, (url) => {
		length += URL_WEIGHT;
		// The punctuation stays in the text and is counted as text.
		return trailingText(url);
	});
	for (const { segment } of graphemes.segment(withoutUrls)) length += graphemeWeight(segment);
	return length;
}
