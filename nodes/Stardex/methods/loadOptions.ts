import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { stagesOf } from '../mapping';
import { sdxRequest } from '../transport';
import type { SdxJob } from '../types';

/** The chosen job's pipeline stages (GET /v1/jobs/{id} → pipeline_stages), in pipeline order. */
export async function getJobStages(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const jobId = String(this.getCurrentNodeParameter('job', { extractValue: true }) ?? '').trim();
	if (!jobId) return [];
	const { data: job } = await sdxRequest<SdxJob>(
		this,
		'GET',
		`/v1/jobs/${encodeURIComponent(jobId)}`,
	);
	return (stagesOf(job) ?? []).map((s) => ({
		name: s.name,
		value: s.id ?? s.name,
		...(s.id ? { description: `Stage ID ${s.id}` } : {}),
	}));
}
