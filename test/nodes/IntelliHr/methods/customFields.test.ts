import type { IDataObject, ILoadOptionsFunctions } from 'n8n-workflow';

import { getPersonCustomFields } from '../../../../nodes/IntelliHr/methods/customFields';
import { CREDS, page } from '../harness';

describe('IntelliHR Person Custom Fields picker (loadOptions)', () => {
	test('enabled person fields by name, valued by API name, with type and select options; filtered by model and state', async () => {
		const calls: IDataObject[] = [];
		const body = page(
			[
				{ id: 'a', name: 'Zone', apiName: 'zone', type: 'TEXT', isEnabled: true },
				{
					id: 'b',
					name: 'Size',
					apiName: 'size',
					type: 'SINGLE_SELECT',
					isEnabled: true,
					definitions: { selectDefinition: { options: [{ label: 'S' }, { label: 'M' }] } },
				},
				{ id: 'c', name: 'Gone', apiName: 'gone', type: 'TEXT', isEnabled: false },
			],
			1,
			1,
		);
		const ctx = {
			getNode: () => ({ name: 'I', type: 't', typeVersion: 1, position: [0, 0], parameters: {} }),
			getCredentials: async () => CREDS,
			helpers: {
				httpRequestWithAuthentication: async (_t: string, o: IDataObject) => (
					calls.push(o),
					{ statusCode: 200, headers: {}, body }
				),
			},
		} as unknown as ILoadOptionsFunctions;
		expect(await getPersonCustomFields.call(ctx)).toEqual([
			{ name: 'Size (single select)', value: 'size', description: 'API name size. Options: S, M' },
			{ name: 'Zone (text)', value: 'zone', description: 'API name zone' },
		]);
		expect(calls[0].qs).toMatchObject({
			'filters[modelType][eq]': 'PERSON',
			'filters[isEnabled][eq]': 'true',
		});
	});
});
