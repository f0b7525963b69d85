export function seedPage(): string;
export function packageVersion(): string;
export function exampleWorkflows(): Record<
	string,
	{ nodes: Array<{ name: string; type: string; [key: string]: unknown }>; connections: Record<string, unknown> }
>;
