// bench: admission webhook latency (p50/p99) under 200 concurrent AdmissionReview requests over HTTPS, with autocannon
import { execFileSync, spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { hardenedDeployment, review } from '../test/fixtures/admission/review.js';
import { CLI, emitResults, ensureBuilt, loadNote, log, ROOT, workDir } from './lib/common.js';

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 200);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);

function certificate(dir: string): { cert: string; key: string } {
  const cert = join(dir, 'tls.crt');
  const key = join(dir, 'tls.key');
  execFileSync('openssl', [
    ...['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'],
    ...['-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=localhost'],
    ...['-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1'],
  ]);
  return { cert, key };
}

async function startWebhook(cert: string, key: string): Promise<{ port: number; stop: () => void }> {
  const child = spawn(
    process.execPath,
    [CLI, 'admission', 'serve', '--tls-cert', cert, '--tls-key', key, '--port', '0', '--host', '127.0.0.1'],
    { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const port = await new Promise<number>((resolve, reject) => {
    let err = '';
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
      const m = /:(\d+)\/validate/.exec(err);
      if (m) resolve(Number(m[1]));
    });
    child.on('exit', (code) => reject(new Error(`webhook exited ${code}: ${err}`)));
  });
  return { port, stop: () => child.kill('SIGTERM') };
}

/** Half the requests are denied (privileged container), half allowed: both paths are measured. */
function bodies(): string[] {
  const allowed = review(hardenedDeployment());
  const denied = review(
    hardenedDeployment('payments', (c) => {
      c.securityContext = { privileged: true };
    }),
  );
  return [JSON.stringify(allowed), JSON.stringify(denied)];
}

async function main(): Promise<void> {
  ensureBuilt();
  const dir = workDir('admission');
  const { cert, key } = certificate(dir);
  const { port, stop } = await startWebhook(cert, key);
  const [allowed, denied] = bodies();
  try {
    const rows = [];
    // 200 in flight is the issue's case; 10 in flight shows the service time without queueing.
    for (const connections of [CONNECTIONS, 10]) {
      let n = 0;
      log(
        `${connections} connections for ${SECONDS} s against https://127.0.0.1:${port}/validate (${loadNote()})`,
      );
      const result = await autocannon({
        url: `https://127.0.0.1:${port}/validate`,
        method: 'POST',
        connections,
        duration: SECONDS,
        headers: { 'content-type': 'application/json' },
        requests: [{ setupRequest: (req: object) => ({ ...req, body: n++ % 2 ? denied : allowed }) }],
      });
      writeFileSync(join(dir, `autocannon-${connections}.json`), JSON.stringify(result, null, 2));
      const l = result.latency;
      const bad = result.non2xx + result.errors + result.timeouts;
      rows.push({
        case: `${connections} concurrent, ${SECONDS} s, ${result.requests.total} requests (${Math.round(result.requests.average)}/s)`,
        note: `latency p50 ${l.p50} ms, p90 ${l.p90} ms, p99 ${l.p99} ms, max ${l.max} ms; ${bad} failed${connections === CONNECTIONS ? `; target p99 < 20 ms: ${l.p99 < 20 ? 'met' : 'NOT met'}` : ''}; ${loadNote()}`,
      });
    }
    emitResults('admission-webhook', rows);
  } finally {
    stop();
  }
}

await main();
