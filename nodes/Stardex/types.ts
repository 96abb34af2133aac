/**
 * The Stardex v1 fields we read. Documented on docs.stardex.com; where a shape is not documented
 * (search results, pipeline stages) every field is optional and read defensively.
 */
export interface SdxContact {
	contact_data_type?: string | null;
	value: string;
}

/** A person-on-job ("candidate") record as listed in person.candidates[]. */
export interface SdxPersonJob {
	candidate_id?: string;
	id?: string;
	job_id?: string;
	job_name?: string | null;
	job_client_company_name?: string | null;
	current_pipeline_stage_name?: string | null;
	current_pipeline_stage_id?: string | null;
	is_archived?: boolean;
	created_at?: string;
}

export interface SdxPerson {
	id: string;
	name?: string | null;
	first_name?: string | null;
	last_name?: string | null;
	linkedin_public_id?: string | null;
	linkedin_url?: string | null;
	current_job_title?: string | null;
	current_company_name?: string | null;
	company_name?: string | null;
	linkedin_location?: string | null;
	external_source_id?: string | null;
	emails?: Array<SdxContact | string>;
	phones?: Array<SdxContact | string>;
	phone_numbers?: Array<SdxContact | string>;
	candidates?: SdxPersonJob[];
	/** Set by POST /v1/persons when a job was given: the person-on-job record. */
	candidate_id?: string | null;
}

export interface SdxJob {
	id: string;
	name?: string;
	is_archived?: boolean;
	client_company_name?: string | null;
	job_status_name?: string | null;
	pipeline_stages?: unknown;
	[key: string]: unknown;
}

export interface SdxMeta {
	total?: number;
	offset?: number;
	limit?: number;
}

/** A pipeline stage, whatever field names the API uses for it. */
export interface SdxStage {
	id?: string;
	name: string;
	order: number;
}
