import type { ApiDefinition, ApiRequest, Context } from '../../shared/http/request';
import { requestBefore } from '../../shared/http/requestBefore';

/**
 * The outreach tools' APIs, read by the optional enrich step. Every request goes through the
 * shared transport inside what is left of one time limit: the webhook must be answered in seconds.
 */

/** A request within the time limit; resolves to the body. */
export type Call = (req: ApiRequest) => Promise<unknown>;

export function callWithin(
	ctx: Context,
	api: ApiDefinition,
	limit: { deadline: number; budgetMs: number },
): Call {
	return async (req) => (await requestBefore(ctx, api, req, limit)).body;
}
