/**
 * The operation shape (issue "one shape for every operation"): the node's dropdowns and pickers are
 * derived from one registry, and every operation is prepared for every item before the first request,
 * Custom API Call and account writes included. Runs the built package in n8n-core against the emulator.
 */
import type { IDataObject, INodeProperties, INodeTypeDescription } from 'n8n-workflow';

import { FIXTURES } from '../emulator/index.cjs';
import { useEmulator } from '../helpers/emulatorSuite';
import { loadPackage, NODE_TYPE, runOneAll } from '../helpers/harness.cjs';
import { byId, emulatorCredentials } from '../helpers/params';

const emulator = useEmulator();

interface LoadedNode {
	description: INodeTypeDescription;
	methods: { listSearch: Record<string, unknown> };
}

async function loadedNode(): Promise<LoadedNode> {
	const loader = await loadPackage();
	return loader.nodeTypes[NODE_TYPE.split('.')[1]].type as unknown as LoadedNode;
}

function searchMethodsNamed(properties: INodeProperties[]): string[] {
	const names: string[] = [];
	const visit = (property: INodeProperties) => {
		for (const mode of property.modes ?? []) {
			const method = mode.typeOptions?.searchListMethod;
			if (method) names.push(method);
		}
		for (const option of (property.options ?? []) as INodeProperties[]) {
			if (option && typeof option === 'object' && 'type' in option) visit(option);
		}
	};
	properties.forEach(visit);
	return names;
}

describe('registry', () => {
	it('every picker names a list-search method the node has, and every method is used by a picker', async () => {
		const node = await loadedNode();
		const named = new Set(searchMethodsNamed(node.description.properties));
		const methods = Object.keys(node.methods.listSearch);
		expect(named.size).toBeGreaterThanOrEqual(7);
		for (const name of named) expect(methods).toContain(name);
		for (const name of methods) expect(named).toContain(name);
		for (const method of Object.values(node.methods.listSearch)) expect(typeof method).toBe('function');
	});

	it('each resource has one Operation dropdown whose options all have an action and a description, and no action is used twice', async () => {
		const { properties } = (await loadedNode()).description;
		const resources = (properties.find((p) => p.name === 'resource')!.options ?? []) as Array<{ value: string; name: string }>;
		expect(resources.map((r) => r.name)).toEqual([...resources.map((r) => r.name)].sort((a, b) => a.localeCompare(b)));
		const actions: string[] = [];
		for (const resource of resources) {
			const dropdowns = properties.filter(
				(p) => p.name === 'operation' && (p.displayOptions?.show?.resource as string[] | undefined)?.includes(resource.value),
			);
			expect(dropdowns).toHaveLength(1);
			for (const option of dropdowns[0].options as Array<{ action?: string; description?: string; value: string }>) {
				expect(option.action?.trim()).toBeTruthy();
				expect(option.description?.trim()).toBeTruthy();
				actions.push(option.action!);
			}
		}
		expect(new Set(actions).size).toBe(actions.length);
		// "Twitter (X)" is written once (networks.ts) and reaches the dropdown from there.
		expect(resources.find((r) => r.value === 'twitter')?.name).toBe('Twitter (X)');
	});
});

describe('nothing is sent before every item is prepared', () => {
	const customPost = (body: string): IDataObject => ({ json: { body } });
	const items = [1, 2, 3, 4, 5, 6].map(() => customPost('{"shorturl":{"original_url":"https://example.com/"}}'));
	const parameters = (): IDataObject => ({
		resource: 'customApiCall',
		operation: 'call',
		method: 'POST',
		path: '/shorturls.json',
		body: '={{ $json.body }}',
		options: { concurrency: 1 },
	});

	it('Custom API Call POST with a bad body in item 7: the run fails naming item 7 and OneAll received nothing', async () => {
		const { error } = await runOneAll({
			credentials: emulatorCredentials(emulator),
			parameters: parameters(),
			items: [...items, customPost('{not json')] as never,
		});
		expect(error?.message).toBe('"Body (JSON)" is not valid JSON');
		expect((error as unknown as { context?: { itemIndex?: number } })?.context?.itemIndex).toBe(6);
		expect(emulator.requests).toHaveLength(0);
	});

	it('with Continue On Fail, item 7 becomes an error item paired with it and items 1–6 are sent once each', async () => {
		const { items: output, error } = await runOneAll({
			credentials: emulatorCredentials(emulator),
			parameters: { ...parameters(), __continueOnFail: true },
			items: [...items, customPost('{not json')] as never,
		});
		expect(error).toBeUndefined();
		expect(output).toHaveLength(7);
		expect(output[6].json.error).toBe('"Body (JSON)" is not valid JSON');
		expect(output[6].pairedItem).toEqual({ item: 6 });
		expect(emulator.requests.filter((r) => r.method === 'POST')).toHaveLength(6);
	});
});

describe('booleans given by expressions are checked (Identity → Synchronize)', () => {
	const synchronize = (updateUserData: string): IDataObject => ({
		resource: 'identity',
		operation: 'synchronize',
		identity: byId(FIXTURES.identities.twitter),
		updateUserData,
		forceTokenUpdate: false,
	});

	it('the text "false" from an expression is refused before anything is sent', async () => {
		const { error } = await runOneAll({
			credentials: emulatorCredentials(emulator),
			parameters: synchronize('={{ "false" }}'),
		});
		expect(error?.message).toBe('"Update User Data" must be true or false');
		expect(emulator.requests).toHaveLength(0);
	});

	it('a real false from an expression is sent as the JSON boolean false', async () => {
		const { error } = await runOneAll({
			credentials: emulatorCredentials(emulator),
			parameters: synchronize('={{ 1 > 2 }}'),
		});
		expect(error).toBeUndefined();
		expect(emulator.requests).toHaveLength(1);
		expect(emulator.requests[0].body).toEqual({
			request: { synchronize: { update_user_data: false, force_token_update: false } },
		});
	});

	it('Include Access Tokens given as the text "yes" is refused rather than read as on', async () => {
		const { error } = await runOneAll({
			credentials: emulatorCredentials(emulator),
			parameters: {
				resource: 'identity',
				operation: 'get',
				identity: byId(FIXTURES.identities.twitter),
				options: { includeAccessTokens: '={{ "yes" }}' },
			},
		});
		expect(error?.message).toBe('"Include Access Tokens" must be true or false');
		expect(emulator.requests).toHaveLength(0);
	});
});
