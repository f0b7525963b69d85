import type { Caveat } from '../operation';

/**
 * What OneAll or a network retired, said where it matters (docs/oneall-api.md §4.4, §5.5, §6.3): a notice on the
 * operation's panel, and a sentence added to OneAll's error. Spec rows name one in their `caveat`.
 */
export const CAVEATS = {
	facebookGroups: {
		label: 'Meta removed group publishing (2024-04-22)',
		notice:
			"Meta removed publishing to Facebook groups from its Graph API on 22 April 2024 (API v19.0). OneAll may still accept the request, but Facebook will most likely refuse the post.",
		onError:
			'Most likely cause: Meta removed publishing to Facebook groups from its Graph API on 22 April 2024 (API v19.0), so Facebook refuses group posts and uploads whatever OneAll sends. Publish on a page or the profile instead.',
	},
	facebookGroupReads: {
		label: 'Meta retired the Groups API (2024-04-22)',
		notice:
			"Meta retired its Groups API, reading group content included, on 22 April 2024 (API v19.0). OneAll may still accept the request, but Facebook will most likely answer nothing or refuse it.",
		onError:
			'Most likely cause: Meta retired its Groups API, reading group content included, on 22 April 2024 (API v19.0), so Facebook refuses whatever OneAll asks about groups.',
	},
	pinterestPins: {
		label: "missing from OneAll's newest Pull table",
		notice:
			"OneAll's newest Pull API table no longer lists this list of all the user's pins, so OneAll may have retired it. Get Many Board Pins reads the pins of one board.",
		onError:
			"OneAll may have retired this endpoint: its newest Pull API table no longer lists the user's pins. Use Get Many Board Pins instead, once per board.",
		status: 404,
	},
	pinterestUpdatePin: {
		label: "missing from OneAll's newest Update table",
		notice:
			"OneAll's newest Update API table lists only Delete Pin for Pinterest, so OneAll may have retired updating pins. To change a pin, delete it and publish it again.",
		onError:
			'Either the pin does not exist, or OneAll retired updating pins (its newest Update API table lists only Delete Pin). To change a pin, delete it and publish it again.',
		status: 404,
	},
	cloudStorage: {
		label: 'needs User Cloud Storage on the site',
		notice:
			'User Cloud Storage is a OneAll feature of its own ("Cloud Storage Required" in OneAll\'s API reference): it must be enabled for the OneAll site, or OneAll refuses these requests.',
		onError:
			'If User Cloud Storage is not enabled for this OneAll site, OneAll refuses every storage request: check the site\'s features in the OneAll dashboard.',
		status: 403,
	},
	allowedDomains: {
		label: "OneAll's SDK calls it \"add\"; replace or add is undocumented",
		notice:
			"OneAll's SDK names this call \"add allowed domains\"; whether the list replaces the site's allowed domains or is added to them is not documented. Run Get Allowed Domains afterwards to see the result.",
		onError:
			'The allowed-domains endpoint is known only from OneAll\'s SDK and examples, not from a docs page: check the domains (e.g. www.example.com or *.example.com).',
		status: 400,
	},
} satisfies Record<string, Caveat>;
