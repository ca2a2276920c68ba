import { posix } from 'node:path';
import type { Package, PackageHash } from '../../../core/package.js';
import {
  arrayTableLines,
  asArray,
  asRecord,
  asString,
  isRecord,
  parseTomlDocument,
} from './lockfile-text.js';
import type { LockfileInput, LockfileParser, LockfileResult, LockfileWarning } from './parser.js';
import { indexByName, releasesNamed } from './pypi-graph.js';
import { collectHashes, isPypiName, parseHash, pypiKey, pypiPackage } from './pypi-package.js';

/** PEP 751 `pylock.toml` / `pylock.<name>.toml`, written by pip, uv, pdm and others. */
export const pylockTomlParser: LockfileParser = {
  name: 'pylock-toml',
  ecosystem: 'PyPI',
  format: 'pylock.toml (PEP 751)',
  matches: (path) => /^pylock\.(?:[^.]+\.)?toml$/.test(posix.basename(path)),
  parse,
};

function parse(input: LockfileInput): LockfileResult {
  const doc = parseTomlDocument(input.text);
  const warnings: LockfileWarning[] = [];
  const entries = asArray(doc.packages);
  const lines = arrayTableLines(input.text, 'packages', entries.length);
  const packages = new Map<string, Package>();
  const edges = new Map<Package, unknown[]>();
  entries.forEach((entry, index) => {
    const table = asRecord(entry);
    const pkg = toPackage(table, input.path, lines[index], warnings);
    if (!pkg || packages.has(pkg.key)) return;
    packages.set(pkg.key, pkg);
    edges.set(pkg, asArray(table.dependencies));
  });
  linkAll(edges, warnings);
  return { packages: [...packages.values()], warnings };
}

function toPackage(
  table: Record<string, unknown>,
  path: string,
  line: number | undefined,
  warnings: LockfileWarning[],
): Package | undefined {
  const name = asString(table.name);
  if (!name) {
    warnings.push({ message: 'a [[packages]] entry has no name; skipped', line });
    return undefined;
  }
  if (!isPypiName(name, warnings, line)) return undefined;
  const directory = asString(asRecord(table.directory).path);
  // The project itself is locked as the directory it sits in; it is not one of its dependencies.
  if (directory !== undefined && posix.normalize(directory) === '.') return undefined;
  const version = directory === undefined ? (asString(table.version) ?? '') : '';
  return pypiPackage(
    {
      name,
      version,
      constraint: version ? undefined : (directory ?? origin(table)),
      path,
      line,
      hashes: packageHashes(table),
      markers: asString(table.marker),
    },
    warnings,
  );
}

/** Where an unversioned package comes from: its repository or archive. */
function origin(table: Record<string, unknown>): string | undefined {
  const vcs = asRecord(table.vcs);
  const archive = asRecord(table.archive);
  const url = asString(vcs.url) ?? asString(vcs.path) ?? asString(archive.url) ?? asString(archive.path);
  const commit = asString(vcs['commit-id']);
  return url && commit ? `${url}@${commit}` : url;
}

/** `hashes = { sha256 = "…" }` on the sdist, each wheel and an archive. */
function packageHashes(table: Record<string, unknown>): PackageHash[] {
  const files = [table.sdist, table.archive, ...asArray(table.wheels)].filter(isRecord);
  return collectHashes(
    files.flatMap((file) =>
      Object.entries(asRecord(file.hashes)).map(([alg, hex]) => parseHash(alg, String(hex))),
    ),
  );
}

/** A dependency names a package, with its version when the lock holds several of that name. */
function linkAll(edges: Map<Package, unknown[]>, warnings: LockfileWarning[]): void {
  const index = indexByName(edges.keys(), (pkg) => pkg.name);
  for (const [pkg, refs] of edges) {
    const keys = refs.flatMap((ref) => {
      const name = asString(asRecord(ref).name) ?? '';
      const version = asString(asRecord(ref).version);
      const key = version === undefined ? undefined : pypiKey(name, version);
      const releases = releasesNamed(index, name, warnings);
      return releases.filter((other) => key === undefined || other.key === key).map((other) => other.key);
    });
    if (keys.length) pkg.dependsOn = [...new Set(keys)].sort();
  }
}
