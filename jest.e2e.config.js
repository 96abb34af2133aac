/**
 * The real-n8n suite (`npm run test:e2e`): one n8n 2.41.1 on Node 24 with this package installed the way
 * Community Nodes installs it, started once in globalSetup; each system's checks live in their own file.
 * Runs in band (2 shared cores; one n8n). Summary with per-check durations: test/e2e/.last-run.json.
 */
/** @type {import('jest').Config} */
module.exports = {
	testEnvironment: 'node',
	rootDir: __dirname,
	roots: ['<rootDir>/test/e2e'],
	testMatch: ['**/*.e2e.test.ts'],
	globalSetup: '<rootDir>/test/e2e/setup/global-setup.js',
	globalTeardown: '<rootDir>/test/e2e/setup/global-teardown.js',
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.test.json' }],
	},
	maxWorkers: 1,
	testTimeout: 180_000,
	slowTestThreshold: 30,
	verbose: true,
	reporters: ['default', '<rootDir>/test/e2e/setup/summary-reporter.js'],
};
