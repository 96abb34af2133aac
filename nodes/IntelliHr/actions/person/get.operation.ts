import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { inputError } from '../../../shared/errors';
import { UUID_RE } from '../../mapping';
import { personProfileUrl } from '../../mapping';
import { ihrRecord, tenantOf } from '../../transport';
import type { IhrPerson } from '../../types';
import { personLocator } from '../common.descriptions';

const properties: INodeProperties[] = [personLocator];

export const description = updateDisplayOptions(
	{ show: { resource: ['person'], operation: ['get'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const id = String(this.getNodeParameter('person', i, '', { extractValue: true }) ?? '').trim();
	// The id becomes part of the URL path, so nothing but a UUID gets through.
	if (!UUID_RE.test(id))
		throw inputError(
			this.getNode(),
			i,
			'Person',
			`"${id.slice(0, 60)}" is not an IntelliHR person ID`,
			'Give the UUID of the person, or the address of their page in IntelliHR',
		);
	const tenant = await tenantOf(this);
	const person = await ihrRecord<IhrPerson>(this, 'GET', `/people/${id}`, { itemIndex: i });
	return { ...person, profileUrl: personProfileUrl(tenant, person.id ?? id) } as IDataObject;
}
