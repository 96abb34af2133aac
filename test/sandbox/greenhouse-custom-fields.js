// @ts-check
'use strict';
/**
 * Greenhouse custom fields for the sandbox: the definitions (GET /v3/custom_fields), their options
 * (GET /v3/custom_field_options) and the checks a write's `custom_fields[{custom_field_id|name_key,
 * value}]` must pass beyond its schema: the field exists, is active, belongs to the record written
 * (candidate or application, and the application's kind), and the value fits the field's type
 * (select values are option ids of that field, or for a single select an option's exact name; a user
 * is a user id). Refused writes answer 422 naming the field, like the vendor's validation errors.
 */

const T = '2026-01-05T10:00:00Z';

/** @param {number} id @param {string} fieldType @param {string} name @param {string} nameKey @param {string} valueType @param {any} [extra] */
function field(id, fieldType, name, nameKey, valueType, extra = {}) {
	return {
		id,
		created_at: T,
		updated_at: T,
		field_type: fieldType,
		sort_order: id % 100,
		name,
		value_type: valueType,
		private: false,
		required: false,
		require_approval: false,
		trigger_new_version: false,
		active: true,
		updated_by_id: null,
		internal_type: null,
		expose_in_job_board_api: false,
		placeholder: null,
		name_key: nameKey,
		description: null,
		application_type: fieldType === 'application' ? 'all_applications' : null,
		api_only: false,
		...extra,
	};
}

/** One candidate field of every type the export writes, plus the edge cases (inactive, unwritable, shared name). */
function defaultCustomFields() {
	return [
		field(11001, 'candidate', 'Sourcing Channel', 'sourcing_channel', 'short_text'),
		field(11002, 'candidate', 'Outreach Reply', 'outreach_reply', 'long_text'),
		field(11003, 'candidate', 'Open to Relocation', 'open_to_relocation', 'yes_no'),
		field(11004, 'candidate', 'Seniority', 'seniority', 'single_select'),
		field(11005, 'candidate', 'Languages', 'languages', 'multi_select'),
		field(11006, 'candidate', 'Years of Experience', 'years_of_experience', 'number'),
		field(11007, 'candidate', 'Available From', 'available_from', 'date'),
		field(11008, 'candidate', 'Portfolio', 'portfolio', 'url'),
		field(11009, 'candidate', 'Sourced By', 'sourced_by', 'user'),
		field(11010, 'candidate', 'Expected Salary', 'expected_salary', 'currency'),
		field(11011, 'candidate', 'Salary Range', 'salary_range', 'number_range'),
		field(11012, 'candidate', 'Legacy Field', 'legacy_field', 'short_text', { active: false }),
		field(11013, 'candidate', 'Campaign', 'candidate_campaign', 'short_text'),
		field(11020, 'application', 'Campaign', 'campaign', 'short_text'),
		field(11021, 'application', 'Interest Level', 'interest_level', 'single_select', {
			application_type: 'candidate_applications',
		}),
		field(11022, 'application', 'Pool Fit', 'pool_fit', 'yes_no', {
			application_type: 'prospect_applications',
		}),
		field(11030, 'job', 'Cost Center', 'cost_center', 'short_text'),
	];
}

/** @param {number} id @param {number} fieldId @param {string} name @param {boolean} [active] */
function option(id, fieldId, name, active = true) {
	return {
		id,
		created_at: T,
		updated_at: T,
		custom_field_id: fieldId,
		name,
		external_id: null,
		sort_order: id % 10,
		active,
	};
}

function defaultOptions() {
	return [
		option(21001, 11004, 'Junior'),
		option(21002, 11004, 'Mid'),
		option(21003, 11004, 'Senior'),
		option(21004, 11004, 'Staff', false),
		option(21011, 11005, 'English'),
		option(21012, 11005, 'German'),
		option(21013, 11005, 'French'),
		option(21021, 11021, 'High'),
		option(21022, 11021, 'Medium'),
	];
}

/**
 * Checks `custom_fields` of a write and answers [errors, stored]: `stored` is the read shape
 * {name_key: {name, type, value}} to merge into the record.
 * @param {any} db
 * @param {any} items
 * @param {'candidate'|'application'} target
 * @param {{prospect?: boolean}} [application]
 */
function checkCustomFields(db, items, target, application) {
	/** @type {Array<Record<string, string>>} */
	const errors = [];
	/** @type {Record<string, any>} */
	const stored = {};
	for (const item of items || []) {
		const f = db.customFields.find(
			(/** @type {any} */ d) => d.id === item.custom_field_id || d.name_key === item.name_key,
		);
		const ref = item.custom_field_id ?? item.name_key;
		const fail = (/** @type {string} */ msg) =>
			errors.push({ custom_fields: `Custom field ${ref} ${msg}` });
		if (!f || !f.active) {
			fail('does not exist');
			continue;
		}
		if (f.field_type !== target) {
			fail(`is a ${f.field_type} field, not a ${target} field`);
			continue;
		}
		if (application && f.application_type === 'candidate_applications' && application.prospect)
			fail('applies to candidate applications only');
		if (application && f.application_type === 'prospect_applications' && !application.prospect)
			fail('applies to prospect applications only');
		const value = readValue(db, f, item.value);
		if (value.error) fail(value.error);
		else stored[f.name_key] = { name: f.name, type: f.value_type, value: value.shown };
	}
	return /** @type {[typeof errors, typeof stored]} */ ([errors, stored]);
}

/** @param {any} db @param {any} f @param {any} v @returns {{error?: string, shown?: any}} */
function readValue(db, f, v) {
	const options = db.customFieldOptions.filter(
		(/** @type {any} */ o) => o.custom_field_id === f.id && o.active,
	);
	const optionOf = (/** @type {any} */ x) =>
		options.find(
			(/** @type {any} */ o) => o.id === x || (f.value_type === 'single_select' && o.name === x),
		);
	if (v === null || v === undefined || v === '') return { error: 'must not be blank' };
	switch (f.value_type) {
		case 'short_text':
		case 'long_text':
		case 'url':
			return typeof v === 'string' ? { shown: v } : { error: 'must be a string' };
		case 'date':
			return typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v))
				? { shown: v }
				: { error: 'must be a date (YYYY-MM-DD)' };
		case 'yes_no':
			return typeof v === 'boolean' ? { shown: v } : { error: 'must be true or false' };
		case 'number':
			return typeof v === 'number' && Number.isFinite(v)
				? { shown: v }
				: { error: 'must be a number' };
		case 'currency':
			return v &&
				typeof v === 'object' &&
				typeof v.amount === 'number' &&
				/^[A-Z]{3}$/.test(v.currency_code)
				? { shown: { amount: v.amount, unit: v.currency_code } }
				: { error: 'must be {amount, currency_code}' };
		case 'single_select': {
			const o = optionOf(v);
			return o ? { shown: o.name } : { error: `has no option ${JSON.stringify(v)}` };
		}
		case 'multi_select': {
			if (!Array.isArray(v) || !v.length) return { error: 'must be a list of option ids' };
			const found = v.map(optionOf);
			return found.every(Boolean)
				? { shown: found.map((/** @type {any} */ o) => o.name) }
				: { error: `has no option ${JSON.stringify(v[found.indexOf(undefined)])}` };
		}
		case 'user': {
			const u = db.users.find((/** @type {any} */ x) => x.id === v);
			return u
				? {
						shown: {
							user_id: u.id,
							name: `${u.first_name} ${u.last_name}`,
							email: u.primary_email,
						},
					}
				: { error: `has no user ${JSON.stringify(v)}` };
		}
		default:
			return { error: `is a ${f.value_type} field and cannot be set through the API` };
	}
}

module.exports = { defaultCustomFields, defaultOptions, checkCustomFields };
