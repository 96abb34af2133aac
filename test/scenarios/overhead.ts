/**
 * Per-candidate cost of our node against an unlimited sandbox, next to a bare HTTP loop (Node's
 * fetch, keep-alive) that makes the same requests: token once, job check once, then per
 * candidate one lookup and one create. The ratio is our overhead factor.
 */
import type { IDataObject } from 'n8n-workflow';

import { candidateBody } from '../../nodes/Greenhouse/mapping';
import { parseCandidate } from '../../nodes/shared/candidate/normalize';
import { sampleCandidates } from '../fixtures/candidates';

export async function rawGreenhouseLoop(
	sandbox: { url: string; credentials: IDataObject; reset: () => void },
	count: number,
	tag: string,
	jobId = 4012000,
): Promise<{ seconds: number; perCandidateMs: number; requests: number }> {
	sandbox.reset();
	const c = sandbox.credentials;
	const started = process.hrtime.bigint();
	const tokenRes = await fetch(String(c.tokenUrl), {
		method: 'POST',
		headers: {
			authorization: `Basic ${Buffer.from(`${c.clientId}:${c.clientSecret}`).toString('base64')}`,
			'content-type': 'application/x-www-form-urlencoded',
		},
		body: `grant_type=client_credentials&sub=${c.actingUserId}`,
	});
	const token = ((await tokenRes.json()) as { access_token: string }).access_token;
	const headers = {
		authorization: `Bearer ${token}`,
		'content-type': 'application/json',
		accept: 'application/json',
	};
	let requests = 1;
	await (await fetch(`${sandbox.url}/v3/jobs?ids=${jobId}&per_page=1`, { headers })).json();
	requests++;
	for (const raw of sampleCandidates(count, tag)) {
		const parsed = parseCandidate(raw);
		if (!parsed.ok) continue;
		const email = parsed.candidate.emails[0].value;
		const found = (await (
			await fetch(`${sandbox.url}/v3/candidates?email=${encodeURIComponent(email)}&per_page=5`, {
				headers,
			})
		).json()) as unknown[];
		requests++;
		if (found.length) continue;
		const res = await fetch(`${sandbox.url}/v3/candidates`, {
			method: 'POST',
			headers,
			body: JSON.stringify(candidateBody(parsed.candidate, { jobId })),
		});
		await res.json();
		requests++;
		// The node looks the person up again right after a create (a duplicate made meanwhile by another
		// queue-mode worker is reported as duplicateOf), so the bare loop does too.
		await (
			await fetch(`${sandbox.url}/v3/candidates?email=${encodeURIComponent(email)}&per_page=5`, {
				headers,
			})
		).json();
		requests++;
	}
	const seconds = Number(process.hrtime.bigint() - started) / 1e9;
	return { seconds, perCandidateMs: (seconds * 1000) / count, requests };
}
