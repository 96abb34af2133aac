import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { DEFAULT_DEDUPE_SIZE } from '../shared/trigger/dedupe';
import {
	signatureAlgorithmProperty,
	signatureEncodingProperty,
} from '../shared/descriptions/signature';
import {
	DEFAULT_ENRICH_TIME_LIMIT_MS,
	ENRICHABLE_TOOLS,
	MAX_ENRICH_TIME_LIMIT_MS,
	MIN_ENRICH_TIME_LIMIT_MS,
} from './enrich';
import { campaignLocator } from './descriptions/campaignLocator';
import { AUTO_SINCE, REGISTRABLE_TOOLS } from './registration/registrars';

const SETUP: Record<string, string> = {
	generic:
		'POST JSON in our documented format (docs/outreach-generic-schema.json), e.g. {"event":"replied","eventId":"r-1","contact":{"fullName":"Jane Doe","email":"jane@example.com"},"reply":{"text":"Sounds good"}} to the Production URL above. Sign with X-Signature: sha256= followed by the hex HMAC-SHA256 of the body (Authentication: HMAC Signature, Source Default) or send a header or URL token.',
	heyreach:
		'In HeyReach: Settings › Integrations › Webhooks › add a webhook with the Production URL above plus ?token=YOUR_TOKEN (a long random value). Events: MESSAGE_REPLY_RECEIVED and INMAIL_REPLY_RECEIVED (Replied), LEAD_AUTO_TAGGED_INTERESTED or LEAD_TAG_UPDATED (Interested), CONNECTION_REQUEST_SENT (Added to Sequence, stand-in: first contact). HeyReach does not sign requests: use Authentication: Query Token.',
	instantly:
		'In Instantly: Settings › Integrations › Webhooks › Add webhook with the Production URL above. Events: reply_received (Replied), lead_interested and lead_meeting_booked (Interested), email_sent (Added to Sequence, stand-in: step 1 only). Add a custom header such as X-Webhook-Token with a random value and use Authentication: Header Token.',
	lemlist:
		'In lemlist: Settings › Integrations › Webhooks, or POST https://api.lemlist.com/api/hooks with {"targetUrl": "PRODUCTION_URL", "secret": "YOUR_SECRET"}. Events: emailsReplied, linkedinReplied or warmed (Replied), interested or emailsInterested (Interested), contacted (Added to Sequence, stand-in: first contact). lemlist echoes the secret in the body: use Authentication: Body Secret.',
	outreachIo:
		'Outreach.io webhooks are created through its API: POST https://api.outreach.io/api/v2/webhooks with url = Production URL above, a secret, and resource/action sequenceState/created (Added to Sequence) and mailing/replied (Replied). Use Authentication: HMAC Signature (Source Default: Outreach-Webhook-Signature, hex SHA-256). Outreach.io sends ids only: turn on Enrich Missing Fields to read the prospect with an Outreach.io OAuth2 credential; otherwise the output says what is missing and how to fetch it.',
	replyIo:
		'In Reply.io: Settings › Integrations › Webhooks (or POST https://api.reply.io/v3/webhooks) with the Production URL above plus ?token=YOUR_TOKEN (a long random value). Events: email_replied and linkedin_message_replied (Replied), meeting_booked (Interested). Turn on "include email text" so replies can be classified. Use Authentication: Query Token.',
	smartlead:
		'In Smartlead: Campaign › Settings › Webhooks (or the webhook API) with the Production URL above. Events: EMAIL_REPLY (Replied), LEAD_CATEGORY_UPDATED (Interested when the category is Interested or Meeting Request), FIRST_EMAIL_SENT (Added to Sequence, stand-in). Smartlead echoes secret_key in the body: use Authentication: Body Secret.',
	woodpecker:
		'In Woodpecker (API & integrations add-on): POST https://api.woodpecker.co/rest/v1/webhooks/subscribe with {"target_url": "PRODUCTION_URL?token=YOUR_TOKEN", "event": "prospect_replied"}, and again for prospect_interested. Woodpecker has no Added to Sequence event and does not sign requests: use Authentication: Query Token.',
};

const setupNotices: INodeProperties[] = Object.entries(SETUP).map(([source, text]) => ({
	displayName: text,
	name: `setupNotice_${source}`,
	type: 'notice',
	default: '',
	displayOptions: { show: { source: [source] }, hide: { registration: ['auto'] } },
}));

/** Manual setup only: with automatic registration the token is made and checked by the node. */
const MANUAL = { hide: { registration: ['auto'] } };
const secretFor = (modes: string[]) => ({ show: { authentication: modes }, ...MANUAL });
const customSignature = {
	show: { authentication: ['hmac'], signatureFormat: ['custom'] },
	...MANUAL,
};

const registrationOptions = [
	{
		name: 'Register Automatically (Recommended)',
		value: 'auto',
		description:
			"Publishing the workflow creates the webhook in the tool through its API, with a random token only this trigger knows; unpublishing deletes it. Needs the tool's API credential.",
	},
	{
		name: 'Manual (Paste the URL)',
		value: 'manual',
		description: "You add the webhook in the tool's settings yourself (see the notice below)",
	},
];

/** The node versions before `since` (the versions this node has). */
const VERSIONS = [1, 1.1, 2, 2.1];

/**
 * Two definitions of one parameter per group of tools: workflows saved before a tool could register
 * itself keep the manual setup they were built with; newer versions register automatically.
 */
function registrationFor(tools: string[], since: number): INodeProperties[] {
	const show = (defaultValue: string, versions: unknown[]): INodeProperties => ({
		displayName: 'Registration',
		name: 'registration',
		type: 'options',
		noDataExpression: true,
		default: defaultValue,
		options: registrationOptions,
		displayOptions: { show: { source: tools, '@version': versions as number[] } },
	});
	return [
		show('auto', [{ _cnd: { gte: since } }]),
		show(
			'manual',
			VERSIONS.filter((v) => v < since),
		),
	];
}

const registration: INodeProperties[] = [...new Set(Object.values(AUTO_SINCE))].flatMap((since) =>
	registrationFor(
		REGISTRABLE_TOOLS.filter((t) => AUTO_SINCE[t] === since),
		since as number,
	),
);

const smartleadCampaigns = campaignLocator({
	source: 'smartlead',
	tool: 'Smartlead',
	searchListMethod: 'searchSmartleadCampaigns',
	idPlaceholder: 'e.g. 1234567',
	whenEmpty:
		"Smartlead's API adds webhooks to campaigns only, so pick at least one; for every campaign, set Registration to Manual and add a webhook in Smartlead yourself",
	versions: [{ _cnd: { gte: 1 } }],
});

const smartleadNotice: INodeProperties = {
	displayName:
		'Smartlead adds webhooks per campaign: pick the campaigns below (at least one). Publishing adds one webhook to each, for the events chosen; unpublishing removes them.',
	name: 'smartleadCampaignNotice',
	type: 'notice',
	default: '',
	displayOptions: { show: { source: ['smartlead'], registration: ['auto'] } },
};

const autoNotice: INodeProperties = {
	displayName:
		'Pick the credential above and publish the workflow: the webhook is created in the tool for exactly the events chosen below, with a random token the tool sends back on every call. Unpublishing deletes it. A webhook deleted in the tool is created again the next time the workflow is published.',
	name: 'autoRegistrationNotice',
	type: 'notice',
	default: '',
	displayOptions: { show: { source: REGISTRABLE_TOOLS, registration: ['auto'] } },
};

/** The Authentication methods of every version (version 2 adds "the tool's own method" first). */
const AUTH_METHODS: INodePropertyOptions[] = [
	{
		name: 'Body Secret (Lemlist, Smartlead)',
		value: 'bodySecret',
		description: 'The tool copies your secret into every JSON body',
	},
	{
		name: 'Header Token',
		value: 'headerToken',
		description: 'A header with a fixed secret value, e.g. Instantly custom headers',
	},
	{
		name: 'HMAC Signature',
		value: 'hmac',
		description: 'A header with an HMAC of the raw body, e.g. Outreach.io',
	},
	{
		name: 'None',
		value: 'none',
		description: 'Anyone who knows the URL can start the workflow',
	},
	{
		name: 'Query Token',
		value: 'queryToken',
		description:
			'A secret in the URL, e.g. ?token=…, for tools that cannot sign (Woodpecker, HeyReach, Reply.io)',
	},
];

export const properties: INodeProperties[] = [
	{
		displayName: 'Path',
		name: 'path',
		type: 'string',
		default: 'outreach',
		required: true,
		placeholder: 'e.g. outreach-lemlist',
		description: 'Last part of the webhook URL. Use a different path for each workflow.',
	},
	{
		displayName: 'Source',
		name: 'source',
		type: 'options',
		noDataExpression: true,
		default: 'generic',
		description:
			'The tool that calls this webhook. lemlist, Instantly, Woodpecker, Smartlead and HeyReach can register it themselves when you publish; the others are set up by hand in the tool (see the notice below).',
		options: [
			{
				name: 'Generic (Documented JSON)',
				value: 'generic',
				description: 'Our own format, for any other tool or your own code',
			},
			{ name: 'HeyReach', value: 'heyreach' },
			{ name: 'Instantly', value: 'instantly' },
			{ name: 'Lemlist', value: 'lemlist' },
			{ name: 'Outreach.io', value: 'outreachIo' },
			{ name: 'Reply.io', value: 'replyIo' },
			{ name: 'Smartlead', value: 'smartlead' },
			{ name: 'Woodpecker', value: 'woodpecker' },
		],
	},
	...registration,
	autoNotice,
	smartleadNotice,
	smartleadCampaigns,
	...setupNotices,
	{
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		required: true,
		default: ['replied'],
		description:
			'Which events start the workflow. "Replied" fires for every reply, interested or not. "Replied and Interested" fires only for replies that are interested: the tool labelled them so, or the reply text reads as interested.',
		options: [
			{
				name: 'Added to Sequence',
				value: 'addedToSequence',
				description:
					'A contact was added to a sequence or campaign (or first contacted, for tools without that event)',
			},
			{ name: 'Replied', value: 'replied', description: 'A contact replied, interested or not' },
			{
				name: 'Replied and Interested',
				value: 'interested',
				description: 'A contact replied and is interested',
			},
		],
	},
	{
		displayName:
			'Interest is read from the tool\'s own label when it sends one (e.g. Smartlead category, lemlist "interested"), otherwise from the reply text with built-in phrases in English, German, French, Spanish, Dutch, Portuguese and Italian; short answers such as Yes or Sure count. Auto-replies, out-of-office notes and unsubscribe requests never count. The phrases are listed in the node\'s docs (Interest detection); add your own under Options.',
		name: 'interestNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Enrich Missing Fields',
		name: 'enrichMissing',
		type: 'boolean',
		default: false,
		description:
			"Whether to read the lead (lemlist, Instantly) or prospect (Outreach.io) from the tool's API when the webhook lacks the name, email, LinkedIn URL, title or company. Needs the tool's credential (above). Fetched fields only fill gaps; if the lookup fails or takes longer than the time limit under Options, the event starts anyway and enrichment.error says why.",
		displayOptions: { show: { source: ENRICHABLE_TOOLS } },
	},
	{
		displayName: 'Authentication',
		name: 'authentication',
		type: 'options',
		default: 'toolDefault',
		displayOptions: { show: { '@version': [{ _cnd: { gte: 2 } }] }, ...MANUAL },
		options: [
			{
				name: "Automatic: The Tool's Own Method (Recommended)",
				value: 'toolDefault',
				description:
					'Per tool: lemlist and Smartlead: Body Secret. Instantly: Header Token (X-Webhook-Token). Outreach.io and Generic: HMAC Signature. Woodpecker, HeyReach, Reply.io: Query Token (?token=).',
			},
			...AUTH_METHODS,
		],
	},
	{
		displayName: 'Authentication',
		name: 'authentication',
		type: 'options',
		default: 'none',
		displayOptions: { show: { '@version': [1, 1.1] }, ...MANUAL },
		options: AUTH_METHODS,
	},
	{
		displayName:
			'Warning: with Authentication None, anyone who learns this webhook URL can start the workflow with made-up people. Choose a secret (Header Token, Query Token, Body Secret or HMAC Signature) for production.',
		name: 'noAuthWarning',
		type: 'notice',
		default: '',
		displayOptions: { show: { authentication: ['none'] }, ...MANUAL },
	},
	{
		displayName: 'Secret',
		name: 'secret',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		required: true,
		description:
			'The shared secret, token or signing key. Requests without it are answered with 401 and start nothing.',
		// Version 2 reads the secret from the Outreach Webhook credential instead.
		displayOptions: {
			show: {
				'@version': [1, 1.1],
				authentication: ['bodySecret', 'headerToken', 'hmac', 'queryToken'],
			},
			...MANUAL,
		},
	},
	{
		displayName: 'Header Name',
		name: 'headerName',
		type: 'string',
		default: 'X-Webhook-Token',
		description:
			'Header that carries the token. For "Authorization", a "Bearer " prefix is accepted.',
		displayOptions: secretFor(['headerToken']),
	},
	{
		displayName: 'Query Parameter Name',
		name: 'queryParameter',
		type: 'string',
		default: 'token',
		description:
			'Add ?token=YOUR_SECRET to the URL you paste into the tool, using the name set here',
		displayOptions: secretFor(['queryToken']),
	},
	{
		displayName: 'Body Field',
		name: 'bodyField',
		type: 'string',
		default: '',
		placeholder: 'e.g. secret',
		description:
			'JSON field holding the secret. Leave empty for the source\'s own field: "secret" for lemlist, "secret_key" for Smartlead.',
		displayOptions: secretFor(['bodySecret']),
	},
	{
		displayName: 'Signature Format',
		name: 'signatureFormat',
		type: 'options',
		default: 'sourceDefault',
		displayOptions: secretFor(['hmac']),
		options: [
			{
				name: 'Source Default',
				value: 'sourceDefault',
				description:
					'Outreach.io: Outreach-Webhook-Signature, hex SHA-256. Smartlead: X-Smartlead-Signature, sha256=hex. Others: X-Signature, sha256=hex.',
			},
			{
				name: 'Custom',
				value: 'custom',
				description: 'Choose header, algorithm, encoding and prefix',
			},
		],
	},
	{
		displayName: 'Signature Header',
		name: 'signatureHeader',
		type: 'string',
		default: 'X-Signature',
		displayOptions: customSignature,
	},
	{
		...signatureAlgorithmProperty,
		displayOptions: customSignature,
	},
	{
		...signatureEncodingProperty,
		displayOptions: customSignature,
	},
	{
		displayName: 'Signature Prefix',
		name: 'signaturePrefix',
		type: 'string',
		default: '',
		placeholder: 'e.g. sha256=',
		description: 'Text before the digest in the header, if any',
		displayOptions: customSignature,
	},
	{
		displayName: 'Conditions',
		name: 'conditions',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Condition',
		default: {},
		description:
			'Only start the workflow for events that match. Fields are dot paths into the output, e.g. campaign.name, sequence.step, tags, emailDomain, reply.text, currentCompany, raw.campaign_id. Text comparisons ignore case.',
		options: [
			{
				name: 'rules',
				displayName: 'Condition',
				values: [
					{
						displayName: 'Field',
						name: 'field',
						type: 'string',
						default: '',
						placeholder: 'e.g. campaign.name',
					},
					{
						displayName: 'Operator',
						name: 'operator',
						type: 'options',
						default: 'contains',
						options: [
							{ name: 'Contains', value: 'contains' },
							{ name: 'Ends With', value: 'endsWith' },
							{ name: 'Equals', value: 'equals' },
							{ name: 'Greater Than', value: 'greaterThan' },
							{ name: 'Is Empty', value: 'isEmpty' },
							{ name: 'Is Not Empty', value: 'isNotEmpty' },
							{ name: 'Less Than', value: 'lessThan' },
							{ name: 'Matches Regex', value: 'regex' },
							{ name: 'Not Contains', value: 'notContains' },
							{ name: 'Not Equals', value: 'notEquals' },
							{ name: 'Starts With', value: 'startsWith' },
						],
					},
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
						placeholder: 'e.g. Backend',
						displayOptions: { hide: { operator: ['isEmpty', 'isNotEmpty'] } },
					},
				],
			},
		],
	},
	{
		displayName: 'Combine Conditions',
		name: 'combine',
		type: 'options',
		default: 'and',
		options: [
			{ name: 'All Must Match (AND)', value: 'and' },
			{ name: 'Any Must Match (OR)', value: 'or' },
		],
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Enrichment Time Limit (Ms)',
				name: 'enrichTimeLimitMs',
				type: 'number',
				typeOptions: { minValue: MIN_ENRICH_TIME_LIMIT_MS, maxValue: MAX_ENRICH_TIME_LIMIT_MS },
				default: DEFAULT_ENRICH_TIME_LIMIT_MS,
				description:
					'With Enrich Missing Fields on: how long the API lookups of one delivery may take in total. The webhook answers only after them, and Outreach.io gives up after 5 seconds.',
			},
			{
				displayName: 'Extra Interested Phrases',
				name: 'extraInterestedPhrases',
				type: 'string',
				typeOptions: { rows: 4 },
				default: '',
				placeholder: 'e.g. send me the job description',
				description:
					'One phrase per line. A reply containing one (not negated) counts as interested. Checked after your not-interested phrases and before the built-in ones.',
			},
			{
				displayName: 'Extra Not-Interested Phrases',
				name: 'extraNotInterestedPhrases',
				type: 'string',
				typeOptions: { rows: 4 },
				default: '',
				placeholder: 'e.g. already found a job',
				description: 'One phrase per line. A reply containing one is never interested.',
			},
			{
				displayName: 'Remember Last Events',
				name: 'dedupeSize',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 10000 },
				default: DEFAULT_DEDUPE_SIZE,
				description:
					'How many event IDs are kept to ignore redelivered events. Older IDs are forgotten first.',
			},
		],
	},
];
