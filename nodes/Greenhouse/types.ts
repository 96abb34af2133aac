/** The v3 fields we read. Webhook payloads use v1 names; these are the Harvest v3 read objects. */
export interface GhCandidate {
	id: number;
	first_name?: string | null;
	last_name?: string | null;
	company?: string | null;
	title?: string | null;
	email_addresses?: Array<{ value: string; type?: string }>;
	phone_numbers?: Array<{ value: string; type?: string }>;
	addresses?: Array<{ value: string; type?: string }>;
	social_media_addresses?: Array<{ value: string }>;
	website_addresses?: Array<{ value: string; type?: string }>;
	tags?: string[];
	updated_at?: string;
	/** Keyed by the field's name_key: {name, type, value}. */
	custom_fields?: Record<string, { name?: string; type?: string; value?: unknown }> | null;
}

export interface GhApplication {
	id: number;
	candidate_id: number;
	job_id?: number | null;
	prospect?: boolean;
	prospective_job_ids?: number[];
	status?: string;
}

export interface GhJob {
	id: number;
	name: string;
	status?: string;
	requisition_id?: string | null;
}
