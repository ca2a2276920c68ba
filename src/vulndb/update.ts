import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { UserError } from '../core/errors.js';
import { DEFAULT_DOWNLOAD_LIMITS, DownloadError, type DownloadLimits, downloadToFile } from './download.js';
import { type ImportOptions, type ImportReport, importAdvisories } from './import.js';
import type { VulnStore } from './store.js';

/** osv.dev publishes `<ecosystem>/all.zip` here. */
export const OSV_BUCKET = 'https://osv-vulnerabilities.storage.googleapis.com';

/**
 * The language ecosystems the lockfile parsers read. Distribution data (Debian, Alpine, …)
 * is large and only needed for container scans: ask for it with `--ecosystem`.
 */
export const DEFAULT_UPDATE_ECOSYSTEMS = [
  'npm',
  'PyPI',
  'Go',
  'crates.io',
  'RubyGems',
  'Packagist',
  'Maven',
  'NuGet',
  'Hex',
  'Pub',
] as const;

export interface UpdateOptions extends Pick<ImportOptions, 'onProgress' | 'now'> {
  ecosystems?: readonly string[];
  /** Replaces the osv.dev bucket (an internal mirror with the same layout). */
  mirror?: string;
  env?: NodeJS.ProcessEnv;
  limits?: Partial<DownloadLimits>;
  /** Told about each download as it starts. */
  onDownload?: (ecosystem: string, url: string) => void;
}

export interface UpdateReport {
  downloads: { ecosystem: string; url: string; bytes: number }[];
  import: ImportReport;
}

/**
 * Downloads each ecosystem's dump, then imports them all in one transaction: a failed
 * download or a damaged dump leaves the database as it was. Only this command downloads;
 * scans never touch the network.
 */
export async function updateDatabase(store: VulnStore, opts: UpdateOptions = {}): Promise<UpdateReport> {
  const base = mirrorBase(opts.mirror ?? opts.env?.GATEHOUSE_OSV_MIRROR ?? OSV_BUCKET);
  const ecosystems = opts.ecosystems?.length ? opts.ecosystems : DEFAULT_UPDATE_ECOSYSTEMS;
  const limits = { ...DEFAULT_DOWNLOAD_LIMITS, ...opts.limits };
  const work = workDir(store);
  try {
    const downloads: UpdateReport['downloads'] = [];
    for (const ecosystem of ecosystems) {
      const url = `${base}/${encodeURIComponent(ecosystem)}/all.zip`;
      opts.onDownload?.(ecosystem, url);
      const dest = join(work, `${downloads.length}.zip`);
      downloads.push({ ecosystem, url, bytes: await fetchDump(url, dest, ecosystem, limits) });
    }
    const inputs = downloads.map((d, i) => ({ path: join(work, `${i}.zip`), origin: d.url }));
    const report = await importAdvisories(store, inputs, { onProgress: opts.onProgress, now: opts.now });
    return { downloads, import: report };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

async function fetchDump(
  url: string,
  dest: string,
  ecosystem: string,
  limits: DownloadLimits,
): Promise<number> {
  try {
    return await downloadToFile(url, dest, limits);
  } catch (e) {
    if (!(e instanceof DownloadError)) throw e;
    const hint =
      e.status === 404
        ? `is '${ecosystem}' spelled as OSV spells it (e.g. PyPI, crates.io)? Nothing was changed.`
        : 'nothing was changed; check the network or use --mirror';
    throw new UserError(`cannot download the ${ecosystem} advisories: ${e.message}`, hint);
  }
}

function mirrorBase(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new UserError(
      `mirror '${url}' is not a URL`,
      'give the base URL, e.g. https://mirror.example.com/osv',
    );
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new UserError(
      `mirror '${url}' is not an http(s) URL`,
      'for files on disk use `gatehouse db import`',
    );
  }
  return url.replace(/\/+$/, '');
}

/** Next to the database, so a multi-gigabyte dump does not fill a small /tmp. */
function workDir(store: VulnStore): string {
  const parent = store.path ? dirname(store.path) : tmpdir();
  mkdirSync(parent, { recursive: true });
  return mkdtempSync(join(parent, 'download-'));
}
