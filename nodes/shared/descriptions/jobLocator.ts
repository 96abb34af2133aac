import type { INodeProperties } from 'n8n-workflow';

/** What differs between the job pickers of the ATS nodes; the picker itself is the same everywhere. */
export interface JobLocatorSpec {
	system: string;
	description: string;
	/** Captures the job id from a job page URL. */
	urlRegex: string;
	urlPlaceholder: string;
	urlError: string;
	idRegex: string;
	idPlaceholder: string;
	idError: string;
	/** What a valid id looks like once extracted, for the per-item check. */
	idPattern: RegExp;
	idHint: string;
}

/** Searchable "From List" (listSearch method `searchJobs`), "By URL" and "By ID". */
export function jobLocator(
	spec: JobLocatorSpec,
	overrides: Partial<INodeProperties> = {},
): INodeProperties {
	return {
		displayName: 'Job',
		name: 'job',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		description: spec.description,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Select a job...',
				typeOptions: { searchListMethod: 'searchJobs', searchable: true },
			},
			{
				displayName: 'By URL',
				name: 'url',
				type: 'string',
				placeholder: spec.urlPlaceholder,
				extractValue: { type: 'regex', regex: spec.urlRegex },
				validation: [
					{
						type: 'regex',
						properties: { regex: `${spec.urlRegex}.*`, errorMessage: spec.urlError },
					},
				],
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: spec.idPlaceholder,
				validation: [
					{ type: 'regex', properties: { regex: spec.idRegex, errorMessage: spec.idError } },
				],
			},
		],
		...overrides,
	};
}
