import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { jobUrl, stagesOf } from '../../mapping';
import { stardexSettings } from '../../transport';
import { jobLocator } from '../common.descriptions';
import { getJob, requireJobId } from '../jobInput';

const properties: INodeProperties[] = [
	jobLocator({ required: true, description: 'The job to get, with its pipeline stages' }),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['job'], operation: ['get'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const id = requireJobId(this, i);
	const job = await getJob(this, id, i);
	const { appUrl } = await stardexSettings(this);
	return {
		...job,
		stages: stagesOf(job) ?? [],
		url: jobUrl(appUrl, String(job.id ?? id)),
	} as IDataObject;
}
