import { startEmulator, type Emulator, type EmulatorOptions } from '../emulator/index.cjs';

/**
 * The set-up of an engine test file: one emulator for the whole file, reset before each test, closed
 * after the last. Call it at the top of the file; what it returns stands for that emulator (it forwards
 * to it once `beforeAll` has started it, so use it inside tests and hooks, not at load time).
 */
export function useEmulator(options?: EmulatorOptions): Emulator {
	let started: Emulator | undefined;
	beforeAll(async () => {
		started = await startEmulator(options);
	});
	afterAll(async () => {
		await started?.close();
	});
	beforeEach(() => started?.reset());
	return new Proxy({} as Emulator, {
		get(_, key) {
			if (!started) throw new Error('The emulator starts in beforeAll: use it inside a test or a hook');
			const value: unknown = Reflect.get(started, key);
			return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(started) : value;
		},
	});
}
