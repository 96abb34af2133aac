import type {
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	INodeCredentialTestResult,
} from 'n8n-workflow';

/** A web hook secret cannot be checked against Greenhouse; catch the usual paste mistakes instead. */
export async function greenhouseWebhookSecretTest(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const secret = String(credential.data?.secretKey ?? '');
	if (!secret) return { status: 'Error', message: 'Secret Key is empty' };
	if (secret.trim() !== secret)
		return {
			status: 'Error',
			message: 'Secret Key starts or ends with a space; Greenhouse would sign with a different key',
		};
	return {
		status: 'OK',
		message:
			'Saved. Greenhouse proves the key with the first signed delivery; use the same value in Greenhouse.',
	};
}
