export function renderTable(): string;
export function readmeWithTable(readme: string): string;
export function readme(): string;
