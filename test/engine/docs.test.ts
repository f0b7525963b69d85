import { readme, readmeWithTable } from '../tools/operations-table.cjs';

describe('README', () => {
	it('lists every push operation as the node defines it (run `npm run docs` after changing a spec)', () => {
		const current = readme();
		expect(readmeWithTable(current)).toBe(current);
	});

	it('shows the two commands a fresh clone must support', () => {
		expect(readme()).toContain('npm run demo');
		expect(readme()).toContain('npm test');
	});
});
