import type { IRun } from 'n8n-workflow';

/**
 * Secrets must never reach an output or an error. Serializes everything a user could see from a
 * run (every node's items, every error message, description and context) and searches it.
 */
export function expectNoSecrets(run: IRun, secrets: string[]): void {
	const visible = JSON.stringify({
		runData: run.data.resultData.runData,
		error: run.data.resultData.error && {
			message: run.data.resultData.error.message,
			description: (run.data.resultData.error as { description?: unknown }).description,
			context: (run.data.resultData.error as { context?: unknown }).context,
		},
	});
	for (const secret of secrets.filter((s) => s && s.length >= 6)) {
		expect({ secret, found: visible.includes(secret) }).toEqual({ secret, found: false });
	}
}
