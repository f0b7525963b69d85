// Runs the BUILT package (dist/, loaded through package.json's "n8n" block as n8n does) in n8n-core's
// real WorkflowExecute, with the credential's real authenticate(). Plain JS: it needs process/fs,
// which the strict lint forbids in .ts files.
// One builder for the engine tests, the list-search context and the bench: createHarness() takes the
// n8n-workflow / n8n-core to use (the bench passes a real n8n install's copies); the module's own
// functions use the project's.
'use strict';
const path = require('node:path');
const { additionalDataFor, runExecutionDataFor } = require('./engineData.cjs');

const PACKAGE_DIR = path.resolve(__dirname, '..', '..');
const NODE_TYPE = 'n8n-nodes-oneall.oneAll';
const CREDENTIAL_TYPE = 'oneAllApi';
const CREDENTIAL_TEST_NODE = 'harness.credentialTest';

/**
 * An engine around `workflowLib` (n8n-workflow) and `core` (n8n-core) running the package in
 * `packageDir` (its built dist/, loaded through package.json's "n8n" block by PackageDirectoryLoader).
 */
function createHarness({ workflowLib, core, packageDir = PACKAGE_DIR }) {
  const { ICredentialsHelper, NodeHelpers, Workflow } = workflowLib;
  const { ExecutionLifecycleHooks, PackageDirectoryLoader, WorkflowExecute } = core;

  let loaderPromise;
  function loadPackage() {
    loaderPromise ??= (async () => {
      const loader = new PackageDirectoryLoader(packageDir);
      await loader.loadAll();
      return loader;
    })();
    return loaderPromise;
  }

  /**
   * Decrypted credentials by type (`data`), authenticate() of the package's credential types. Counts the
   * reads by type (`reads`): in a real n8n each one loads the credential from the database and decrypts it.
   */
  class TestCredentialsHelper extends ICredentialsHelper {
    constructor(credentialTypes, data) {
      super();
      this.credentialTypes = credentialTypes;
      this.data = data;
      this.reads = {};
    }
    getParentTypes() { return []; }
    isCredentialUsableByNode() { return true; }
    async getDecrypted(_additionalData, _nodeCredentials, type) {
      this.reads[type] = (this.reads[type] ?? 0) + 1;
      if (!this.data[type]) throw new Error(`No test credential of type ${type}`);
      return { ...this.data[type] };
    }
    getCredentialsProperties(type) { return this.credentialTypes[type]?.type.properties ?? []; }
    async preAuthentication() { return undefined; }
    async runPreAuthentication() { return undefined; }
    async updateCredentials() {}
    async updateCredentialsOauthTokenData() {}
    async getCredentials() { throw new Error('not used in engine tests'); }
    async authenticate(credentials, type, requestOptions) {
      const credentialType = this.credentialTypes[type]?.type;
      if (typeof credentialType?.authenticate !== 'function') throw new Error(`no authenticate() function for ${type}`);
      return await credentialType.authenticate.call(credentialType, credentials, requestOptions);
    }
  }

  /** The package's node types, plus `extra` ({ type name: node type }, e.g. n8n's HTTP Request node). */
  function nodeTypesFor(loader, extra = {}) {
    const byName = (name) => {
      if (extra[name]) return extra[name];
      const entry = name.startsWith('n8n-nodes-oneall.') ? loader.nodeTypes[name.slice(name.lastIndexOf('.') + 1)] : undefined;
      if (!entry) throw new Error(`Unknown node type ${name}`);
      return entry.type;
    };
    return {
      getByName: byName,
      getByNameAndVersion: (name, version) => NodeHelpers.getVersionedNodeType(byName(name), version),
      getKnownTypes: () => loader.known.nodes,
    };
  }

  let executions = 0;
  // n8n gives every execution its own id (additionalData.executionId, the node's getExecutionId()); unique
  // per harness, so two test files in one process never share one.
  const runPrefix = `exec-test-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  /**
   * Executes `nodes` (first one gets `items` as input; `connections` as in an n8n workflow).
   * `credentials` is the OneAll credential; `credentialsByType` gives credentials of any type instead.
   * With `timeoutMs` > 0 the execution is cancelled after that long (its in-flight requests may still
   * finish in the background) and the result has timedOut: true.
   * `stopWhen` (a promise) stops the execution the same way when it resolves first.
   * Node settings (retryOnFail, maxTries, waitBetweenTries, onError) go on the node objects, as in n8n.
   * Returns { run, output(nodeName), error, timedOut, stoppedAt (when stopped), credentialReads (by credential type),
   * executionId }.
   */
  async function runWorkflow({
    nodes, connections = {}, items = [{ json: {} }], credentials, credentialsByType, extraNodeTypes = {}, settings = {}, timeoutMs = 0,
    stopWhen,
  }) {
    const loader = await loadPackage();
    const nodeTypes = nodeTypesFor(loader, extraNodeTypes);
    const id = `${++executions}`;
    const workflowData = { id: `wf-test-${id}`, nodes, connections };
    const workflow = new Workflow({ ...workflowData, nodeTypes, active: false, settings });
    const hooks = new ExecutionLifecycleHooks('manual', `exec-test-${id}`, workflowData);
    const finished = new Promise((resolve) => hooks.addHandler('workflowExecuteAfter', (run) => resolve(run)));
    const credentialsHelper = new TestCredentialsHelper(loader.credentialTypes, credentialsByType ?? { [CREDENTIAL_TYPE]: credentials });
    const additionalData = additionalDataFor({ hooks, credentialsHelper });
    const executionId = `${runPrefix}-${id}`;
    additionalData.executionId = executionId;
    const runExecutionData = runExecutionDataFor(nodes[0], items);
    const execution = new WorkflowExecute(additionalData, 'manual', runExecutionData).processRunExecutionData(workflow);
    let run;
    if (timeoutMs > 0 || stopWhen) {
      let timer;
      const stops = [];
      if (timeoutMs > 0) stops.push(new Promise((resolve) => { timer = setTimeout(() => resolve(`cancelled after ${timeoutMs} ms`), timeoutMs); }));
      if (stopWhen) stops.push(Promise.resolve(stopWhen).then(() => 'stopped'));
      const outcome = await Promise.race([finished, ...stops]);
      clearTimeout(timer);
      if (typeof outcome === 'string') {
        const stoppedAt = Date.now();
        Promise.resolve(execution).catch(() => {}); // cancelling rejects it
        try { execution.cancel(); } catch { /* already settled */ }
        return { run: undefined, error: new Error(outcome), output: () => [], outputs: () => [], timedOut: true, stoppedAt, credentialReads: credentialsHelper.reads, executionId };
      }
      run = outcome;
    } else {
      await execution;
      run = await finished;
    }
    return {
      run,
      error: run.data.resultData.error,
      output: (name = nodes[0].name) => run.data.resultData.runData[name]?.[0]?.data?.main?.[0] ?? [],
      // Every main output of the node's first run: [success, error] with On Error → Continue (using error output).
      outputs: (name = nodes[0].name) => (run.data.resultData.runData[name]?.[0]?.data?.main ?? []).map((items) => items ?? []),
      timedOut: false,
      credentialReads: credentialsHelper.reads,
      executionId,
    };
  }

  return { loadPackage, TestCredentialsHelper, nodeTypesFor, runWorkflow };
}

let projectHarness;
/** The harness on the project's own n8n-workflow / n8n-core (loaded on first use). */
function harness() {
  projectHarness ??= createHarness({ workflowLib: require('n8n-workflow'), core: require('n8n-core') });
  return projectHarness;
}
const loadPackage = () => harness().loadPackage();
const nodeTypesFor = (...args) => harness().nodeTypesFor(...args);
const runWorkflow = (args) => harness().runWorkflow(args);

/**
 * One OneAll node with `parameters`, run over `items` (stopped after `timeoutMs` or at `stopWhen` when given).
 * `onError` is the node setting On Error ('continueRegularOutput', 'continueErrorOutput'); `__continueOnFail`
 * in `parameters` is short for 'continueRegularOutput'. The result's `errorItems` is the error output.
 * `typeVersion` is the node's version (1 unless given).
 * `nodeSettings` are the node's settings, e.g. { retryOnFail: true, maxTries: 3, waitBetweenTries: 0 }.
 */
async function runOneAll({ parameters, items, credentials, name = 'OneAll', timeoutMs = 0, stopWhen, onError, typeVersion = 1, nodeSettings = {} }) {
  const node = {
    id: 'node-1',
    name,
    type: NODE_TYPE,
    typeVersion,
    position: [0, 0],
    parameters,
    credentials: { [CREDENTIAL_TYPE]: { id: 'cred-1', name: 'OneAll test' } },
    ...(parameters.__continueOnFail ? { onError: 'continueRegularOutput' } : {}),
    ...(onError ? { onError } : {}),
    ...nodeSettings,
  };
  delete parameters.__continueOnFail;
  const result = await runWorkflow({ nodes: [node], items, credentials, timeoutMs, stopWhen });
  return { ...result, items: result.output(name), errorItems: result.outputs(name)[1] ?? [] };
}

/**
 * Runs the credential's `test` request the way n8n's CredentialsTester does: as the routing request
 * of a declarative node, through the same authenticate() and HTTP helpers, then applies its rules.
 */
async function testCredential(credentials) {
  const loader = await loadPackage();
  const credentialType = loader.credentialTypes[CREDENTIAL_TYPE].type;
  const testNodeType = {
    description: {
      displayName: 'Credential Test',
      name: CREDENTIAL_TEST_NODE,
      group: ['transform'],
      version: 1,
      description: '',
      defaults: { name: 'Credential Test' },
      inputs: ['main'],
      outputs: ['main'],
      credentials: [{ name: CREDENTIAL_TYPE, required: true }],
      properties: [
        { displayName: 'Temp', name: 'temp', type: 'string', default: '', routing: { request: credentialType.test.request } },
      ],
    },
  };
  const node = {
    id: 'cred-test', name: 'Credential Test', type: CREDENTIAL_TEST_NODE, typeVersion: 1, position: [0, 0],
    parameters: {}, credentials: { [CREDENTIAL_TYPE]: { id: 'cred-1', name: 'OneAll test' } },
  };
  const { error } = await runWorkflow({
    nodes: [node], credentials, extraNodeTypes: { [CREDENTIAL_TEST_NODE]: testNodeType },
  });
  if (!error) return { status: 'OK', message: 'Connection successful!' };
  // The run keeps the NodeApiError, whose httpCode is the answer's status (n8n reads the same status
  // from the axios error it catches directly).
  const status = Number(error.httpCode);
  if (Number.isInteger(status) && status >= 100) {
    for (const rule of credentialType.test.rules ?? []) {
      if (rule.type === 'responseCode' && rule.properties.value === status) {
        return { status: 'Error', message: rule.properties.message };
      }
    }
    return { status: 'Error', message: `Received HTTP status code: ${status}` };
  }
  return { status: 'Error', message: error.message };
}

/**
 * Sends `options` the way another node using this credential does (n8n's HTTP Request node with a
 * predefined credential type): the credential's authenticate(), then n8n's own HTTP client, which
 * follows redirects unless told otherwise. Resolves with n8n's full response.
 */
async function sendWithCredential(credentials, options) {
  const loader = await loadPackage();
  const credentialType = loader.credentialTypes[CREDENTIAL_TYPE].type;
  const authenticated = await credentialType.authenticate({ ...credentials }, { ...options });
  const { Container } = require('@n8n/di');
  const { OutboundHttp } = require('@n8n/backend-network');
  return await Container.get(OutboundHttp).requests().request({ ...authenticated, returnFullResponse: true, ignoreHttpStatusErrors: true });
}

module.exports = {
  createHarness,
  sendWithCredential,
  runWorkflow,
  runOneAll,
  testCredential,
  loadPackage,
  nodeTypesFor,
  get TestCredentialsHelper() {
    return harness().TestCredentialsHelper;
  },
  NODE_TYPE,
  PACKAGE_DIR,
};
