import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { withItem } from './errors';
import { AmbiguousWriteError, MayHaveBeenCreatedError } from './http/failures';
import { setRetryPolicy } from './http/retryPolicy';
import { forgetSlot, slotReleased } from './itemSlots';
import { readRequestOptions } from './parameters';
import { redactError, redactSecrets } from './secrets';

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
	ats: string,
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

	const run = (i: number) => runItem(this, op.execute as Operation, ats, items, i);
	const parallel = (op as { parallelItems?: (ctx: IExecuteFunctions) => number }).parallelItems;
	const width = Math.min(items.length, Math.max(1, Math.floor(parallel?.(this) ?? 1)));
	const outputs = width > 1 ? await inParallel(this, items.length, width, run) : [];
	if (width <= 1) for (let i = 0; i < items.length; i++) outputs.push(await run(i));
	return [outputs.flat()];
}

/** One item: its outputs, or a failed item under continue-on-fail; otherwise its error is thrown. */
async function runItem(
	ctx: IExecuteFunctions,
	execute: Operation,
	ats: string,
	items: INodeExecutionData[],
	i: number,
): Promise<INodeExecutionData[]> {
	try {
		const result = await execute.call(ctx, i);
		const list = Array.isArray(result) ? result : [result];
		// Outputs carry no secret, whatever an API echoed into them (secrets.ts).
		return list.map((json) => ({ json: redactSecrets(json), pairedItem: { item: i } }));
	} catch (error) {
		const wrapped = redactError(toItemError(ctx, error, i));
		if (!ctx.continueOnFail()) throw wrapped;
		return [failedItem(ctx, ats, wrapped, items[i]?.json ?? {}, i)];
	}
}

/**
 * Works on `width` items at a time (a slow API then does not leave the rate allowance unused),
 * starting them in input order and keeping the outputs in input order. An item that releases its
 * slot (itemSlots.ts: only follow-up writes left) lets the next item start, up to 2 × width items
 * open at once. An item that throws (no continue-on-fail) stops new items from starting; those
 * already started finish, and the error of the first failed item is thrown, as a one-at-a-time loop
 * would.
 */
async function inParallel(
	ctx: IExecuteFunctions,
	count: number,
	width: number,
	run: (i: number) => Promise<INodeExecutionData[]>,
): Promise<INodeExecutionData[][]> {
	const outputs: INodeExecutionData[][] = new Array(count);
	const failures: Array<{ i: number; error: unknown }> = [];
	const finishing = new Set<Promise<void>>();
	let next = 0;
	const worker = async () => {
		while (next < count && failures.length === 0) {
			// Each worker has one item working; with more than `width` finishing, wait for one to end
			// (so at most 2 × width items are open at once).
			if (finishing.size > width) {
				await Promise.race(finishing);
				continue;
			}
			const i = next++;
			const released = slotReleased(ctx, i);
			let ended = false;
			const done = run(i)
				.then(
					(output) => {
						outputs[i] = output;
					},
					(error: unknown) => {
						failures.push({ i, error });
					},
				)
				.finally(() => {
					ended = true;
					forgetSlot(ctx, i);
					finishing.delete(done);
				});
			await Promise.race([done, released]);
			if (!ended) finishing.add(done);
		}
	};
	await Promise.all(Array.from({ length: width }, worker));
	await Promise.all([...finishing]);
	if (failures.length) throw failures.sort((a, b) => a.i - b.i)[0].error;
	return outputs;
}

/**
 * A failed item under "On Error: Continue" reads like the others: ats, status, who it was about, and
 * the reason in `error`. Under "Continue (using error output)" n8n routes an item to the error output
 * only when its json is {error, message} (WorkflowExecute.handleNodeErrorOutput, n8n 1.x and 2.x), and
 * then adds the input item's fields itself, so the failed candidate keeps its name and email there.
 */
function failedItem(
	ctx: IExecuteFunctions,
	ats: string,
	error: NodeApiError | NodeOperationError,
	input: IDataObject,
	itemIndex: number,
): INodeExecutionData {
	const json: IDataObject =
		ctx.getNode().onError === 'continueErrorOutput'
			? { error: error.message, message: `${ats}: failed` }
			: {
					ats,
					status: 'failed',
					error: error.message,
					...identityOf(input),
					itemIndex,
					...(error.context.mayHaveBeenCreated === true ? { mayHaveBeenCreated: true } : {}),
					// What was created before a later step failed, e.g. {candidateId}: a re-run reuses it.
					...createdBefore(error),
				};
	return { json, pairedItem: { item: itemIndex } };
}

function createdBefore(error: NodeApiError | NodeOperationError): IDataObject {
	const created = error.context.created;
	return created && typeof created === 'object' && !Array.isArray(created)
		? (created as IDataObject)
		: {};
}

/** The name and email of the input item, whatever shape it came in (candidate item or flat row). */
export function identityOf(input: IDataObject): { name: string | null; email: string | null } {
	const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim().slice(0, 200) : null);
	const first = text(input.firstName) ?? text(input.first_name);
	const last = text(input.lastName) ?? text(input.last_name);
	const name =
		text(input.name) ?? text(input.fullName) ?? ([first, last].filter(Boolean).join(' ') || null);
	const emails = Array.isArray(input.emails) ? (input.emails as unknown[]) : [];
	const listed = emails
		.map((e) => (typeof e === 'string' ? e : text((e as IDataObject | null)?.value)))
		.find((e) => text(e));
	return { name, email: text(input.email) ?? text(listed) };
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
	const wrapped = new NodeOperationError(ctx.getNode(), withItem(message, itemIndex), {
		itemIndex,
	});
	// The outcome of a create that could not be confirmed travels with the error to the output.
	if (error instanceof MayHaveBeenCreatedError) wrapped.context.mayHaveBeenCreated = true;
	return wrapped;
}
