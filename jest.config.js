/**
 * Unit tests mirror the code: the tests of nodes/X/y.ts are test/nodes/X/y.test.ts, those of
 * credentials/Z.credentials.ts are test/credentials/Z.credentials.test.ts. test/integration runs
 * whole workflows against the sandboxes (test/sandbox); test/docs checks the published docs.
 */
/** @type {import('jest').Config} */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	// The real-n8n suite has its own config (jest.e2e.config.js): it needs the n8n runtime.
	testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/e2e/'],
	globalSetup: '<rootDir>/test/global-setup.js',
	globalTeardown: '<rootDir>/test/global-teardown.js',
	setupFilesAfterEnv: ['<rootDir>/test/nock-setup.ts'],
	transform: {
		// tsconfig.test.json sets isolatedModules: ts-jest only transpiles; `npm run typecheck` checks types.
		'^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.test.json' }],
	},
	// Generous: integration tests run whole batches against the sandboxes, and a loaded 2-core machine
	// made a 30 s limit cut a batch test short (its leftovers then failed the next tests). Nothing here
	// asserts time.
	testTimeout: 120000,
};
