// Calls the node's list searches (resource locator "From List" mode) the way n8n's editor backend
// does: the BUILT package loaded through package.json's "n8n" block, a temporary workflow holding the
// node with the editor's current parameters, and n8n-core's real LoadOptionsContext (whose HTTP
// helpers go through the credential's real authenticate()). Plain JS, like harness.cjs.
'use strict';
const { NodeHelpers, Workflow } = require('n8n-workflow');
const { LoadOptionsContext } = require('n8n-core');
const { additionalDataFor } = require('./engineData.cjs');
const { NODE_TYPE, loadPackage, nodeTypesFor, TestCredentialsHelper } = require('./harness.cjs');

const CREDENTIAL_TYPE = 'oneAllApi';

/**
 * An ILoadOptionsFunctions for the OneAll node whose editor currently shows `parameters` (completed
 * with the properties' defaults, as the editor sends them), using `credentials` as the decrypted
 * OneAll credential. `path` is the parameter whose list is loaded (e.g. "parameters.board").
 */
async function loadOptionsContext({ parameters, credentials, path = 'parameters.identity' }) {
  const loader = await loadPackage();
  const nodeTypes = nodeTypesFor(loader);
  const nodeType = nodeTypes.getByNameAndVersion(NODE_TYPE, 1);
  const node = {
    id: 'node-1',
    name: 'OneAll',
    type: NODE_TYPE,
    typeVersion: 1,
    position: [0, 0],
    parameters: {},
    credentials: { [CREDENTIAL_TYPE]: { id: 'cred-1', name: 'OneAll test' } },
  };
  const currentNodeParameters =
    NodeHelpers.getNodeParameters(nodeType.description.properties, parameters, true, false, node, nodeType.description) ??
    parameters;
  node.parameters = currentNodeParameters;
  const workflow = new Workflow({ id: 'wf-test', nodes: [node], connections: {}, active: false, nodeTypes, settings: {} });
  const additionalData = additionalDataFor({
    credentialsHelper: new TestCredentialsHelper(loader.credentialTypes, { [CREDENTIAL_TYPE]: credentials }),
    currentNodeParameters,
  });
  return new LoadOptionsContext(workflow, node, additionalData, path);
}

/** The node type's `methods.listSearch[method]`, as n8n looks it up, called on a real context. */
async function callListSearch(method, { parameters, credentials, path, filter, paginationToken }) {
  const loader = await loadPackage();
  const listSearch = nodeTypesFor(loader).getByNameAndVersion(NODE_TYPE, 1).methods?.listSearch ?? {};
  if (typeof listSearch[method] !== 'function') throw new Error(`The node has no list search "${method}"`);
  const context = await loadOptionsContext({ parameters, credentials, path });
  return await listSearch[method].call(context, filter, paginationToken);
}

/** Names of the node's list searches. */
async function listSearchMethods() {
  const loader = await loadPackage();
  return Object.keys(nodeTypesFor(loader).getByNameAndVersion(NODE_TYPE, 1).methods?.listSearch ?? {});
}

/** The node type's `methods.loadOptions[method]` (an options or multiOptions list), called on a real context. */
async function callLoadOptions(method, { parameters, credentials, path }) {
  const loader = await loadPackage();
  const loadOptions = nodeTypesFor(loader).getByNameAndVersion(NODE_TYPE, 1).methods?.loadOptions ?? {};
  if (typeof loadOptions[method] !== 'function') throw new Error(`The node has no loadOptions method "${method}"`);
  return await loadOptions[method].call(await loadOptionsContext({ parameters, credentials, path }));
}

module.exports = { loadOptionsContext, callListSearch, callLoadOptions, listSearchMethods };
