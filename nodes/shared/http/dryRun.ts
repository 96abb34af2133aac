import type { IDataObject, IHttpRequestMethods } from 'n8n-workflow';

import { runState } from '../runState';
import { redactSecrets } from '../secrets';

/**
 * Dry run, enforced where every request passes (request.ts): while an item runs dry, a write is
 * never sent. It is recorded (method, path, query, body, secrets redacted) and answered here with
 * the record it would make, under a negative ID (-1 the first of the run). Reads go out as usual, so
 * every lookup and dedupe decision is real; a read that names a record only this dry run "made"
 * is answered here too (an empty list, or that record), since the API cannot know it.
 */

export interface RecordedRequest {
	method: IHttpRequestMethods;
	path: string;
	qs?: IDataObject;
	body?: IDataObject | IDataObject[];
}

/** How one API answers, for the made-up answers: its wrapping, and what a create returns. */
export interface DryRunShape {
	/** A POST that only reads (a search), sent for real. */
	readsByPost?(path: string): boolean;
	/** The body around a record or a list, e.g. {data: ...}. Default: as is. */
	wrap?(data: unknown): unknown;
	/** The record a create answers. Default: the body sent, with the new ID. */
	created?(path: string, body: IDataObject, newId: () => number): IDataObject;
}

interface State {
	active?: RecordedRequest[];
	nextId: number;
	made: Map<string, IDataObject>;
}

const stateOf = (ctx: object) =>
	runState<State>(ctx, 'dryRun', () => ({ nextId: -1, made: new Map() }));

/** Starts recording one item's writes; every write of the run is held back until `endDryRun`. */
export function beginDryRun(ctx: object): void {
	const state = stateOf(ctx);
	// Recording is per run: a second item starting while one records would mix their writes.
	if (state.active) throw new Error('A dry run item started while another was running');
	state.active = [];
}

/** Stops holding writes back and returns what the item would have sent. */
export function endDryRun(ctx: object): RecordedRequest[] {
	const state = stateOf(ctx);
	const requests = state.active ?? [];
	state.active = undefined;
	return requests;
}

export function isDryRun(ctx: object): boolean {
	return stateOf(ctx).active !== undefined;
}

/** Whether a value is an ID this run's dry run made up (negative, so never a real record's). */
export function isMadeUpId(ctx: object, value: unknown): boolean {
	return (
		(typeof value === 'number' || typeof value === 'string') && stateOf(ctx).made.has(String(value))
	);
}

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The answer to a request while dry: undefined means send it (a read of real records). */
export function dryRunAnswer(
	ctx: object,
	shape: DryRunShape,
	req: { method: IHttpRequestMethods; path: string; qs?: IDataObject; body?: unknown },
): { status: number; headers: Record<string, string>; body: unknown } | undefined {
	const state = stateOf(ctx);
	if (!state.active) return undefined;
	const wrap = (data: unknown) => ({ status: 200, headers: {}, body: shape.wrap?.(data) ?? data });
	const read = READ_METHODS.has(req.method) || shape.readsByPost?.(req.path) === true;
	if (read) {
		const segments = req.path.split('?')[0].split('/').map(safeDecode);
		const byPath = segments.find((s) => state.made.has(s));
		if (byPath !== undefined) return wrap(state.made.get(byPath));
		return names(state.made, [req.qs, req.body], 0) ? wrap([]) : undefined;
	}
	state.active.push(
		redactSecrets({
			method: req.method,
			path: req.path,
			...(req.qs && Object.keys(req.qs).length ? { qs: req.qs } : {}),
			...(req.body !== undefined ? { body: req.body as IDataObject } : {}),
		}),
	);
	const newId = () => {
		const id = state.nextId--;
		state.made.set(String(id), {});
		return id;
	};
	const body = (req.body ?? {}) as IDataObject;
	const record =
		req.method === 'POST'
			? (shape.created?.(req.path, body, newId) ?? { ...body, id: newId() })
			: { ...body, id: lastSegment(req.path) };
	if (isMadeUpId(ctx, record.id)) state.made.set(String(record.id), record);
	return { ...wrap(record), status: req.method === 'POST' ? 201 : 200 };
}

function safeDecode(segment: string): string {
	try {
		return decodeURIComponent(segment);
	} catch {
		return segment;
	}
}

function lastSegment(path: string): string {
	return safeDecode(path.split('?')[0].split('/').pop() ?? '');
}

/** Whether a query or search body names a made-up ID (a comma list counts), a few levels deep. */
function names(made: Map<string, IDataObject>, value: unknown, depth: number): boolean {
	if (depth > 6 || value === null || value === undefined) return false;
	if (typeof value === 'string' || typeof value === 'number')
		return String(value)
			.split(',')
			.some((v) => made.has(v.trim()));
	if (Array.isArray(value)) return value.some((v) => names(made, v, depth + 1));
	if (typeof value === 'object') return Object.values(value).some((v) => names(made, v, depth + 1));
	return false;
}
