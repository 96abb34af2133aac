/**
 * Region names and codes the location reader knows: the states and territories of the three
 * countries whose addresses are usually written "City, ST" (US, Canada, Australia), and every
 * country by ISO 3166-1 code or English name (from Intl.DisplayNames, which Node ships with full
 * ICU), plus the common short names. Built once, on first use.
 */

export interface Region {
	name: string;
	country: string;
}

const US = 'United States';
const CA = 'Canada';
const AU = 'Australia';

const STATES: Array<[string, string, string]> = [
	...(
		[
			['AL', 'Alabama'],
			['AK', 'Alaska'],
			['AZ', 'Arizona'],
			['AR', 'Arkansas'],
			['CA', 'California'],
			['CO', 'Colorado'],
			['CT', 'Connecticut'],
			['DE', 'Delaware'],
			['DC', 'District of Columbia'],
			['FL', 'Florida'],
			['GA', 'Georgia'],
			['HI', 'Hawaii'],
			['ID', 'Idaho'],
			['IL', 'Illinois'],
			['IN', 'Indiana'],
			['IA', 'Iowa'],
			['KS', 'Kansas'],
			['KY', 'Kentucky'],
			['LA', 'Louisiana'],
			['ME', 'Maine'],
			['MD', 'Maryland'],
			['MA', 'Massachusetts'],
			['MI', 'Michigan'],
			['MN', 'Minnesota'],
			['MS', 'Mississippi'],
			['MO', 'Missouri'],
			['MT', 'Montana'],
			['NE', 'Nebraska'],
			['NV', 'Nevada'],
			['NH', 'New Hampshire'],
			['NJ', 'New Jersey'],
			['NM', 'New Mexico'],
			['NY', 'New York'],
			['NC', 'North Carolina'],
			['ND', 'North Dakota'],
			['OH', 'Ohio'],
			['OK', 'Oklahoma'],
			['OR', 'Oregon'],
			['PA', 'Pennsylvania'],
			['RI', 'Rhode Island'],
			['SC', 'South Carolina'],
			['SD', 'South Dakota'],
			['TN', 'Tennessee'],
			['TX', 'Texas'],
			['UT', 'Utah'],
			['VT', 'Vermont'],
			['VA', 'Virginia'],
			['WA', 'Washington'],
			['WV', 'West Virginia'],
			['WI', 'Wisconsin'],
			['WY', 'Wyoming'],
			['PR', 'Puerto Rico'],
		] as const
	).map(([c, n]): [string, string, string] => [c, n, US]),
	...(
		[
			['AB', 'Alberta'],
			['BC', 'British Columbia'],
			['MB', 'Manitoba'],
			['NB', 'New Brunswick'],
			['NL', 'Newfoundland and Labrador'],
			['NS', 'Nova Scotia'],
			['NT', 'Northwest Territories'],
			['NU', 'Nunavut'],
			['ON', 'Ontario'],
			['PE', 'Prince Edward Island'],
			['QC', 'Quebec'],
			['SK', 'Saskatchewan'],
			['YT', 'Yukon'],
		] as const
	).map(([c, n]): [string, string, string] => [c, n, CA]),
	...(
		[
			['NSW', 'New South Wales'],
			['VIC', 'Victoria'],
			['QLD', 'Queensland'],
			['SA', 'South Australia'],
			['WA', 'Western Australia'],
			['TAS', 'Tasmania'],
			['NT', 'Northern Territory'],
			['ACT', 'Australian Capital Territory'],
		] as const
	).map(([c, n]): [string, string, string] => [c, n, AU]),
];

/** Short names people write for a country, besides its ISO code and English name. */
const COUNTRY_ALIASES: Record<string, string> = {
	usa: US,
	'u.s.': US,
	'u.s.a.': US,
	'united states of america': US,
	america: US,
	uk: 'United Kingdom',
	'u.k.': 'United Kingdom',
	'great britain': 'United Kingdom',
	britain: 'United Kingdom',
	england: 'United Kingdom',
	scotland: 'United Kingdom',
	wales: 'United Kingdom',
	'northern ireland': 'United Kingdom',
	uae: 'United Arab Emirates',
	deutschland: 'Germany',
	'the netherlands': 'Netherlands',
	holland: 'Netherlands',
	españa: 'Spain',
	schweiz: 'Switzerland',
	suisse: 'Switzerland',
	österreich: 'Austria',
	italia: 'Italy',
	brasil: 'Brazil',
	méxico: 'Mexico',
	'south korea': 'South Korea',
	korea: 'South Korea',
	russia: 'Russia',
	czechia: 'Czechia',
	'czech republic': 'Czechia',
};

let countries: Map<string, string> | undefined;
let states: Map<string, Region[]> | undefined;

/** The English name of a country written as an ISO code, a name or a common short name. */
export function countryOf(text: string): string | undefined {
	countries ??= buildCountries();
	return countries.get(text.toLowerCase());
}

/** The states a code or name may be, US first, then Canada, then Australia ("WA" is both). */
export function statesOf(text: string): Region[] {
	states ??= buildStates();
	return states.get(text.toLowerCase()) ?? [];
}

function buildCountries(): Map<string, string> {
	const map = new Map<string, string>();
	const names = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
	const A = 65;
	for (let i = 0; i < 26; i++)
		for (let j = 0; j < 26; j++) {
			const code = String.fromCharCode(A + i, A + j);
			let name: string | undefined;
			try {
				name = names.of(code);
			} catch {
				name = undefined;
			}
			// Codes without a country (EU, UN, ZZ, ...) are left out, so "EU" is never a country.
			if (!name || name === code || /Union|Nations|Unknown|Outlying|Pseudo|zone/.test(name))
				continue;
			map.set(code.toLowerCase(), name);
			map.set(name.toLowerCase(), name);
		}
	map.delete('uk');
	for (const [alias, name] of Object.entries(COUNTRY_ALIASES)) map.set(alias, name);
	return map;
}

function buildStates(): Map<string, Region[]> {
	const map = new Map<string, Region[]>();
	const add = (key: string, region: Region) => map.set(key, [...(map.get(key) ?? []), region]);
	for (const [code, name, country] of STATES) {
		add(code.toLowerCase(), { name, country });
		add(name.toLowerCase(), { name, country });
	}
	return map;
}
