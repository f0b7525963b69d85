import { operationsPage, readme, resourceSummary, withTables } from '../tools/operations-table.cjs';

describe('docs/operations.md', () => {
	it('lists every operation as the node defines it (run `npm run docs` after changing a spec)', () => {
		const current = operationsPage();
		expect(withTables(current)).toBe(current);
	});
});

describe('README', () => {
	it('shows the two commands a fresh clone must support', () => {
		expect(readme()).toContain('npm run demo');
		expect(readme()).toContain('npm test');
	});

	it('links to the generated operations tables', () => {
		expect(readme()).toContain('](docs/operations.md');
	});
});

describe("README's one-screen operations summary", () => {
	const section = () => readme().slice(readme().indexOf('## Operations'), readme().indexOf('## Triggers'));

	it('gives the number of operations the node has', () => {
		const total = resourceSummary().reduce((n, resource) => n + resource.operations, 0);
		expect(section()).toContain(`(${total} in all)`);
	});

	it('names every resource of the node', () => {
		const rows = section().split('\n').filter((line) => line.startsWith('| ') && !line.startsWith('| Resource'));
		const named = rows.flatMap((row) => row.split('|')[1].split(',').map((name) => name.trim()));
		expect(named.sort()).toEqual(resourceSummary().map((resource) => resource.name).sort());
	});
});
