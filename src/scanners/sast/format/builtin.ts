import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packageRoot } from '../../../core/package-root.js';
import type { SastRule } from '../engine/types.js';
import { loadRuleDir } from './load.js';

/**
 * Built-in rules live as YAML beside the code, one folder per language: in src/ when running
 * from sources (tsx, tests), in dist/ once built (the build copies the YAML there; the bundled
 * CLI's modules sit at another depth, hence the package root).
 */
export const BUILTIN_RULES_DIR = import.meta.url.endsWith('.ts')
  ? fileURLToPath(new URL('../rules/', import.meta.url))
  : join(packageRoot(), 'dist', 'scanners', 'sast', 'rules');

let cached: readonly SastRule[] | undefined;

export function builtinRules(): readonly SastRule[] {
  if (cached) return cached;
  const all: SastRule[] = [];
  for (const name of builtinFolders()) {
    const taken = new Set(all.map((r) => r.id));
    all.push(...loadRuleDir(join(BUILTIN_RULES_DIR, name), `(built-in) ${name}`, taken));
  }
  cached = all;
  return all;
}

export function builtinFolders(): string[] {
  if (!existsSync(BUILTIN_RULES_DIR)) return [];
  return readdirSync(BUILTIN_RULES_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
}
