// Runs both legs of n8n's verification scanner (@n8n/scan-community-package) locally: the source
// (package.json + nodes/ + credentials/) and the unpacked `npm pack` tarball. Inline eslint-disable
// comments are ignored by the scanner, as in n8n's own check. Provenance can only be checked once published.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { analyzePackage, SOURCE_FILE_PATTERNS } from '@n8n/scan-community-package/scanner/scanner.mjs';

const root = resolve(import.meta.dirname, '..');
const work = mkdtempSync(join(tmpdir(), 'oneall-scan-'));
try {
	execFileSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
	execFileSync('npm', ['pack', '--silent', '--pack-destination', work], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
	const tarball = readdirSync(work).find((name) => name.endsWith('.tgz'));
	const unpacked = join(work, 'package');
	execFileSync('tar', ['xzf', join(work, tarball), '-C', work]);

	const source = await analyzePackage(root, SOURCE_FILE_PATTERNS);
	const packed = await analyzePackage(unpacked, ['**/*.js', 'package.json']);
	for (const [leg, result] of [['source', source], ['tarball', packed]]) {
		console.log(`scanner ${leg}: ${result.passed ? 'PASS' : 'FAIL'}`, result.passed ? '' : JSON.stringify(result.details ?? result, null, 2));
	}
	process.exitCode = source.passed && packed.passed ? 0 : 1;
} finally {
	rmSync(work, { recursive: true, force: true });
}
