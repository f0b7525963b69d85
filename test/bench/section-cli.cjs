// Runs one bench section on its own from the command line (node test/bench/<section>.cjs --name=value):
// loads the engine, starts the emulator process, runs the section, prints its result as one JSON line,
// and always closes the emulator. Each section file calls it under `require.main === module`.
'use strict';
const { loadEngine } = require('./engine.cjs');
const { startEmulatorProcess } = require('./emulator-client.cjs');

/** The value of `--name=value` on the command line, or `fallback`. */
function arg(name, fallback) {
  const hit = process.argv.find((a) => a.startsWith(`--${name}=`));
  return hit ? hit.slice(name.length + 3) : fallback;
}

const log = (line) => process.stdout.write(`${line}\n`);

/**
 * `run({ engine, emulator, arg, log })` returns the section's result. `engine` is loadEngine's choice
 * ('project' or 'n8n'). Exits 0 after printing the result, 1 with the stack on an error.
 */
function runSectionFromCli({ engine: engineChoice = 'project' } = {}, run) {
  (async () => {
    const engine = await loadEngine({ engine: engineChoice });
    const emulator = await startEmulatorProcess();
    try {
      const result = await run({ engine, emulator, arg, log });
      process.stdout.write(`${JSON.stringify(result)}\n`);
    } finally {
      await emulator.close();
    }
    process.exit(0);
  })().catch((error) => {
    process.stderr.write(`${error.stack}\n`);
    process.exit(1);
  });
}

module.exports = { runSectionFromCli, arg };
