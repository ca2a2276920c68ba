import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Ecosystem } from '../../../core/package.js';
import { packageRoot } from '../../../core/package-root.js';

/** One popular package: its rank (1 = most downloaded) and, where the source gives it, monthly downloads. */
export interface PopularPackage {
  name: string;
  rank: number;
  downloadsPerMonth?: number;
}

export interface PopularList {
  ecosystem: Ecosystem;
  /** Most downloaded first. */
  packages: PopularPackage[];
  /**
   * How many of the first packages are popular enough to be imitated. The rest are
   * established packages: never reported themselves, never named as the original.
   */
  targets: number;
}

/** Where the shipped lists live: `data/` at the package root. */
export const POPULAR_DIR = join(packageRoot(), 'data', 'popular-packages');

/** File name of an ecosystem's list: lower case, no dots or spaces (`crates.io` -> `crates-io.txt`). */
export function popularFileName(ecosystem: Ecosystem): string {
  return `${ecosystem.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.txt`;
}

const TARGETS_LINE = /^# targets: (\d+)$/;

/**
 * Reads a list file: `#` comment lines, then one package a line, most popular first, as
 * `name` or `name<TAB>downloads per month`. A `# targets: N` line says how many of them may
 * be imitated (all of them without it).
 */
export function parsePopularList(ecosystem: Ecosystem, text: string): PopularList {
  const packages: PopularPackage[] = [];
  let targets = Number.POSITIVE_INFINITY;
  for (const line of text.split('\n')) {
    const t = TARGETS_LINE.exec(line);
    if (t) targets = Number(t[1]);
    if (line === '' || line.startsWith('#')) continue;
    const [name, downloads] = line.split('\t');
    if (!name) continue;
    const n = Number(downloads);
    packages.push({
      name,
      rank: packages.length + 1,
      ...(downloads && Number.isFinite(n) ? { downloadsPerMonth: n } : {}),
    });
  }
  return { ecosystem, packages, targets: Math.min(targets, packages.length) };
}

export function formatPopularList(header: readonly string[], list: PopularList): string {
  const lines = [...header.map((h) => `# ${h}`), `# targets: ${list.targets}`];
  const packages = list.packages;
  for (const p of packages)
    lines.push(p.downloadsPerMonth === undefined ? p.name : `${p.name}\t${p.downloadsPerMonth}`);
  return `${lines.join('\n')}\n`;
}

const loaded = new Map<string, PopularList | undefined>();

/**
 * The shipped list for an ecosystem, read once per process and only when first asked for;
 * undefined for an ecosystem that has none.
 */
export function popularList(ecosystem: Ecosystem, dir = POPULAR_DIR): PopularList | undefined {
  const file = join(dir, popularFileName(ecosystem));
  if (!loaded.has(file)) loaded.set(file, readList(ecosystem, file));
  return loaded.get(file);
}

function readList(ecosystem: Ecosystem, file: string): PopularList | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
  return parsePopularList(ecosystem, text);
}
