import { GreenhouseTrigger } from '../../../nodes/GreenhouseTrigger/GreenhouseTrigger.node';
import { GREENHOUSE_ACTIONS } from '../../../nodes/GreenhouseTrigger/events';

test('Greenhouse Trigger offers all 29 actions plus Any Event', () => {
	const events = new GreenhouseTrigger().description.properties.find((p) => p.name === 'events');
	expect(events?.options).toHaveLength(30);
	expect(GREENHOUSE_ACTIONS.map((a) => a.value)).toEqual(
		expect.arrayContaining([
			'hire_candidate',
			'candidate_stage_change',
			'new_candidate_application',
			'new_prospect_application',
			'update_candidate',
			'delete_application',
			'delete_candidate',
		]),
	);
});
