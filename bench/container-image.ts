// bench: gatehouse image on a ~100 MB image of real Debian files (~150 packages), and memory on an image of a million small files
/**
 * Builds (once, reused while the manifest matches) two images under bench/.work/container/ with
 * the project's own image writer:
 *
 * - `debian-100m`: this machine's real files — a base layer with `etc/os-release`, the first
 *   BENCH_IMAGE_PACKAGES stanzas of `/var/lib/dpkg/status` and their installed files (from the
 *   `.list` files) until the layer holds ~70 MB, then a Python layer (`/usr/lib/python3/dist-packages`)
 *   and an app layer of this repository's `node_modules` up to ~100 MB in all; written as a
 *   `docker save` tar (plain layers) and as an OCI tar (gzip layers).
 * - `million-files`: one gzip layer of BENCH_IMAGE_SMALL_FILES empty files in 1,000 folders.
 *
 * Measures `node dist/cli/main.js image IMAGE --format json --output F` (median of BENCH_RUNS)
 * against the target, < 5 s for the 100 MB image, and the peak RSS (`/usr/bin/time`) on
 * the million-file image. Trivy (the anchor, ~14 s on a Python base image) is not installable
 * here (no network beyond the package registries), so it is not run side by side.
 */
import {
  existsSync,
  lstatSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  realpathSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { FileSpec, ImageSpec } from '../src/scanners/container/image/testing/build-image.js';
import { buildImage, buildParts } from '../src/scanners/container/image/testing/build-image.js';
import { pushImage } from '../src/scanners/container/registry/testing/push-image.js';
import {
  registryAvailable,
  startRegistry,
} from '../src/scanners/container/registry/testing/registry-server.js';
import {
  CLI,
  commandExists,
  emitResults,
  ensureBuilt,
  loadNote,
  log,
  MiB,
  median,
  type ResultRow,
  readFindings,
  timed,
  workDir,
} from './lib/common.js';

const PACKAGES = Number(process.env.BENCH_IMAGE_PACKAGES ?? 150);
const SMALL_FILES = Number(process.env.BENCH_IMAGE_SMALL_FILES ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const TARGET_S = 5;
const BASE_BYTES = 70 * MiB;
const TOTAL_BYTES = 100 * MiB;
/** Bump when the generator changes, so old images are rebuilt. */
const VERSION = 2;

type Files = Record<string, FileSpec>;

/**
 * Adds a real file (or symlink) of this machine under its own path, within the byte budget. dpkg
 * lists `/bin/bash` on a merged-/usr system where `/bin` links to `/usr/bin`: an image holds the
 * file at its real place only.
 */
function addReal(files: Files, listed: string, budget: { left: number }): void {
  let abs: string;
  try {
    abs = join(realpathSync(dirname(listed)), basename(listed));
  } catch {
    return;
  }
  const name = abs.replace(/^\/+/, '');
  if (name in files || budget.left <= 0) return;
  let st: ReturnType<typeof lstatSync>;
  try {
    st = lstatSync(abs);
  } catch {
    return;
  }
  if (st.isSymbolicLink()) files[name] = { symlink: readlinkSync(abs) };
  else if (st.isFile() && st.size <= 16 * MiB) {
    files[name] = { content: readFileSync(abs), mode: st.mode & 0o7777 };
    budget.left -= st.size;
  }
}

function dpkgStanzas(n: number): { status: string; names: string[] } {
  const stanzas = readFileSync('/var/lib/dpkg/status', 'utf8')
    .split(/\n\n+/)
    .filter((s) => /^Status: install ok installed$/m.test(s))
    .slice(0, n);
  const names = stanzas.map((s) => {
    const name = /^Package: (.+)$/m.exec(s)![1]!;
    const arch = /^Architecture: (.+)$/m.exec(s)?.[1];
    return arch && arch !== 'all' && existsSync(`/var/lib/dpkg/info/${name}:${arch}.list`)
      ? `${name}:${arch}`
      : name;
  });
  return { status: `${stanzas.join('\n\n')}\n`, names };
}

function baseLayer(): Files {
  const files: Files = { 'etc/os-release': readFileSync('/etc/os-release') };
  const { status, names } = dpkgStanzas(PACKAGES);
  files['var/lib/dpkg/status'] = status;
  const budget = { left: BASE_BYTES };
  for (const name of names) {
    const list = `/var/lib/dpkg/info/${name}.list`;
    if (!existsSync(list)) continue;
    files[list.slice(1)] = readFileSync(list);
    for (const path of readFileSync(list, 'utf8').split('\n').filter(Boolean)) addReal(files, path, budget);
  }
  return files;
}

function treeLayer(root: string, budget: { left: number }, prefix = ''): Files {
  const files: Files = {};
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (budget.left <= 0) return;
      const abs = join(dir, e.name);
      if (e.isDirectory()) walk(abs);
      else if (e.isFile()) {
        const name = `${prefix}${abs.slice(root.length + 1)}`;
        files[name] = readFileSync(abs);
        budget.left -= files[name].length;
      }
    }
  };
  walk(root);
  return files;
}

function layerBytes(files: Files): number {
  let n = 0;
  for (const f of Object.values(files))
    if (typeof f === 'string' || Buffer.isBuffer(f)) n += f.length;
    else if ('content' in f && f.content) n += f.content.length;
  return n;
}

function debianSpec(): ImageSpec {
  const base = baseLayer();
  const python = treeLayer(
    '/usr/lib/python3/dist-packages',
    { left: 15 * MiB },
    'usr/lib/python3/dist-packages/',
  );
  const used = layerBytes(base) + layerBytes(python);
  const app = treeLayer(
    join(process.cwd(), 'node_modules'),
    { left: TOTAL_BYTES - used },
    'app/node_modules/',
  );
  return {
    layers: [
      { files: base, createdBy: '/bin/sh -c #(nop) ADD file:rootfs in /' },
      { files: python, createdBy: 'RUN /bin/sh -c apt-get install -y python3-requests # buildkit' },
      { files: app, createdBy: 'COPY node_modules /app/node_modules # buildkit' },
    ],
    config: { User: '10001', Cmd: ['node', '/app/server.js'] },
    repoTags: ['bench/debian-app:1.0'],
  };
}

function millionSpec(): ImageSpec {
  const files: Files = {};
  for (let i = 0; i < SMALL_FILES; i++) files[`data/d${i % 1000}/f${i}`] = '';
  return { layers: [{ files, createdBy: 'COPY data /data' }], config: { User: '10001' } };
}

async function ensureImage(
  name: string,
  format: 'docker' | 'oci-tar',
  spec: () => ImageSpec,
): Promise<string> {
  const dir = workDir('container');
  const marker = join(dir, `${name}-${format}.json`);
  const key = JSON.stringify({ VERSION, PACKAGES, SMALL_FILES, name, format });
  if (existsSync(marker)) {
    const m = JSON.parse(readFileSync(marker, 'utf8')) as { key: string; path: string };
    if (m.key === key && existsSync(m.path)) return m.path;
  }
  log(`building ${name} (${format})…`);
  const { path } = await buildImage(spec(), format, dir);
  writeFileSync(marker, JSON.stringify({ key, path }));
  return path;
}

function scanRows(label: string, image: string): ResultRow {
  const out = join(workDir('reports'), `gatehouse-image-${label}.json`);
  const times: number[] = [];
  const cpus: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const r = timed(process.execPath, [CLI, 'image', image, '--format', 'json', '--output', out]);
    if (r.status !== 0 && r.status !== 1) throw new Error(`gatehouse image exited ${r.status}: ${r.stderr}`);
    times.push(r.ms);
    cpus.push(r.cpuMs);
    log(`  ${label} run ${i + 1}: ${(r.ms / 1000).toFixed(2)} s wall, ${loadNote()}`);
  }
  const report = JSON.parse(readFileSync(out, 'utf8')) as { scanners: { files: number }[] };
  const s = median(times) / 1000;
  return {
    case: `gatehouse image ${label}`,
    seconds: s,
    cpuSeconds: median(cpus) / 1000,
    ...(existsSync(image) ? { mib: lstatSync(image).size / MiB } : {}),
    findings: readFindings(out).length,
    note: `${report.scanners[0]?.files} paths; target < ${TARGET_S} s: ${s < TARGET_S ? 'met' : 'MISSED'}; median of ${RUNS}`,
  };
}

/** The same image pushed (gzip layers) to a real registry on loopback, pulled and scanned by reference. */
async function registryRow(): Promise<ResultRow> {
  const reg = await startRegistry('none');
  try {
    log('pushing debian-100m to a loopback registry…');
    await pushImage(reg.host, 'bench/debian', '100m', [await buildParts(debianSpec())]);
    return scanRows('debian-100m (pulled from a loopback registry)', `${reg.host}/bench/debian:100m`);
  } finally {
    await reg.stop();
  }
}

function peakRss(image: string): ResultRow {
  const out = join(workDir('reports'), 'gatehouse-image-million.json');
  const r = timed('/usr/bin/time', [
    '-f',
    '%M',
    process.execPath,
    CLI,
    'image',
    image,
    '--format',
    'json',
    '--output',
    out,
  ]);
  const kb = Number(r.stderr.trim().split('\n').pop());
  return {
    case: `gatehouse image: ${SMALL_FILES.toLocaleString('en')} small files`,
    seconds: r.ms / 1000,
    note: `peak RSS ${(kb / 1024).toFixed(0)} MiB, exit ${r.status}`,
  };
}

async function main(): Promise<void> {
  ensureBuilt(!existsSync(CLI.replace('cli/main.js', 'cli/image.js')));
  const docker = await ensureImage('debian-100m', 'docker', debianSpec);
  const oci = await ensureImage('debian-100m', 'oci-tar', debianSpec);
  const rows = [scanRows('debian-100m (docker save)', docker), scanRows('debian-100m (OCI, gzip)', oci)];
  if (registryAvailable()) rows.push(await registryRow());
  if (SMALL_FILES > 0 && commandExists('/usr/bin/time')) {
    const million = await ensureImage('million-files', 'oci-tar', millionSpec);
    rows.push(peakRss(million));
  }
  emitResults('container-image', rows);
}

await main();
