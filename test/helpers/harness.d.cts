import type { IDataObject, INodeExecutionData, IRun, ExecutionBaseError } from 'n8n-workflow';

export interface RunResult {
	run: IRun;
	error: (ExecutionBaseError & { httpCode?: string | null; description?: string | null }) | undefined;
	output(nodeName?: string): INodeExecutionData[];
	/** Every main output of the node's first run: [success, error] with On Error → Continue (using error output). */
	outputs(nodeName?: string): INodeExecutionData[][];
	timedOut: boolean;
	/** When the execution was stopped (timeoutMs or stopWhen), as Date.now(). */
	stoppedAt?: number;
	/** How often the execution read (decrypted) each credential type. */
	credentialReads: Record<string, number>;
	/** The execution's id (the node's getExecutionId()): a new one for every run. */
	executionId: string;
}

export interface OneAllCredentials extends IDataObject {
	subdomain: string;
	publicKey: string;
	privateKey: string;
	useCustomBaseUrl?: boolean;
	apiBaseUrl?: string;
}

export function runWorkflow(args: {
	nodes: IDataObject[];
	connections?: IDataObject;
	items?: INodeExecutionData[];
	credentials: OneAllCredentials;
	settings?: IDataObject;
	timeoutMs?: number;
	/** Node types besides the package's, by type name (e.g. a test-only node). */
	extraNodeTypes?: Record<string, unknown>;
}): Promise<RunResult>;

export function runOneAll(args: {
	parameters: IDataObject;
	items?: INodeExecutionData[];
	credentials: OneAllCredentials;
	name?: string;
	/** Stops (cancels) the execution after this many ms; the result then has timedOut: true. */
	timeoutMs?: number;
	/** Stops the execution the same way when this resolves first. */
	stopWhen?: Promise<unknown>;
	/** The node setting On Error. */
	onError?: 'stopWorkflow' | 'continueRegularOutput' | 'continueErrorOutput';
	/** The node's version (1 unless given). */
	typeVersion?: number;
	/** The node's settings, e.g. { retryOnFail: true, maxTries: 3, waitBetweenTries: 0 }. */
	nodeSettings?: IDataObject;
}): Promise<RunResult & { items: INodeExecutionData[]; errorItems: INodeExecutionData[] }>;

export function testCredential(credentials: OneAllCredentials): Promise<{ status: 'OK' | 'Error'; message: string }>;

export const NODE_TYPE: string;
export const PACKAGE_DIR: string;

/** The package as n8n loads it (PackageDirectoryLoader of n8n-core), loaded once per test file. */
export function loadPackage(): Promise<{
	nodeTypes: Record<string, { type: unknown }>;
	credentialTypes: Record<string, { type: unknown }>;
}>;

/** `options` sent as another node using this credential sends them: authenticate(), then n8n's HTTP client (redirects followed). */
export function sendWithCredential(
	credentials: OneAllCredentials,
	options: { url: string; method?: string; disableFollowRedirect?: boolean },
): Promise<{ statusCode: number; body: unknown; headers: Record<string, unknown> }>;
