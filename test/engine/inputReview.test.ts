/**
 * Input review (adversarial review of what users and AI agents put into the parameters): holes found in
 * the built package, each with the rule it now follows. Runs the built package in n8n-core against the
 * emulator. Bad input is a NodeOperationError naming the parameter and the item before any request of
 * the run is sent.
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { FIXTURES } from '../emulator/index.cjs';
import { useEmulator } from '../helpers/emulatorSuite';
import { runOneAll } from '../helpers/harness.cjs';
import { byId, emulatorCredentials } from '../helpers/params';

const emulator = useEmulator();

const ID = FIXTURES.identities;
const sent = () => emulator.requests.map((request) => `${request.method} ${request.path}`);
const itemIndexOf = (error: unknown) => (error as { context?: { itemIndex?: number } } | undefined)?.context?.itemIndex;

describe('Multi-Network for a user: every check runs before the read of the user', () => {
	// Item 1 finds its accounts through a read of the user; its Options come from the item.
	const parameters = (): IDataObject => ({
		resource: 'multiNetwork',
		operation: 'publish',
		publishFor: 'user',
		user: byId(FIXTURES.users.primary),
		text: '={{ $json.text }}',
		networks: { network: [{ network: 'twitter' }] },
		options: { concurrency: 1, skipIfPublished: true, publishedWindowHours: '={{ $json.hours }}' },
	});
	const items: INodeExecutionData[] = [{ json: { text: 'First', hours: 24 } }, { json: { text: 'Second', hours: 'yesterday' } }];

	it('a bad option in item 2 stops the run naming item 2 before item 1 is read or published', async () => {
		const { error } = await runOneAll({ credentials: emulatorCredentials(emulator), parameters: parameters(), items, typeVersion: 1.1 });
		expect(error?.message).toBe('X (Twitter): "Already Published Window (Hours)" must be a number');
		expect(itemIndexOf(error)).toBe(1);
		expect(sent()).toEqual([]);
	});

	it('the same for a text "yes" where Skip If Already Published needs a boolean', async () => {
		const { error } = await runOneAll({
			credentials: emulatorCredentials(emulator),
			parameters: { ...parameters(), options: { skipIfPublished: '={{ $json.skip }}' } },
			items: [{ json: { text: 'First', skip: true } }, { json: { text: 'Second', skip: 'yes' } }],
			typeVersion: 1.1,
		});
		expect(error?.message).toBe('X (Twitter): "Skip If Already Published" must be true or false');
		expect(itemIndexOf(error)).toBe(1);
		expect(sent()).toEqual([]);
	});
});
