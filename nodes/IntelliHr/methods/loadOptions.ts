import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { isEnabled, LOOKUP_LISTS, type LookupName, personOptionName } from '../lookups';
import { ihrList } from '../transport';
import type { IhrLookup } from '../types';

/** A dropdown holds at most this many records; larger lists still accept an ID by expression. */
const MAX_OPTIONS = 1000;

async function enabledOptions(
	ctx: ILoadOptionsFunctions,
	list: LookupName,
): Promise<INodePropertyOptions[]> {
	const { path, optionName } = LOOKUP_LISTS[list];
	const records = await ihrList<IhrLookup>(ctx, path, {}, MAX_OPTIONS);
	return sorted(records.filter(isEnabled).map((r) => ({ name: optionName(r), value: r.id })));
}

function sorted(options: INodePropertyOptions[]): INodePropertyOptions[] {
	return options.sort((a, b) => a.name.localeCompare(b.name));
}

export async function getBusinessEntities(this: ILoadOptionsFunctions) {
	return await enabledOptions(this, 'businessEntities');
}

export async function getBusinessUnits(this: ILoadOptionsFunctions) {
	return await enabledOptions(this, 'businessUnits');
}

export async function getEmploymentConditions(this: ILoadOptionsFunctions) {
	return await enabledOptions(this, 'employmentConditions');
}

export async function getLocations(this: ILoadOptionsFunctions) {
	return await enabledOptions(this, 'locations');
}

export async function getPayGrades(this: ILoadOptionsFunctions) {
	return await enabledOptions(this, 'payGrades');
}

export async function getRecruitmentSources(this: ILoadOptionsFunctions) {
	return await enabledOptions(this, 'recruitmentSources');
}

export async function getWorkClasses(this: ILoadOptionsFunctions) {
	return await enabledOptions(this, 'workClasses');
}

export async function getWorkTypes(this: ILoadOptionsFunctions) {
	return await enabledOptions(this, 'workTypes');
}

/** Supervisors: everyone in the account, labelled with their primary email. */
export async function getPeople(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const people = await ihrList<IhrLookup>(this, '/people', {}, MAX_OPTIONS);
	return sorted(people.map((p) => ({ name: personOptionName(p), value: p.id })));
}

export { getPersonCustomFields } from './customFields';
