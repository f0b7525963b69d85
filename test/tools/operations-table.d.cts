export function renderTable(): string;
export function withTables(page: string): string;
export const OPERATIONS_PAGE: string;
export function operationsPage(): string;
export function readme(): string;
export function resourceSummary(): Array<{ name: string; operations: number }>;
