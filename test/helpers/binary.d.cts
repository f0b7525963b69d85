import type { IBinaryData } from 'n8n-workflow';

export function storeBinary(
	content: Buffer,
	meta?: { mimeType?: string; fileName?: string; fileExtension?: string },
): Promise<IBinaryData>;
export function useFilesystemMode(): Promise<void>;
export function binaryMode(): 'memory' | 'filesystem';

/** Calls `onRead` whenever a node reads a file through n8n's binary helpers; returns the function that stops watching. */
export function watchFileReads(onRead: () => void): () => void;
