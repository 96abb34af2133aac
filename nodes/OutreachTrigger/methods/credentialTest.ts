import type {
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	INodeCredentialTestResult,
} from 'n8n-workflow';

/** Shorter secrets are guessable; the tools accept long random values everywhere we use them. */
export const MIN_SECRET_LENGTH = 16;

/**
 * An outreach tool never tells us the secret it holds, so there is nothing to call; catch the
 * mistakes that would make every delivery fail, or let anyone through, instead.
 */
export async function outreachWebhookSecretTest(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const secret = String(credential.data?.secret ?? '');
	if (!secret.trim()) return { status: 'Error', message: 'Secret is empty' };
	if (secret.trim() !== secret)
		return {
			status: 'Error',
			message:
				'Secret starts or ends with a space; the tool would send a different value. Remove the spaces.',
		};
	if (secret.length < MIN_SECRET_LENGTH)
		return {
			status: 'Error',
			message: `Secret is ${secret.length} characters; use a random value of at least ${MIN_SECRET_LENGTH}`,
		};
	return {
		status: 'OK',
		message:
			'Saved. The first delivery proves the secret; paste the same value into the tool (see the node).',
	};
}
