export interface ReceivedRequest {
	method: string;
	path: string;
	contentType: string | undefined;
	body: unknown;
}

export function startReceiver(): Promise<{
	url: string;
	received: ReceivedRequest[];
	waitFor(count: number, timeoutMs?: number): Promise<ReceivedRequest[]>;
	close(): Promise<void>;
}>;
