import { posix } from 'node:path';
import type { Package } from '../../../core/package.js';
import { contentLines } from './line-index.js';
import { assertLockfileSize } from './lockfile-text.js';
import type { LockfileParser, LockfileResult, LockfileWarning } from './parser.js';
import { purlFor } from './purl.js';

/** `group:artifact:version=configuration1,configuration2`; none of the parts can hold `:` or `=`. */
const ENTRY = /^([^\s:=]+):([^\s:=]+):([^\s:=]+)(?:=(\S*))?$/;

/**
 * Gradle dependency locking: `gradle.lockfile` (Gradle 6+), or the older one-file-per-configuration
 * `gradle/dependency-locks/<configuration>.lockfile`. Every locked module is listed, with no
 * direct/transitive distinction; a module used only by test configurations is dev.
 */
export const gradleLockfileParser: LockfileParser = {
  name: 'gradle-lockfile',
  ecosystem: 'Maven',
  format: 'gradle.lockfile (Gradle)',
  matches: (path) =>
    posix.basename(path) === 'gradle.lockfile' || /(^|\/)dependency-locks\/[^/]+\.lockfile$/.test(path),
  parse(input): LockfileResult {
    assertLockfileSize(input.text);
    const warnings: LockfileWarning[] = [];
    const legacy =
      posix.basename(input.path) === 'gradle.lockfile' ? undefined : posix.basename(input.path, '.lockfile');
    const byKey = new Map<string, Package>();
    for (const { text, line } of contentLines(input.text)) {
      const entry = text.trim();
      if (entry.startsWith('#') || entry.startsWith('empty=')) continue;
      const m = ENTRY.exec(entry);
      if (!m) {
        warnings.push({ message: 'not a `group:artifact:version=configurations` entry; skipped', line });
        continue;
      }
      // A legacy lockfile has no `=` part: its file name is the configuration.
      const configurations = (m[4] === undefined ? [legacy] : m[4].split(',')).filter(
        (c): c is string => !!c,
      );
      addEntry(byKey, `${m[1]}:${m[2]}`, m[3]!, configurations, { path: input.path, line });
    }
    return { packages: [...byKey.values()], warnings };
  },
};

/** A module listed twice (hand-merged files) is one package with the union of its configurations. */
function addEntry(
  byKey: Map<string, Package>,
  name: string,
  version: string,
  configurations: string[],
  source: Package['source'],
): void {
  const key = `${name}:${version}`;
  const pkg: Package = byKey.get(key) ?? {
    ecosystem: 'Maven',
    name,
    version,
    resolved: true,
    purl: purlFor('Maven', name, version),
    source,
    key,
  };
  const groups = [...new Set([...(pkg.groups ?? []), ...configurations])].sort();
  if (groups.length) {
    pkg.groups = groups;
    pkg.dev = groups.every((c) => /test/i.test(c));
  }
  byKey.set(key, pkg);
}
