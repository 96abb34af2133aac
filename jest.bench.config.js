/**
 * `npm run bench` drives the benchmark scenarios with jest (for the TypeScript harness), in band.
 * They print a table and write BENCHMARKS.md; nothing in them asserts a time.
 */
const base = require('./jest.config');
module.exports = {
	...base,
	testMatch: ['**/test/bench/**/*.bench.ts'],
	testPathIgnorePatterns: ['/node_modules/'],
	testTimeout: 3 * 60 * 60 * 1000,
};
