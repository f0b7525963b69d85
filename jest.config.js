/** Engine tests run the built package (dist/) through n8n-core; see test/helpers/harness.cjs. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.cjs', '**/*.test.js'],
  testPathIgnorePatterns: ['/node_modules/', '/test/real-n8n/'],
  moduleFileExtensions: ['ts', 'js', 'cjs', 'json'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/test/tsconfig.json' }],
  },
  setupFiles: ['<rootDir>/test/helpers/setup-env.cjs'],
  testTimeout: 30000,
};
