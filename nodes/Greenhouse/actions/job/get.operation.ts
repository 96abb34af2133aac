import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { inputError } from '../../../shared/errors';
import { jobUrl } from '../../mapping';
import { ghList, greenhouseSettings } from '../../transport';
import type { GhJob } from '../../types';
import { jobLocator } from '../common.descriptions';
import { requireJobId } from '../jobInput';

const properties: INodeProperties[] = [
	jobLocator({ required: true, description: 'The job to get' }),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['job'], operation: ['get'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const id = requireJobId(this, i);
	const [job] = await ghList<GhJob>(this, '/v3/jobs', { ids: String(id) }, 1, i);
	if (!job)
		throw inputError(
			this.getNode(),
			i,
			'Job',
			`${id} was not found in Greenhouse`,
			'Check the ID, or pick the job from the list',
		);
	const { appUrl } = await greenhouseSettings(this);
	return { ...job, url: jobUrl(appUrl, job.id) } as IDataObject;
}
