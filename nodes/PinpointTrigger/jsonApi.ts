import { isRecord, type Rec, safeJson, str } from '../shared/values';

/**
 * Reading Pinpoint's API bodies. The JSON:API shape (`{data: {id, type, attributes,
 * relationships}, included}`) is what third parties describe and is UNCONFIRMED, so every reader
 * here also accepts plain objects. Pure.
 */

/** A JSON:API resource `{id, type, attributes, relationships}` or a plain object, flattened. */
export interface Resource {
	id?: string;
	type?: string;
	attributes: Rec;
	/** Relationship name → `{type, id}` (or a list of them), or an embedded object in plain bodies. */
	relationships: Record<string, unknown>;
	links?: Rec;
}

export interface Document {
	resource?: Resource;
	included: Resource[];
}

/** Reads a single-record body: JSON:API `{data, included}`, `{data: {...flat}}`, `{application: {...}}` or a flat object. */
export function readDocument(body: unknown, wrapperKey?: string): Document {
	const parsed = typeof body === 'string' ? safeJson(body) : body;
	if (!isRecord(parsed)) return { included: [] };
	const included = Array.isArray(parsed.included)
		? parsed.included.filter(isRecord).map(toResource)
		: [];
	const data = isRecord(parsed.data)
		? parsed.data
		: wrapperKey && isRecord(parsed[wrapperKey])
			? parsed[wrapperKey]
			: parsed;
	return { resource: toResource(data as Rec), included };
}

export function toResource(v: Rec): Resource {
	const isJsonApi = isRecord(v.attributes);
	const attributes: Rec = isJsonApi ? { ...(v.attributes as Rec) } : { ...v };
	const relationships: Record<string, unknown> = {};
	if (isRecord(v.relationships)) {
		for (const [name, rel] of Object.entries(v.relationships))
			if (isRecord(rel) && rel.data !== undefined) relationships[name] = rel.data;
	}
	if (!isJsonApi) {
		// Plain bodies embed related records (`candidate: {...}`) or name them (`candidate_id`).
		for (const [k, val] of Object.entries(v)) {
			if (
				(isRecord(val) || (Array.isArray(val) && val.length > 0 && val.every(isRecord))) &&
				k !== 'links' &&
				k !== 'meta'
			)
				relationships[k] = val;
			const idKey = /^(.+)_id$/.exec(k);
			if (
				idKey &&
				(typeof val === 'string' || typeof val === 'number') &&
				relationships[idKey[1]] === undefined
			)
				relationships[idKey[1]] = { id: String(val) };
		}
	}
	delete attributes.id;
	delete attributes.type;
	return {
		id: str(v.id),
		type: str(v.type),
		attributes,
		relationships,
		links: isRecord(v.links) ? v.links : undefined,
	};
}

/** The related record named by one of `names`: embedded, found in `included`, or only its id. */
export function related(doc: Document, names: string[]): Resource | undefined {
	const owner = doc.resource;
	if (!owner) return undefined;
	for (const name of names) {
		const rel = owner.relationships[name];
		const ref = Array.isArray(rel) ? rel[0] : rel;
		if (!isRecord(ref)) continue;
		if (isRecord(ref.attributes) || Object.keys(ref).some((k) => !['id', 'type'].includes(k)))
			return toResource(ref);
		const relId = str(ref.id);
		const found = doc.included.find((r) => r.id === relId && (!ref.type || r.type === ref.type));
		return found ?? { id: relId, type: str(ref.type), attributes: {}, relationships: {} };
	}
	return undefined;
}

/** Every included record of a JSON:API type (e.g. all `offers`), embedded lists included. */
export function relatedAll(doc: Document, names: string[]): Resource[] {
	const out: Resource[] = [];
	for (const name of names) {
		const rel = doc.resource?.relationships[name];
		for (const ref of Array.isArray(rel) ? rel : rel ? [rel] : []) {
			if (!isRecord(ref)) continue;
			const relId = str(ref.id);
			out.push(
				doc.included.find((r) => r.id === relId && (!ref.type || r.type === ref.type)) ??
					toResource(ref),
			);
		}
	}
	return out;
}
