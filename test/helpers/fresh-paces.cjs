// Runs in every engine test file (jest setupFilesAfterEnv). The built node shares one pace per OneAll
// site and credential across the executions of a process (dist/…/transport/sitePace.js), and every
// test talks to the same emulator with the same credential: each test starts with no pace learnt, as a
// fresh n8n process would. Tests that check the sharing run their executions within one test.
const path = require('node:path');

const SITE_PACE = path.join(__dirname, '..', '..', 'dist', 'nodes', 'OneAll', 'transport', 'sitePace.js');

beforeEach(() => {
  require(SITE_PACE).SITE_PACES.clear();
});
