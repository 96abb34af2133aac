import type { IExecuteFunctions } from 'n8n-workflow';

import { setRetryPolicy } from '../../../../nodes/shared/http/retryPolicy';

/** Responses the fake n8n helper hands back, in order: a response, or an error to throw. */
export type Step =
	| { status: number; body?: unknown; headers?: Record<string, string> }
	| { throw: Record<string, unknown> };

export function fakeContext(
	steps: Step[],
	credentials: Record<string, unknown> = { apiBaseUrl: 'https://api.example.test' },
) {
	const calls: Array<Record<string, unknown>> = [];
	/** What each call handed n8n besides the request (additionalCredentialOptions). */
	const extras: unknown[] = [];
	let credentialReads = 0;
	const ctx = {
		getNode: () => ({
			name: 'Test',
			type: 'test',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		}),
		getCredentials: async () => {
			credentialReads++;
			return credentials;
		},
		helpers: {
			httpRequestWithAuthentication: async (
				_type: string,
				options: Record<string, unknown>,
				extra?: unknown,
			) => {
				calls.push(options);
				extras.push(extra);
				const step = steps.shift();
				if (!step) throw new Error('no more steps');
				if ('throw' in step) throw step.throw;
				return { statusCode: step.status, body: step.body ?? {}, headers: step.headers ?? {} };
			},
		},
	} as unknown as IExecuteFunctions;
	setRetryPolicy(ctx, { baseDelayMs: 10, maxDelayMs: 40 });
	return { ctx, calls, extras, credentialReads: () => credentialReads };
}
