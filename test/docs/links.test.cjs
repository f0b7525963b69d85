'use strict';
// The README and docs/*.md keep their promises: every relative link and image resolves to a file of the
// repository, every #anchor to a heading of its target (GitHub's slug rules), the README shows at least one
// picture and stays a README (under 300 lines), and the pictures stay small.

const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');
const DOCS = ['README.md', ...fs.readdirSync(path.join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];
const IMAGES_DIR = path.join(ROOT, 'docs', 'images');

/** Text outside fenced code blocks and inline code spans (links there are not links). */
function prose(markdown) {
  return markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '').replace(/`[^`\n]*`/g, '');
}

/** GitHub's heading anchor: the rendered text, lower-cased, without punctuation, spaces as hyphens. */
function slug(heading) {
  const text = heading
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1') // links and images keep their text
    .replace(/<[^>]+>/g, '') // inline HTML
    .replace(/`/g, '') // code spans keep their content
    .replace(/[*_~]{1,3}(?=\S)|(?<=\S)[*_~]{1,3}/g, (m, offset, all) => (/\w/.test(all[offset - 1] ?? '') && /\w/.test(all[offset + m.length] ?? '') ? m : ''));
  return text.trim().toLowerCase().replace(/[^\p{L}\p{N}\p{M} _-]/gu, '').replace(/ /g, '-');
}

const anchorCache = new Map();
/** The anchors a Markdown file offers: one per heading (repeats get -1, -2 …), plus explicit id/name attributes. */
function anchorsOf(file) {
  if (anchorCache.has(file)) return anchorCache.get(file);
  const text = fs.readFileSync(file, 'utf8').replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '');
  const anchors = new Set();
  const seen = new Map();
  for (const m of text.matchAll(/^#{1,6}[ \t]+(.+?)[ \t#]*$/gm)) {
    const base = slug(m[1]);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    anchors.add(n === 0 ? base : `${base}-${n}`);
  }
  for (const m of text.matchAll(/<a\s+(?:name|id)="([^"]+)"/g)) anchors.add(m[1]);
  anchorCache.set(file, anchors);
  return anchors;
}

/** Links and images of a Markdown file: [{ target, image, line }]. */
function linksOf(doc) {
  const links = [];
  prose(fs.readFileSync(path.join(ROOT, doc), 'utf8'))
    .split('\n')
    .forEach((line, i) => {
      for (const m of line.matchAll(/(!?)\[(?:[^\]]|\][^(])*?\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) links.push({ target: m[2], image: m[1] === '!', line: i + 1 });
      for (const m of line.matchAll(/<img\s[^>]*src="([^"]+)"/g)) links.push({ target: m[1], image: true, line: i + 1 });
    });
  return links;
}

function problemsOf(doc) {
  const problems = [];
  for (const { target, line } of linksOf(doc)) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue; // https:, mailto: …: not ours to check offline
    const [file, anchor] = target.split('#');
    const resolved = file ? path.resolve(ROOT, path.dirname(doc), decodeURIComponent(file)) : path.join(ROOT, doc);
    const where = `${doc}:${line} → ${target}`;
    if (!resolved.startsWith(ROOT + path.sep)) problems.push(`${where}: outside the repository`);
    else if (!fs.existsSync(resolved)) problems.push(`${where}: no such file`);
    else if (anchor !== undefined) {
      if (!resolved.endsWith('.md')) problems.push(`${where}: an anchor into a file that is not Markdown`);
      else if (!anchorsOf(resolved).has(anchor)) problems.push(`${where}: no heading with that anchor`);
    }
  }
  return problems;
}

describe('links in README.md and docs/*.md', () => {
  test.each(DOCS)('%s: every relative link and #anchor resolves', (doc) => {
    expect(problemsOf(doc)).toEqual([]);
  });

  test('the check sees links and anchors (it would pass vacuously otherwise)', () => {
    const all = DOCS.flatMap(linksOf);
    expect(all.length).toBeGreaterThan(50);
    expect(all.filter((l) => l.target.includes('#')).length).toBeGreaterThan(10);
  });

  test("GitHub's slug rules", () => {
    expect(slug('4.4 Facebook (#1 to #9)')).toBe('44-facebook-1-to-9');
    expect(slug('Memory, files in Sharing → Publish')).toBe('memory-files-in-sharing--publish');
    expect(slug('Checking a real OneAll site (`npm run check:live`)')).toBe('checking-a-real-oneall-site-npm-run-checklive');
    expect(slug('**Bold** and [a link](x.md) in a_heading')).toBe('bold-and-a-link-in-a_heading');
  });

  test('a broken file link and a broken anchor are reported', () => {
    const dir = fs.mkdtempSync(path.join(ROOT, 'docs', '.links-test-'));
    const doc = path.relative(ROOT, path.join(dir, 'x.md'));
    try {
      fs.writeFileSync(path.join(dir, 'x.md'), '# Title\n\n[ok](#title) [bad](#nothing) [gone](missing.md) `[code](ignored.md)`\n');
      expect(problemsOf(doc)).toEqual([`${doc}:3 → #nothing: no heading with that anchor`, `${doc}:3 → missing.md: no such file`]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('README.md', () => {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');

  test('stays a README for users: under 300 lines, sections in the community-node order', () => {
    expect(readme.split('\n').length).toBeLessThan(300);
    const sections = [...readme.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
    expect(sections).toEqual(['Installation', 'Credentials', 'Operations', 'Triggers', 'Usage', 'Errors and limits', 'Compatibility', 'Resources', 'Version history']);
  });

  test('shows at least one picture, and every picture it shows exists in docs/images/', () => {
    const images = linksOf('README.md').filter((l) => l.image);
    expect(images.length).toBeGreaterThan(0);
    for (const { target } of images) {
      expect(target).toMatch(/^docs\/images\//);
      expect(fs.existsSync(path.join(ROOT, target))).toBe(true);
    }
  });

  test('names an example workflow that exists for every usage pattern', () => {
    const usage = readme.slice(readme.indexOf('## Usage'), readme.indexOf('## Errors and limits'));
    const examples = [...usage.matchAll(/\]\((examples\/[^)]+\.json)\)/g)].map((m) => m[1]);
    expect(examples.length).toBeGreaterThanOrEqual(5);
    for (const example of examples) expect(fs.existsSync(path.join(ROOT, example))).toBe(true);
  });
});

describe('docs/images', () => {
  test('the committed pictures are small (a few hundred kB in all)', () => {
    const sizes = fs.readdirSync(IMAGES_DIR).map((f) => fs.statSync(path.join(IMAGES_DIR, f)).size);
    expect(sizes.reduce((a, b) => a + b, 0)).toBeLessThan(400 * 1024);
  });
});

module.exports = { slug, anchorsOf, linksOf };
