/**
 * OneAll's dates as the node reads them (docs/oneall-api.md §2.4): "Mon, 06 Oct 2014 10:26:44 +0200" (the
 * "+" sometimes shown as a space, or a zone name such as GMT), "14 Jan 2020 12:13", the networks' ISO
 * dates ("2021-10-20T16:32:10", with or without a zone; without one: UTC) and Twitter's own ("Wed Oct 10
 * 20:19:24 +0000 2018"), which a Pull API entry may pass on. Only these shapes are read, each
 * part checked: a lenient reader would take "garbage 12" for 2001 and pass a new event as an old one.
 */

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** Zone names a date may end with, as minutes east of UTC. */
const ZONES: Record<string, number> = { gmt: 0, ut: 0, utc: 0, z: 0 };

/**
 * No OneAll site (2011 on) nor a post it reads is older: an earlier date is a placeholder (PHP's 1970 for
 * an empty date, a year 0001), not when something happened.
 */
const EARLIEST_YEAR = 2000;

const RFC_2822 =
	/^(?:[a-z]{3,9}(?:,\s*|\s+))?(\d{1,2})\s+([a-z]{3,9})\.?\s+(\d{4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([+-]?\d{4}|[a-z]{1,5}))?$/i;
const TWITTER = /^[a-z]{3}\s+([a-z]{3})\s+(\d{1,2})\s+(\d{2}):(\d{2}):(\d{2})\s+([+-]\d{4})\s+(\d{4})$/i;
const ISO_8601 = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?)?\s*(z|[+-]\d{2}:?\d{2})?$/i;

/** Minutes east of UTC of "+0200", "0200" (a "+" lost to URL decoding), "-05:00", "GMT"; NaN otherwise. */
function zoneMinutes(zone: string | undefined): number {
	if (zone === undefined) return 0;
	const name = ZONES[zone.toLowerCase()];
	if (name !== undefined) return name;
	const match = /^([+-]?)(\d{2}):?(\d{2})$/.exec(zone);
	if (!match || Number(match[2]) > 14 || Number(match[3]) > 59) return Number.NaN;
	return (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]));
}

function toMs(parts: { year: number; month: number; day: number; hour: number; minute: number; second: number; zone: number }) {
	const { year, month, day, hour, minute, second, zone } = parts;
	if (year < EARLIEST_YEAR || month < 0 || month > 11 || hour > 23 || minute > 59 || second > 60 || !Number.isFinite(zone)) return undefined;
	// Day 31 of a 30-day month is not read as the 1st of the next one.
	if (day < 1 || day > new Date(Date.UTC(year, month + 1, 0)).getUTCDate()) return undefined;
	return Date.UTC(year, month, day, hour, minute, Math.min(second, 59)) - zone * 60_000;
}

/** A OneAll date as ms since the epoch; undefined for anything that is not a readable date. */
export function readOneAllDate(value: unknown): number | undefined {
	if (typeof value !== 'string') return undefined;
	const text = value.trim();
	const rfc = RFC_2822.exec(text);
	if (rfc) {
		const [, day, month, year, hour, minute, second, zone] = rfc;
		const monthIndex = MONTHS.indexOf(month.slice(0, 3).toLowerCase());
		if (monthIndex < 0) return undefined;
		return toMs({ year: Number(year), month: monthIndex, day: Number(day), hour: Number(hour), minute: Number(minute), second: Number(second ?? 0), zone: zoneMinutes(zone) });
	}
	const twitter = TWITTER.exec(text);
	if (twitter) {
		const [, month, day, hour, minute, second, zone, year] = twitter;
		const monthIndex = MONTHS.indexOf(month.toLowerCase());
		if (monthIndex < 0) return undefined;
		return toMs({ year: Number(year), month: monthIndex, day: Number(day), hour: Number(hour), minute: Number(minute), second: Number(second), zone: zoneMinutes(zone) });
	}
	const iso = ISO_8601.exec(text);
	if (iso) {
		const [, year, month, day, hour, minute, second, zone] = iso;
		return toMs({ year: Number(year), month: Number(month) - 1, day: Number(day), hour: Number(hour ?? 0), minute: Number(minute ?? 0), second: Number(second ?? 0), zone: zoneMinutes(zone) });
	}
	return undefined;
}
