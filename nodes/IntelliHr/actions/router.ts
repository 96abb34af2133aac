import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { runOperations } from '../../shared/router';
import * as lookup from './lookup/Lookup.resource';
import * as person from './person/Person.resource';

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await runOperations.call(this, { lookup, person }, 'intellihr');
}
