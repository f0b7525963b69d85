#!/usr/bin/env node
'use strict';
// What an AI Agent's model sees of the OneAll node, per operation, built with n8n 2.41.1's own code:
// the tool variant from `convertNodeToAiTool` (n8n/dist/tool-generation, what n8n registers as
// `n8n-nodes-oneall.oneAllTool`), the tool name from the default node name the editor gives it
// (`makeNodeName`) through `nodeNameToToolName`, the description from `getToolDescriptionForNode`
// ("Set Automatically"), and the parameters from n8n-core's `createNodeAsTool` over `$fromAI()`
// calls placed the way the editor's "let the model define this parameter" button writes them,
// converted to the OpenAI function JSON by LangChain's `convertToOpenAITool` (what the agent sends).
//
//   node test/agent/tool-schema.cjs            print the per-operation summary
//   node test/agent/tool-schema.cjs --update   rewrite test/agent/tool-schema.snapshot.json
//
// Needs `npm run build` (dist/) and n8n 2.41.1 in .cache/ (npm run test:agent installs both).

const fs = require('node:fs');
const path = require('node:path');
const { createRequire } = require('node:module');

const ROOT = path.resolve(__dirname, '..', '..');
const N8N_MODULES = path.join(ROOT, '.cache', 'n8n-2.41.1', 'node_modules');
const SNAPSHOT = path.join(__dirname, 'tool-schema.snapshot.json');
const PACKAGE = 'n8n-nodes-oneall';

/** Parameters a user would leave to the model: texts, URLs, ids, numbers, flags. */
const MODEL_TYPES = new Set(['string', 'number', 'boolean', 'json', 'resourceLocator']);
/** The collection whose entries are content; the other collections are node settings. */
const CONTENT_COLLECTION = 'additionalFields';

function n8nParts() {
  if (!fs.existsSync(path.join(N8N_MODULES, 'n8n', 'package.json'))) {
    throw new Error(`n8n 2.41.1 is not installed in ${path.relative(ROOT, N8N_MODULES)} (npm run test:agent installs it)`);
  }
  const fromN8n = createRequire(path.join(N8N_MODULES, 'n8n', 'package.json'));
  const fromLangchainNodes = createRequire(path.join(N8N_MODULES, '@n8n', 'n8n-nodes-langchain', 'package.json'));
  return {
    workflow: fromN8n('n8n-workflow'),
    convertNodeToAiTool: require(path.join(N8N_MODULES, 'n8n', 'dist', 'tool-generation', 'ai-tools.js')).convertNodeToAiTool,
    createNodeAsTool: require(
      path.join(N8N_MODULES, 'n8n-core', 'dist', 'execution-engine', 'node-execution-context', 'utils', 'create-node-as-tool.js'),
    ).createNodeAsTool,
    convertToOpenAITool: fromLangchainNodes('@langchain/core/utils/function_calling').convertToOpenAITool,
  };
}

function loadBuiltNode() {
  const file = path.join(ROOT, 'dist', 'nodes', 'OneAll', 'OneAll.node.js');
  if (!fs.existsSync(file)) throw new Error('dist/ is missing: run npm run build');
  delete require.cache[file];
  const { OneAll } = require(file);
  return new OneAll();
}

/** The editor's $fromAI key for a parameter: its display name, [^a-zA-Z0-9-] -> "_", at most 63 characters. */
function editorKey(displayName) {
  return displayName.replace(/[^a-zA-Z0-9-]/g, '_').slice(0, 63);
}

function fromAiType(type) {
  return ['boolean', 'number', 'json'].includes(type) ? type : 'string';
}

/** `={{ $fromAI('<key>', `<description>`, '<type>') }}` as the editor writes it (description quoted with backticks). */
function fromAiExpression(key, description, type) {
  const text = String(description ?? '').replace(/\\/g, '\\\\').replace(/`/g, '\\`');
  return `={{ $fromAI('${key}', \`${text}\`, '${type}') }}`;
}

function overrideValue(property, description) {
  const expression = fromAiExpression(editorKey(property.displayName), description, fromAiType(property.type));
  return property.type === 'resourceLocator' ? { __rl: true, mode: 'id', value: expression } : expression;
}

function operationsOf(toolDescription) {
  const resourceProperty = toolDescription.properties.find((p) => p.name === 'resource');
  const list = [];
  for (const resource of resourceProperty.options) {
    const operationProperty = toolDescription.properties.find(
      (p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes(resource.value),
    );
    for (const operation of operationProperty?.options ?? []) list.push({ resource: resource.value, operation: operation.value, action: operation.action });
  }
  return list;
}

/**
 * The model's view of one operation. `parameters` lists every parameter a user can hand to the
 * model (with the node's own description text as the $fromAI description); `editorDefault` is what
 * the model gets for them when the user only clicks the editor's button (key and type, no description).
 */
function describeOperation(parts, toolType, { resource, operation }) {
  const { workflow } = parts;
  const description = toolType.description;
  const base = { resource, operation, descriptionType: 'auto' };
  // Visibility as the editor decides it: against the operation's default values (e.g. Return All off shows Limit).
  const defaults = workflow.NodeHelpers.getNodeParameters(description.properties, base, true, false, null, description);
  const visible = description.properties.filter(
    (p) => !['resource', 'operation', 'descriptionType', 'toolDescription'].includes(p.name) && workflow.NodeHelpers.displayParameter(defaults, p, null, description),
  );
  const parameters = { ...base };
  const fields = [];
  const fixed = [];
  for (const property of visible) {
    if (property.type === 'collection' && property.name === CONTENT_COLLECTION) {
      parameters[property.name] = {};
      for (const option of property.options ?? []) {
        if (!MODEL_TYPES.has(option.type) || option.noDataExpression) continue;
        parameters[property.name][option.name] = overrideValue(option, option.description);
        fields.push({ param: `${property.name}.${option.name}`, key: editorKey(option.displayName), required: false });
      }
    } else if (MODEL_TYPES.has(property.type) && !property.noDataExpression) {
      parameters[property.name] = overrideValue(property, property.description);
      fields.push({ param: property.name, key: editorKey(property.displayName), required: property.required === true });
    } else if (property.type !== 'notice') {
      fixed.push({ param: property.name, type: property.type });
    }
  }
  const nodeName = workflow.NodeHelpers.makeNodeName(base, description);
  const node = { id: 'tool', name: nodeName, type: `${PACKAGE}.${description.name}`, typeVersion: 1, position: [0, 0], parameters };
  let tool;
  let schemaError;
  try {
    tool = parts.createNodeAsTool({ node, nodeType: toolType, handleToolInvocation: async () => '' }).response;
  } catch (error) {
    schemaError = error.message;
  }
  const openAi = tool ? parts.convertToOpenAITool(tool).function : undefined;
  return {
    resource,
    operation,
    nodeName,
    toolName: openAi?.name ?? workflow.nodeNameToToolName(nodeName),
    description: openAi?.description ?? workflow.NodeHelpers.getToolDescriptionForNode(node, toolType),
    parameters: openAi?.parameters,
    ...(schemaError ? { schemaError } : {}),
    fields,
    fixed,
  };
}

/** Every operation's tool as the model sees it, plus the tool variant's own identity. */
function buildToolSchemas() {
  const parts = n8nParts();
  const node = loadBuiltNode();
  const source = node.description;
  const copy = parts.workflow.deepCopy(source);
  const wrapped = typeof source.usableAsTool === 'object' ? { ...copy, ...source.usableAsTool.replacements } : copy;
  const toolDescription = parts.convertNodeToAiTool({ description: wrapped }).description;
  // createNodeAsTool reads only the description (and the node's parameters).
  const toolType = { description: toolDescription };
  return {
    n8nVersion: require(path.join(N8N_MODULES, 'n8n', 'package.json')).version,
    nodeType: `${PACKAGE}.${toolDescription.name}`,
    displayName: toolDescription.displayName,
    outputs: toolDescription.outputs,
    operations: operationsOf(toolDescription).map((op) => describeOperation(parts, toolType, op)),
  };
}

/** Stable text for the snapshot file and for comparing with it. */
function snapshotText(schemas) {
  return `${JSON.stringify(schemas, null, 2)}\n`;
}

function readSnapshot() {
  return fs.existsSync(SNAPSHOT) ? fs.readFileSync(SNAPSHOT, 'utf8') : undefined;
}

module.exports = { buildToolSchemas, snapshotText, readSnapshot, editorKey, SNAPSHOT };

if (require.main === module) {
  const schemas = buildToolSchemas();
  if (process.argv.includes('--update')) {
    const before = readSnapshot();
    const text = snapshotText(schemas);
    fs.writeFileSync(SNAPSHOT, text);
    process.stdout.write(`${path.relative(ROOT, SNAPSHOT)}: ${before === text ? 'unchanged' : 'rewritten'} (${schemas.operations.length} operations)\n`);
  } else {
    for (const op of schemas.operations) {
      process.stdout.write(`${op.toolName}\n  ${op.description}\n`);
      for (const [key, p] of Object.entries(op.parameters?.properties ?? {})) process.stdout.write(`    ${key}: ${p.type ?? '?'}  ${p.description ?? ''}\n`);
      if (op.schemaError) process.stdout.write(`    SCHEMA ERROR: ${op.schemaError}\n`);
    }
  }
}
