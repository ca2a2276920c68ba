import { posix } from 'node:path';
import { field, isObject, type JsonObject, parseJson, stringMap } from './json-input.js';
import type { LockfileInput } from './parser.js';

/** A dependency a package.json declares, and in which of its dependency fields. */
export interface DeclaredDependency {
  name: string;
  spec: string;
  field: 'dependencies' | 'devDependencies' | 'optionalDependencies' | 'peerDependencies';
}

const FIELDS = ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies'] as const;

/**
 * The package.json in `dir` (relative to the scan root), when there is one that parses.
 * Lockfiles that do not record what the project declares read it to tell direct from
 * transitive; without it that stays unknown.
 */
export function readManifest(input: LockfileInput, dir: string): JsonObject | undefined {
  const text = input.readFile(posix.join(dir, 'package.json'));
  if (text === undefined) return undefined;
  try {
    const manifest = parseJson(text);
    return isObject(manifest) ? manifest : undefined;
  } catch {
    return undefined;
  }
}

export function declaredDependencies(manifest: JsonObject): DeclaredDependency[] {
  return FIELDS.flatMap((f) =>
    stringMap(field(manifest, f)).map(([name, spec]) => ({ name, spec, field: f })),
  );
}

/** Runtime dependencies lead to shipped packages; devDependencies only to dev ones. */
export function isDevDeclaration(d: DeclaredDependency): boolean {
  return d.field === 'devDependencies';
}
