#!/usr/bin/env node
'use strict';
// npm run emulator -- [--port 8787] [--latency ms] [--rps n] [--seed n] [--answers generous|public] [--quiet]
// A local fake OneAll site for manual tests and for n8n running in another process.

const { startEmulator, DEFAULT_SITE, OTHER_SITE, EMPTY_SITE, FIXTURES, ANSWER_PROFILES } = require('./index.cjs');

function parseArgs(argv) {
  const out = { port: 8787, latency: 0, rps: undefined, seed: 1, quiet: false, answers: 'generous' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => {
      const v = Number(argv[++i]);
      if (!Number.isFinite(v)) throw new Error(`${a} needs a number`);
      return v;
    };
    if (a === '--port') out.port = next();
    else if (a === '--latency') out.latency = next();
    else if (a === '--rps') out.rps = next();
    else if (a === '--seed') out.seed = next();
    else if (a === '--quiet') out.quiet = true;
    else if (a === '--answers') {
      out.answers = argv[++i];
      if (!ANSWER_PROFILES.includes(out.answers)) throw new Error(`--answers needs one of ${ANSWER_PROFILES.join(', ')}`);
    }
    else if (a === '--help' || a === '-h') out.help = true;
    else throw new Error(`unknown argument ${a}`);
  }
  return out;
}

async function main() {
  let args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error(e.message);
    process.exit(2);
  }
  if (args.help) {
    console.log('usage: node test/emulator/cli.cjs [--port 8787] [--latency ms] [--rps n] [--seed n] [--answers generous|public] [--quiet]');
    return;
  }
  const emu = await startEmulator({
    port: args.port,
    host: '127.0.0.1',
    latencyMs: args.latency,
    rateLimit: args.rps ? { requestsPerSecond: args.rps } : undefined,
    seed: args.seed,
    answers: args.answers,
    onRequest: args.quiet ? undefined : (e) => console.log(`${e.method} ${e.site === DEFAULT_SITE.subdomain ? '' : `[${e.site}] `}${e.path} ${e.status ?? '-'} ${e.outcome}${e.fault ? ` (fault ${e.fault})` : ''}`),
  });
  // This is a local fake site, so printing its private key is fine (and needed to configure n8n).
  console.log(`OneAll emulator listening on ${emu.url}`);
  console.log(`  default site "${DEFAULT_SITE.subdomain}": ${emu.url}  (also ${emu.siteUrl(DEFAULT_SITE.subdomain)})`);
  console.log(`    public key:  ${DEFAULT_SITE.publicKey}`);
  console.log(`    private key: ${DEFAULT_SITE.privateKey}`);
  console.log(`  second site "${OTHER_SITE.subdomain}": ${emu.siteUrl(OTHER_SITE.subdomain)}  public ${OTHER_SITE.publicKey}  private ${OTHER_SITE.privateKey}`);
  console.log(`  empty site "${EMPTY_SITE.subdomain}": ${emu.siteUrl(EMPTY_SITE.subdomain)}  public ${EMPTY_SITE.publicKey}  private ${EMPTY_SITE.privateKey}`);
  console.log(`  answer profile: ${emu.answers} (switch: POST ${emu.url}/__emulator/answers {"answers":"public"})`);
  console.log('  identities:', JSON.stringify(FIXTURES.identities));
  console.log(`  pinterest board: ${FIXTURES.pinterest.boardId}  user: ${FIXTURES.user}  connection: ${FIXTURES.connection}`);
  console.log(`  control: ${emu.url}/__emulator/{requests,stats,fixtures,reset,faults,latency,rate-limit,answers}`);
  const stop = async () => {
    await emu.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
