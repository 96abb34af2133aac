import type { INodeProperties } from 'n8n-workflow';

import { dryRunOption } from '../../../../nodes/shared/descriptions/dryRun';
import { description as sendHired } from '../../../../nodes/IntelliHr/actions/person/sendHired.operation';

describe('Dry Run option', () => {
	test('off by default, and says that nothing is written', () => {
		expect(dryRunOption).toMatchObject({ name: 'dryRun', type: 'boolean', default: false });
		expect(dryRunOption.description).toMatch(/nothing is written/);
	});

	test('IntelliHR Send Hired has it under Options', () => {
		const options = sendHired.find((p) => p.name === 'options')?.options as INodeProperties[];
		expect(options.map((o) => o.name)).toEqual(['dryRun']);
	});
});
