import { canonicalEvent, isSelected } from '../../../nodes/PinpointTrigger/events';

describe('events', () => {
	test('documented slug, likely stage-change spellings, Any Event, and names typed by the user', () => {
		expect(canonicalEvent('application_hired')).toBe('application_hired');
		expect(canonicalEvent('Application.Hired')).toBe('application_hired');
		expect(canonicalEvent('applicationStageChanged')).toBe('application_moved');
		expect(canonicalEvent('application-moved')).toBe('application_moved');
		expect(isSelected(['application_moved'], 'application_stage_changed')).toBe(true);
		expect(isSelected(['application_moved'], 'application_hired')).toBe(false);
		expect(isSelected(['*'], 'whatever_new_event')).toBe(true);
		expect(isSelected(['application_hired', 'Application Rejected'], 'application_rejected')).toBe(
			true,
		);
		expect(isSelected(['application_hired'], undefined)).toBe(false);
	});
});
