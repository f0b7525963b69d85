'use strict';
// The repository carries its own API reference: every citation of docs/oneall-api.md must name a section that
// exists, and no file may point outside the repository (someone who clones it has nothing else).

const fs = require('node:fs');
const path = require('node:path');
const { PUSH_SCHEMAS, WRITE_SCHEMAS } = require('../emulator/index.cjs');

const ROOT = path.resolve(__dirname, '..', '..');
const REFERENCE = 'docs/oneall-api.md';
const SKIP_DIRS = new Set(['.git', 'node_modules', '.cache', 'dist', 'test-output']);
const TEXT_FILE = /\.(?:[cm]?js|ts|json|md|txt|ya?ml|sh)$|^run$/;

function repoFiles(dir = ROOT, out = []) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (SKIP_DIRS.has(entry.name)) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) repoFiles(full, out);
    else if (TEXT_FILE.test(entry.name) && entry.name !== 'package-lock.json') out.push(full);
  }
  return out;
}

/** Section headings of the reference: '2', '2.4', and push numbers per section ('4.4' -> ['1', …]). */
function referenceSections() {
  const text = fs.readFileSync(path.join(ROOT, REFERENCE), 'utf8');
  const sections = new Map();
  let current;
  for (const line of text.split('\n')) {
    const heading = /^(#{2,3}) (\d+)(?:\.(\d+))?\.? /.exec(line);
    if (heading) {
      current = heading[3] ? `${heading[2]}.${heading[3]}` : heading[2];
      sections.set(current, new Set());
    }
    // Push endpoints are numbered: '#### #7 …' or a section heading like '### 4.2 #12 …'.
    if (current && /^#{3,4} /.test(line)) {
      for (const m of line.replace(/^#+ /, '').matchAll(/#(\d+)/g)) sections.get(current).add(m[1]);
    }
  }
  return sections;
}

/** '§4.4 #2/#8' -> [{ section: '4.4', pushes: ['2', '8'] }] */
function parseCitations(text) {
  return [...text.matchAll(/§(\d+(?:\.\d+)?)((?:\s*[#/]+\d+)*)/g)].map((m) => ({
    section: m[1],
    pushes: m[2].match(/\d+/g) || [],
    raw: m[0],
  }));
}

const sections = referenceSections();
const files = repoFiles();

function problemsOf(citation) {
  const pushes = sections.get(citation.section);
  if (!pushes) return [`${citation.raw}: no section ${citation.section}`];
  return citation.pushes.filter((n) => !pushes.has(n)).map((n) => `${citation.raw}: no push #${n} in §${citation.section}`);
}

describe(REFERENCE, () => {
  test('has its chapters and the 20 push endpoints under §4', () => {
    for (const chapter of ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12']) expect(sections.has(chapter)).toBe(true);
    const numbered = [...sections.entries()].filter(([s]) => s.startsWith('4.')).flatMap(([, p]) => [...p]);
    expect(numbered.map(Number).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  test('every citation of it in the repository names an existing section (and push number)', () => {
    const problems = [];
    let count = 0;
    for (const file of files) {
      const rel = path.relative(ROOT, file);
      fs.readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
        if (!line.includes(REFERENCE)) return;
        for (const citation of parseCitations(line)) {
          count++;
          for (const p of problemsOf(citation)) problems.push(`${rel}:${i + 1} ${p}`);
        }
      });
    }
    expect(problems).toEqual([]);
    expect(count).toBeGreaterThan(10); // the test would pass vacuously if nothing cited the reference
  });

  test("every emulator schema cites an existing section of it and a public source", () => {
    const schemas = [...PUSH_SCHEMAS, ...Object.values(WRITE_SCHEMAS)];
    const problems = [];
    for (const schema of schemas) {
      const citations = parseCitations(schema.ref || '');
      if (citations.length === 0) problems.push(`${schema.name}: no ref`);
      for (const c of citations) problems.push(...problemsOf(c).map((p) => `${schema.name}: ${p}`));
      if (schema.n !== undefined && !citations.some((c) => c.pushes.includes(String(schema.n)))) {
        // A push is cited by its number, unless its section is about that one push only (§4.2, §4.6).
        const only = sections.get(citations[0]?.section);
        if (!only || only.size !== 1 || !only.has(String(schema.n))) problems.push(`${schema.name}: ref does not name #${schema.n}`);
      }
      const publicSource = /https:\/\/docs\.oneall\.com\/api\/|github\.com\/|^GUESS/.test(schema.source);
      if (!publicSource) problems.push(`${schema.name}: source is neither a docs address, a repository nor GUESS`);
    }
    expect(problems).toEqual([]);
  });
});

describe('no reference outside the repository', () => {
  test('no file names a path outside the checkout or the reference without its folder', () => {
    const outside = [/\/work\//, /\.\.\/shared\b/, /\bshared\/oneall/, /oneall-docs\//, /(?<!docs\/)oneall-api\.md/];
    const problems = [];
    for (const file of files) {
      const rel = path.relative(ROOT, file);
      if (rel === path.join('test', 'docs', 'citations.test.cjs')) continue; // the patterns above
      fs.readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
        for (const pattern of outside) if (pattern.test(line)) problems.push(`${rel}:${i + 1}: ${line.trim().slice(0, 120)}`);
      });
    }
    expect(problems).toEqual([]);
  });

  test('the pin page copy the tests read is in the repository', () => {
    expect(fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'push-pinterest-pin.txt'), 'utf8')).toContain(
      'Push API \\ Publish a pin on Pinterest',
    );
  });
});
