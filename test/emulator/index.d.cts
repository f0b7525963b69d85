// TypeScript looks for .d.cts next to a .cjs file; the declarations live in index.d.ts.
export * from './index.js';
