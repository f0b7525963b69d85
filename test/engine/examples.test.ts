/**
 * The example workflows run in n8n-core against the emulator, starting at their first OneAll node
 * (trigger and Code nodes need n8n-nodes-base, which the end-to-end tests in a real n8n cover).
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { emulatorFile, FIXTURES } from '../emulator/index.cjs';
import { useEmulator } from '../helpers/emulatorSuite';
import { exampleWorkflows } from '../helpers/files.cjs';
import { runWorkflow } from '../helpers/harness.cjs';
import { emulatorCredentials } from '../helpers/params';

const ONEALL = 'n8n-nodes-oneall.oneAll';
const examples = exampleWorkflows();

const emulator = useEmulator();

async function runFromFirstOneAllNode(file: string, items: INodeExecutionData[] = [{ json: {} }]) {
	const workflow = examples[file];
	const nodes = workflow.nodes.filter((node) => node.type === ONEALL);
	const connections = Object.fromEntries(
		Object.entries(workflow.connections).filter(([from]) => nodes.some((node) => node.name === from)),
	);
	const result = await runWorkflow({
		nodes: nodes as unknown as IDataObject[],
		connections: connections as IDataObject,
		items,
		credentials: emulatorCredentials(emulator),
	});
	expect(result.error).toBeUndefined();
	return { result, names: nodes.map((node) => node.name) };
}

const lastOutput = (run: Awaited<ReturnType<typeof runFromFirstOneAllNode>>) =>
	run.result.output(run.names[run.names.length - 1]);

describe('example workflows', () => {
	it('every example uses the OneAll node with the emulator credential', () => {
		for (const [file, workflow] of Object.entries(examples)) {
			// The OneAll node, its AI tool variant or one of the OneAll triggers.
			const oneAllNodes = workflow.nodes.filter((node) => node.type.startsWith('n8n-nodes-oneall.'));
			expect({ file, hasOneAllNode: oneAllNodes.length > 0 }).toEqual({ file, hasOneAllNode: true });
			for (const node of oneAllNodes) {
				expect({ file, node: node.name, credentials: node.credentials }).toEqual({
					file,
					node: node.name,
					credentials: { oneAllApi: { id: 'oneallEmulator01', name: 'OneAll Emulator' } },
				});
			}
		}
	});

	it('every example says what it does and what to set, and shows demo ids as something to choose', () => {
		for (const [file, workflow] of Object.entries(examples)) {
			const notes = workflow.nodes.filter((node) => node.type === 'n8n-nodes-base.stickyNote');
			const content = String((notes[0]?.parameters as IDataObject | undefined)?.content ?? '');
			expect({ file, notes: notes.length, content }).toEqual({
				file,
				notes: 1,
				content: expect.stringMatching(/^## .+\n.+[\s\S]*### Before you run it\n[\s\S]*your OneAll credential[\s\S]*\n- /),
			});
			for (const node of workflow.nodes.filter((n) => n.type.startsWith('n8n-nodes-oneall.'))) {
				for (const [name, value] of Object.entries(node.parameters as IDataObject)) {
					const locator = value as IDataObject;
					if (!locator || typeof locator !== 'object' || locator.__rl !== true) continue;
					const fixed = !String(locator.value).startsWith('=');
					// A fixed demo id sits in "From List" mode, named as one to replace; expressions stay as they are.
					if (fixed) {
						expect({ file, node: node.name, name, mode: locator.mode, shown: locator.cachedResultName }).toEqual({
							file,
							node: node.name,
							name,
							mode: 'list',
							shown: expect.stringMatching(/^Demo .+ \(emulator\): choose yours$/),
						});
					}
				}
			}
		}
	});

	it('pinterest-publish-pin: publishes the seed page pin', async () => {
		const run = await runFromFirstOneAllNode('pinterest-publish-pin.json');
		expect(lastOutput(run)[0].json).toMatchObject({ object: 'pin', pin_title: 'OneAll', pin_board_id: '98765432101011' });
	});

	it('twitter-picture-then-tweet: the uploaded picture id is attached to the tweet', async () => {
		const run = await runFromFirstOneAllNode('twitter-picture-then-tweet.json');
		const [upload, tweet] = emulator.pushes();
		expect(tweet.body.request.push.post.attachments).toEqual([upload.result?.picture_id]);
		expect(lastOutput(run)).toHaveLength(1);
	});

	it('facebook-page-picture-post: the page picture id is attached to the page post', async () => {
		await runFromFirstOneAllNode('facebook-page-picture-post.json');
		const [upload, post] = emulator.pushes();
		expect(post.body.request.push.page.attachments).toEqual([upload.result?.picture_id]);
	});

	it('rss-to-every-network: one blog post, each network its own text, one output item per network', async () => {
		const post = { title: 'Spring sale', link: 'https://blog.example.com/spring-sale', contentSnippet: 'Everything 20% off this week.' };
		const run = await runFromFirstOneAllNode('rss-to-every-network.json', [{ json: post }]);
		const messages = emulator.pushes().map((push) => push.body.request.push);
		expect(messages).toEqual([
			{ post: { message: 'New on the blog: Spring sale https://blog.example.com/spring-sale' } },
			{ post: { message: 'Spring sale\n\nEverything 20% off this week.', link: post.link } },
			{ page: { id: FIXTURES.facebook.pageIds[0], message: 'Spring sale: Everything 20% off this week.', link: post.link } },
		]);
		expect(lastOutput(run).map((item) => [item.json.provider, item.json.status])).toEqual([
			['twitter', 'published'],
			['linkedin', 'published'],
			['facebook', 'published'],
		]);
		// Skip If Already Published is on: the feed repeating the post publishes it again only where OneAll has no read.
		const again = await runFromFirstOneAllNode('rss-to-every-network.json', [{ json: post }]);
		expect(lastOutput(again).map((item) => [item.json.provider, item.json.status, item.json.checked])).toEqual([
			['twitter', 'skipped', undefined],
			['linkedin', 'published', false],
			['facebook', 'skipped', undefined],
		]);
		expect(emulator.pushes()).toHaveLength(4);
	});

	it('linkedin-company-post and youtube-playlist run against the emulator', async () => {
		await runFromFirstOneAllNode('linkedin-company-post.json');
		await runFromFirstOneAllNode('youtube-playlist.json');
		const paths = emulator.pushes().map((push) => push.path);
		expect(paths[0]).toMatch(/\/linkedin\/company\/post\.json$/);
		expect(paths[1]).toMatch(/\/youtube\/playlist\.json$/);
		expect(paths[2]).toMatch(/\/youtube\/playlist\/[\w-]+\/video\.json$/);
	});

	it('account-reads-and-custom-call: identities → user → ping', async () => {
		const run = await runFromFirstOneAllNode('account-reads-and-custom-call.json');
		expect(run.result.output('Get Identities')).toHaveLength(3);
		expect(run.result.output('Get User')).toHaveLength(3);
		expect(lastOutput(run)).toHaveLength(3);
	});

	it('social-login-callback: the connection token from the webhook leads to a pin for that user', async () => {
		const run = await runFromFirstOneAllNode('social-login-callback.json', [
			{ json: { body: { connection_token: FIXTURES.connection } } },
		]);
		expect(emulator.requests[0].path).toBe(`/connections/${FIXTURES.connection}.json`);
		expect(emulator.pushes()[0].path).toContain(`/push/identities/${FIXTURES.identities.pinterest}/`);
		expect(String(lastOutput(run)[0].json.pin_title)).toMatch(/^Welcome /);
	});

	it('sharing-welcome-all-networks: a login leads to one welcome message on every network of that user', async () => {
		const run = await runFromFirstOneAllNode('sharing-welcome-all-networks.json', [
			{ json: { body: { connection_token: FIXTURES.connection } } },
		]);
		expect(emulator.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
			`GET /connections/${FIXTURES.connection}.json`,
			`GET /users/${FIXTURES.users.primary}.json`,
			'POST /sharing/messages.json',
		]);
		const message = emulator.pushes()[0].body.request.sharing_message;
		// Only the networks Sharing publishes to; the user's Pinterest identity is named as left out.
		expect(message.publish_for_user).toEqual({ user_token: FIXTURES.users.primary, providers: ['facebook', 'twitter'] });
		expect(message.parts.text.body).toMatch(/^Hello, I just joined Example Shop!/);
		const output = lastOutput(run)[0].json;
		expect(((output.sharing_message as IDataObject).publications as IDataObject).count).toBe(2);
		expect(output.networks_left_out).toEqual([expect.objectContaining({ provider: 'pinterest' })]);
	});

	it('sharing-picture-all-networks: the downloaded picture is uploaded once for all networks of the user', async () => {
		const picture = emulatorFile('launch.png', 65536);
		const item = { json: {}, binary: { data: { data: picture.toString('base64'), mimeType: 'image/png', fileName: 'launch.png' } } };
		await runFromFirstOneAllNode('sharing-picture-all-networks.json', [item]);
		const [publish] = emulator.pushes();
		const upload = publish.body.request.sharing_message.parts.uploads[0];
		expect(upload.name).toBe('launch.png');
		expect(Buffer.from(upload.data, 'base64').equals(picture)).toBe(true);
		expect(publish.body.request.sharing_message.publish_for_user.providers).toEqual(['facebook', 'twitter']);
	});
});
