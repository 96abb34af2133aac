import type { IDataObject, ILoadOptionsFunctions } from 'n8n-workflow';

import {
	getBusinessUnits,
	getPeople,
	getWorkClasses,
} from '../../../../nodes/IntelliHr/methods/loadOptions';
import { IntelliHr } from '../../../../nodes/IntelliHr/IntelliHr.node';
import { CREDS, page } from '../harness';

describe('IntelliHR dropdowns (loadOptions)', () => {
	function ctx(pages: unknown[], calls: IDataObject[] = []) {
		return {
			getNode: () => ({
				name: 'IntelliHR',
				type: 't',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			}),
			getCredentials: async () => CREDS,
			helpers: {
				httpRequestWithAuthentication: async (_t: string, o: IDataObject) => (
					calls.push(o),
					{ statusCode: 200, headers: {}, body: pages.shift() }
				),
			},
		} as unknown as ILoadOptionsFunctions;
	}

	test('enabled records only, sorted by name, across pages; values are ids; the tenant header is sent', async () => {
		const calls: IDataObject[] = [];
		const options = await getBusinessUnits.call(
			ctx(
				[
					page(
						[
							{ id: 'u1', name: 'Sales', code: 'SAL', isEnabled: true },
							{ id: 'u2', name: 'Legacy', isEnabled: false },
						],
						1,
						2,
					),
					page([{ id: 'u3', name: 'Engineering', code: 'ENG' }], 2, 2),
				],
				calls,
			),
		);
		expect(options).toEqual([
			{ name: 'Engineering (ENG)', value: 'u3' },
			{ name: 'Sales (SAL)', value: 'u1' },
		]);
		expect(calls.map((c) => c.qs)).toEqual([
			{ page: 1, limit: 100 },
			{ page: 2, limit: 100 },
		]);
		expect(calls[0]).toMatchObject({
			url: 'https://api.intellihr.io/v1/business-units',
			method: 'GET',
			headers: { tenant: 'acme' },
		});
	});

	test('work classes and supervisors', async () => {
		expect(
			await getWorkClasses.call(
				ctx([
					page([
						{ id: 'w1', name: 'Full Time', isEnabled: true },
						{ id: 'w2', name: 'Retired', isEnabled: false },
					]),
				]),
			),
		).toEqual([{ name: 'Full Time', value: 'w1' }]);
		expect(
			await getPeople.call(
				ctx([
					page([
						{ id: 'p1', displayName: 'Sam Supervisor', primaryEmailAddress: 'sam@acme.example' },
						{ id: 'p2', displayName: 'Ada' },
					]),
				]),
			),
		).toEqual([
			{ name: 'Ada', value: 'p2' },
			{ name: 'Sam Supervisor (sam@acme.example)', value: 'p1' },
		]);
	});

	test('an invalid subdomain fails the dropdown with the reason, before any request', async () => {
		const calls: IDataObject[] = [];
		const bad = {
			...ctx([], calls),
			getCredentials: async () => ({ ...CREDS, subdomain: 'evil.com/acme' }),
		} as unknown as ILoadOptionsFunctions;
		await expect(getBusinessUnits.call(bad)).rejects.toThrow(
			'IntelliHR credential: Company Subdomain points to "evil.com"',
		);
		expect(calls).toHaveLength(0);
	});

	test('every dropdown the node description names exists', () => {
		const n = new IntelliHr();
		const names = JSON.stringify(n.description.properties)
			.match(/"loadOptionsMethod":"(\w+)"/g)!
			.map((m) => m.split('"')[3]);
		for (const name of names)
			expect(typeof (n.methods.loadOptions as Record<string, unknown>)[name]).toBe('function');
		expect(new Set(names)).toEqual(
			new Set([
				'getBusinessEntities',
				'getBusinessUnits',
				'getWorkClasses',
				'getLocations',
				'getWorkTypes',
				'getEmploymentConditions',
				'getPayGrades',
				'getRecruitmentSources',
				'getPeople',
				'getPersonCustomFields',
			]),
		);
		expect(n.description.usableAsTool).toBe(true);
	});
});
