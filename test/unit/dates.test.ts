/** How OneAll's dates are read (nodes/OneAll/helpers/dates.ts), shared by both triggers and Skip If Already Published. */
import { findPublished } from '../../nodes/OneAll/actions/push/alreadyPublished';
import { readOneAllDate } from '../../nodes/OneAll/helpers/dates';

const iso = (value: unknown) => {
	const ms = readOneAllDate(value);
	return ms === undefined ? undefined : new Date(ms).toISOString();
};

describe('readOneAllDate', () => {
	it.each([
		['Mon, 06 Oct 2014 10:26:44 +0200', '2014-10-06T08:26:44.000Z'],
		// The docs sometimes show the "+" as a space (a "+" decoded from a URL).
		['Mon, 06 Oct 2014 10:26:44 0200', '2014-10-06T08:26:44.000Z'],
		['Mon, 06 Oct 2014 10:26:44 -0500', '2014-10-06T15:26:44.000Z'],
		['Mon, 06 Oct 2014 10:26:44 GMT', '2014-10-06T10:26:44.000Z'],
		['Mon,06 Oct 2014 10:26:44 +0200', '2014-10-06T08:26:44.000Z'],
		['Mon 06 Oct 2014 10:26:44 +0200', '2014-10-06T08:26:44.000Z'],
		['14 Jan 2020 12:13', '2020-01-14T12:13:00.000Z'],
		['2021-10-20T16:32:10', '2021-10-20T16:32:10.000Z'],
		['2021-10-20 16:32:10', '2021-10-20T16:32:10.000Z'],
		['2014-11-26T12:00:00+0000', '2014-11-26T12:00:00.000Z'],
		['2014-11-26T12:00:00.123+02:00', '2014-11-26T10:00:00.000Z'],
		['Wed Oct 10 20:19:24 +0000 2018', '2018-10-10T20:19:24.000Z'],
	])('reads %j', (value, expected) => {
		expect(iso(value)).toBe(expected);
	});

	it.each([
		// Date.parse reads each of these as a date (2001, 2001, 3 March, 1970, 10 June): never a real event's date.
		'garbage 12',
		'1',
		'Mon, 31 Feb 2014 10:26:44 +0200',
		'Thu, 01 Jan 1970 00:00:00 +0000',
		'06/10/2014',
		'0000-00-00 00:00:00',
		'Mon, 06 Oct 2014 25:26:44 +0200',
		'Mon, 06 Foo 2014 10:26:44 +0200',
		'Mon, 06 Oct 2014 10:26:44 +9900',
		'1417000000',
		'',
		1417000000,
		null,
		{},
	])('does not read %j', (value) => {
		expect(readOneAllDate(value)).toBeUndefined();
	});
});

describe('Skip If Already Published reads the same dates', () => {
	const check = { values: { message: 'Hello' }, compare: { message: ['message'] }, windowMs: 24 * 3600_000, collection: 'posts' } as never;
	const now = Date.UTC(2026, 11, 7);

	it('a same post dated with garbage counts as recent (skipped), never as an old one published again', () => {
		expect(findPublished([{ post_message: 'Hello', post_created_at: 'garbage 12' }], check, now).kind).toBe('found');
	});

	it('a same post dated inside or outside the window, in each format', () => {
		expect(findPublished([{ post_message: 'Hello', post_created_at: '2026-12-06T12:00:00' }], check, now).kind).toBe('found');
		expect(findPublished([{ post_message: 'Hello', created_at: 'Fri Dec 04 12:00:00 +0000 2026' }], check, now).kind).toBe('none');
	});
});
