// Runs before each test file (jest setupFiles). n8n-core reads N8N_USER_FOLDER when it is first
// required, so point it at a throw-away folder before anything loads it.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

process.env.N8N_USER_FOLDER ??= fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-oneall-test-'));
process.env.N8N_DIAGNOSTICS_ENABLED = 'false';
// n8n-core logs every node error to the console; the tests assert them instead.
process.env.N8N_LOG_LEVEL ??= 'silent';
