import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { withItem } from './errors';
import { AmbiguousWriteError } from './http/failures';
import { setRetryPolicy } from './http/retryPolicy';
import { readRequestOptions } from './parameters';

export type OperationResult = IDataObject | IDataObject[];
export type Operation = (this: IExecuteFunctions, itemIndex: number) => Promise<OperationResult>;
/** resource → module namespace of that resource (its operations export `execute`). */
export type OperationMap = Record<string, Record<string, unknown>>;

/**
 * The item loop every action node uses: one pass over the input, pairedItem on every output,
 * and continue-on-fail handled here so operations only do their one job. A failing item never
 * stops the others when the user chose "Continue"; its error names the item.
 */
export async function runOperations(
	this: IExecuteFunctions,
	operations: OperationMap,
): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const op = operations[resource]?.[operation] as { execute?: Operation } | undefined;
	if (typeof op?.execute !== 'function')
		throw new NodeOperationError(
			this.getNode(),
			`The operation "${operation}" of "${resource}" is not supported`,
		);
	setRetryPolicy(this, readRequestOptions(this));

	const out: INodeExecutionData[] = [];
	for (let i = 0; i < items.length; i++) {
		try {
			const result = await (op.execute as Operation).call(this, i);
			const list = Array.isArray(result) ? result : [result];
			out.push(...list.map((json) => ({ json, pairedItem: { item: i } })));
		} catch (error) {
			const wrapped = toItemError(this, error, i);
			if (!this.continueOnFail()) throw wrapped;
			out.push({
				json: { error: wrapped.message, status: 'failed', itemIndex: i },
				pairedItem: { item: i },
			});
		}
	}
	return [out];
}

function toItemError(
	ctx: IExecuteFunctions,
	error: unknown,
	itemIndex: number,
): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		error.message = withItem(error.message, itemIndex);
		error.context.itemIndex = itemIndex;
		return error;
	}
	const message =
		error instanceof AmbiguousWriteError
			? error.message
			: ((error as Error)?.message ?? String(error));
	return new NodeOperationError(ctx.getNode(), withItem(message, itemIndex), { itemIndex });
}
