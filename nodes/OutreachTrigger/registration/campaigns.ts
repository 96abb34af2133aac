import { isRecord, str } from '../../shared/values';
import { CAMPAIGNS_PARAMETER } from '../descriptions/campaignLocator';

interface ParameterReader {
	getNodeParameter(name: string, fallback?: unknown): unknown;
}

/**
 * The campaign ids picked in the Campaigns parameter (descriptions/campaignLocator.ts): each
 * picker's value, whether chosen from the list or typed as an id, trimmed, without duplicates.
 */
export function selectedCampaigns(ctx: ParameterReader): string[] {
	const raw = ctx.getNodeParameter(CAMPAIGNS_PARAMETER, {});
	const items = isRecord(raw) && Array.isArray(raw.items) ? raw.items : [];
	const ids = items.filter(isRecord).map((item) => {
		const picked = item.campaign;
		return str(isRecord(picked) ? picked.value : picked);
	});
	return [...new Set(ids.filter((v): v is string => v !== undefined))];
}
