import type { IhrLookup } from './types';

/** The reference lists IntelliHR jobs point at, with how each record is labelled in a dropdown. */
export interface LookupList {
	path: string;
	label: string;
	optionName(record: IhrLookup): string;
}

const nameWithCode = (r: IhrLookup) => {
	const name = String(r.name ?? r.id);
	return r.code && r.code !== r.name ? `${name} (${r.code})` : name;
};

export const LOOKUP_LISTS = {
	businessEntities: {
		path: '/business-entities',
		label: 'Business Entities',
		optionName: (r) => String(r.name ?? r.legalName ?? r.id),
	},
	businessUnits: { path: '/business-units', label: 'Business Units', optionName: nameWithCode },
	employmentConditions: {
		path: '/employment-conditions',
		label: 'Employment Conditions',
		optionName: (r) => String(r.name ?? r.awardName ?? r.id),
	},
	locations: { path: '/locations', label: 'Locations', optionName: nameWithCode },
	payGrades: { path: '/pay-grades', label: 'Pay Grades', optionName: nameWithCode },
	positionTitles: { path: '/position-titles', label: 'Position Titles', optionName: nameWithCode },
	recruitmentSources: {
		path: '/recruitment-sources',
		label: 'Recruitment Sources',
		optionName: (r) => String(r.name ?? r.id),
	},
	workClasses: {
		path: '/work-classes',
		label: 'Work Classes',
		optionName: (r) => String(r.name ?? r.id),
	},
	workRights: {
		path: '/work-rights',
		label: 'Work Rights',
		optionName: (r) => String(r.name ?? r.id),
	},
	workTypes: {
		path: '/work-types',
		label: 'Work Types',
		optionName: (r) => String(r.name ?? r.id),
	},
} satisfies Record<string, LookupList>;

export type LookupName = keyof typeof LOOKUP_LISTS;

export function isLookupName(value: string): value is LookupName {
	return Object.prototype.hasOwnProperty.call(LOOKUP_LISTS, value);
}

/** A record is offered in a dropdown unless IntelliHR marks it disabled. */
export function isEnabled(record: IhrLookup): boolean {
	return record.isEnabled !== false;
}

/** A person as a supervisor option: "Sam Supervisor (sam@acme.example)". */
export function personOptionName(p: IhrLookup): string {
	const name = String(p.displayName ?? p.name ?? p.id);
	const email =
		typeof p.primaryEmailAddress === 'string'
			? p.primaryEmailAddress
			: p.primaryEmailAddress?.email;
	return email ? `${name} (${email})` : name;
}
