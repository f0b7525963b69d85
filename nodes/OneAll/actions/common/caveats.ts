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
} satisfies Record<string, Caveat>;
