// File reads for tests (the strict lint keeps fs out of .ts files).
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');

/** OneAll's own "Publish a pin" page: ../shared beside the checkout (as CI lays it), else a copy in test/. */
function seedPage() {
  for (const candidate of [
    path.join(ROOT, '..', 'shared', 'oneall-docs', 'push-pinterest-pin.txt'),
    path.join(ROOT, 'test', 'fixtures', 'push-pinterest-pin.txt'),
  ]) {
    if (fs.existsSync(candidate)) return fs.readFileSync(candidate, 'utf8');
  }
  throw new Error('push-pinterest-pin.txt not found');
}

function packageVersion() {
  return JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version;
}

module.exports = { seedPage, packageVersion };

/** The example workflows shipped in examples/, by file name. */
function exampleWorkflows() {
  const dir = path.join(ROOT, 'examples');
  return Object.fromEntries(
    fs.readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => [f, JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'))]),
  );
}

module.exports.exampleWorkflows = exampleWorkflows;
