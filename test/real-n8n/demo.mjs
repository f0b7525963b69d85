// npm run demo [-- --once] [-- --port 5678] [-- --skip-build]
//
// Builds and packs n8n-nodes-oneall, installs it into a real n8n 2.41.1 (cached in
// .cache/n8n-2.41.1) the way a community-package install does, starts the OneAll emulator,
// imports a credential pointing at it and the example workflows from examples/*.json, runs
// "Pinterest -> Publish Pin" with `n8n execute`, prints the node's output, then keeps n8n running
// on http://127.0.0.1:5678 with an owner account until Ctrl-C (--once: stop after the run).

import fs from 'node:fs';
import path from 'node:path';

import * as H from './n8n-env.mjs';

H.ensureN8nNode();

const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  console.log('usage: npm run demo [-- --once] [-- --port 5678] [-- --skip-build]');
  process.exit(0);
}
const once = args.includes('--once');
const skipBuild = args.includes('--skip-build');
const portArg = args.indexOf('--port');
const PORT = portArg >= 0 ? Number(args[portArg + 1]) : 5678;
if (!Number.isInteger(PORT) || PORT <= 0) {
  console.error('--port needs a port number');
  process.exit(2);
}

const DEMO_WORKFLOW = path.join(H.ROOT, 'examples', 'pinterest-publish-pin.json');
const USER_FOLDER = path.join(H.CACHE_DIR, `demo-user${H.VERSION_TAG}`);

const step = H.stepper(7);
H.exitOnSignals();

// Requests reaching the emulator are echoed from the workflow run on (also clicks in the editor).
let echo = false;
const onRequest = (e) => {
  if (echo) H.info(`emulator <- ${e.method} ${e.path} -> ${e.status ?? '-'} ${e.outcome ?? ''}`);
};

async function main() {
  const started = Date.now();
  console.log(`n8n-nodes-oneall demo: real n8n ${H.N8N_VERSION} + the OneAll emulator${once ? ' (--once)' : ''}\n`);
  if (!(await H.isPortFree(PORT))) {
    throw new Error(`port ${PORT} is already in use (another n8n or demo?). Stop it or use: npm run demo -- --port <n>`);
  }

  const s = await H.setupInstance({
    userFolder: USER_FOLDER,
    port: PORT,
    emulatorPort: 8787,
    emulatorOptions: { onRequest },
    step,
    skipBuild,
  });

  step('Importing the example workflows (examples/*.json)');
  const files = fs
    .readdirSync(path.join(H.ROOT, 'examples'))
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => path.join(H.ROOT, 'examples', f));
  const workflows = await H.importWorkflows(s.env, files);
  for (const wf of workflows) H.info(`${wf.id}  ${wf.name}`);

  const demo = JSON.parse(fs.readFileSync(DEMO_WORKFLOW, 'utf8'));
  const oneAllNode = demo.nodes.find((n) => n.type === H.NODE_TYPE);
  step(`Running "${demo.name}": n8n execute --id=${demo.id}`);
  echo = true;
  const result = await H.executeWorkflow(s.env, demo.id);
  if (!result.ok) {
    const err = result.error ?? H.nodeError(result.run, oneAllNode.name);
    console.log(result.stdout.slice(-4000));
    console.error(result.stderr.slice(-4000));
    throw new Error(
      `the workflow failed (exit ${result.code})${err ? `: ${err.message}${err.description ? ` (${err.description})` : ''}` : ''}`,
    );
  }
  const items = H.nodeItems(result.run, oneAllNode.name) ?? [];
  console.log(`\n  Output of "${oneAllNode.name}" (${oneAllNode.type}), ${items.length} item(s), in ${(result.ms / 1000).toFixed(1)}s:`);
  console.log(
    JSON.stringify(items, null, 2)
      .split('\n')
      .map((l) => `  ${l}`)
      .join('\n'),
  );
  console.log('');

  step(`Starting n8n on http://127.0.0.1:${PORT} and setting up the owner account`);
  const srv = await H.startN8n(s.env);
  const owner = await H.setupOwner(srv.url);
  const api = await H.restLogin(srv.url); // proves the printed login works
  const creds = await api('/rest/credentials');
  if (creds.status !== 200 || !creds.json?.data?.some((c) => c.id === H.CREDENTIAL_ID)) {
    throw new Error(`the owner cannot see the imported credential (GET /rest/credentials: ${creds.status})`);
  }
  console.log(`
  n8n ${H.N8N_VERSION} is running at ${srv.url}/
    login:     ${H.OWNER.email}
    password:  ${H.OWNER.password}${owner.alreadySetUp ? '  (owner was already set up)' : ''}
    workflow:  ${srv.url}/workflow/${demo.id}
    emulator:  ${s.emu.url}  (credential "${H.CREDENTIAL_NAME}"; request log: ${s.emu.url}/__emulator/requests)
    n8n log:   ${path.relative(H.ROOT, srv.logFile)}
  Ready after ${((Date.now() - started) / 1000).toFixed(0)}s.`);

  if (once) {
    console.log('\n--once: stopping n8n and the emulator.');
    echo = false;
    await H.cleanupAll();
    return;
  }
  console.log('\n  Press Ctrl-C to stop. Requests that reach the emulator are listed below.\n');
  const exit = await new Promise((resolve) => srv.child.on('exit', (code, signal) => resolve({ code, signal })));
  if (H.isStopping()) return new Promise(() => {}); // Ctrl-C: the signal handler exits
  throw new Error(`n8n exited unexpectedly (${JSON.stringify(exit)}); see ${srv.logFile}`);
}

main()
  .then(() => process.exit(0))
  .catch(async (e) => {
    if (H.isStopping()) return;
    console.error(`\ndemo failed: ${e.message}`);
    await H.cleanupAll();
    process.exit(1);
  });
