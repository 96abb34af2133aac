import type { INodeProperties } from 'n8n-workflow';

/** How an export node gets its candidate: straight from a trigger/Set node, or mapped field by field. */
export const candidateInputProperties: INodeProperties[] = [
	{
		displayName: 'Candidate Data',
		name: 'candidateInput',
		type: 'options',
		noDataExpression: true,
		default: 'input',
		options: [
			{
				name: 'From Input Item',
				value: 'input',
				description:
					'Use the normalized candidate the previous node produced (e.g. the Outreach Trigger), from the item itself or its "candidate" field',
			},
			{ name: 'Define Below', value: 'fields', description: 'Map each field with an expression' },
		],
	},
	{
		displayName: 'Full Name',
		name: 'fullName',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. Jane Smith',
		displayOptions: { show: { candidateInput: ['fields'] } },
	},
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		default: '',
		placeholder: 'e.g. jane@example.com',
		description:
			'One address, or several separated by commas. The first one is the primary address.',
		displayOptions: { show: { candidateInput: ['fields'] } },
	},
	{
		displayName: 'Additional Fields',
		name: 'candidateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: { candidateInput: ['fields'] } },
		options: [
			{ displayName: 'City', name: 'city', type: 'string', default: '' },
			{ displayName: 'Country', name: 'country', type: 'string', default: '' },
			{ displayName: 'Current Company', name: 'currentCompany', type: 'string', default: '' },
			{ displayName: 'Current Title', name: 'currentTitle', type: 'string', default: '' },
			{
				displayName: 'LinkedIn URL',
				name: 'linkedinUrl',
				type: 'string',
				default: '',
				placeholder: 'e.g. https://www.linkedin.com/in/janesmith',
			},
			{
				displayName: 'Phone',
				name: 'phone',
				type: 'string',
				default: '',
				placeholder: 'e.g. +1 555 0100',
			},
			{
				displayName: 'Previous Jobs (JSON)',
				name: 'previousJobs',
				type: 'json',
				default: '[]',
				description:
					'A list like [{"title":"Engineer","company":"Acme","startDate":"2019-01-01","endDate":"2022-06-30"}]',
			},
			{
				displayName: 'Resume Binary Property',
				name: 'resumeBinaryProperty',
				type: 'string',
				default: '',
				placeholder: 'e.g. data',
				description: 'Name of the binary property of the input item that holds the resume PDF',
			},
			{
				displayName: 'Source',
				name: 'source',
				type: 'string',
				default: '',
				placeholder: 'e.g. lemlist: Campaign X',
			},
			{ displayName: 'State', name: 'state', type: 'string', default: '' },
			{
				displayName: 'Tags',
				name: 'tags',
				type: 'string',
				default: '',
				description: 'Comma-separated tags',
			},
		],
	},
];

export const IF_EXISTS_VALUES = ['skip', 'addToJob', 'fillEmpty', 'error'] as const;
export type IfExists = (typeof IF_EXISTS_VALUES)[number];

export const ifExistsProperty: INodeProperties = {
	displayName: 'If Candidate Exists',
	name: 'ifExists',
	type: 'options',
	default: 'skip',
	description:
		'What to do when a candidate with the same email or LinkedIn URL is already in the ATS',
	options: [
		{
			name: 'Add to Job',
			value: 'addToJob',
			description: 'Apply the existing candidate to the chosen job, unless they are already on it',
		},
		{ name: 'Error', value: 'error', description: 'Fail the item, naming the existing candidate' },
		{
			name: 'Fill Empty Fields',
			value: 'fillEmpty',
			description:
				'Only fill fields that are empty in the ATS. Contact details already there are never changed.',
		},
		{
			name: 'Skip',
			value: 'skip',
			description: 'Leave the existing candidate untouched and report it as skipped',
		},
	],
};

/** How many input items an export works on at once when Parallel Candidates is not set. */
export const DEFAULT_PARALLEL_CANDIDATES = 4;
export const MAX_PARALLEL_CANDIDATES = 4;

/** An export's Options entry: several candidates at a time, so a slow API does not waste the rate limit. */
export const parallelCandidatesOption: INodeProperties = {
	displayName: 'Parallel Candidates',
	name: 'parallelCandidates',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: MAX_PARALLEL_CANDIDATES },
	default: DEFAULT_PARALLEL_CANDIDATES,
	description:
		'How many input items are looked up and created at the same time, under one shared rate limit. A candidate already created hands its place to the next while its employments and resume are written. More helps when each answer is slow; 1 exports one after the other. The output keeps the input order, and the same person is never created twice at once.',
};

/**
 * An export's "Generate Profile PDF When No Resume" option (shared/export/resume.ts
 * documentForNewRecord); `description` says what the ATS does with the file.
 */
export function profilePdfOption(description: string): INodeProperties {
	return {
		displayName: 'Generate Profile PDF When No Resume',
		name: 'profilePdf',
		type: 'options',
		default: 'outreach',
		description,
		options: [
			{ name: 'Always', value: 'always' },
			{ name: 'Never', value: 'never' },
			{
				name: 'When Sourced by an Outreach Tool',
				value: 'outreach',
				description:
					'Items from the Outreach Trigger (the default, also when this option is not added)',
			},
		],
	};
}
