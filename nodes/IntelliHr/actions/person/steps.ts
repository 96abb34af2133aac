import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { Candidate } from '../../../shared/candidate/schema';
import { runState } from '../../../shared/runState';
import { createPersonOnce } from '../../../shared/export/createdThisRun';
import { createOnce } from '../../../shared/http/createOnce';
import { isSameJob, jobBody, type JobFields, personBody, type PersonExtras } from '../../mapping';
import { eqFilter, ihrList, ihrRecord } from '../../transport';
import type { IhrEmail, IhrJob, IhrPerson } from '../../types';

/** The primary email IntelliHR reports for a person, whichever of its two shapes it uses. */
export function primaryEmailOf(p: IhrPerson): string | undefined {
	const direct =
		typeof p.primaryEmailAddress === 'string'
			? p.primaryEmailAddress
			: (p.primaryEmailAddress as IhrEmail | null | undefined)?.email;
	const listed = p.emailAddresses?.find((e) => e.isPrimary)?.email;
	const email = direct ?? listed;
	return email ? email.toLowerCase() : undefined;
}

/**
 * People whose primary email is this address. The result is checked here as well: if IntelliHR
 * ever ignored the filter, a random person must not be taken for the candidate.
 */
export async function peopleByEmail(
	ctx: IExecuteFunctions,
	email: string,
	itemIndex: number,
): Promise<IhrPerson[]> {
	const found = await ihrList<IhrPerson>(
		ctx,
		'/people',
		eqFilter('primaryEmailAddress', email),
		10,
		itemIndex,
	);
	return found.filter((p) => {
		const primary = primaryEmailOf(p);
		return primary === undefined || primary === email.toLowerCase();
	});
}

function createdThisRun(ctx: IExecuteFunctions): Map<string, IhrPerson> {
	return runState(ctx, 'intellihr:people', () => new Map<string, IhrPerson>());
}

export interface PersonMatch {
	person: IhrPerson;
	otherIds: string[];
}

/** The existing person with one of the candidate's emails as primary address (first email first). */
export async function findPerson(
	ctx: IExecuteFunctions,
	c: Candidate,
	itemIndex: number,
): Promise<PersonMatch | undefined> {
	const memo = createdThisRun(ctx);
	for (const { value } of c.emails) {
		const remembered = memo.get(value);
		if (remembered) return { person: remembered, otherIds: [] };
		const people = await peopleByEmail(ctx, value, itemIndex);
		if (people.length) {
			const [person, ...others] = [...people].sort((a, b) =>
				String(a.createdAt ?? '').localeCompare(String(b.createdAt ?? '')),
			);
			return { person, otherIds: others.map((o) => o.id) };
		}
	}
	return undefined;
}

/** POST /people at most once, even when IntelliHR's answer to it is lost. */
export async function createPerson(
	ctx: IExecuteFunctions,
	c: Candidate,
	extras: PersonExtras,
	itemIndex: number,
): Promise<IhrPerson> {
	const { value } = await createPersonOnce(ctx, 'intellihr', c, {
		what: `person ${c.emails[0]?.value}`,
		create: async () =>
			await ihrRecord<IhrPerson>(ctx, 'POST', '/people', {
				body: personBody(c, extras),
				itemIndex,
			}),
		find: async () => (await findPerson(ctx, c, itemIndex))?.person,
	});
	for (const { value: email } of c.emails) createdThisRun(ctx).set(email, value);
	return value;
}

/**
 * Ids of other people with one of the candidate's emails as primary address, besides `ownId`: asked
 * right after a create, so a duplicate another n8n worker created at the same moment is reported.
 */
export async function otherPersonIds(
	ctx: IExecuteFunctions,
	c: Candidate,
	ownId: string,
	itemIndex: number,
): Promise<string[]> {
	const ids = new Set<string>();
	for (const { value } of c.emails)
		for (const p of await peopleByEmail(ctx, value, itemIndex)) if (p.id !== ownId) ids.add(p.id);
	return [...ids].sort();
}

export async function jobsOf(
	ctx: IExecuteFunctions,
	personId: string,
	itemIndex: number,
): Promise<IhrJob[]> {
	const jobs = await ihrList<IhrJob>(
		ctx,
		'/jobs',
		eqFilter('personId', personId),
		undefined,
		itemIndex,
	);
	return jobs.filter((j) => !j.person?.id || j.person.id === personId);
}

export async function findSameJob(
	ctx: IExecuteFunctions,
	personId: string,
	job: JobFields,
	itemIndex: number,
): Promise<IhrJob | undefined> {
	return (await jobsOf(ctx, personId, itemIndex)).find((j) =>
		isSameJob(j, job.positionTitle, job.startDate),
	);
}

/** POST /jobs at most once. */
export async function createJob(
	ctx: IExecuteFunctions,
	personId: string,
	job: JobFields,
	itemIndex: number,
): Promise<IhrJob> {
	const { value } = await createOnce(ctx, {
		what: `job "${job.positionTitle}" for person ${personId}`,
		create: async () =>
			await ihrRecord<IhrJob>(ctx, 'POST', '/jobs', {
				body: jobBody(personId, job) as IDataObject,
				itemIndex,
			}),
		find: async () => await findSameJob(ctx, personId, job, itemIndex),
	});
	return value;
}
