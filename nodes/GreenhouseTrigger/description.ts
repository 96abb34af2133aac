import type { INodeProperties } from 'n8n-workflow';

import { greenhouseEventOptions } from './events';

export const properties: INodeProperties[] = [
	{
		displayName:
			'Greenhouse cannot create web hooks for n8n, so add one by hand for each event: in Greenhouse open Configure › Dev Center › Web Hooks › Web Hooks and fill in Name (anything, e.g. "n8n: candidate hired"), When (the event, e.g. "Candidate has been hired"; one event per web hook), Endpoint URL (this node\'s Production URL shown above; it must be https) and Secret Key (the same value as in this node\'s credential). Activate this workflow before you save in Greenhouse: Greenhouse pings the URL on save and creates the web hook disabled if the ping fails. The ping never starts the workflow.',
		name: 'setupNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		options: greenhouseEventOptions,
		default: ['hire_candidate'],
		required: true,
		description:
			'Which Greenhouse actions start the workflow. Other deliveries are answered 200 and ignored, so Greenhouse does not retry them.',
	},
	{
		displayName: 'Path',
		name: 'path',
		type: 'string',
		default: '',
		placeholder: 'e.g. greenhouse-hires',
		description: 'The end of the webhook URL. Leave empty for a random path that is hard to guess.',
	},
];
