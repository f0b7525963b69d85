import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult, INodePropertyOptions } from 'n8n-workflow';

import type { OneAllCredentials } from './harness.cjs';

export interface LoadOptionsArgs {
	/** The node's parameters as the editor currently shows them (defaults are filled in). */
	parameters: IDataObject;
	credentials: OneAllCredentials;
	/** Path of the parameter whose list is loaded; default "parameters.identity". */
	path?: string;
}

/** n8n-core's real LoadOptionsContext for the OneAll node of the built package. */
export function loadOptionsContext(args: LoadOptionsArgs): Promise<ILoadOptionsFunctions>;

/** Calls the node type's `methods.listSearch[method]` with a real LoadOptionsContext. */
export function callListSearch(
	method: string,
	args: LoadOptionsArgs & { filter?: string; paginationToken?: string },
): Promise<INodeListSearchResult>;

/** Names of the node's list searches. */
export function listSearchMethods(): Promise<string[]>;

/** Calls the node type's `methods.loadOptions[method]` with a real LoadOptionsContext. */
export function callLoadOptions(method: string, args: LoadOptionsArgs): Promise<INodePropertyOptions[]>;
