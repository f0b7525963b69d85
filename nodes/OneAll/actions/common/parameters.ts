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
	fallback?: unknown,
	{ extractValue = false }: { extractValue?: boolean } = {},
): unknown {
	const known = knownOf(context);
	const key = extractValue ? `${name}\u0000extracted` : name;
	if (known.constants.has(key)) return known.constants.get(key);
	const value = context.getNodeParameter(name, itemIndex, fallback, { extractValue });
	let constant = known.constness.get(name);
	if (constant === undefined) {
		constant = isConstant(context, name);
		known.constness.set(name, constant);
	}
	if (constant) known.constants.set(key, value);
	return value;
}

interface Known {
	/** Values read once, by name (and whether the picker's value was extracted). */
	constants: Map<string, unknown>;
	/** Whether a parameter is constant, by name: decided once. */
	constness: Map<string, boolean>;
}

// Per execution context, weakly held: the node's parameters do not change during an execution.
const knownByContext = new WeakMap<object, Known>();

function knownOf(context: IExecuteFunctions): Known {
	let known = knownByContext.get(context);
	if (!known) {
		known = { constants: new Map(), constness: new Map() };
		knownByContext.set(context, known);
	}
	return known;
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
