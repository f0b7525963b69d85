// Runs the BUILT trigger nodes in n8n-core's real contexts: poll() in a PollContext (as n8n's
// PollTriggerExecutor does), webhook() in a WebhookContext behind a real HTTP server that parses
// OneAll's form POST the way n8n's webhook server does. Plain JS: it needs node:http.
'use strict';
const http = require('node:http');
const { Workflow } = require('n8n-workflow');
const { PollContext, WebhookContext } = require('n8n-core');
const { loadPackage, nodeTypesFor, TestCredentialsHelper } = require('./harness.cjs');
const { additionalDataFor } = require('./engineData.cjs');

const POLL_TYPE = 'n8n-nodes-oneall.oneAllTrigger';
const LOGIN_TYPE = 'n8n-nodes-oneall.oneAllLoginTrigger';
const CREDENTIAL_TYPE = 'oneAllApi';

async function contextParts(type, parameters, credentials, name, staticData) {
  const loader = await loadPackage();
  const nodeTypes = nodeTypesFor(loader);
  const node = {
    id: 'trigger-1',
    name,
    type,
    typeVersion: 1,
    position: [0, 0],
    parameters,
    credentials: { [CREDENTIAL_TYPE]: { id: 'cred-1', name: 'OneAll test' } },
    webhookId: 'c0ffee00-0000-4000-8000-000000000001',
  };
  const newWorkflow = (data) =>
    new Workflow({ id: 'wf-trigger', nodes: [node], connections: {}, nodeTypes, active: true, settings: {}, staticData: data });
  const workflow = newWorkflow(staticData);
  const additionalData = additionalDataFor({
    credentialsHelper: new TestCredentialsHelper(loader.credentialTypes, { [CREDENTIAL_TYPE]: credentials }),
  });
  return { node, workflow, newWorkflow, additionalData, nodeType: nodeTypes.getByNameAndVersion(type, 1) };
}

/**
 * One poll. `staticData` is the node's static data (kept by the caller between polls, as n8n keeps it
 * in the workflow). mode 'trigger' = an active workflow, 'manual' = the editor's "Fetch Test Event".
 * Returns { items, error } (items null when poll() returned null).
 */
async function pollOnce({ parameters, credentials, staticData, mode = 'trigger' }) {
  const { node, workflow, additionalData, nodeType } = await contextParts(POLL_TYPE, parameters, credentials, 'OneAll Trigger');
  const context = new PollContext(workflow, node, additionalData, mode, 'activate', undefined, undefined, undefined, undefined, () => staticData);
  try {
    const result = await nodeType.poll.call(context);
    return { items: result === null ? null : result[0], error: undefined };
  } catch (error) {
    return { items: null, error };
  }
}

/**
 * An active poll trigger as n8n runs one (active-workflow-triggers.js): ONE PollContext for the whole
 * activation, whose poll() the schedule calls again and again. `setCredentials` changes the stored
 * credential between polls, as saving it in the editor does (n8n does not re-activate the workflow).
 */
async function activatePoll({ parameters, credentials, staticData = {} }) {
  const { node, workflow, additionalData, nodeType } = await contextParts(POLL_TYPE, parameters, credentials, 'OneAll Trigger', staticData);
  const context = new PollContext(workflow, node, additionalData, 'trigger', 'activate', undefined, undefined, undefined, undefined, () => staticData);
  return {
    staticData,
    async poll() {
      try {
        const result = await nodeType.poll.call(context);
        return { items: result === null ? null : result[0], error: undefined };
      } catch (error) {
        return { items: null, error };
      }
    },
    setCredentials(next) {
      additionalData.credentialsHelper.data[CREDENTIAL_TYPE] = next;
    },
  };
}

/**
 * A real HTTP server whose every request goes to the login trigger's webhook(), with the body parsed
 * as n8n parses application/x-www-form-urlencoded. Each call's result is recorded: `runs` holds the
 * items of every call that would start an execution.
 * Static data as n8n's production webhooks handle it (live-webhooks.ts): each call gets a new Workflow
 * with the stored static data, saved back (whole, last writer wins) once webhook() returned and only
 * when it changed. `staticData` is that store ("the database"); mode 'manual' = a test webhook.
 */
async function startLoginTrigger({ parameters, credentials, staticData = {}, mode = 'webhook' }) {
  const parts = await contextParts(LOGIN_TYPE, parameters, credentials, 'OneAll Social Login', staticData);
  const runs = [];
  const calls = [];
  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', async () => {
      const url = new URL(req.url, 'http://127.0.0.1');
      const raw = Buffer.concat(chunks).toString('utf8');
      req.query = Object.fromEntries(url.searchParams);
      req.body = String(req.headers['content-type'] || '').startsWith('application/x-www-form-urlencoded')
        ? Object.fromEntries(new URLSearchParams(raw))
        : {};
      const additionalData = { ...parts.additionalData, httpRequest: req, httpResponse: res };
      const webhookData = { httpMethod: req.method, node: parts.node.name, path: 'oneall-login', webhookDescription: parts.nodeType.description.webhooks[0], workflowId: 'wf-trigger', workflowExecuteAdditionalData: additionalData };
      const workflow = parts.newWorkflow(JSON.parse(JSON.stringify(staticData)));
      const context = new WebhookContext(workflow, parts.node, additionalData, mode, webhookData, [], null);
      try {
        const result = await parts.nodeType.webhook.call(context);
        if (workflow.staticData.__dataChanged === true) {
          for (const key of Object.keys(staticData)) delete staticData[key];
          Object.assign(staticData, JSON.parse(JSON.stringify(workflow.staticData)));
        }
        calls.push(result);
        if (result.workflowData) runs.push(result.workflowData[0]);
        if (!result.noWebhookResponse && !res.headersSent) res.end('{"message":"Workflow was started"}');
      } catch (error) {
        calls.push({ thrown: error });
        if (!res.headersSent) res.writeHead(500).end(JSON.stringify({ message: error.message }));
      }
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${server.address().port}/webhook/oneall-login`;
  return {
    url,
    runs,
    staticData,
    calls,
    /** POSTs a form as a browser does after OneAll's login (no redirects followed). */
    async postForm(fields, query = '') {
      return await fetch(url + query, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(fields).toString(),
        redirect: 'manual',
      });
    },
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(resolve); }),
  };
}

/** The logger a node's `this.logger` writes to: n8n-core's own (it carries its own @n8n/di and backend-common). */
function n8nLogger() {
  const coreRequire = require('node:module').createRequire(require.resolve('n8n-core'));
  const { Container } = coreRequire('@n8n/di');
  const { Logger } = coreRequire('@n8n/backend-common');
  return Container.get(Logger);
}

module.exports = {
  activatePoll, pollOnce, startLoginTrigger, n8nLogger, POLL_TYPE, LOGIN_TYPE };
