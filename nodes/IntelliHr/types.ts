/** The IntelliHR v1 fields we read. Records are flat objects inside `{ data, meta, links }`. */
export interface IhrRef {
	id?: string;
	name?: string;
	displayName?: string;
}

export interface IhrEmail {
	email: string;
	isPrimary?: boolean;
	isPersonal?: boolean;
}

export interface IhrPerson {
	id: string;
	displayName?: string;
	firstName?: string | null;
	lastName?: string | null;
	preferredName?: string | null;
	primaryEmailAddress?: string | IhrEmail | null;
	emailAddresses?: IhrEmail[];
	createdAt?: string;
	[key: string]: unknown;
}

export interface IhrJob {
	id: string;
	person?: IhrRef | null;
	name?: string | null;
	positionTitle?: string | IhrRef | null;
	companyStartDate?: string | null;
	positionStartDate?: string | null;
	startDate?: string | null;
	[key: string]: unknown;
}

export interface IhrLookup {
	id: string;
	name?: string | null;
	code?: string | null;
	legalName?: string | null;
	displayName?: string | null;
	primaryEmailAddress?: string | IhrEmail | null;
	isEnabled?: boolean;
	[key: string]: unknown;
}

export interface IhrList<T> {
	data?: T[];
	meta?: {
		pagination?: {
			total?: number;
			count?: number;
			per_page?: number;
			current_page?: number;
			total_pages?: number;
		};
	};
	links?: { next?: string | null };
}
