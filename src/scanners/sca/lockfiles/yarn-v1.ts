import { posix } from 'node:path';
import type { Package } from '../../../core/package.js';
import { markDevByReachability, markDirect, withDevGroup } from './dependency-graph.js';
import {
  aliasTarget,
  hexHash,
  integrityHashes,
  isPackageName,
  npmPackage,
  splitNameSpec,
} from './npm-package.js';
import type { LockfileInput, LockfileResult, LockfileWarning } from './parser.js';
import { declaredDependencies, isDevDeclaration, readManifest } from './project-manifest.js';
import { readYarnV1, type YarnV1Entry } from './yarn-v1-syntax.js';

/** The package an entry installs: the alias target for `x@npm:real@^1`, else the descriptor's name. */
function packageName(entry: YarnV1Entry): string {
  const first = splitNameSpec(entry.descriptors[0]!);
  return aliasTarget(first.spec)?.name ?? first.name;
}

/**
 * Tarball URLs end in `#<sha1>` of the tarball (older lockfiles have no `integrity`). A git
 * URL's `#` is followed by a commit id, which is no hash of the package.
 */
function hashesOf(entry: YarnV1Entry) {
  const sri = integrityHashes(entry.integrity);
  if (sri.length > 0) return sri;
  const tarball = /^https?:\/\/[^#]+\.tgz#([0-9a-f]{40})$/.exec(entry.resolved ?? '');
  return hexHash('SHA-1', tarball?.[1]);
}

/** Entries keyed `name@version`, or by their first descriptor when two entries share one. */
function assignKeys(entries: YarnV1Entry[]): string[] {
  const seen = new Map<string, number>();
  const wanted = entries.map((e) => `${packageName(e)}@${e.version ?? ''}`);
  for (const k of wanted) seen.set(k, (seen.get(k) ?? 0) + 1);
  return wanted.map((k, i) => (seen.get(k) === 1 ? k : entries[i]!.descriptors[0]!));
}

function dependencyKeys(entry: YarnV1Entry, byDescriptor: Map<string, string>): string[] {
  const out: string[] = [];
  for (const [name, range] of entry.dependencies) {
    const key = byDescriptor.get(`${name}@${range}`);
    if (key !== undefined) out.push(key);
  }
  return out;
}

/** Direct and dev come from the package.json beside the lockfile, when there is one. */
function classify(packages: Package[], byDescriptor: Map<string, string>, input: LockfileInput): void {
  const manifest = readManifest(input, posix.dirname(input.path));
  if (!manifest) return;
  const declared = declaredDependencies(manifest).flatMap((d) => {
    const key = byDescriptor.get(`${d.name}@${d.spec}`);
    return key ? [{ key, dev: isDevDeclaration(d) }] : [];
  });
  markDirect(
    packages,
    declared.map((d) => d.key),
  );
  markDevByReachability(
    packages,
    declared.filter((d) => !d.dev).map((d) => d.key),
    declared.filter((d) => d.dev).map((d) => d.key),
  );
  for (const p of packages) withDevGroup(p);
}

/** Entries that describe a package; the others are reported and left out of the graph too. */
function usable(entries: YarnV1Entry[], warnings: LockfileWarning[]): YarnV1Entry[] {
  return entries.filter((e) => {
    const name = packageName(e);
    if (e.version === undefined)
      warnings.push({ message: `${e.descriptors.join(', ')} has no version; skipped`, line: e.line });
    else if (!isPackageName(name))
      warnings.push({ message: `"${name}" is not a package name; skipped`, line: e.line });
    else return true;
    return false;
  });
}

/** yarn.lock as yarn 1 writes it (its own indentation-based format). */
export function parseYarnV1(input: LockfileInput): LockfileResult {
  const warnings: LockfileWarning[] = [];
  const entries = usable(readYarnV1(input.text), warnings);
  const keys = assignKeys(entries);
  const byDescriptor = new Map<string, string>();
  entries.forEach((e, i) => {
    for (const d of e.descriptors) byDescriptor.set(d, keys[i]!);
  });
  const packages = entries.map((e, i) =>
    npmPackage({
      name: packageName(e),
      version: e.version!,
      key: keys[i]!,
      path: input.path,
      line: e.line,
      hashes: hashesOf(e),
      dependsOn: dependencyKeys(e, byDescriptor),
    }),
  );
  classify(packages, byDescriptor, input);
  return { packages, warnings };
}
