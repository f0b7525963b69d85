import { CAVEATS } from '../common/caveats';
import type { PushField, PushSpec } from '../push/spec';

// Pinterest rows of the Update API table (docs/oneall-api.md §5.5).
const PIN_ID: PushField = {
	key: 'pin_id',
	param: 'pinId',
	label: 'Pin ID',
	kind: 'pathId',
	required: true,
	hint: 'The pin_id from Publish Pin or Get Many Pins, e.g. {{ $json.pin_id }}',
	placeholder: '700000000000000001',
};

const needsAChange = (pin: Record<string, unknown>) =>
	pin.board || pin.description || pin.link
		? undefined
		: 'Enter a Board Name, a Description or a Link: the update needs something to change';

export const pinterestUpdates: PushSpec[] = [
	{
		verb: 'update',
		network: 'pinterest',
		operation: 'updatePin',
		caveat: CAVEATS.pinterestUpdatePin,
		name: 'Update Pin',
		action: 'Update a Pinterest pin',
		description: 'Move a pin to another board or replace its description or link',
		certainty: 'docs',
		path: 'pinterest/pin/{pinId}.json',
		object: 'pin',
		fields: [
			PIN_ID,
			{
				key: 'board',
				param: 'boardName',
				label: 'Board Name',
				kind: 'text',
				primary: true,
				hint: "Name (not id) of the user's board to move the pin to, as OneAll's update takes it, e.g. photos",
				placeholder: 'photos',
			},
			{
				key: 'description',
				param: 'description',
				label: 'Description',
				kind: 'text',
				primary: true,
				maxLength: 800,
				rows: 3,
				hint: 'New description of the pin, at most 800 characters',
			},
			{
				key: 'link',
				param: 'link',
				label: 'Link',
				kind: 'url',
				primary: true,
				hint: 'New fully qualified URL the pin links to',
			},
		],
		check: needsAChange,
	},
	{
		verb: 'delete',
		network: 'pinterest',
		operation: 'deletePin',
		name: 'Delete Pin',
		action: 'Delete a Pinterest pin',
		description: 'Delete a pin published through OneAll or owned by the user',
		certainty: 'docs',
		path: 'pinterest/pin/{pinId}.json',
		object: 'pin',
		fields: [PIN_ID],
	},
];
