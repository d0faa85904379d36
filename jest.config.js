// Four projects (see README.md, "Tests"): unit, contract and web (the explorer's own logic) need no
// database; integration runs against a real Neo4j chosen by test/support/global-setup.ts.
const tsJest = ['ts-jest', {}];

/** @type {import('jest').Config} */
module.exports = {
  testTimeout: 60000,
  // A test that times out skips its own cleanup and may leave the Neo4j it started (faults, restarts)
  // running; on 2 cores Jest runs the files in its own process, which would then never exit. A run
  // must end with its verdict rather than hang CI, so Jest exits once the last file is done.
  forceExit: true,
  reporters: ['default', '<rootDir>/test/support/summary-reporter.js'],
  projects: [
    {
      displayName: 'unit',
      testMatch: ['<rootDir>/test/unit/**/*.test.ts'],
      transform: { '^.+\\.ts$': tsJest },
      testEnvironment: 'node',
      setupFiles: ['reflect-metadata'],
    },
    {
      displayName: 'contract',
      testMatch: ['<rootDir>/test/contract/**/*.test.ts'],
      transform: { '^.+\\.ts$': tsJest },
      testEnvironment: 'node',
      setupFiles: ['reflect-metadata'],
    },
    {
      displayName: 'web',
      testMatch: ['<rootDir>/web/test/**/*.test.ts'],
      transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: '<rootDir>/web/tsconfig.test.json' }] },
      testEnvironment: 'node',
    },
    {
      displayName: 'integration',
      testMatch: ['<rootDir>/test/integration/**/*.int.test.ts'],
      transform: { '^.+\\.ts$': tsJest },
      testEnvironment: 'node',
      setupFiles: ['reflect-metadata'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
  ],
};
