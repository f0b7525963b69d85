// Bench section (e): one message on three networks for each of N users, under OneAll's 20 requests/s
// limit. One Sharing → Publish per user (N requests) against three pushes per user (3 N requests: the
// Facebook, LinkedIn and X nodes a workflow would chain, run one after the other). Wall time ratio from
// one run of each, failed and duplicated counted by the emulator.
'use strict';
const { networkUsers, DEFAULT_SITE } = require('../emulator/index.cjs');

const NETWORKS = ['facebook', 'linkedin', 'twitter'];

function credentials(emulatorUrl) {
  return {
    oneAllApi: {
      subdomain: DEFAULT_SITE.subdomain,
      publicKey: DEFAULT_SITE.publicKey,
      privateKey: DEFAULT_SITE.privateKey,
      useCustomBaseUrl: true,
      apiBaseUrl: emulatorUrl,
    },
  };
}

function oneAllNode(name, parameters) {
  return {
    id: `fanout-${name}`,
    name,
    type: 'n8n-nodes-oneall.oneAll',
    typeVersion: 1,
    position: [0, 0],
    parameters,
    credentials: { oneAllApi: { id: 'bench-oneall', name: 'OneAll emulator' } },
  };
}

const byExpression = (expression) => ({ __rl: true, mode: 'id', value: `={{ ${expression} }}` });

/** The nodes of each arm, configured as a user would. */
function arms(options) {
  return {
    sharing: [
      oneAllNode('Publish to All Networks', {
        resource: 'sharingMessage',
        operation: 'publish',
        publishFor: 'user',
        user: byExpression('$json.user'),
        networkChoice: 'chosen',
        networks: '={{ $json.networks }}',
        text: '={{ $json.text }}',
        options,
      }),
    ],
    pushes: [
      oneAllNode('Facebook Post', {
        resource: 'facebook', operation: 'publishUserPost', identity: byExpression('$json.identities.facebook'), message: '={{ $json.text }}', options,
      }),
      oneAllNode('LinkedIn Post', {
        resource: 'linkedin', operation: 'publishUserPost', identity: byExpression('$json.identities.linkedin'), message: '={{ $json.text }}',
        link: 'https://www.example.com/launch', options,
      }),
      oneAllNode('Tweet', {
        resource: 'twitter', operation: 'publishTweet', identity: byExpression('$json.identities.twitter'), message: '={{ $json.text }}', options,
      }),
    ],
  };
}

async function runArm({ engine, emulator, nodes, items, latencyMs, requestsPerSecond, capMs }) {
  await emulator.configure(latencyMs, requestsPerSecond);
  const t0 = performance.now();
  let failed = 0;
  let nodeError = null;
  for (const node of nodes) {
    const result = await engine.runNode({ node, items, credentials: credentials(emulator.url), timeoutMs: capMs });
    const ok = result.items.filter((item) => item.json?.error === undefined).length;
    failed += items.length - ok;
    nodeError ??= result.error ? String(result.error.message ?? result.error).slice(0, 200) : null;
    if (result.timedOut) await emulator.restart();
  }
  const wallMs = performance.now() - t0;
  const emu = await emulator.summary();
  return {
    nodes: nodes.map((node) => node.name),
    wallMs: Math.round(wallMs),
    requests: emu.stats.received,
    failed,
    published: emu.processedPushes,
    duplicated: emu.duplicatedPushes,
    publications: emu.publications,
    rateLimited: emu.rateLimited,
    nodeError,
  };
}

/** Runs both arms over `users` users; returns the section's results. */
async function sharingFanoutSection({ engine, emulator, users, latencyMs, requestsPerSecond, options, log }) {
  const people = networkUsers(users);
  const items = (tag) =>
    people.map((person, i) => ({
      json: { user: person.user_token, identities: person.identities, networks: NETWORKS, text: `Launch day ${tag} #${i + 1}` },
    }));
  const capMs = ((users * NETWORKS.length) / requestsPerSecond) * 3000 + 20_000;
  const common = { engine, emulator, latencyMs, requestsPerSecond, capMs };
  const { sharing, pushes } = arms(options);
  log(`(e) ${users} users x ${NETWORKS.length} networks, ${latencyMs} ms latency, ${requestsPerSecond} req/s limit, options ${JSON.stringify(options)}`);
  log(`    one Sharing Publish per user (${users} requests) ...`);
  const one = await runArm({ ...common, nodes: sharing, items: items('sharing') });
  log(`    ${fmt(one)}`);
  log(`    three pushes per user (${users * NETWORKS.length} requests, three nodes one after the other) ...`);
  const three = await runArm({ ...common, nodes: pushes, items: items('pushes') });
  log(`    ${fmt(three)}`);
  return {
    users,
    networks: NETWORKS,
    latencyMs,
    requestsPerSecond,
    options,
    sharing: one,
    pushes: three,
    // > 1: the Sharing API is that many times faster for the same posts.
    wallRatioPushesOverSharing: Number((three.wallMs / one.wallMs).toFixed(3)),
  };
}

function fmt(run) {
  const pubs = run.publications?.total ? `, publications ${run.publications.total} (failed ${run.publications.failed}, duplicated ${run.publications.duplicated})` : '';
  return `${(run.wallMs / 1000).toFixed(2)} s, ${run.requests} requests, failed ${run.failed}, duplicated ${run.duplicated}, ` +
    `429s ${run.rateLimited}, published ${run.published}${pubs}${run.nodeError ? `, node error: ${run.nodeError}` : ''}`;
}

module.exports = { sharingFanoutSection };
