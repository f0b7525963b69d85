// n8n in queue mode: one main process (webhooks, REST, the queue's producer) and N workers
// (`n8n worker --concurrency=C`), all on one Postgres and one Redis, each with its own user folder,
// task-runner broker port and (workers) health-check port, the packed package in every .n8n/nodes.

import fs from 'node:fs';
import path from 'node:path';

import * as H from '../real-n8n/n8n-env.mjs';

/** Environment every process of the cluster shares, plus what each needs for itself. */
function clusterEnv({ userFolder, port, brokerPort, redis, pg, extra = {} }) {
  return H.n8nEnv({
    userFolder,
    port,
    brokerPort,
    extra: {
      EXECUTIONS_MODE: 'queue',
      QUEUE_BULL_REDIS_HOST: '127.0.0.1',
      QUEUE_BULL_REDIS_PORT: String(redis.port),
      DB_TYPE: 'postgresdb',
      DB_POSTGRESDB_HOST: '127.0.0.1',
      DB_POSTGRESDB_PORT: String(pg.port),
      DB_POSTGRESDB_DATABASE: 'postgres',
      DB_POSTGRESDB_USER: 'postgres',
      DB_POSTGRESDB_PASSWORD: 'trust-auth-ignores-it',
      // The default pool of 2 connections ran dry under the mixed load at scale 300 on a loaded machine:
      // main then answered webhooks and pickers with 503 "Database is not ready!". (Set after that run.)
      DB_POSTGRESDB_POOL_SIZE: '10',
      // Workers give up a dead worker's jobs sooner than the defaults (lock 30 s, check every 30 s),
      // so the kill -9 fault ends within the test's time.
      QUEUE_WORKER_LOCK_DURATION: '10000',
      QUEUE_WORKER_LOCK_RENEW_TIME: '5000',
      QUEUE_WORKER_STALLED_INTERVAL: '5000',
      EXECUTIONS_DATA_PRUNE: 'false',
      N8N_RUNNERS_ENABLED: 'true',
      ...extra,
    },
  });
}

/**
 * Prepares the user folders (package installed into each), imports credential and workflows, starts
 * main and the workers, sets up the owner and activates `workflows` through REST. `inactiveWorkflows`
 * are imported too but left for a later step to activate (the triggers: a poller would poll throughout).
 */
export async function startCluster({ tmp, tarball, redis, pg, emulatorUrl, site, workflows, inactiveWorkflows = [], workers = 2, concurrency = 10, progress = H.info }) {
  const names = ['main', ...Array.from({ length: workers }, (_, i) => `worker${i + 1}`)];
  const procs = {};
  for (const name of names) {
    const userFolder = path.join(tmp, name);
    const user = await H.prepareUserFolder(userFolder, tarball);
    const port = await H.pickPort();
    const env = clusterEnv({ userFolder, port, brokerPort: await H.pickPort(), redis, pg });
    // A worker's health check defaults to 5678 like main's editor: each gets its own.
    const healthPort = name === 'main' ? undefined : await H.pickPort();
    if (healthPort) Object.assign(env, { QUEUE_HEALTH_CHECK_ACTIVE: 'true', QUEUE_HEALTH_CHECK_PORT: String(healthPort) });
    procs[name] = { name, env, port, healthPort, userFolder, version: user.version };
  }
  progress(`package ${H.PACKAGE_NAME}@${procs.main.version} installed into ${names.map((n) => `${n}/.n8n/nodes`).join(', ')}`);

  // One database: importing through main's folder is enough for every process.
  await H.importCredentials(procs.main.env, [H.emulatorCredential(emulatorUrl, site)]);
  await H.importWorkflows(procs.main.env, [...workflows, ...inactiveWorkflows]);
  progress(`credential and ${workflows.length + inactiveWorkflows.length} workflows imported into Postgres`);

  const started = Date.now();
  const startOne = async (p) => {
    const isMain = p.name === 'main';
    const srv = await H.startN8n(p.env, {
      logName: `queue-${p.name}.log`,
      args: isMain ? ['start'] : ['worker', `--concurrency=${concurrency}`],
      healthPort: p.healthPort,
      timeoutMs: 240_000,
    });
    Object.assign(p, { child: srv.child, stop: srv.stop, logFile: srv.logFile, url: srv.url });
    return p;
  };
  // Main first: it runs the database migrations the workers expect.
  await startOne(procs.main);
  await Promise.all(names.slice(1).map((n) => startOne(procs[n])));
  progress(`main (pid ${procs.main.child.pid}, :${procs.main.port}) and ${workers} workers (${names.slice(1).map((n) => `pid ${procs[n].child.pid}`).join(', ')}; --concurrency=${concurrency}) healthy in ${((Date.now() - started) / 1000).toFixed(0)}s`);

  await H.setupOwner(procs.main.url);
  const api = await H.restLogin(procs.main.url);
  for (const wf of workflows) await activate(api, wf.id);
  progress(`owner set up, ${workflows.length} workflows activated through REST`);
  return { procs, names, main: procs.main, workerNames: names.slice(1), api, url: procs.main.url, concurrency };
}

/** publish:workflow applies only at the next start; on a running main, activate over REST. */
export async function activate(api, id) {
  const wf = await api(`/rest/workflows/${id}`);
  if (wf.status !== 200) throw new Error(`GET /rest/workflows/${id}: ${wf.status} ${wf.text.slice(0, 300)}`);
  const res = await api(`/rest/workflows/${id}/activate`, { method: 'POST', body: JSON.stringify({ versionId: wf.json.data.versionId }) });
  if (res.status !== 200) throw new Error(`POST /rest/workflows/${id}/activate: ${res.status} ${res.text.slice(0, 300)}`);
}

export async function deactivate(api, id) {
  const res = await api(`/rest/workflows/${id}/deactivate`, { method: 'POST', body: '{}' });
  if (res.status !== 200) throw new Error(`POST /rest/workflows/${id}/deactivate: ${res.status} ${res.text.slice(0, 300)}`);
}

/** Execution ids each worker started, read from its log ("Worker started execution <id>"). */
export function executionsByWorker(cluster) {
  const out = {};
  for (const name of cluster.workerNames) {
    const text = fs.existsSync(cluster.procs[name].logFile) ? fs.readFileSync(cluster.procs[name].logFile, 'utf8') : '';
    out[name] = new Set([...text.matchAll(/started execution (\d+)/gi)].map((m) => Number(m[1])));
  }
  return out;
}

/** The worker whose log says it started this execution (undefined: none did, e.g. main ran it). */
export function workerOf(cluster, executionId) {
  return Object.entries(executionsByWorker(cluster)).find(([, ids]) => ids.has(Number(executionId)))?.[0];
}
