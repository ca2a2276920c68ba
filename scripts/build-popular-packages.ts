/**
 * Regenerates data/popular-packages/ from package lists with public download statistics.
 *
 *   npx tsx scripts/build-popular-packages.ts PACKAGES_DIR [--out DIR]
 *
 * PACKAGES_DIR holds `npm.tsv` (name, version, downloads_a_month, summary: monthly download
 * counts from the npm registry) and `pypi.tsv` (name, version, month, rank among the most
 * downloaded, summary: PyPI's public download ranking). Ecosystems with no download
 * statistics in that folder are skipped and said so: a list that does not rank by use would
 * make the typosquat check guess.
 */
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Ecosystem } from '../src/core/package.js';
import { normalizeName } from '../src/scanners/sca/risk/names.js';
import {
  formatPopularList,
  type PopularList,
  type PopularPackage,
  popularFileName,
} from '../src/scanners/sca/risk/popular.js';

interface Source {
  ecosystem: Ecosystem;
  file: string;
  describe: string;
  /** How many of the most downloaded are typosquat targets; the rest of the list is only exempt. */
  targets: number;
  read(rows: string[][]): PopularPackage[];
}

/** npm replaces a malicious package by a `0.0.1-security` placeholder: it keeps downloads but is no model to copy. */
const SECURITY_PLACEHOLDER = /-security(\.\d+)?$/;

const SOURCES: Source[] = [
  {
    ecosystem: 'npm',
    file: 'npm.tsv',
    describe: 'npm registry monthly download counts',
    // About a million downloads a month and more: still holds babel-cli (rank ~11,900), whose squat `babelcli` is on record.
    targets: 15_000,
    read: (rows) =>
      rows
        .filter(
          ([name, version, downloads]) =>
            name && !SECURITY_PLACEHOLDER.test(version ?? '') && Number(downloads) > 0,
        )
        .map(([name, , downloads]) => ({ name: name!, rank: 0, downloadsPerMonth: Number(downloads) }))
        .sort((a, b) => b.downloadsPerMonth - a.downloadsPerMonth || (a.name < b.name ? -1 : 1)),
  },
  {
    ecosystem: 'PyPI',
    file: 'pypi.tsv',
    describe: 'PyPI download ranking (rank among the most downloaded projects)',
    targets: 10_000,
    read: (rows) =>
      rows
        .filter(([name, , , rank]) => name && Number(rank) > 0)
        .sort((a, b) => Number(a[3]) - Number(b[3]))
        .map(([name]) => ({ name: normalizeName('PyPI', name!), rank: 0 })),
  },
];

const SKIPPED: Array<[Ecosystem, string]> = [
  ['crates.io', 'no crates.io download statistics available'],
  ['RubyGems', 'no RubyGems download statistics available'],
  ['Go', 'go-partial.tsv is a sample of modules without download counts'],
  ['Maven', 'maven-partial.tsv is a sample of artifacts without download counts'],
  ['NuGet', 'nuget.tsv lists packages without download counts'],
];

function readRows(path: string): string[][] {
  // The first line names the columns.
  return readFileSync(path, 'utf8')
    .split('\n')
    .slice(1)
    .filter((l) => l !== '')
    .map((l) => l.split('\t'));
}

function dedupe(packages: PopularPackage[]): PopularPackage[] {
  const seen = new Set<string>();
  return packages.filter((p) => !seen.has(p.name) && seen.add(p.name));
}

/**
 * Below the targets, packages with this many downloads a month are still listed so that they
 * are never reported: a squat removed by its registry does not keep that many users.
 */
const ESTABLISHED_DOWNLOADS = 100_000;

function select(source: Source, ranked: PopularPackage[]): PopularList {
  const packages = ranked
    .filter(
      (p, i) => i < source.targets || (p.downloadsPerMonth ?? ESTABLISHED_DOWNLOADS) >= ESTABLISHED_DOWNLOADS,
    )
    .map((p, i) => ({ ...p, rank: i + 1 }));
  return { ecosystem: source.ecosystem, packages, targets: Math.min(source.targets, packages.length) };
}

function build(source: Source, dir: string, out: string): void {
  const path = join(dir, source.file);
  const list = select(source, dedupe(source.read(readRows(path))));
  const header = [
    `The most downloaded ${source.ecosystem} packages, most downloaded first: the first ${list.targets}`,
    `are typosquat targets, the rest (${ESTABLISHED_DOWNLOADS} downloads a month or more, where counts exist) are only never reported.`,
    `Source: ${source.describe}, from ${source.file} dated ${statSync(path).mtime.toISOString().slice(0, 10)}.`,
    `Generated ${new Date().toISOString().slice(0, 10)} by scripts/build-popular-packages.ts; do not edit by hand.`,
    list.packages[0]?.downloadsPerMonth === undefined
      ? 'Columns: name'
      : 'Columns: name<TAB>downloads per month',
  ];
  const file = join(out, popularFileName(source.ecosystem));
  writeFileSync(file, formatPopularList(header, list));
  console.log(`${source.ecosystem}: ${list.packages.length} names, ${list.targets} targets -> ${file}`);
}

function main(): void {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { out: { type: 'string' } } });
  const dir = positionals[0];
  if (!dir) {
    console.error('usage: tsx scripts/build-popular-packages.ts PACKAGES_DIR [--out DIR]');
    process.exit(2);
  }
  const out = values.out ?? join(import.meta.dirname, '..', 'data', 'popular-packages');
  mkdirSync(out, { recursive: true });
  for (const source of SOURCES) build(source, dir, out);
  for (const [ecosystem, why] of SKIPPED) console.log(`${ecosystem}: skipped (${why})`);
}

main();
