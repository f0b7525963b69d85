export function xWeightedLength(text: string): number;
