import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { inputError } from '../../../shared/errors';
import { profileUrl } from '../../mapping';
import { ghList, greenhouseSettings } from '../../transport';
import type { GhCandidate } from '../../types';

const properties: INodeProperties[] = [
	{
		displayName: 'Candidate ID',
		name: 'candidateId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 58301234',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['candidate'], operation: ['get'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const id = String(this.getNodeParameter('candidateId', i, '')).trim();
	if (!/^\d+$/.test(id))
		throw inputError(
			this.getNode(),
			i,
			'Candidate ID',
			`"${id}" is not a number`,
			"Use the numeric ID from the candidate's profile URL",
		);
	// v3 has no GET /v3/candidates/{id}; a single candidate is read with the ids filter.
	const [candidate] = await ghList<GhCandidate>(this, '/v3/candidates', { ids: id }, 1, i);
	if (!candidate)
		throw inputError(
			this.getNode(),
			i,
			'Candidate ID',
			`${id} was not found in Greenhouse`,
			'Check the ID, and that the Acting User may see private candidates',
		);
	const { appUrl } = await greenhouseSettings(this);
	return { ...candidate, profileUrl: profileUrl(appUrl, candidate.id) } as IDataObject;
}
