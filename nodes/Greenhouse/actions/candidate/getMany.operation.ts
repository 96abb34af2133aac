import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { pagingProperties } from '../../../shared/descriptions/paging';
import { readLimit } from '../../../shared/parameters';
import { inputError } from '../../../shared/errors';
import { profileUrl } from '../../mapping';
import { ghList, greenhouseSettings } from '../../transport';
import type { GhCandidate } from '../../types';

const properties: INodeProperties[] = [
	...pagingProperties,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Email',
				name: 'email',
				type: 'string',
				default: '',
				placeholder: 'e.g. jane@example.com',
				description:
					'Only candidates with this email address (exact match on any of their addresses)',
			},
			{
				displayName: 'Updated Since',
				name: 'updatedSince',
				type: 'dateTime',
				default: '',
				description: 'Only candidates updated at or after this time',
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['candidate'], operation: ['getAll'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const filters = this.getNodeParameter('filters', i, {}) as {
		email?: string;
		updatedSince?: string;
	};
	const qs: IDataObject = {};
	if (filters.email) qs.email = filters.email.trim().toLowerCase();
	if (filters.updatedSince) {
		const when = new Date(filters.updatedSince);
		if (Number.isNaN(when.getTime()))
			throw inputError(
				this.getNode(),
				i,
				'Updated Since',
				`"${filters.updatedSince}" is not a date`,
				'Use an ISO date such as 2026-01-31T00:00:00Z',
			);
		qs.updated_at = `gte|${when.toISOString()}`;
	}
	const { appUrl } = await greenhouseSettings(this);
	const list = await ghList<GhCandidate>(this, '/v3/candidates', qs, readLimit(this, i), i);
	return list.map((c) => ({ ...c, profileUrl: profileUrl(appUrl, c.id) }) as IDataObject);
}
