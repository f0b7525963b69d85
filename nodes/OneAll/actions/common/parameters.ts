import type { IExecuteFunctions } from 'n8n-workflow';

/**
 * Reads a parameter for one item. A value with no expression in it is the same for every item, so it
 * is read once per execution (n8n resolves, cleans and type-checks a value on every read; with many
 * items that adds up); a value with an expression anywhere is read per item, as n8n reads it. A value
 * read once is shared by the items: read it, never change it.
 */
export function nodeParameter(
	context: IExecuteFunctions,
	name: string,
	itemIndex: number,
	fallback: unknown,
	{ extractValue = false }: { extractValue?: boolean } = {},
): unknown {
	const constants = constantsOf(context);
	const key = extractValue ? `${name}\u0000extracted` : name;
	if (constants.has(key)) return constants.get(key);
	const value = context.getNodeParameter(name, itemIndex, fallback, { extractValue });
	if (isConstant(context, name)) constants.set(key, value);
	return value;
}

// Per execution context, weakly held: the node's parameters do not change during an execution.
const constantsByContext = new WeakMap<object, Map<string, unknown>>();

function constantsOf(context: IExecuteFunctions): Map<string, unknown> {
	let constants = constantsByContext.get(context);
	if (!constants) {
		constants = new Map();
		constantsByContext.set(context, constants);
	}
	return constants;
}

/** Set by the user (an absent one falls back per call site) and free of expressions at any depth. */
function isConstant(context: IExecuteFunctions, name: string): boolean {
	const parameters = context.getNode().parameters;
	return Object.prototype.hasOwnProperty.call(parameters, name) && !holdsExpression(parameters[name]);
}

function holdsExpression(value: unknown): boolean {
	if (typeof value === 'string') return value.startsWith('=');
	if (typeof value !== 'object' || value === null) return false;
	return Object.values(value).some(holdsExpression);
}
