import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import type { OneAllCredentials } from './harness.cjs';

export function pollOnce(args: {
	parameters: IDataObject;
	credentials: OneAllCredentials;
	staticData: IDataObject;
	mode?: 'trigger' | 'manual';
}): Promise<{ items: INodeExecutionData[] | null; error: (Error & { httpCode?: string | null; description?: string | null }) | undefined }>;

/** An active poll trigger: one PollContext for the activation, as n8n keeps it; the credential can change between polls. */
export function activatePoll(args: { parameters: IDataObject; credentials: OneAllCredentials; staticData?: IDataObject }): Promise<{
	staticData: IDataObject;
	poll(): Promise<{ items: INodeExecutionData[] | null; error: (Error & { httpCode?: string | null; description?: string | null }) | undefined }>;
	setCredentials(credentials: OneAllCredentials): void;
}>;

export interface LoginTrigger {
	url: string;
	/** The items of every call that started an execution. */
	runs: INodeExecutionData[][];
	calls: IDataObject[];
	/** The stored static data ("the database"), saved back after each call that changed it. */
	staticData: IDataObject;
	postForm(fields: Record<string, string>, query?: string): Promise<Response>;
	close(): Promise<void>;
}

export function startLoginTrigger(args: {
	parameters: IDataObject;
	credentials: OneAllCredentials;
	staticData?: IDataObject;
	mode?: 'webhook' | 'manual';
}): Promise<LoginTrigger>;

/** The logger a node's `this.logger` writes to (n8n-core's own instance), for spying on warnings. */
export function n8nLogger(): { warn(message: string, meta?: object): void; error(message: string, meta?: object): void };

export const POLL_TYPE: string;
export const LOGIN_TYPE: string;
