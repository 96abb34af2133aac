import nock from 'nock';

// Jest shares Node core modules (http/https) between the test files of one worker, but every file
// gets its own nock. A file that leaves nock's interceptor active breaks the next file's plain
// http requests, so each file restores it. Sandboxes run on 127.0.0.1, which stays reachable.
beforeAll(() => {
	nock.disableNetConnect();
	nock.enableNetConnect('127.0.0.1');
});
afterEach(() => nock.cleanAll());
afterAll(() => {
	nock.restore();
	nock.enableNetConnect();
});
