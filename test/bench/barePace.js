// @ts-check
'use strict';
/**
 * The sandbox's own pace, for section 1b: a bare client in its own process (Node's fetch, no n8n)
 * POSTs the given create bodies, `concurrency` at a time, and prints the milliseconds per request
 * from the first answer's start to the last. Input on stdin: {url, token, bodies, concurrency}.
 * No client on this machine gets creates through the sandbox faster than this.
 */
let input = '';
process.stdin.on('data', (d) => (input += d));
process.stdin.on('end', async () => {
	const { url, token, bodies, concurrency } = JSON.parse(input);
	const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
	let next = 0;
	let failed = 0;
	const started = Date.now();
	const worker = async () => {
		while (next < bodies.length) {
			const body = JSON.stringify(bodies[next++]);
			const res = await fetch(`${url}/v3/candidates`, { method: 'POST', headers, body });
			await res.text();
			if (res.status >= 300) failed++;
		}
	};
	await Promise.all(Array.from({ length: concurrency }, worker));
	const msPerRequest = (Date.now() - started) / bodies.length;
	process.stdout.write(`${JSON.stringify({ msPerRequest, failed })}\n`);
});
