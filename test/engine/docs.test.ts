import { operationsPage, readme, withTables } from '../tools/operations-table.cjs';

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
