/**
 * Scenarios that need parts still landing (Stardex, the real n8n). Each returns nothing until its
 * part exists, so the bench runs with whatever the package has.
 */
import type { BulkResult } from '../scenarios/bulk';

export const extraScenarios = {
	async bulk(_n: (v: number) => number): Promise<BulkResult[]> {
		return [];
	},
	async realN8n(_o: { baseline: boolean; latency: boolean; count: number; events: number }): Promise<string | undefined> {
		return undefined;
	},
	async close(): Promise<void> {},
};
