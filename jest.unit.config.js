/**
 * Unit tests of the pure modules (validation, tweet length, base URL, paths, the Node 24 helper):
 * ts-jest straight on the .ts sources, no build and no n8n engine, so they take seconds.
 * `npm run test:unit`; `npm test` runs them before the engine tests.
 */
module.exports = {
  displayName: 'unit',
  testEnvironment: 'node',
  roots: ['<rootDir>/test/unit'],
  testMatch: ['**/*.test.ts', '**/*.test.cjs'],
  moduleFileExtensions: ['ts', 'js', 'cjs', 'json'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/test/tsconfig.json' }],
  },
  testTimeout: 30000,
};
