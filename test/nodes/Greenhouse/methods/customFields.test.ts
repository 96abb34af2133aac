import type { IDataObject, ILoadOptionsFunctions } from 'n8n-workflow';

import { getCustomFields } from '../../../../nodes/Greenhouse/methods/customFields';
import { API, CREDS } from '../harness';

describe('Custom Fields picker (loadOptions)', () => {
	test('candidate then application fields, inactive ones left out; options read for the select fields only', async () => {
		const calls: IDataObject[] = [];
		const answer = (body: unknown) => ({ statusCode: 200, headers: {}, body });
		const field = (id: number, name: string, value_type: string, extra: IDataObject = {}) => ({
			id,
			name,
			name_key: name.toLowerCase(),
			value_type,
			...extra,
		});
		const answers = [
			answer([
				field(2, 'Zeta', 'short_text'),
				field(1, 'Alpha', 'multi_select'),
				field(9, 'Old', 'short_text', { active: false }),
			]),
			answer([field(3, 'Beta', 'yes_no', { field_type: 'application' })]),
			answer([
				{ id: 11, custom_field_id: 1, name: 'B' },
				{ id: 10, custom_field_id: 1, name: 'A' },
				{ id: 12, custom_field_id: 1, name: 'Gone', active: false },
			]),
		];
		const ctx = {
			getNode: () => ({ name: 'G', type: 't', typeVersion: 1, position: [0, 0], parameters: {} }),
			getCredentials: async () => CREDS,
			helpers: {
				httpRequestWithAuthentication: async (_t: string, o: IDataObject) => (
					calls.push(o),
					answers.shift()
				),
			},
		} as unknown as ILoadOptionsFunctions;
		const options = await getCustomFields.call(ctx);
		expect(options.map((o) => [o.name, o.value, o.description])).toEqual([
			['Alpha (Candidate · multi select)', '1', 'Key alpha. Multi select: A, B'],
			['Zeta (Candidate · short text)', '2', 'Key zeta. Short text'],
			['Beta (Application · yes/no)', '3', 'Key beta. Yes/no'],
		]);
		expect(calls.map((c) => [c.url, c.qs])).toEqual([
			[`${API}/v3/custom_fields`, { field_type: 'candidate', per_page: 500 }],
			[`${API}/v3/custom_fields`, { field_type: 'application', per_page: 500 }],
			[`${API}/v3/custom_field_options`, { custom_field_ids: '1', per_page: 500 }],
		]);
	});
});
