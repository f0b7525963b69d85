// The workflows the queue-mode test imports: webhook-started (queue mode runs nothing else from
// outside), each ending in the OneAll node, answering the caller as soon as the execution is queued.

import { CREDENTIAL_ID, CREDENTIAL_NAME, NODE_TYPE } from '../real-n8n/n8n-env.mjs';

const credentials = { oneAllApi: { id: CREDENTIAL_ID, name: CREDENTIAL_NAME } };

function webhook(pathName, webhookId) {
  return {
    id: `${webhookId}-0000-4000-8000-000000000001`,
    name: 'Webhook',
    type: 'n8n-nodes-base.webhook',
    typeVersion: 2,
    position: [0, 0],
    webhookId: `${webhookId}-0000-4000-8000-000000000000`,
    parameters: { httpMethod: 'POST', path: pathName, responseMode: 'onReceived', options: {} },
  };
}

function oneAll(id, name, parameters, position) {
  return { id, name, type: NODE_TYPE, typeVersion: 1, position, parameters, credentials };
}

function chain(id, name, nodes) {
  const connections = {};
  for (let i = 0; i < nodes.length - 1; i++) {
    connections[nodes[i].name] = { main: [[{ node: nodes[i + 1].name, type: 'main', index: 0 }]] };
  }
  return { id, name, active: false, nodes, connections, settings: { executionOrder: 'v1' }, pinData: {} };
}

/** Pins from the webhook body: { pins: [{ title }, …] } (one or many), one push per item. */
function pinNode(FIXTURES, options) {
  return oneAll(
    '9a000000-0000-4000-8000-000000000003',
    'Publish Pin',
    {
      resource: 'pinterest',
      operation: 'publishPin',
      identity: { __rl: true, mode: 'id', value: FIXTURES.identities.pinterest },
      board: { __rl: true, mode: 'id', value: FIXTURES.pinterest.boardId },
      title: '={{ $json.title }}',
      picture: 'https://www.oneall.com/logo.jpg',
      additionalFields: {},
      options,
    },
    [440, 0],
  );
}

const splitPins = {
  id: '9a000000-0000-4000-8000-000000000002',
  name: 'Split Pins',
  type: 'n8n-nodes-base.splitOut',
  typeVersion: 1,
  position: [220, 0],
  parameters: { fieldToSplitOut: 'body.pins', options: {} },
};

export const PIN_WORKFLOW_ID = 'queuePins0000001';
export const READ_WORKFLOW_ID = 'queueReads000001';
export const PIN_PATH = 'queue-pins';
export const READ_PATH = 'queue-read';

export const PACED_PIN_WORKFLOW_ID = 'queuePinsPaced01';
export const PACED_PIN_PATH = 'queue-pins-paced';

/** One workflow for both pin scenarios: a webhook call carries 1 or 100 pins. */
export function pinWorkflow(FIXTURES, options = {}) {
  return chain(PIN_WORKFLOW_ID, 'Queue test: pins from a webhook', [webhook(PIN_PATH, '9a000001'), splitPins, pinNode(FIXTURES, options)]);
}

/** The same with Max Requests per Second set (the limit shared by the executions that run at once). */
export function pacedPinWorkflow(FIXTURES, maxRequestsPerSecond) {
  return chain(PACED_PIN_WORKFLOW_ID, 'Queue test: pins from a webhook, Max Requests per Second set', [
    webhook(PACED_PIN_PATH, '9a000003'),
    splitPins,
    pinNode(FIXTURES, { maxRequestsPerSecond }),
  ]);
}

/** A read per call: Identity → Get (one GET). */
export function readWorkflow(FIXTURES) {
  return chain(READ_WORKFLOW_ID, 'Queue test: read an identity', [
    webhook(READ_PATH, '9a000002'),
    oneAll(
      '9a000000-0000-4000-8000-000000000013',
      'Get Identity',
      { resource: 'identity', operation: 'get', identity: { __rl: true, mode: 'id', value: FIXTURES.identities.pinterest }, options: {} },
      [220, 0],
    ),
  ]);
}
