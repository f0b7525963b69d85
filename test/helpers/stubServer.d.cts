export function startStub(body: unknown, status?: number): Promise<{ url: string; close(): Promise<void> }>;
