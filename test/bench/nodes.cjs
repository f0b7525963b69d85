// The two nodes the bench compares, configured as a user would: the OneAll node's Pinterest "Publish
// Pin", and n8n's HTTP Request node POSTing the same body to the same path with Basic auth (the same keys).
// Shared by bench.cjs and profile-overhead.cjs.
'use strict';
const { DEFAULT_SITE, FIXTURES } = require('../emulator/index.cjs');

const IDENTITY = FIXTURES.identities.pinterest;
const BOARD = FIXTURES.pinterest.boardId;
const PICTURE = 'https://www.example.com/bench/pin.jpg';
const PIN_PATH = `/push/identities/${IDENTITY}/pinterest/board/${BOARD}/pin.json`;

let runCounter = 0;
/** Unique titles per run, so a run never counts another run's pushes as duplicates. */
function pinItems(count) {
  const run = ++runCounter;
  return Array.from({ length: count }, (_, i) => ({ json: { title: `Bench pin ${run}-${i + 1}` } }));
}

let credentialCounter = 0;
/**
 * The node and its credential. Each call gets a credential id of its own: the node shares one pace per
 * site and credential across the executions of a process, and each bench run starts as in a fresh
 * process (the executions of one run share it).
 */
function oneAllNode(emulatorUrl, options) {
  const credentialId = `bench-oneall-${++credentialCounter}`;
  return {
    node: {
      id: 'oneall-1',
      name: 'OneAll',
      type: 'n8n-nodes-oneall.oneAll',
      typeVersion: 1,
      position: [0, 0],
      parameters: {
        resource: 'pinterest',
        operation: 'publishPin',
        identity: { __rl: true, mode: 'id', value: IDENTITY },
        board: { __rl: true, mode: 'id', value: BOARD },
        title: '={{ $json.title }}',
        picture: PICTURE,
        options,
      },
      credentials: { oneAllApi: { id: credentialId, name: 'OneAll emulator' } },
    },
    credentials: {
      oneAllApi: {
        subdomain: DEFAULT_SITE.subdomain,
        publicKey: DEFAULT_SITE.publicKey,
        privateKey: DEFAULT_SITE.privateKey,
        useCustomBaseUrl: true,
        apiBaseUrl: emulatorUrl,
      },
    },
  };
}

function httpRequestNode(emulatorUrl, typeVersion, { options = {}, settings = {} } = {}) {
  return {
    node: {
      id: 'http-1',
      name: 'HTTP Request',
      type: 'n8n-nodes-base.httpRequest',
      typeVersion,
      position: [0, 0],
      parameters: {
        method: 'POST',
        url: `${emulatorUrl}${PIN_PATH}`,
        authentication: 'genericCredentialType',
        genericAuthType: 'httpBasicAuth',
        sendBody: true,
        specifyBody: 'json',
        jsonBody: `={"request":{"push":{"pin":{"title":{{ JSON.stringify($json.title) }},"picture":"${PICTURE}"}}}}`,
        options,
      },
      credentials: { httpBasicAuth: { id: 'bench-basic', name: 'OneAll keys (Basic Auth)' } },
      ...settings,
    },
    credentials: { httpBasicAuth: { user: DEFAULT_SITE.publicKey, password: DEFAULT_SITE.privateKey } },
  };
}

module.exports = { pinItems, oneAllNode, httpRequestNode, IDENTITY, BOARD, PICTURE, PIN_PATH };
