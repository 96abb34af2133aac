import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { ghList } from '../transport';

export async function getSources(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const sources = await ghList<IDataObject>(this, '/v3/sources', {});
	return sources
		.map((s) => ({ name: String(s.name ?? s.id), value: Number(s.id) }))
		.sort((a, b) => a.name.localeCompare(b.name));
}

export { getCustomFields } from './customFields';
