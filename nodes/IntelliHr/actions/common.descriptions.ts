import type { INodeProperties } from 'n8n-workflow';

const PICK_OR_EXPRESSION =
	'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.';

/**
 * A dropdown filled from the IntelliHR account (enabled records only). Its value is an id and is
 * sent as {id}; an expression may also give a name, sent as {name}.
 */
export function lookupField(
	name: string,
	label: string,
	loadOptionsMethod: string,
	description: string,
	required = false,
): INodeProperties {
	return {
		displayName: `${label} Name or ID`,
		name,
		type: 'options',
		typeOptions: { loadOptionsMethod },
		required,
		default: '',
		description: description + '. ' + PICK_OR_EXPRESSION,
	};
}

/** Person ID, or a person page URL of the IntelliHR web app. */
export const PERSON_URL_REGEX =
	'https://[a-zA-Z0-9-]+\\.intellihr\\.net/.*people/([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})';

export const personLocator: INodeProperties = {
	displayName: 'Person',
	name: 'person',
	type: 'resourceLocator',
	required: true,
	default: { mode: 'id', value: '' },
	description: 'The person to get',
	modes: [
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 8a5f0c1e-2b3d-4e5f-8a9b-0c1d2e3f4a5b',
			validation: [
				{
					type: 'regex',
					properties: {
						regex: '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}',
						errorMessage: 'A person ID is a UUID',
					},
				},
			],
		},
		{
			displayName: 'By URL',
			name: 'url',
			type: 'string',
			placeholder:
				'e.g. https://acme.intellihr.net/spa/people/8a5f0c1e-2b3d-4e5f-8a9b-0c1d2e3f4a5b',
			extractValue: { type: 'regex', regex: PERSON_URL_REGEX },
			validation: [
				{
					type: 'regex',
					properties: {
						regex: `${PERSON_URL_REGEX}.*`,
						errorMessage: 'Not an IntelliHR person URL',
					},
				},
			],
		},
	],
};
