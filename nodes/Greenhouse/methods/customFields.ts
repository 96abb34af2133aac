import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { fieldOption, loadDefinitions } from '../customFields/definitions';

/** The Custom Fields picker: the account's candidate and application fields, with type and options. */
export async function getCustomFields(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	return (await loadDefinitions(this)).map(fieldOption);
}
