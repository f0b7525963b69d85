// node test/real-n8n/install-n8n.mjs   (N8N_TEST_VERSION=1.123.81 for the newest 1.x)
//
// Installs the n8n version under test into .cache/n8n-<version> unless the cache already holds a
// complete install (e2e/browser/demo do the same on first use; .ci/run calls this to show the time).

import * as H from './n8n-env.mjs';

H.ensureN8nNode();
H.exitOnSignals();
const res = await H.ensureN8n().finally(() => H.cleanupAll());
console.log(`n8n ${H.N8N_VERSION} on Node ${process.versions.node}: ${res.cached ? 'cached' : `installed in ${(res.ms / 1000).toFixed(0)}s`} (${H.N8N_DIR})`);
