/** The IntelliHR credential every test uses (no apiBaseUrl: the default https://api.intellihr.io/v1), its request headers, and a list page. */

export const CREDS = {
	apiKey: 'ihr-key-0123456789abcdef',
	subdomain: 'https://Acme.intellihr.net/spa/people',
};

export const headers = {
	reqheaders: { authorization: 'Bearer ihr-key-0123456789abcdef', tenant: 'acme' },
};

export const page = (data: unknown[], current = 1, total = 1) => ({
	data,
	meta: {
		pagination: {
			total: data.length,
			count: data.length,
			per_page: 100,
			current_page: current,
			total_pages: total,
		},
	},
	links: {},
});
