/** Engine tests run the built package (dist/) through n8n-core; see test/helpers/harness.cjs. Unit tests: jest.unit.config.js. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.cjs', '**/*.test.js'],
  testPathIgnorePatterns: ['/node_modules/', '/test/real-n8n/', '/test/unit/'],
  moduleFileExtensions: ['ts', 'js', 'cjs', 'json'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/test/tsconfig.json' }],
  },
  setupFiles: ['<rootDir>/test/helpers/setup-env.cjs'],
  setupFilesAfterEnv: ['<rootDir>/test/helpers/fresh-paces.cjs'],
  testTimeout: 30000,
};
