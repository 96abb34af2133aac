import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { runOperations } from '../../shared/router';
import * as candidate from './candidate/Candidate.resource';
import * as job from './job/Job.resource';

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await runOperations.call(this, { candidate, job }, 'stardex');
}
