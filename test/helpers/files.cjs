// File reads for tests (the strict lint keeps fs out of .ts files).
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');

/** Text of OneAll's own "Publish a pin" page (docs/oneall-api.md §4.2), kept in the repository. */
function seedPage() {
  return fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'push-pinterest-pin.txt'), 'utf8');
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
