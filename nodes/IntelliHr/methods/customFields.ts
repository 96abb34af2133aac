import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { ihrTypeLabel, loadPersonFields, optionLabels } from '../customFields';

/** The Person Custom Fields picker: enabled person fields, with their type and select options. */
export async function getPersonCustomFields(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	return (await loadPersonFields(this)).map((d) => {
		const labels = optionLabels(d);
		return {
			name: `${d.name} (${ihrTypeLabel(d.type)})`,
			value: d.apiName,
			description: `API name ${d.apiName}${labels?.length ? `. Options: ${labels.slice(0, 20).join(', ')}` : ''}`,
		};
	});
}
