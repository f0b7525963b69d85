// The two workflows and the Basic Auth credential of `npm run bench:real` (real-n8n-overhead.mjs):
// Webhook → Code (N pin items) → contender. The contenders' parameters are nodes.cjs's, the ones
// the in-process bench (c) runs, with the credentials pointing at the ids imported here.

import { createRequire } from 'node:module';

import { CREDENTIAL_ID, CREDENTIAL_NAME } from '../real-n8n/n8n-env.mjs';

const require = createRequire(import.meta.url);
const { oneAllNode, httpRequestNode } = require('./nodes.cjs');

export const BASIC_CREDENTIAL_ID = 'benchBasicAuth01';
export const BASIC_CREDENTIAL_NAME = 'OneAll keys (Basic Auth)';
// HTTP Request's default version in n8n 2.41.1 (n8n-nodes-base HttpRequest.node.js defaultVersion).
export const HTTP_REQUEST_VERSION = 4.5;

/** The generic Basic Auth credential with the site's keys, as `n8n import:credentials` takes it. */
export function basicAuthCredential(site) {
  return {
    id: BASIC_CREDENTIAL_ID,
    name: BASIC_CREDENTIAL_NAME,
    type: 'httpBasicAuth',
    data: { user: site.publicKey, password: site.privateKey },
  };
}

// The webhook body is { run, items }; every title is unique to its run, so the emulator's pushes
// can be counted per run.
const CODE = [
  'const { run, items } = $input.first().json.body;',
  'return Array.from({ length: items }, (_, i) => ({ json: { title: `Bench pin ${run}-${i + 1}` } }));',
].join('\n');

function workflow({ id, name, path: webhookPath, uuid, contender }) {
  const nodes = [
    {
      id: `${uuid}-0000-4000-8000-000000000001`,
      name: 'Webhook',
      type: 'n8n-nodes-base.webhook',
      typeVersion: 2.1,
      position: [0, 0],
      webhookId: `${uuid}-0000-4000-8000-000000000000`,
      // Answer when the last node has finished: the caller knows the execution is over.
      parameters: { httpMethod: 'POST', path: webhookPath, responseMode: 'lastNode', responseData: 'noData', options: {} },
    },
    {
      id: `${uuid}-0000-4000-8000-000000000002`,
      name: 'Pin Items',
      type: 'n8n-nodes-base.code',
      typeVersion: 2,
      position: [220, 0],
      parameters: { jsCode: CODE },
    },
    { ...contender, id: `${uuid}-0000-4000-8000-000000000003`, position: [440, 0] },
  ];
  const connections = {
    Webhook: { main: [[{ node: 'Pin Items', type: 'main', index: 0 }]] },
    'Pin Items': { main: [[{ node: contender.name, type: 'main', index: 0 }]] },
  };
  return { id, name, active: false, nodes, connections, settings: { executionOrder: 'v1' }, pinData: {} };
}

/** The contenders: key, label, workflow (id, webhook path) and the name of the measured node. */
export function contenders(emulatorUrl) {
  const oneAll = oneAllNode(emulatorUrl, {}).node; // default Options
  oneAll.credentials = { oneAllApi: { id: CREDENTIAL_ID, name: CREDENTIAL_NAME } };
  const http = httpRequestNode(emulatorUrl, HTTP_REQUEST_VERSION).node;
  http.credentials = { httpBasicAuth: { id: BASIC_CREDENTIAL_ID, name: BASIC_CREDENTIAL_NAME } };
  return [
    {
      key: 'oneAll',
      label: 'OneAll (default Options)',
      node: oneAll.name,
      path: 'bench-real-oneall',
      workflow: workflow({ id: 'benchRealOneAll1', name: 'Bench: OneAll Publish Pin', path: 'bench-real-oneall', uuid: 'b7000001', contender: oneAll }),
    },
    {
      key: 'httpRequest',
      label: `HTTP Request ${HTTP_REQUEST_VERSION} (default)`,
      node: http.name,
      path: 'bench-real-http',
      workflow: workflow({ id: 'benchRealHttp001', name: 'Bench: HTTP Request pin', path: 'bench-real-http', uuid: 'b7000002', contender: http }),
    },
  ];
}
