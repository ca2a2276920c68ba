import { posix } from 'node:path';
import type { Package } from '../../../core/package.js';
import { type GemfileLock, type GemSpec, readGemfileLock } from './gemfile-lock-sections.js';
import { assertLockfileSize } from './lockfile-text.js';
import type { LockfileParser, LockfileResult, LockfileWarning } from './parser.js';
import { purlFor } from './purl.js';
import { edgeTargets, UniqueKeys } from './unique-keys.js';

/**
 * Bundler's `Gemfile.lock` (or `gems.locked`). A PATH gem at `remote: .` is the project's own
 * gemspec: not a dependency, but what it depends on is declared by the project. Other PATH gems
 * (vendored copies) and GIT gems are reported like registry gems. Which Gemfile group a gem
 * belongs to is not in the lockfile, so `dev` is left unknown.
 */
export const gemfileLockParser: LockfileParser = {
  name: 'gemfile-lock',
  ecosystem: 'RubyGems',
  format: 'Gemfile.lock (Bundler)',
  matches: (path) => ['Gemfile.lock', 'gems.locked'].includes(posix.basename(path)),
  parse(input): LockfileResult {
    assertLockfileSize(input.text);
    const warnings: LockfileWarning[] = [];
    const lock = readGemfileLock(input.text, warnings);
    const own = lock.specs.filter(isProjectGem);
    const gems = lock.specs.filter((s) => !isProjectGem(s));
    const index: GemIndex = {
      keys: gemKeys(gems),
      byName: edgeTargets(gems, (g) => g.name, warnings),
      checksums: lock.checksums,
      direct: directNames(lock, own),
    };
    return { packages: gems.map((g) => toPackage(g, input.path, index)), warnings };
  },
};

interface GemIndex {
  keys: Map<GemSpec, string>;
  byName: Map<string, GemSpec[]>;
  checksums: GemfileLock['checksums'];
  /** Undefined when the lockfile has no DEPENDENCIES section. */
  direct?: Set<string>;
}

function isProjectGem(spec: GemSpec): boolean {
  return spec.section === 'PATH' && (spec.remote === '.' || spec.remote === './');
}

/** `1.15.4` or `1.15.4-x86_64-linux`, as the lockfile writes it. */
const specOf = (gem: GemSpec) => `${gem.version}${gem.platform ? `-${gem.platform}` : ''}`;

/** `name@version[-platform]`; the same gem locked for several platforms is several packages. */
function gemKeys(gems: GemSpec[]): Map<GemSpec, string> {
  const unique = new UniqueKeys();
  return new Map(gems.map((g) => [g, unique.take(`${g.name}@${specOf(g)}`)]));
}

/** The DEPENDENCIES section, plus what the project's own gemspec requires. */
function directNames(lock: GemfileLock, own: GemSpec[]): Set<string> | undefined {
  if (!lock.declared) return undefined;
  return new Set([...lock.declared, ...own.flatMap((s) => s.deps)]);
}

function toPackage(gem: GemSpec, path: string, index: GemIndex): Package {
  const qualifiers = gem.platform ? { platform: gem.platform } : undefined;
  const pkg: Package = {
    ecosystem: 'RubyGems',
    name: gem.name,
    version: gem.version,
    resolved: true,
    purl: purlFor('RubyGems', gem.name, gem.version, qualifiers),
    source: { path, line: gem.line },
    key: index.keys.get(gem)!,
  };
  if (index.direct) pkg.direct = index.direct.has(gem.name);
  const hashes = index.checksums.get(`${gem.name} (${specOf(gem)})`);
  if (hashes) pkg.hashes = hashes;
  const dependsOn = [...new Set(gem.deps)].flatMap((d) =>
    (index.byName.get(d) ?? []).map((g) => index.keys.get(g)!),
  );
  if (dependsOn.length) pkg.dependsOn = [...new Set(dependsOn)].sort();
  return pkg;
}
