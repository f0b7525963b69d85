import type { INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** Reports bad input; validators take one so they stay free of n8n's context and easy to test. */
export type Fail = (message: string, description?: string) => never;

export function failFor(node: INode, itemIndex?: number): Fail {
	return (message, description) => {
		throw new NodeOperationError(node, message, { itemIndex, description });
	};
}
