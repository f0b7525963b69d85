import type { INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { INCLUDE_ACCESS_TOKENS } from '../OneAll/actions/account/shared';
import { NODES_PANEL_DESCRIPTION } from '../OneAll/nodesPanel';
import { startRun } from '../OneAll/transport/credential';
import { EVENT_NAMES, EVENTS, NETWORK_OPTIONS } from './events';
import { pollEvents } from './poll';

/**
 * Polls OneAll for new logins, users, identities and sharing messages (docs/oneall-api.md §8.7, §9).
 * OneAll has no webhook subscription API; the login callback is the separate OneAll Social Login Trigger.
 */
export class OneAllTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'OneAll Trigger',
		name: 'oneAllTrigger',
		icon: { light: 'file:../OneAll/oneall.svg', dark: 'file:../OneAll/oneall.dark.svg' },
		group: ['trigger'],
		version: 1,
		// The event's display name ("New User"), not its value.
		subtitle: `={{ ${EVENT_NAMES.map((name) => `$parameter["event"] === "${name}" ? "${EVENTS[name].name}" : `).join('')}"" }}`,
		// n8n's nodes panel shows this text for the OneAll entry, which merges the action node with this trigger.
		description: NODES_PANEL_DESCRIPTION,
		defaults: { name: 'OneAll Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'oneAllApi', required: true }],
		properties: [
			{
				displayName: 'Event',
				name: 'event',
				type: 'options',
				noDataExpression: true,
				default: 'newLogin',
				options: EVENT_NAMES.map((value) => ({
					name: EVENTS[value].name,
					value,
					description: EVENTS[value].description,
				})),
			},
			{
				displayName: 'Network',
				name: 'network',
				type: 'options',
				default: '',
				description: 'Only identities of this network',
				options: NETWORK_OPTIONS,
				displayOptions: {
					show: { event: EVENT_NAMES.filter((name) => EVENTS[name].filterByNetwork) },
				},
			},
			{
				displayName:
					'The first activation only remembers the newest event; later polls emit what is newer, oldest first. "Fetch Test Event" shows the newest one.',
				name: 'cursorNotice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					INCLUDE_ACCESS_TOKENS,
					{
						displayName: 'Max Events per Poll',
						name: 'maxEvents',
						type: 'number',
						typeOptions: { minValue: 1, maxValue: 500 },
						default: 50,
						description: 'At most this many events start executions per poll; the rest follow on the next poll',
					},
				],
			},
		],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		startRun(this); // n8n reuses this context for every poll of the activation
		return await pollEvents.call(this);
	}
}
