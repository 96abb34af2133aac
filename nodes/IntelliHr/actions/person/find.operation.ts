import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { emailSchema } from '../../../shared/candidate/schema';
import { inputError } from '../../../shared/errors';
import { personProfileUrl } from '../../mapping';
import { tenantOf } from '../../transport';
import { peopleByEmail } from './steps';

const properties: INodeProperties[] = [
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. jane@example.com',
		description: 'The primary email address of the person. Returns nothing when no person has it.',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['person'], operation: ['find'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const parsed = emailSchema.shape.value.safeParse(this.getNodeParameter('email', i, ''));
	if (!parsed.success)
		throw inputError(
			this.getNode(),
			i,
			'Email',
			'is not a valid email address',
			'Give one address like jane@example.com',
		);
	const tenant = await tenantOf(this);
	const people = await peopleByEmail(this, parsed.data, i);
	return people.map((p) => ({ ...p, profileUrl: personProfileUrl(tenant, p.id) }) as IDataObject);
}
