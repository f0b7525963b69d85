export function seedPage(): string;
export function packageVersion(): string;
