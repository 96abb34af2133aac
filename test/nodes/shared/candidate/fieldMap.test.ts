import {
	entryFor,
	type FieldMap,
	leafPaths,
	matchesPath,
	pathsFor,
	pick,
	pickAll,
	readPath,
} from '../../../../nodes/shared/candidate/fieldMap';

const MAP: FieldMap = {
	mapped: {
		leadFirstName: 'firstName',
		'lead.variables.firstName': 'firstName',
		leadEmail: 'emails',
		'lead.variables.email': 'emails',
		'history[].email_body': 'reply.text',
	},
	dropped: { 'lead.enrichment.**': 'verification status', 'snippet*': 'snippets', 'meta.*': 'x' },
};

describe('mapping tables', () => {
	test('pick reads the paths of a target in the table order; the first present wins', () => {
		const el = {
			lead: { variables: { firstName: 'Nested', email: 'b@x.com' } },
			leadEmail: 'a@x.com',
		};
		expect(pick(el, MAP, 'firstName')).toBe('Nested');
		expect(pick({ ...el, leadFirstName: 'Top' }, MAP, 'firstName')).toBe('Top');
		expect(pickAll(el, MAP, 'emails')).toEqual(['a@x.com', 'b@x.com']);
		expect(pick({ leadFirstName: '  ' }, MAP, 'firstName')).toBeUndefined();
		expect(pathsFor(MAP, 'emails')).toEqual(['leadEmail', 'lead.variables.email']);
		expect(readPath({ a: 'text' }, 'a.b')).toBeUndefined();
	});

	test('leaf paths: present values only, lists written []', () => {
		expect(
			leafPaths({ a: 1, b: '', c: null, d: [], e: { f: [{ g: 'x' }, { g: 'y' }] }, h: false }),
		).toEqual(['a', 'e.f[].g', 'e.f[].g', 'h']);
	});

	test('patterns: exact, * for one key, prefix*, ** for any depth', () => {
		expect(matchesPath('lead.enrichment.**', 'lead.enrichment.emailStatus')).toBe(true);
		expect(matchesPath('meta.*', 'meta.a')).toBe(true);
		expect(matchesPath('meta.*', 'meta.a.b')).toBe(false);
		expect(matchesPath('snippet*', 'snippet12')).toBe(true);
		expect(matchesPath('leadEmail', 'leadEmail.x')).toBe(false);
		expect(entryFor(MAP, 'history[].email_body')).toEqual({
			kind: 'mapped',
			pattern: 'history[].email_body',
			value: 'reply.text',
		});
		expect(entryFor(MAP, 'lead.enrichment.emailStatus')?.kind).toBe('dropped');
		expect(entryFor(MAP, 'unknown')).toBeUndefined();
	});
});
