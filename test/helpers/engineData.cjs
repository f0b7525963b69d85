// The plain objects n8n-core's WorkflowExecute and contexts need around a test run. No n8n imports, so
// the harness, the list-search context and the bench (which loads another n8n-core) can all use them.
'use strict';

/** IWorkflowExecuteAdditionalData with no URLs, no variables and no sub-workflows. */
function additionalDataFor({ hooks, credentialsHelper, currentNodeParameters }) {
  return {
    ...(hooks ? { hooks } : {}),
    credentialsHelper,
    currentNodeParameters,
    variables: {},
    restApiUrl: '',
    instanceBaseUrl: '',
    webhookBaseUrl: '',
    webhookWaitingBaseUrl: '',
    webhookTestBaseUrl: '',
    formWaitingBaseUrl: '',
    executeWorkflow: async () => {
      throw new Error('no sub-workflows in test runs');
    },
  };
}

/** IRunExecutionData that starts the run at `node` with `items` as its input. */
function runExecutionDataFor(node, items) {
  return {
    resultData: { runData: {} },
    executionData: {
      contextData: {},
      metadata: {},
      waitingExecution: {},
      waitingExecutionSource: null,
      nodeExecutionStack: [{ node, data: { main: [items] }, source: null }],
    },
  };
}

module.exports = { additionalDataFor, runExecutionDataFor };
