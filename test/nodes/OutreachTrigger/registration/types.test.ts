import type { Registrar } from '../../../../nodes/OutreachTrigger/registration/types';
import {
	campaignsOf,
	hookKey,
	planHooks,
	targetUrl,
} from '../../../../nodes/OutreachTrigger/registration/types';

const base = { token: { mode: 'queryToken', queryParameter: 'token' } } as unknown as Registrar;

describe('which hooks a registration needs', () => {
	test('one hook per vendor event for account-wide tools; campaigns are ignored', () => {
		expect(planHooks(base, ['a', 'b'], ['1'])).toEqual([{ event: 'a' }, { event: 'b' }]);
	});

	test('bundled tools (Smartlead): one hook per campaign carrying every event', () => {
		const smartlead = { ...base, bundle: true, campaigns: 'required' } as Registrar;
		expect(planHooks(smartlead, ['EMAIL_REPLY', 'FIRST_EMAIL_SENT'], ['1', '2'])).toEqual([
			{ event: 'EMAIL_REPLY,FIRST_EMAIL_SENT', campaign: '1' },
			{ event: 'EMAIL_REPLY,FIRST_EMAIL_SENT', campaign: '2' },
		]);
		// No campaign, or no event: nothing to register (publishing then says why).
		expect(planHooks(smartlead, ['EMAIL_REPLY'], [])).toEqual([]);
		expect(planHooks(smartlead, [], ['1'])).toEqual([]);
	});

	test('per-event campaign tools: events × campaigns', () => {
		const perEvent = { ...base, campaigns: 'required' } as Registrar;
		expect(planHooks(perEvent, ['a', 'b'], ['1', '2']).map(hookKey)).toEqual([
			'1\na',
			'1\nb',
			'2\na',
			'2\nb',
		]);
	});

	test('optional campaigns: per picked campaign, or account-wide when none is picked', () => {
		const optional = { ...base, campaigns: 'optional' } as Registrar;
		expect(planHooks(optional, ['a'], [])).toEqual([{ event: 'a' }]);
		expect(planHooks(optional, ['a'], ['7'])).toEqual([{ event: 'a', campaign: '7' }]);
	});

	test('keys tell the same event on two campaigns apart; campaignsOf lists each once', () => {
		expect(hookKey({ event: 'a', campaign: '1' })).not.toBe(hookKey({ event: 'a', campaign: '2' }));
		expect(hookKey({ event: 'a' })).not.toBe(hookKey({ event: 'a', campaign: '1' }));
		expect(
			campaignsOf([{ event: 'a', campaign: '1' }, { event: 'b', campaign: '1' }, { event: 'c' }]),
		).toEqual(['1']);
	});

	test('query-token tools get the token on the URL; other tools keep the URL as it is', () => {
		expect(targetUrl(base, 'https://n8n.example/webhook/x', 't0k')).toBe(
			'https://n8n.example/webhook/x?token=t0k',
		);
		const body = { ...base, token: { mode: 'bodySecret' } } as Registrar;
		expect(targetUrl(body, 'https://n8n.example/webhook/x', 't0k')).toBe(
			'https://n8n.example/webhook/x',
		);
	});
});
