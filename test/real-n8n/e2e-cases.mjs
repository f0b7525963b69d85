// The end-to-end table: which workflow runs in the real n8n, how, and what must come out of it.
// Add a row per example; e2e.mjs does the rest (import, run, generic checks, summary).
//
// Row fields:
//   name        test name
//   workflow    workflow file, relative to the project root (imported once with n8n import:workflow)
//   id, patch   optional variant: the workflow is imported again under `id`, after patch(wf, ctx)
//   via         'cli' (default: n8n execute --id), 'webhook' (published, n8n start, HTTP call to
//               webhook.path with webhook.body), or 'rest' (no workflow: check() talks to n8n's REST API)
//   setup       optional async ({ emu, FIXTURES }) before the run, after emu.reset() (e.g. faults)
//   expect      'success' (default) or 'error': how the execution must end
//   check       async (ctx) with assertions; ctx = { result, out(node), error(node), emu, requests,
//               pushes, FIXTURES, DEFAULT_SITE, workflow, api, url, runAgain() (a second execution:
//               { result, out(node) }) }
//
// Generic checks for every workflow row: the execution ends as `expect` says, every request to the
// emulator carried the right keys, and the private key appears nowhere in the execution data.

import assert from 'node:assert/strict';
import { createRequire } from 'node:module';

import { UPDATE_CASES } from './e2e-cases-update.mjs';
import { CREDENTIAL_ID, CREDENTIAL_NAME, N8N_MAJOR, NODE_TYPE, nodeItems } from './n8n-env.mjs';

const { emulatorFile } = createRequire(import.meta.url)('../emulator/index.cjs');
const PICTURE = { name: 'launch.png', bytes: 65536 };

const PIN_PATH = (f) => `/push/identities/${f.identities.pinterest}/pinterest/board/${f.pinterest.boardId}/pin.json`;

/** The OneAll node named `name` gets onError / a parameter change in a variant. */
function node(wf, name) {
  const n = wf.nodes.find((x) => x.name === name);
  assert.ok(n, `node "${name}" in ${wf.id}`);
  return n;
}

const BLOG_POST = { title: 'Spring sale', link: 'https://blog.example.com/spring-sale', contentSnippet: 'Everything 20% off this week.' };

/** The RSS trigger polls the internet: the e2e run starts manually with one blog post from a Code node instead. */
/** `post`: a blog post of the row's own (never patch's second argument, the run's context). */
function blogPostInsteadOfFeed(wf, post = BLOG_POST) {
  const trigger = node(wf, 'New Blog Post');
  Object.assign(trigger, { type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, parameters: {} });
  wf.nodes.push({
    id: '0a11a11a-0000-4000-8000-000000000239',
    name: 'Blog Post',
    type: 'n8n-nodes-base.code',
    typeVersion: 2,
    position: [130, 0],
    parameters: { jsCode: `return [{ json: ${JSON.stringify(post)} }];` },
  });
  wf.connections['New Blog Post'] = { main: [[{ node: 'Blog Post', type: 'main', index: 0 }]] };
  wf.connections['Blog Post'] = { main: [[{ node: 'Publish Everywhere', type: 'main', index: 0 }]] };
}

export const CASES = [
  {
    name: 'Pinterest > Publish Pin (the demo workflow)',
    workflow: 'examples/pinterest-publish-pin.json',
    check({ out, pushes, FIXTURES }) {
      const [pin] = out('Publish Pin');
      assert.equal(out('Publish Pin').length, 1);
      assert.equal(pin.object, 'pin');
      assert.equal(pin.pin_title, 'OneAll');
      assert.equal(pin.pin_board_id, FIXTURES.pinterest.boardId);
      assert.equal(pin.pin_picture, 'https://www.oneall.com/logo.jpg');
      assert.equal(pin.pin_description, 'User Integration as a service');
      assert.equal(pin.pin_link, 'https://www.oneall.com/');
      assert.match(String(pin.pin_id), /^\d+$/);
      assert.equal(pushes.length, 1);
      assert.equal(pushes[0].method, 'POST');
      assert.equal(pushes[0].path, PIN_PATH(FIXTURES));
      assert.deepEqual(pushes[0].body, {
        request: {
          push: {
            pin: {
              title: 'OneAll',
              picture: 'https://www.oneall.com/logo.jpg',
              description: 'User Integration as a service',
              link: 'https://www.oneall.com/',
            },
          },
        },
      });
    },
  },
  {
    name: 'X > Upload Picture, then Publish Tweet with it',
    workflow: 'examples/twitter-picture-then-tweet.json',
    check({ out, pushes, FIXTURES }) {
      const [picture] = out('Upload Picture');
      const [tweet] = out('Publish Tweet');
      assert.equal(picture.object, 'picture');
      assert.equal(tweet.object, 'post');
      assert.deepEqual(tweet.post_attachments, [picture.picture_id]);
      assert.deepEqual(
        pushes.map((p) => p.path),
        [`/push/identities/${FIXTURES.identities.twitter}/twitter/picture.json`, `/push/identities/${FIXTURES.identities.twitter}/twitter/post.json`],
      );
      assert.deepEqual(pushes[1].body.request.push.post.attachments, [picture.picture_id]);
    },
  },
  {
    name: 'Facebook > Upload Page Picture, then Publish Page Post with it',
    workflow: 'examples/facebook-page-picture-post.json',
    check({ out, pushes, FIXTURES }) {
      const [picture] = out('Upload Page Picture');
      const [post] = out('Publish Page Post');
      assert.equal(picture.picture_page_id, FIXTURES.facebook.pageIds[0]);
      assert.equal(post.post_message, 'Our new logo');
      assert.deepEqual(post.post_attachments, [picture.picture_id]);
      assert.equal(pushes.length, 2);
      assert.match(pushes[0].path, /\/facebook\/page\/picture\.json$/);
      assert.match(pushes[1].path, /\/facebook\/page\/post\.json$/);
      assert.deepEqual(pushes[1].body.request.push.page.attachments, [picture.picture_id]);
    },
  },
  {
    name: 'LinkedIn > Publish Company Post',
    workflow: 'examples/linkedin-company-post.json',
    check({ out, pushes, FIXTURES }) {
      const [post] = out('Publish Company Post');
      assert.equal(post.object, 'post');
      assert.equal(post.post_message, 'We are hiring!');
      assert.equal(pushes.length, 1);
      assert.equal(pushes[0].path, `/push/identities/${FIXTURES.identities.linkedin}/linkedin/company/post.json`);
      assert.equal(pushes[0].body.request.push.post.company, post.post_company);
    },
  },
  {
    name: 'YouTube > Create Playlist, then Add Video to it',
    workflow: 'examples/youtube-playlist.json',
    check({ out, pushes }) {
      const [playlist] = out('Create Playlist');
      const [item] = out('Add Video to Playlist');
      assert.equal(playlist.playlist_title, 'n8n demos');
      assert.equal(item.playlist_item_playlist_id, playlist.playlist_id);
      assert.equal(item.playlist_item_video_id, 'dQw4w9WgXcQ');
      assert.equal(pushes.length, 2);
      assert.match(pushes[0].path, /\/youtube\/playlist\.json$/);
      assert.ok(pushes[1].path.endsWith(`/youtube/playlist/${playlist.playlist_id}/video.json`), pushes[1].path);
    },
  },
  {
    name: 'Identity > Get Many, User > Get, Custom API Call (GET /tools/ping.json)',
    workflow: 'examples/account-reads-and-custom-call.json',
    check({ out, requests }) {
      const identities = out('Get Identities');
      const users = out('Get User');
      assert.equal(identities.length, 3);
      assert.equal(users.length, 3);
      users.forEach((u, i) => assert.equal(u.user.user_token, identities[i].user_token));
      assert.deepEqual(out('Ping (Custom API Call)'), [{ ping: 'pong' }, { ping: 'pong' }, { ping: 'pong' }]);
      assert.equal(requests[0].path, '/identities.json');
      assert.equal(requests.filter((r) => r.path === '/tools/ping.json' && r.method === 'GET').length, 3);
      // Provider access tokens never reach the output unless asked for.
      assert.doesNotMatch(JSON.stringify(users), /FAKE-ACCESS-TOKEN/);
    },
  },
  {
    name: 'Continue on fail: an invalid item becomes an error item, the others are published',
    workflow: 'examples/pins-continue-on-fail.json',
    check({ out, pushes }) {
      const items = out('Publish Pins');
      assert.equal(items.length, 3);
      assert.equal(items[0].pin_title, 'First pin');
      assert.match(items[1].error, /Picture URL/);
      assert.equal(items[2].pin_title, 'Third pin');
      assert.deepEqual(
        pushes.map((p) => p.body.request.push.pin.title),
        ['First pin', 'Third pin'],
      );
    },
  },
  {
    name: 'Continue on fail: OneAll rejects a board of another user, its message is in the error item',
    workflow: 'examples/pinterest-publish-pin.json',
    id: 'e2ePinForeignCof',
    patch(wf, { FIXTURES }) {
      const n = node(wf, 'Publish Pin');
      n.parameters.board.value = FIXTURES.pinterest.foreignBoardId;
      n.onError = 'continueRegularOutput';
    },
    check({ out, requests, FIXTURES }) {
      const items = out('Publish Pin');
      assert.equal(items.length, 1);
      assert.equal(typeof items[0].error, 'string');
      assert.match(items[0].error, /OneAll/i);
      const req = requests.find((r) => r.path.includes(FIXTURES.pinterest.foreignBoardId));
      assert.ok(req, 'the emulator received the push');
      assert.ok(req.status >= 400, `emulator answered ${req.status}`);
      assert.equal(requests.length, 1, 'a rejected post is not retried');
    },
  },
  {
    name: 'Retry On Fail (3 tries): the answer to the push is lost after OneAll recorded it, the pin is posted once and the error says "Outcome unknown, not re-sent"',
    workflow: 'examples/pinterest-publish-pin.json',
    id: 'e2ePinRetryLostAnswer',
    patch(wf) {
      Object.assign(node(wf, 'Publish Pin'), { retryOnFail: true, maxTries: 3, waitBetweenTries: 100 });
    },
    setup({ emu }) {
      emu.addFault({ type: 'afterProcessing', path: /\/pin\.json$/, status: 504 });
    },
    expect: 'error',
    check({ result, error, requests, pushes }) {
      const err = error('Publish Pin') ?? result.error;
      assert.match(String(err?.message), /^Outcome unknown, not re-sent/);
      assert.equal(pushes.length, 1, 'n8n re-ran the node twice; the pin was posted once');
      assert.equal(requests.filter((r) => r.method === 'POST').length, 1);
    },
  },
  {
    name: 'Skip If Already Published: the same pin run twice; the second execution is skipped with the existing pin id, OneAll recorded one pin',
    workflow: 'examples/pinterest-publish-pin.json',
    id: 'e2ePinSkipIfPublished',
    patch(wf) {
      // A title of this run's own: the emulator keeps what earlier rows published on the demo board.
      const publish = node(wf, 'Publish Pin');
      publish.parameters.title = `OneAll once ${Date.now()}`;
      publish.parameters.options = { skipIfPublished: true, publishedWindowHours: 24 };
    },
    async check({ out, emu, runAgain, workflow }) {
      const title = node(workflow, 'Publish Pin').parameters.title;
      const [first] = out('Publish Pin');
      assert.equal(first.pin_title, title);
      assert.match(String(first.pin_id), /^\d+$/);
      const second = await runAgain();
      assert.equal(second.result.ok, true, `the second execution failed: ${second.result.error?.message ?? ''}`);
      const [skipped] = second.out('Publish Pin');
      assert.equal(skipped.status, 'skipped');
      assert.equal(skipped.pin_id, first.pin_id);
      assert.match(skipped.skipped_reason, /^Already published within the last 24 hours/);
      const pushes = emu.pushes().filter((p) => p.body?.request?.push?.pin?.title === title);
      assert.equal(pushes.length, 1, 'OneAll recorded the pin once');
      assert.equal(emu.requests.filter((r) => r.method === 'GET' && r.path.endsWith('/pins.json')).length, 2, 'one read of the board per execution');
    },
  },
  {
    name: 'Retry On Fail + Continue On Fail with an invalid first item: n8n re-runs the node, each valid pin is posted once',
    workflow: 'examples/pins-continue-on-fail.json',
    id: 'e2ePinsRetryFirstInvalid',
    patch(wf) {
      const code = node(wf, 'Three Pins');
      code.parameters.jsCode = code.parameters.jsCode.replace(
        /\[\n(.*First pin.*\n)(.*Broken pin.*\n)/,
        (_all, first, broken) => `[\n${broken}${first}`,
      );
      assert.match(code.parameters.jsCode, /Broken pin[\s\S]*First pin[\s\S]*Third pin/);
      Object.assign(node(wf, 'Publish Pins'), { retryOnFail: true, maxTries: 3, waitBetweenTries: 100 });
    },
    check({ out, pushes }) {
      const items = out('Publish Pins');
      assert.equal(items.length, 3);
      assert.match(items[0].error, /Picture URL/);
      assert.equal(items[1].pin_title, 'First pin');
      assert.equal(items[2].pin_title, 'Third pin');
      assert.deepEqual(
        pushes.map((p) => p.body.request.push.pin.title),
        ['First pin', 'Third pin'],
      );
      assert.deepEqual([items[1].pin_id, items[2].pin_id], pushes.map((p) => p.result.pin_id));
    },
  },
  {
    name: 'Error without continue on fail: the execution fails with OneAll\'s message',
    workflow: 'examples/pinterest-publish-pin.json',
    id: 'e2ePinForeignFail',
    patch(wf, { FIXTURES }) {
      node(wf, 'Publish Pin').parameters.board.value = FIXTURES.pinterest.foreignBoardId;
    },
    expect: 'error',
    check({ result, error, requests }) {
      assert.notEqual(result.code, 0, 'n8n execute exits non-zero');
      const err = error('Publish Pin') ?? result.error;
      assert.ok(err, 'the node reports an error');
      assert.match(err.message, /OneAll/i);
      assert.equal(requests.length, 1, 'a rejected post is not retried');
    },
  },
  {
    name: 'Rate limit: a 429 with Retry-After is waited out and the pin is published once',
    workflow: 'examples/pinterest-publish-pin.json',
    setup({ emu }) {
      emu.addFault({ type: 'rateLimit', path: /\/pin\.json$/, retryAfter: 1, times: 1 });
    },
    check({ out, requests, pushes }) {
      assert.equal(out('Publish Pin')[0].pin_title, 'OneAll');
      assert.deepEqual(
        requests.map((r) => r.status),
        [429, 200],
      );
      assert.equal(pushes.length, 1);
    },
  },
  {
    name: 'Webhook: social-login callback reads the connection and pins for the user (n8n start)',
    workflow: 'examples/social-login-callback.json',
    via: 'webhook',
    webhook: { path: 'oneall-login', body: ({ FIXTURES }) => ({ connection_token: FIXTURES.connection }) },
    check({ out, requests, pushes, FIXTURES }) {
      assert.equal(requests[0].path, `/connections/${FIXTURES.connection}.json`);
      assert.equal(pushes.length, 1);
      assert.ok(pushes[0].path.startsWith(`/push/identities/${FIXTURES.identities.pinterest}/`), pushes[0].path);
      assert.match(String(out('Publish Welcome Pin')[0].pin_title), /^Welcome /);
    },
  },
  {
    name: "Sharing > Publish: a picture downloaded by the HTTP Request node goes to all of the user's networks, byte for byte",
    workflow: 'examples/sharing-picture-all-networks.json',
    patch(wf, { emu }) {
      node(wf, 'Download Picture').parameters.url = `${emu.url}/__emulator/files/${PICTURE.name}?bytes=${PICTURE.bytes}`;
    },
    check({ out, requests, pushes, FIXTURES }) {
      assert.deepEqual(
        requests.map((r) => `${r.method} ${r.path}`),
        [`GET /users/${FIXTURES.users.primary}.json`, 'POST /sharing/messages.json'],
      );
      assert.equal(pushes.length, 1);
      const message = pushes[0].body.request.sharing_message;
      // Only the networks Sharing publishes to; the user's Pinterest identity is listed as left out.
      assert.deepEqual(message.publish_for_user, { user_token: FIXTURES.users.primary, providers: ['facebook', 'twitter'] });
      assert.equal(message.parts.uploads.length, 1);
      assert.equal(message.parts.uploads[0].name, PICTURE.name);
      const received = Buffer.from(message.parts.uploads[0].data, 'base64');
      assert.ok(received.equals(emulatorFile(PICTURE.name, PICTURE.bytes)), `received ${received.length} bytes that differ from the served picture`);
      const [result] = out('Publish Picture');
      assert.equal(result.sharing_message.publications.count, 2);
      assert.deepEqual(result.networks_left_out.map((entry) => entry.provider), ['pinterest']);
      assert.ok(!JSON.stringify(result).includes(message.parts.uploads[0].data.slice(0, 200)), 'the file content is not in the output');
    },
  },
  {
    name: 'Sharing > Publish, node version 1.1 (One Item per Network): a revoked LinkedIn goes to the error output, Facebook and X are items of their own',
    workflow: 'examples/sharing-picture-all-networks.json',
    id: 'e2eSharingPerNetwork',
    patch(wf, { emu, FIXTURES }) {
      node(wf, 'Download Picture').parameters.url = `${emu.url}/__emulator/files/${PICTURE.name}?bytes=${PICTURE.bytes}`;
      const publish = node(wf, 'Publish Picture');
      Object.assign(publish, { typeVersion: 1.1, onError: 'continueErrorOutput' });
      publish.parameters.user.value = FIXTURES.users.sharing;
    },
    check({ result, out, pushes, FIXTURES }) {
      assert.equal(pushes.length, 1);
      const published = out('Publish Picture');
      assert.deepEqual(published.map((item) => [item.provider, item.status]), [['facebook', 'published'], ['twitter', 'published']]);
      const token = published[0].sharing_message_token;
      assert.ok(token && published.every((item) => item.sharing_message_token === token));
      const failed = nodeItems(result.run, 'Publish Picture', { output: 1 });
      assert.equal(failed.length, 1);
      assert.match(failed[0].error.message, /^Not published on linkedin: .*revoked/);
      assert.deepEqual([failed[0].error.provider, failed[0].error.identity_token, failed[0].error.sharing_message_token], ['linkedin', FIXTURES.sharingIdentities.linkedin, token]);
    },
  },
  {
    name: 'Multi-Network > Publish to Several Networks: a blog post on X, LinkedIn and a Facebook page, each its own text, one item per network',
    workflow: 'examples/rss-to-every-network.json',
    id: 'e2eRssEveryNetwork',
    patch: (wf) => blogPostInsteadOfFeed(wf),
    check({ out, pushes, FIXTURES }) {
      assert.deepEqual(
        pushes.map((p) => p.path),
        [
          `/push/identities/${FIXTURES.identities.twitter}/twitter/post.json`,
          `/push/identities/${FIXTURES.identities.linkedin}/linkedin/post.json`,
          `/push/identities/${FIXTURES.identities.facebook}/facebook/page/post.json`,
        ],
      );
      assert.equal(pushes[0].body.request.push.post.message, `New on the blog: ${BLOG_POST.title} ${BLOG_POST.link}`);
      assert.equal(pushes[1].body.request.push.post.message, `${BLOG_POST.title}\n\n${BLOG_POST.contentSnippet}`);
      assert.equal(pushes[2].body.request.push.page.message, `${BLOG_POST.title}: ${BLOG_POST.contentSnippet}`);
      assert.deepEqual(out('Publish Everywhere').map((item) => [item.provider, item.status, item.checked]), [
        ['twitter', 'published', undefined],
        ['linkedin', 'published', false], // Skip If Already Published is on: OneAll has no read of LinkedIn profile posts
        ['facebook', 'published', undefined],
      ]);
    },
  },
  {
    name: 'Multi-Network > Publish to Several Networks: LinkedIn refuses, its item goes to the error output, X and Facebook publish',
    workflow: 'examples/rss-to-every-network.json',
    id: 'e2eRssEveryNetworkLinkedInFails',
    // A post of its own: the example skips what the row above already published.
    patch: (wf) => blogPostInsteadOfFeed(wf, { ...BLOG_POST, title: 'Summer sale' }),
    setup({ emu, FIXTURES }) {
      emu.addFault({ type: 'status', method: 'POST', path: `/push/identities/${FIXTURES.identities.linkedin}/`, status: 403, times: -1 });
    },
    check({ result, out, pushes, FIXTURES }) {
      assert.deepEqual(out('Publish Everywhere').map((item) => item.provider), ['twitter', 'facebook']);
      const failed = nodeItems(result.run, 'Publish Everywhere', { output: 1 });
      assert.equal(failed.length, 1);
      assert.equal(failed[0].error.provider, 'linkedin');
      assert.equal(failed[0].error.identity_token, FIXTURES.identities.linkedin);
      assert.equal(pushes.length, 2);
    },
  },
  {
    name: 'Webhook: a login leads to one welcome message on all networks of that user (n8n start)',
    workflow: 'examples/sharing-welcome-all-networks.json',
    via: 'webhook',
    webhook: { path: 'oneall-welcome', body: ({ FIXTURES }) => ({ connection_token: FIXTURES.connection }) },
    check({ out, requests, pushes, FIXTURES }) {
      assert.deepEqual(
        requests.map((r) => `${r.method} ${r.path}`),
        [`GET /connections/${FIXTURES.connection}.json`, `GET /users/${FIXTURES.users.primary}.json`, 'POST /sharing/messages.json'],
      );
      assert.equal(pushes.length, 1);
      assert.deepEqual(pushes[0].body.request.sharing_message.publish_for_user.providers, ['facebook', 'twitter']);
      assert.equal(out('Welcome on All Networks')[0].sharing_message.publications.count, 2);
    },
  },
  {
    name: 'n8n REST: the credential test and the Pinterest board picker reach the emulator',
    via: 'rest',
    async check({ api, emu, FIXTURES, DEFAULT_SITE }) {
      // As the editor does: load the credential (secrets come back redacted), send it to /test.
      const stored = await api(`/rest/credentials/${CREDENTIAL_ID}?includeData=true`);
      assert.equal(stored.status, 200, stored.text);
      assert.notEqual(stored.json.data.data.privateKey, DEFAULT_SITE.privateKey, 'the private key is redacted');
      const test = await api('/rest/credentials/test', {
        method: 'POST',
        body: JSON.stringify({ credentials: { id: CREDENTIAL_ID, name: CREDENTIAL_NAME, type: 'oneAllApi', data: stored.json.data.data } }),
      });
      assert.equal(test.status, 200, test.text);
      assert.equal(test.json.data.status, 'OK', test.text);
      assert.ok(emu.requests.some((r) => r.path === '/tools/ping.json' && r.authOk));
      const wrong = await api('/rest/credentials/test', {
        method: 'POST',
        body: JSON.stringify({
          credentials: { id: CREDENTIAL_ID, name: CREDENTIAL_NAME, type: 'oneAllApi', data: { ...stored.json.data.data, privateKey: 'not-the-key' } },
        }),
      });
      assert.equal(wrong.json?.data?.status, 'Error', wrong.text);
      // n8n 1.x's credential tester does not apply the credential's responseCode rules to this
      // error (its NodeApiError has no cause.response): it shows n8n's own 401 text instead.
      assert.match(wrong.json.data.message, N8N_MAJOR >= 2 ? /Wrong keys/ : /Wrong keys|Authorization failed - please check your credentials/, wrong.text);

      const boards = await api('/rest/dynamic-node-parameters/resource-locator-results', {
        method: 'POST',
        body: JSON.stringify({
          path: 'parameters.board',
          nodeTypeAndVersion: { name: NODE_TYPE, version: 1 },
          currentNodeParameters: {
            resource: 'pinterest',
            operation: 'publishPin',
            identity: { __rl: true, mode: 'id', value: FIXTURES.identities.pinterest },
            board: { __rl: true, mode: 'list', value: '' },
          },
          methodName: 'searchPinterestBoards',
          credentials: { oneAllApi: { id: CREDENTIAL_ID, name: CREDENTIAL_NAME } },
        }),
      });
      assert.equal(boards.status, 200, boards.text);
      const values = boards.json.data.results.map((r) => r.value);
      assert.ok(values.includes(FIXTURES.pinterest.boardId), JSON.stringify(values.slice(0, 5)));
    },
  },
  ...UPDATE_CASES,
];
